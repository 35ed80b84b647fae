"""Keras 1 model surface: layers, get_layer, configs, save/load, weights, trainable, pop."""

from __future__ import annotations

import json

import h5py
import numpy as np
import pytest
import yaml

from legacykeras.engine.topology import Input, InputLayer, Merge, merge
from legacykeras.layers.core import Activation, Dense
from legacykeras.models import Model, Sequential, load_model, model_from_json, model_from_yaml, save_model
from legacykeras.optimizers import SGD

RNG = np.random.RandomState(2)
X = RNG.randn(12, 4).astype("float32")
Y = np.eye(3, dtype="float32")[RNG.randint(0, 3, 12)]


def mlp():
    return Sequential([Dense(5, input_dim=4, activation="tanh"), Dense(3), Activation("softmax")])


def test_layers_get_layer_count_params_and_pop():
    model = mlp()
    assert [type(l).__name__ for l in model.layers] == ["Dense", "Dense", "Activation"]
    assert model.get_layer(index=1) is model.layers[1]
    assert model.get_layer(name=model.layers[0].name) is model.layers[0]
    with pytest.raises(ValueError):
        model.get_layer(index=7)
    assert model.count_params() == 4 * 5 + 5 + 5 * 3 + 3
    model.pop()
    assert len(model.layers) == 2 and model.output_shape == (None, 3)
    model.summary()


def test_sequential_json_yaml_round_trip_and_keras1_form():
    model = mlp()
    text = model.to_json()
    data = json.loads(text)
    assert data["class_name"] == "Sequential" and data["keras_version"] == "1.2.2"
    assert isinstance(data["config"], list) and data["config"][0]["config"]["batch_input_shape"] == [None, 4]
    assert yaml.safe_load(model.to_yaml().replace("!!python/tuple", "")) is not None
    for restored in (model_from_json(text), model_from_yaml(model.to_yaml())):
        restored.set_weights(model.get_weights())
        np.testing.assert_allclose(restored.predict(X), model.predict(X), atol=1e-6)


def test_functional_model_config_round_trip():
    a, b = Input(shape=(4,), name="left"), Input(shape=(4,), name="right")
    shared = Dense(3, activation="tanh")
    out = Dense(2)(merge([shared(a), shared(b)], mode="sum"))
    model = Model(input=[a, b], output=out)
    config = model.get_config()
    assert config["input_layers"] == [["left", 0, 0], ["right", 0, 0]]
    shared_entry = [l for l in config["layers"] if l["name"] == shared.name][0]
    assert shared_entry["inbound_nodes"] == [[["left", 0, 0]], [["right", 0, 0]]]
    restored = model_from_json(model.to_json())
    restored.set_weights(model.get_weights())
    np.testing.assert_allclose(restored.predict([X, X[::-1]]), model.predict([X, X[::-1]]), atol=1e-6)
    assert InputLayer(input_shape=(4,), name="x_in").get_config() == {
        "batch_input_shape": [None, 4], "input_dtype": "float32", "sparse": False, "name": "x_in"}


def test_save_and_load_model_keeps_weights_training_config_and_optimizer_state(tmp_path):
    model = mlp()
    model.compile(loss="categorical_crossentropy", optimizer=SGD(lr=0.1, momentum=0.9), metrics=["accuracy"])
    model.fit(X, Y, nb_epoch=2, batch_size=4, verbose=0, shuffle=False)
    path = str(tmp_path / "model.h5")
    model.save(path)
    with h5py.File(path, "r") as f:
        assert f.attrs["keras_version"] in (b"1.2.2", "1.2.2")
        training = json.loads(f.attrs["training_config"])
        assert training["optimizer_config"]["class_name"] == "SGD"
        assert training["metrics"] == ["accuracy"] and training["loss"] == "categorical_crossentropy"
        assert len(f["optimizer_weights"].attrs["weight_names"]) == 1 + 4  # iterations + one moment per weight
    restored = load_model(path)
    np.testing.assert_allclose(restored.predict(X), model.predict(X), atol=1e-6)
    # the momentum came back: one more identical step keeps both models equal
    model.train_on_batch(X[:4], Y[:4])
    restored.train_on_batch(X[:4], Y[:4])
    for ours, theirs in zip(restored.get_weights(), model.get_weights()):
        np.testing.assert_allclose(ours, theirs, atol=1e-5)
    save_model(model, str(tmp_path / "again.h5"))
    assert load_model(str(tmp_path / "again.h5")).metrics_names == ["loss", "acc"]


