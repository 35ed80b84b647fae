"""The first vertical slice: Sequential + Dense/Activation/Dropout/Flatten, Keras 1 style,
against files and numbers made by the real Keras 1.2.2 (fixtures/*/mlp_slice*)."""

from __future__ import annotations

import json
import warnings

import h5py
import numpy as np
import pytest

from legacykeras import LegacyKerasWarning
from legacykeras.layers.core import Activation, Dense, Dropout, Flatten
from legacykeras.models import Sequential
from legacykeras.optimizers import SGD
from testlib import fixture_case

ENVS = [("tensorflow", "tf"), ("tensorflow", "th"), ("theano", "tf"), ("theano", "th"), ("py27", "tf")]


def _regularizer_l2(value):
    try:
        from legacykeras.regularizers import l2
    except ImportError:
        from legacykeras._keras import keras

        return keras.regularizers.L2(value)
    return l2(value)


def mlp_slice(dropout=True):
    layers = [Dense(8, input_dim=6, init="normal", activation="relu", W_regularizer=_regularizer_l2(0.01))]
    if dropout:
        layers.append(Dropout(0.5))
    layers += [Dense(3), Activation("softmax")]
    return Sequential(layers)


def flatten_slice():
    return Sequential([Flatten(input_shape=(2, 3)), Dense(4, bias=False), Activation("tanh")])


# --- construction ------------------------------------------------------------------------------
def test_dense_keras1_positional_order():
    layer = Dense(5, "zero", "relu", None, None, None, None, None, None, False, 3)
    assert layer.units == 5 and not layer.use_bias
    assert layer.activation.__name__ == "relu"
    assert layer.output_shape == (None, 5)
    assert [w.shape for w in layer.get_weights()] == [(3, 5)]
    assert not layer.get_weights()[0].any()  # 'zero' init


def test_dense_keras1_keywords_map_to_keras3():
    layer = Dense(output_dim=4, init="normal", bias=True, input_dim=1000)
    kernel = layer.get_weights()[0]
    assert kernel.shape == (1000, 4)
    # Keras 1 'normal' is N(0, 0.05), untruncated.
    assert abs(kernel.std() - 0.05) < 0.005 and np.abs(kernel).max() > 0.1


def test_dense_weights_argument_sets_keras1_layout():
    w, b = np.arange(6, dtype="float32").reshape(2, 3), np.ones(3, "float32")
    layer = Dense(3, weights=[w, b], input_dim=2)
    got = layer.get_weights()
    np.testing.assert_array_equal(got[0], w)
    np.testing.assert_array_equal(layer.W.numpy(), w)
    np.testing.assert_array_equal(layer.b.numpy(), b)


def test_dense_set_weights_wrong_shape_is_a_clear_error():
    layer = Dense(3, input_dim=2)
    with pytest.raises(ValueError, match=r"dense_\d+.*\(4, 3\)"):
        layer.set_weights([np.zeros((4, 3)), np.zeros(3)])


def test_dropout_p_and_keras1_names():
    layer = Dropout(0.25)
    assert layer.rate == 0.25 and layer.name.startswith("dropout_")
    assert Dropout(p=0.5).get_config()["p"] == 0.5


def test_both_old_and_new_keyword_is_an_error():
    with pytest.raises(TypeError, match="both the Keras 1 argument `output_dim` and its Keras 3 spelling `units`"):
        Dense(output_dim=3, units=3)


def test_too_many_positionals_name_the_keras1_signature():
    with pytest.raises(TypeError, match="at most 3 positional arguments"):
        Dropout(0.5, None, None, 7)


# --- warnings ----------------------------------------------------------------------------------
def _legacy_warnings(record):
    return [w for w in record if issubclass(w.category, LegacyKerasWarning)]


def test_one_warning_per_call_site_with_the_modern_spelling():
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        for _ in range(3):
            Dense(2, init="uniform")
        Dense(2, init="uniform")  # a second call site
    got = _legacy_warnings(record)
    assert len(got) == 2
    message = str(got[0].message)
    assert "`init` is now `kernel_initializer`" in message
    assert "keras.layers.Dense(units=2, kernel_initializer=keras.initializers.RandomUniform(" in message
    assert got[0].filename == __file__


def test_modern_spelling_does_not_warn():
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        Dense(2, activation="relu")
        Activation("tanh")
    assert _legacy_warnings(record) == []


def test_nb_epoch_warns_and_trains_that_many_epochs():
    model = flatten_slice()
    model.compile(loss="mse", optimizer="sgd")
    x, y = np.zeros((4, 2, 3), "float32"), np.zeros((4, 4), "float32")
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        history = model.fit(x, y, nb_epoch=3, verbose=0)
    assert len(history.history["loss"]) == 3
    assert any("`nb_epoch` is now `epochs`" in str(w.message) for w in _legacy_warnings(record))


