"""Training and model kinds against real Keras 1.2.2 (fixtures/make/training_models.py).

Training trajectories compare at 1e-4 with the Theano fixtures and with the
TensorFlow ones (made with fixturelib's fix for Keras 1's racy TF updates) for
a subset, to keep the suite fast.
Predictions compare with both backends.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from legacykeras import optimizers
from legacykeras.engine.topology import Input, Merge, merge
from legacykeras.layers.core import Activation, Dense
from legacykeras.models import Model, Sequential
from legacykeras.runtime import naming
from testlib import fixture_case

TOL = 1e-4
N_BATCH, N_EPOCH = 4, 2


def _load(folder, name):
    single = folder / f"{name}.npy"
    if single.exists():
        return np.load(single)
    arrays, i = [], 0
    while (folder / f"{name}_{i}.npy").exists():
        arrays.append(np.load(folder / f"{name}_{i}.npy"))
        i += 1
    return arrays


def _results(folder):
    return json.loads((folder / "results.json").read_text())


def _assert_history(got, expected):
    assert set(got) == set(expected)
    for key, values in expected.items():
        np.testing.assert_allclose(got[key], values, atol=TOL, err_msg=key)


def _assert_final_weights(model, folder, build):
    reference = build()
    reference.load_weights(str(folder / "final_weights.h5"))
    for ours, theirs in zip(model.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(ours, theirs, atol=TOL)


def _start(folder, build):
    model = build()
    model.load_weights(str(folder / "initial_weights.h5"))
    return model


def mlp():
    return Sequential([Dense(5, input_dim=4, activation="tanh"), Dense(3, activation="softmax")])


OPTIMIZERS = {
    "sgd": lambda: optimizers.SGD(lr=0.1, momentum=0.9, decay=0.05, nesterov=True),
    "sgd_plain": lambda: optimizers.SGD(lr=0.2),
    "sgd_clipnorm": lambda: optimizers.SGD(lr=0.5, clipnorm=0.1),
    "sgd_clipvalue": lambda: optimizers.SGD(lr=0.5, clipvalue=0.01),
    "rmsprop": lambda: optimizers.RMSprop(lr=0.01, decay=0.01),
    "adagrad": lambda: optimizers.Adagrad(lr=0.1, epsilon=1e-6),
    "adadelta": lambda: optimizers.Adadelta(),
    "adam": lambda: optimizers.Adam(lr=0.01, decay=0.01),
    "adamax": lambda: optimizers.Adamax(lr=0.02),
    "nadam": lambda: optimizers.Nadam(lr=0.01),
}


OPTIMIZER_CASES = [("theano", k) for k in sorted(OPTIMIZERS)] + \
    [("tensorflow", k) for k in ("adam", "nadam", "rmsprop", "sgd")]


@pytest.mark.parametrize("env,key", OPTIMIZER_CASES)
def test_optimizer_trajectory_matches_keras1(env, key):
    folder = fixture_case(env, "tf", f"train_opt_{key}")
    model = _start(folder, mlp)
    optimizer = OPTIMIZERS[key]()
    model.compile(loss="categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])
    history = model.fit(np.load(folder / "train_x.npy"), np.load(folder / "train_y.npy"), batch_size=N_BATCH,
                        nb_epoch=N_EPOCH, shuffle=False, verbose=0)
    expected = _results(folder)
    _assert_history(history.history, expected["history"])
    _assert_final_weights(model, folder, mlp)
    assert optimizer.get_config() == pytest.approx(expected["optimizer_config"])


def binary_mlp():
    return Sequential([Dense(4, input_dim=4, activation="tanh"), Dense(1, activation="sigmoid")])


KERAS1_METRICS = ["accuracy", "mse", "mae", "precision", "recall", "fmeasure", "fbeta_score",
                  "matthews_correlation", "binary_crossentropy", "hinge"]


def test_every_keras1_metric_name_history_and_return_values():
    folder = fixture_case("theano", "tf", "train_metrics")
    model = _start(folder, binary_mlp)
    model.compile(loss="binary_crossentropy", optimizer=optimizers.SGD(lr=0.3), metrics=KERAS1_METRICS)
    x, y = np.load(folder / "train_x.npy"), np.load(folder / "train_y.npy")
    history = model.fit(x, y, batch_size=N_BATCH, nb_epoch=N_EPOCH, shuffle=False, verbose=0, validation_split=0.3)
    expected = _results(folder)
    assert model.metrics_names == expected["metrics_names"]
    _assert_history(history.history, expected["history"])
    np.testing.assert_allclose(model.evaluate(x, y, batch_size=N_BATCH, verbose=0), expected["evaluate"], atol=TOL)
    np.testing.assert_allclose(model.train_on_batch(x[:4], y[:4]), expected["train_on_batch"], atol=TOL)
    np.testing.assert_allclose(model.test_on_batch(x[:4], y[:4]), expected["test_on_batch"], atol=TOL)
    assert model.predict_classes(x, verbose=0).tolist() == expected["predict_classes"]
    _assert_final_weights(model, folder, binary_mlp)


def test_sample_weight_with_zeros_then_class_weight():
    folder = fixture_case("theano", "tf", "train_weighting")
    model = _start(folder, mlp)
    model.compile(loss="categorical_crossentropy", optimizer=optimizers.SGD(lr=0.1), metrics=["accuracy"])
    x, y = np.load(folder / "train_x.npy"), np.load(folder / "train_y.npy")
    h1 = model.fit(x, y, batch_size=N_BATCH, nb_epoch=N_EPOCH, shuffle=False, verbose=0,
                   sample_weight=np.load(folder / "sample_weight.npy"))
    h2 = model.fit(x, y, batch_size=N_BATCH, nb_epoch=N_EPOCH, shuffle=False, verbose=0,
                   class_weight={0: 1.0, 1: 3.0, 2: 0.5})
    expected = _results(folder)
    _assert_history(h1.history, expected["history_sample_weight"])
    _assert_history(h2.history, expected["history_class_weight"])
    _assert_final_weights(model, folder, mlp)


def temporal_model():
    return Sequential([Dense(3, input_shape=(5, 4), activation="tanh"), Dense(2)])


def test_temporal_sample_weights():
    folder = fixture_case("theano", "tf", "train_temporal")
    model = _start(folder, temporal_model)
    model.compile(loss="mse", optimizer=optimizers.SGD(lr=0.1), sample_weight_mode="temporal", metrics=["mae"])
    x, y = np.load(folder / "train_x.npy"), np.load(folder / "train_y.npy")
    sw = np.load(folder / "sample_weight.npy")
    history = model.fit(x, y, batch_size=N_BATCH, nb_epoch=N_EPOCH, shuffle=False, verbose=0, sample_weight=sw)
    expected = _results(folder)
    _assert_history(history.history, expected["history"])
    np.testing.assert_allclose(model.evaluate(x, y, batch_size=N_BATCH, verbose=0, sample_weight=sw),
                               expected["evaluate"], atol=TOL)
    _assert_final_weights(model, folder, temporal_model)
    with pytest.raises(ValueError, match="2D sample_weight"):
        model.fit(x, y, nb_epoch=1, verbose=0, sample_weight=sw[:, 0])


def functional_model():
    naming.reset()
    inp = Input(shape=(4,), name="main_input")
    aux = Input(shape=(2,), name="aux_input")
    h = Dense(5, activation="tanh")(inp)
    hm = merge([h, aux], mode="concat")
    out_a = Dense(3, activation="softmax", name="out_a")(hm)
    out_b = Dense(1, activation="sigmoid", name="out_b")(h)
    return Model(input=[inp, aux], output=[out_a, out_b])


@pytest.mark.parametrize("env", ["theano", "tensorflow"])
def test_functional_multi_io_training_and_keras1_config(env):
    folder = fixture_case(env, "tf", "train_functional")
    model = _start(folder, functional_model)
    model.compile(optimizer=optimizers.SGD(lr=0.1, momentum=0.5),
                  loss={"out_a": "categorical_crossentropy", "out_b": "binary_crossentropy"},
                  loss_weights={"out_a": 1.0, "out_b": 0.5}, metrics=["accuracy"])
    x, y = _load(folder, "train_x"), _load(folder, "train_y")
    history = model.fit(x, y, batch_size=N_BATCH, nb_epoch=N_EPOCH, shuffle=False, verbose=0,
                        validation_data=(_load(folder, "val_x"), _load(folder, "val_y")))
    expected = _results(folder)
    assert model.metrics_names == expected["metrics_names"]
    _assert_history(history.history, expected["history"])
    np.testing.assert_allclose(model.evaluate(x, y, batch_size=N_BATCH, verbose=0), expected["evaluate"], atol=TOL)
    _assert_final_weights(model, folder, functional_model)
    for ours, theirs in zip(model.predict(x), _load(folder, "output")):
        np.testing.assert_allclose(ours, theirs, atol=TOL)
    # dict inputs by layer name, as Keras 1 accepted
    np.testing.assert_allclose(model.predict({"main_input": x[0], "aux_input": x[1]})[0],
                               _load(folder, "output")[0], atol=TOL)

    ours = json.loads(model.to_json())["config"]
    theirs = json.loads((folder / "model.json").read_text())["config"]
    assert ours["input_layers"] == theirs["input_layers"]
    assert ours["output_layers"] == theirs["output_layers"]
    assert [(l["name"], l["class_name"], l["inbound_nodes"]) for l in ours["layers"]] == \
        [(l["name"], l["class_name"], l["inbound_nodes"]) for l in theirs["layers"]]
    by_name = {l["name"]: l["config"] for l in ours["layers"]}
    assert by_name["merge_1"] == {l["name"]: l["config"] for l in theirs["layers"]}["merge_1"]
    assert by_name["main_input"] == {l["name"]: l["config"] for l in theirs["layers"]}["main_input"]


def merge_sequential():
    left = Sequential([Dense(3, input_dim=4, activation="tanh")])
    right = Sequential([Dense(3, input_dim=2, activation="tanh")])
    model = Sequential()
    model.add(Merge([left, right], mode="concat"))
    model.add(Dense(3, activation="softmax"))
    return model


@pytest.mark.parametrize("env", ["theano", "tensorflow"])
def test_sequential_starting_with_merge_of_sequentials_fits_a_list_of_arrays(env):
    folder = fixture_case(env, "tf", "train_merge_sequential")
    model = _start(folder, merge_sequential)
    model.compile(loss="categorical_crossentropy", optimizer=optimizers.SGD(lr=0.1), metrics=["accuracy"])
    x, y = _load(folder, "train_x"), np.load(folder / "train_y.npy")
    history = model.fit(x, y, batch_size=N_BATCH, nb_epoch=N_EPOCH, shuffle=False, verbose=0)
    expected = _results(folder)
    _assert_history(history.history, expected["history"])
    _assert_final_weights(model, folder, merge_sequential)
    np.testing.assert_allclose(model.predict(x), np.load(folder / "output.npy"), atol=TOL)
    assert [type(l).__name__ for l in model.layers] == ["Merge", "Dense"]
    config = json.loads(model.to_json())["config"]
    theirs = json.loads((folder / "model.json").read_text())["config"]
    assert [c["class_name"] for c in config] == [c["class_name"] for c in theirs]
    assert [c["class_name"] for c in config[0]["config"]["layers"]] == ["Sequential", "Sequential"]
    assert {k: v for k, v in config[0]["config"].items() if k not in ("layers", "name")} == \
        {k: v for k, v in theirs[0]["config"].items() if k not in ("layers", "name")}


def test_fit_generator_counts_samples_like_keras1():
    folder = fixture_case("theano", "tf", "train_generator")
    model = _start(folder, mlp)
    model.compile(loss="categorical_crossentropy", optimizer=optimizers.SGD(lr=0.1), metrics=["accuracy"])
    x, y = np.load(folder / "train_x.npy"), np.load(folder / "train_y.npy")

    def gen():
        while True:
            for i in range(0, 12, 4):
                yield x[i:i + 4], y[i:i + 4]

    def val_gen():
        while True:
            yield x[8:12], y[8:12]

    # Keras 1's positional form: (generator, samples_per_epoch, nb_epoch); worker arguments accepted
    with pytest.warns(DeprecationWarning, match="workers"):
        history = model.fit_generator(gen(), 12, N_EPOCH, verbose=0, validation_data=val_gen(), nb_val_samples=8,
                                      max_q_size=10, nb_worker=2, pickle_safe=False)
    expected = _results(folder)
    _assert_history(history.history, expected["history"])
    np.testing.assert_allclose(model.evaluate_generator(gen(), 8), expected["evaluate_generator"], atol=TOL)
    assert list(model.predict_generator(gen(), 8).shape) == expected["predict_generator_shape"]
    _assert_final_weights(model, folder, mlp)


def _lambda_merge(xs):
    return xs[0] * 2.0 - xs[1]


MERGE_MODES = {
    "sum": {}, "mul": {}, "ave": {}, "max": {}, "concat": {},
    "dot": {"dot_axes": 1}, "cos": {"dot_axes": 1},
    "lambda": {"mode": _lambda_merge, "output_shape": lambda shapes: shapes[0]},
}
MERGE_ENVS = [(env, m) for env in ("theano", "tensorflow") for m in sorted(MERGE_MODES)]


@pytest.mark.parametrize("env,key", MERGE_ENVS)
def test_functional_merge_modes_predict_like_keras1(env, key):
    folder = fixture_case(env, "tf", f"merge_{key}")
    a_in, b_in = Input(shape=(4,)), Input(shape=(4,))
    a, b = Dense(3)(a_in), Dense(3)(b_in)
    kwargs = dict(MERGE_MODES[key])
    mode = kwargs.pop("mode", key)
    model = Model(input=[a_in, b_in], output=merge([a, b], mode=mode, **kwargs))
    model.load_weights(str(folder / "weights.h5"))
    expected = _load(folder, "output")
    got = model.predict(_load(folder, "input"))
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=1e-5)
    ours = [l["config"] for l in model.get_config()["layers"] if l["class_name"] == "Merge"][0]
    theirs = [l["config"] for l in json.loads((folder / "model.json").read_text())["config"]["layers"]
              if l["class_name"] == "Merge"][0]
    skip = {"name", "mode", "output_shape"} if key == "lambda" else {"name"}
    assert {k: v for k, v in ours.items() if k not in skip} == {k: v for k, v in theirs.items() if k not in skip}


@pytest.mark.parametrize("env", ["theano", "tensorflow"])
def test_merge_layer_of_sequentials_and_nested_sequential_predict_like_keras1(env):
    folder = fixture_case(env, "tf", "merge_layer_sequential_sum")
    model = Sequential([Merge([Sequential([Dense(3, input_dim=4)]), Sequential([Dense(3, input_dim=4)])], mode="sum"),
                        Activation("tanh")])
    model.load_weights(str(folder / "weights.h5"))
    np.testing.assert_allclose(model.predict(_load(folder, "input")), _load(folder, "output"), atol=1e-5)

    folder = fixture_case(env, "tf", "nested_sequential")
    inner = Sequential([Dense(5, input_dim=4, activation="tanh"), Dense(3)])
    model = Sequential([inner, Activation("softmax")])
    model.load_weights(str(folder / "weights.h5"))
    np.testing.assert_allclose(model.predict(np.load(folder / "input.npy")), np.load(folder / "output.npy"),
                               atol=1e-5)


@pytest.mark.parametrize("case,build", [("train_opt_sgd", mlp), ("train_functional", functional_model),
                                        ("train_merge_sequential", merge_sequential)])
def test_to_json_is_what_keras1_wrote(case, build):
    naming.reset()  # Keras 1 names (dense_1, merge_1, sequential_1) count from a fresh process
    model = build()
    ours = json.loads(model.to_json())
    theirs = json.loads((fixture_case("theano", "tf", case) / "model.json").read_text())
    assert ours == theirs
