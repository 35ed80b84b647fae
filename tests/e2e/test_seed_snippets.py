"""The Keras 1 snippets from the notes this project started from run unchanged."""

from __future__ import annotations

import glob
import os
import warnings

import numpy as np
import pytest

from legacykeras import LegacyKerasWarning

RNG = np.random.RandomState(0)


def test_mnist_mlp_snippet_compiles_fits_and_predicts():
    from legacykeras.layers.core import Activation, Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(32, input_dim=784), Activation("relu"), Dense(10), Activation("softmax")])
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    x = RNG.rand(64, 784).astype("float32")
    y = np.eye(10, dtype="float32")[RNG.randint(0, 10, 64)]
    history = model.fit(x, y, nb_epoch=2, batch_size=32, verbose=0)
    assert sorted(history.history) == ["acc", "loss"] and len(history.history["loss"]) == 2
    assert model.predict(x).shape == (64, 10)
    assert model.predict_classes(x, verbose=0).shape == (64,)
    assert [layer.name for layer in model.layers][0].startswith("dense_")


def test_binary_compile_with_class_mode_warns_and_works():
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(1, input_dim=8, activation="sigmoid")])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.compile(loss="binary_crossentropy", optimizer="adam", class_mode="binary")
    assert any(issubclass(w.category, LegacyKerasWarning) and "class_mode" in str(w.message) for w in caught)
    loss = model.train_on_batch(RNG.rand(4, 8), np.array([0, 1, 1, 0]))
    assert np.isfinite(loss)
    assert type(model.optimizer).__name__ == "Adam" and model.optimizer.get_config()["epsilon"] == 1e-8


def test_optimizer_snippets_keep_keras1_arguments():
    from legacykeras.optimizers import SGD, Adagrad

    sgd = SGD(lr=0.01, momentum=0.9, decay=0.9, nesterov=False)
    assert sgd.get_config() == pytest.approx({"lr": 0.01, "momentum": 0.9, "decay": 0.9, "nesterov": False})
    adagrad = Adagrad(lr=0.01, epsilon=1e-6)
    assert adagrad.get_config() == pytest.approx({"lr": 0.01, "decay": 0.0, "epsilon": 1e-6})


def test_sgd_decay_is_keras1_time_decay_per_iteration():
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential
    from legacykeras.optimizers import SGD

    model = Sequential([Dense(1, input_dim=1, bias=False, init="one")])
    model.compile(loss="mse", optimizer=SGD(lr=0.1, decay=0.9))
    x, y = np.ones((1, 1), "float32"), np.zeros((1, 1), "float32")
    w = 1.0
    for iteration in range(3):
        model.train_on_batch(x, y)
        w -= 0.1 / (1 + 0.9 * iteration) * 2 * w  # d(w^2)/dw, lr / (1 + decay * iterations)
    assert model.get_weights()[0][0, 0] == pytest.approx(w, rel=1e-5)


def test_model_checkpoint_snippet(tmp_path):
    from legacykeras.callbacks import ModelCheckpoint
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(2, input_dim=3, activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="sgd")
    x = RNG.rand(20, 3).astype("float32")
    y = np.eye(2, dtype="float32")[RNG.randint(0, 2, 20)]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        checkpointer = ModelCheckpoint("weights.{epoch:02d}-{val_loss:.2f}.hdf5", save_best_only=True)
        model.fit(x, y, nb_epoch=3, verbose=0, validation_data=(x[:5], y[:5]), callbacks=[checkpointer])
    finally:
        os.chdir(cwd)
    names = sorted(os.path.basename(p) for p in glob.glob(str(tmp_path / "weights.*.hdf5")))
    assert names and all(n.count("-") == 1 and n.split("-")[1].count(".") == 2 for n in names)
    assert names[0].startswith("weights.00-")


def test_temporal_sample_weight_with_class_weight_snippet():
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(3, input_shape=(6, 4), activation="softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="sgd", sample_weight_mode="temporal")
    x = RNG.rand(10, 6, 4).astype("float32")
    y = np.eye(3, dtype="float32")[RNG.randint(0, 3, (10, 6))]
    sample_weight = np.ones((10, 6), "float32")
    sample_weight[:, 4:] = 0.0  # padded timesteps
    # Keras 1: an explicit sample_weight wins over class_weight.
    history = model.fit(x, y, nb_epoch=1, verbose=0, sample_weight=sample_weight, class_weight={0: 1, 1: 2, 2: 3})
    assert np.isfinite(history.history["loss"][0])
    with pytest.raises(ValueError, match="3\\+ dimensional"):
        model.fit(x, y, nb_epoch=1, verbose=0, class_weight={0: 1, 1: 2, 2: 3})


KERAS1_SCRIPT = '''
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Activation, Merge
from keras.optimizers import SGD
from keras.callbacks import EarlyStopping

left = Sequential()
left.add(Dense(8, input_dim=4))
right = Sequential()
right.add(Dense(8, input_dim=3))
model = Sequential()
model.add(Merge([left, right], mode='concat'))
model.add(Dense(2))
model.add(Activation('softmax'))
model.compile(loss='categorical_crossentropy', optimizer=SGD(lr=0.01, momentum=0.9, decay=0.9, nesterov=False),
              metrics=['accuracy'])
X1, X2 = np.random.rand(40, 4), np.random.rand(40, 3)
y = np.eye(2)[np.random.randint(0, 2, 40)]
hist = model.fit([X1, X2], y, batch_size=8, nb_epoch=3, verbose=0, validation_split=0.2,
                 callbacks=[EarlyStopping(patience=5)])
print(sorted(hist.history.keys()))
print(model.predict_classes([X1, X2], verbose=0).shape)
'''


def test_unmodified_keras1_merge_script_runs_under_python_m_legacykeras(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "old_script.py"
    script.write_text(KERAS1_SCRIPT)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run([sys.executable, "-m", "legacykeras", str(script)], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.splitlines()[-2:] == ["['acc', 'loss', 'val_acc', 'val_loss']", "(40,)"]