def test_load_weights_by_name_and_keras1_file_layout(tmp_path):
    model = mlp()
    path = str(tmp_path / "w.h5")
    model.save_weights(path)
    other = Sequential([Dense(5, input_dim=4, activation="tanh", name=model.layers[0].name), Dense(7)])
    other.load_weights(path, by_name=True)
    np.testing.assert_allclose(other.layers[0].get_weights()[0], model.layers[0].get_weights()[0])


def test_trainable_toggle_freezes_a_layer():
    model = mlp()
    frozen = model.layers[0]
    frozen.trainable = False
    before = frozen.get_weights()[0].copy()
    model.compile(loss="categorical_crossentropy", optimizer="sgd")
    model.fit(X, Y, nb_epoch=1, verbose=0)
    np.testing.assert_array_equal(frozen.get_weights()[0], before)
    assert model.layers[1].get_weights()[0] is not None


def test_merge_first_sequential_weights_flatten_like_keras1(tmp_path):
    left, right = Sequential([Dense(3, input_dim=4)]), Sequential([Dense(3, input_dim=2)])
    model = Sequential([Merge([left, right], mode="concat"), Dense(2)])
    path = str(tmp_path / "m.h5")
    model.save_weights(path)
    with h5py.File(path, "r") as f:
        names = [n.decode() for n in f.attrs["layer_names"]]
    assert names == [left.layers[0].name, right.layers[0].name, model.layers[1].name]
    assert len(model.get_weights()) == 6
    assert model.predict([X, X[:, :2]]).shape == (12, 2)


def test_predict_helpers_and_reset_states():
    model = mlp()
    model.compile(loss="categorical_crossentropy", optimizer="sgd")
    np.testing.assert_allclose(model.predict_proba(X, verbose=0), model.predict(X), atol=1e-6)
    np.testing.assert_allclose(np.asarray(model.predict_on_batch(X)), model.predict(X), atol=1e-6)
    model.reset_states()


def test_compile_errors_name_the_keras1_problem():
    model = mlp()
    with pytest.raises(ValueError, match="sample_weight_mode"):
        model.compile(loss="mse", optimizer="sgd", sample_weight_mode="bogus")
    with pytest.raises(RuntimeError, match="compile"):
        mlp().fit(X, Y, verbose=0)


def test_fit_checks_targets_like_keras1():
    model = mlp()
    model.compile(loss="categorical_crossentropy", optimizer="sgd")
    with pytest.raises(ValueError, match="to_categorical"):
        model.fit(X, np.argmax(Y, axis=1)[:, None], verbose=0)
    with pytest.raises(ValueError, match="same number of samples"):
        model.fit(X, Y[:5], verbose=0)


def test_tf_optimizer_wraps_a_tensorflow1_optimizer(tmp_path):
    import tensorflow as tf

    from legacykeras.optimizers import TFOptimizer

    model = mlp()
    model.compile(loss="categorical_crossentropy", optimizer=TFOptimizer(tf.compat.v1.train.AdamOptimizer(0.01)))
    before = model.get_weights()[0].copy()
    model.fit(X, Y, nb_epoch=2, batch_size=4, verbose=0)
    assert np.abs(model.get_weights()[0] - before).max() > 0 and int(model.optimizer.iterations.numpy()) == 6
    model.save(str(tmp_path / "m.h5"))
    with h5py.File(str(tmp_path / "m.h5"), "r") as f:
        assert "training_config" not in f.attrs  # as Keras 1 wrote it
    with pytest.raises(TypeError, match="compat.v1"):
        TFOptimizer("adam")


def test_functional_weight_file_lists_input_layers_like_keras1(tmp_path):
    a = Input(shape=(4,), name="in_a")
    model = Model(input=a, output=Dense(2)(Dense(3)(a)))
    path = str(tmp_path / "f.h5")
    model.save_weights(path)
    with h5py.File(path, "r") as f:
        names = [n.decode() for n in f.attrs["layer_names"]]
        assert names == [l.name for l in model.layers] and names[0] == "in_a"
        assert list(f["in_a"].attrs["weight_names"]) == []
    clone = model_from_json(model.to_json())
    clone.load_weights(path)
    np.testing.assert_allclose(clone.predict(X), model.predict(X), atol=1e-6)