def test_fit_defaults_to_keras1_ten_epochs_and_positional_order():
    model = flatten_slice()
    model.compile(loss="mse", optimizer="sgd")
    x, y = np.zeros((4, 2, 3), "float32"), np.zeros((4, 4), "float32")
    assert len(model.fit(x, y, verbose=0).history["loss"]) == 10
    assert len(model.fit(x, y, 2, 4, 0).history["loss"]) == 4  # batch_size, nb_epoch, verbose


# --- History keys and predictions --------------------------------------------------------------
def test_history_has_keras1_keys():
    model = mlp_slice()
    model.compile(loss="categorical_crossentropy", optimizer=SGD(lr=0.1), metrics=["accuracy"])
    x = np.random.RandomState(0).rand(16, 6).astype("float32")
    y = np.eye(3)[np.arange(16) % 3]
    history = model.fit(x, y, batch_size=4, nb_epoch=2, verbose=0, validation_split=0.25)
    assert set(history.history) == {"loss", "acc", "val_loss", "val_acc"}
    assert model.predict(x[:5]).shape == (5, 3)
    assert model.predict_classes(x[:5], verbose=0).shape == (5,)


# --- Keras 1 HDF5 weights ------------------------------------------------------------------------
def test_save_weights_writes_the_keras1_layout(tmp_path):
    model = mlp_slice()
    path = tmp_path / "w.h5"
    model.save_weights(str(path))
    with h5py.File(path, "r") as f:
        names = [n.decode() for n in f.attrs["layer_names"]]
        assert names == [layer.name for layer in model.layers]
        first = f[names[0]]
        assert [n.decode() for n in first.attrs["weight_names"]] == [f"{names[0]}_W", f"{names[0]}_b"]
        assert first[f"{names[0]}_W"].shape == (6, 8)
        assert list(f[names[1]].attrs["weight_names"]) == []
        assert "keras_version" not in f.attrs  # Keras 1 weight files carry none


def test_save_then_load_weights_roundtrip(tmp_path):
    model, other = mlp_slice(), mlp_slice()
    path = str(tmp_path / "w.h5")
    model.save_weights(path)
    other.load_weights(path)
    x = np.random.rand(3, 6).astype("float32")
    np.testing.assert_allclose(model.predict(x), other.predict(x), atol=1e-6)


# --- differential: real Keras 1.2.2 files and outputs --------------------------------------------
@pytest.mark.parametrize("env,ordering", ENVS)
@pytest.mark.parametrize("case,build", [("mlp_slice", mlp_slice), ("flatten_slice", flatten_slice)])
def test_oracle_weights_give_oracle_predictions(env, ordering, case, build):
    folder = fixture_case(env, ordering, case)
    model = build()
    model.load_weights(str(folder / "weights.h5"))
    expected = np.load(folder / "output.npy")
    got = model.predict(np.load(folder / "input.npy"))
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)


# Unpatched Keras 1 on TensorFlow 1 ran the loss and the variable updates in one session.run
# with no ordering between them, so its training numbers raced; the fixtures make TF steps read
# only pre-step weights (fixturelib.exact_tf_updates, meta "tf_exact_updates"), as Theano does.
@pytest.mark.parametrize("env,ordering", ENVS)
def test_training_matches_keras1_losses_and_weights(env, ordering):
    folder = fixture_case(env, ordering, "mlp_slice_train")
    assert json.loads((folder / "meta.json").read_text()).get("tf_exact_updates", env != "tensorflow")
    tolerance = 1e-4
    model = mlp_slice(dropout=False)
    model.load_weights(str(folder / "initial_weights.h5"))
    model.compile(loss="categorical_crossentropy", optimizer=SGD(lr=0.1), metrics=["accuracy"])
    history = model.fit(np.load(folder / "train_x.npy"), np.load(folder / "train_y.npy"),
                        batch_size=4, nb_epoch=3, shuffle=False, verbose=0, validation_split=0.25)
    expected = json.loads((folder / "history.json").read_text())
    assert set(history.history) == set(expected)
    for key, values in expected.items():
        np.testing.assert_allclose(history.history[key], values, atol=tolerance, err_msg=key)
    trained = mlp_slice(dropout=False)
    trained.load_weights(str(folder / "final_weights.h5"))
    for ours, theirs in zip(model.get_weights(), trained.get_weights()):
        np.testing.assert_allclose(ours, theirs, atol=tolerance)
