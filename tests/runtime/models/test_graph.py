"""The legacy Graph container against Keras 0.3.3's (fixtures/make/training_graph_keras0.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from legacykeras.layers.core import Dense
from legacykeras.legacy.models import Graph
from legacykeras.models import model_from_json
from legacykeras.optimizers import SGD
from testlib import fixture_case


def graph():
    g = Graph()
    g.add_input(name="input", input_shape=(4,))
    g.add_node(Dense(5, activation="tanh"), name="hidden", input="input")
    g.add_node(Dense(3), name="left", input="hidden")
    g.add_node(Dense(2), name="right", input="input")
    g.add_node(Dense(3, activation="softmax"), name="merged", inputs=["left", "right"], merge_mode="concat")
    g.add_node(Dense(1, activation="sigmoid"), name="aux", input="hidden")
    g.add_output(name="output", input="merged")
    g.add_output(name="aux_output", input="aux")
    return g


@pytest.fixture(scope="module")
def folder():
    return fixture_case("keras0", "th", "train_graph")


def test_graph_trains_like_keras0_with_dict_data(folder):
    g = graph()
    g.compile(SGD(lr=0.1), {"output": "categorical_crossentropy", "aux_output": "binary_crossentropy"})
    g.load_weights(str(folder / "initial_weights.h5"))
    data = {"input": np.load(folder / "train_x.npy"), "output": np.load(folder / "train_y.npy"),
            "aux_output": np.load(folder / "train_aux.npy")}
    history = g.fit(data, batch_size=4, nb_epoch=2, shuffle=False, verbose=0, validation_split=0.2)
    expected = json.loads((folder / "results.json").read_text())
    assert set(history.history) == {"loss", "val_loss"}
    for key, values in expected["history"].items():
        np.testing.assert_allclose(history.history[key], values, atol=1e-4, err_msg=key)
    predicted = g.predict({"input": data["input"]}, batch_size=4)
    assert set(predicted) == {"output", "aux_output"}
    np.testing.assert_allclose(predicted["output"], np.load(folder / "output.npy"), atol=1e-4)
    np.testing.assert_allclose(predicted["aux_output"], np.load(folder / "output_aux.npy"), atol=1e-4)
    trained = graph()
    trained.load_weights(str(folder / "final_weights.h5"))
    for ours, theirs in zip(g.get_weights(), trained.get_weights()):
        np.testing.assert_allclose(ours, theirs, atol=1e-4)
    assert g.evaluate(data, batch_size=4) == pytest.approx(expected["evaluate"], abs=1e-4)
    np.testing.assert_allclose(g.train_on_batch(data), expected["train_on_batch"], atol=1e-4)


def test_graph_config_round_trip_and_errors():
    g = graph()
    restored = model_from_json(g.to_json())
    assert isinstance(restored, Graph) and restored.output_order == ["output", "aux_output"]
    restored.set_weights(g.get_weights())
    x = np.random.RandomState(0).randn(3, 4).astype("float32")
    np.testing.assert_allclose(restored.predict({"input": x})["output"], g.predict({"input": x})["output"],
                               atol=1e-6)
    with pytest.raises(ValueError, match="Duplicate"):
        g.add_node(Dense(2), name="hidden", input="input")
    with pytest.raises(ValueError, match="Unknown"):
        g.add_node(Dense(2), name="other", input="nowhere")
    with pytest.raises(TypeError, match="dictionary"):
        g.compile("sgd", "mse")


def test_graph_fit_generator_takes_data_dicts():
    g = graph()
    g.compile("sgd", {"output": "categorical_crossentropy", "aux_output": "binary_crossentropy"})
    rng = np.random.RandomState(0)

    def batches():
        while True:
            yield {"input": rng.randn(4, 4).astype("float32"), "output": np.eye(3, dtype="float32")[[0, 1, 2, 0]],
                   "aux_output": np.ones((4, 1), "float32")}

    history = g.fit_generator(batches(), samples_per_epoch=8, nb_epoch=2, verbose=0)
    assert set(history.history) == {"loss"} and len(history.history["loss"]) == 2
    assert np.isfinite(g.evaluate_generator(batches(), 8))