def test_shuffle_batch_and_initial_epoch():
    model = mlp()
    model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
    history = model.fit(X, Y, batch_size=4, nb_epoch=3, initial_epoch=1, shuffle="batch", verbose=0)
    assert history.epoch == [1, 2] and len(history.history["loss"]) == 2


def test_summary_prints_the_keras1_table(capsys):
    model = mlp()
    model.summary()
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["Layer", "(type)", "Output", "Shape", "Param", "#", "Connected", "to"]
    first, second = model.layers[0].name, model.layers[1].name
    assert any(l.startswith(f"{second} (Dense)") and "(None, 3)" in l and f"{first}[0][0]" in l for l in out)
    assert "Total params: 43" in out and "Trainable params: 43" in out and "Non-trainable params: 0" in out


def test_save_to_dot_keras_writes_a_plain_keras3_model(tmp_path):
    from legacykeras._keras import keras

    model = mlp()
    path = str(tmp_path / "m.keras")
    model.save(path)
    restored = keras.models.load_model(path)
    assert not type(restored).__module__.startswith("legacykeras")
    np.testing.assert_allclose(restored.predict(X, verbose=0), model.predict(X), atol=1e-6)


def test_uses_learning_phase():
    from legacykeras.layers.core import Dropout

    assert Sequential([Dense(3, input_dim=2), Dropout(0.5)]).uses_learning_phase
    assert not mlp().uses_learning_phase


def test_keras3_spellings_show_accuracy_and_concat_axis():
    a = Input(shape=(2, 3))
    b = Input(shape=(2, 5))
    model = Model(inputs=[a, b], outputs=merge([a, b], mode="concat", concat_axis=2))
    assert model.output_shape == (None, 2, 8)
    model.compile(loss="mse", optimizer="sgd")
    x = [np.ones((4, 2, 3), "float32"), np.zeros((4, 2, 5), "float32")]
    with pytest.warns(DeprecationWarning, match="show_accuracy"):
        model.fit(x, np.ones((4, 2, 8), "float32"), nb_epoch=1, verbose=0, show_accuracy=True)


def test_reset_states_resets_stateful_recurrent_layers():
    from legacykeras.layers.recurrent import LSTM

    model = Sequential([LSTM(3, batch_input_shape=(2, 4, 2), stateful=True)])
    x = np.ones((2, 4, 2), "float32")
    first = model.predict(x, batch_size=2)
    assert not np.allclose(model.predict(x, batch_size=2), first)  # the state carried over
    model.reset_states()
    np.testing.assert_allclose(model.predict(x, batch_size=2), first, atol=1e-6)


def test_one_dimensional_targets_are_columns_like_keras1():
    model = Sequential([Dense(1, input_dim=4, activation="sigmoid")])
    model.compile(loss="binary_crossentropy", optimizer="sgd")
    labels = (X[:, 0] > 0).astype("float32")
    flat = model.evaluate(X, labels, verbose=0)
    column = model.evaluate(X, labels[:, None], verbose=0)
    assert flat == pytest.approx(column)
    # a plain nested list is the single input's array
    assert model.predict(X.tolist()).shape == (12, 1)


def test_functional_model_calling_a_sequential_numbers_its_nodes_like_keras1():
    inner = Sequential([Dense(3, input_dim=4, activation="tanh")])
    a = Input(shape=(4,), name="outer_in")
    model = Model(input=a, output=Dense(2)(inner(a)))
    entry = [l for l in model.get_config()["layers"] if l["name"] == inner.name][0]
    assert entry["class_name"] == "Sequential" and entry["inbound_nodes"] == [[["outer_in", 0, 0]]]
    following = [l for l in model.get_config()["layers"] if l["class_name"] == "Dense"][-1]
    assert following["inbound_nodes"] == [[[inner.name, 1, 0]]]  # a container's first call is node 1
    restored = model_from_json(model.to_json())
    restored.set_weights(model.get_weights())
    np.testing.assert_allclose(restored.predict(X), model.predict(X), atol=1e-6)
