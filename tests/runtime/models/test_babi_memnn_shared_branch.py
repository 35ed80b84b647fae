"""Keras 1.2.2 `examples/babi_memnn.py`: one Sequential branch shared by two Merges.

`question_encoder` feeds both `match` and `answer`. Keras 1 counted it once:
the model takes 3 arrays (the de-duplicated branch inputs, in order of first
appearance) and its layers appear once in `flattened_layers`, the weight-file
order (fixture: fixtures/make/models_babi_memnn.py, real Keras 1.2.2 TF).
"""

from __future__ import annotations

import json

import h5py
import numpy as np
import pytest

from legacykeras.layers import LSTM, Activation, Dense, Dropout, Embedding, Merge, Permute
from legacykeras.models import Sequential
from legacykeras.runtime import naming
from testlib import fixture_case

pytestmark = pytest.mark.filterwarnings("ignore::legacykeras.warnings.LegacyKerasWarning")

VOCAB, STORY, QUERY = 12, 7, 3
CASE = ("tensorflow", "tf", "model_babi_memnn_shared_branch")


def build():
    """The bAbI MemNN model of Keras 1.2.2's example, small; returns (answer, shared question_encoder)."""
    naming.reset()  # Keras 1 names (embedding_1, ...) count from a fresh process
    input_encoder_m = Sequential()
    input_encoder_m.add(Embedding(input_dim=VOCAB, output_dim=8, input_length=STORY))
    input_encoder_m.add(Dropout(0.3))
    question_encoder = Sequential()
    question_encoder.add(Embedding(input_dim=VOCAB, output_dim=8, input_length=QUERY))
    question_encoder.add(Dropout(0.3))
    match = Sequential()
    match.add(Merge([input_encoder_m, question_encoder], mode="dot", dot_axes=[2, 2]))
    match.add(Activation("softmax"))
    input_encoder_c = Sequential()
    input_encoder_c.add(Embedding(input_dim=VOCAB, output_dim=QUERY, input_length=STORY))
    input_encoder_c.add(Dropout(0.3))
    response = Sequential()
    response.add(Merge([match, input_encoder_c], mode="sum"))
    response.add(Permute((2, 1)))
    answer = Sequential()
    answer.add(Merge([response, question_encoder], mode="concat", concat_axis=-1))
    answer.add(LSTM(4))
    answer.add(Dropout(0.3))
    answer.add(Dense(VOCAB))
    answer.add(Activation("softmax"))
    answer.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    return answer, question_encoder


@pytest.fixture(scope="module")
def built():
    return build()


@pytest.fixture(scope="module")
def data():
    rng = np.random.RandomState(0)
    story = rng.randint(0, VOCAB, (10, STORY))
    query = rng.randint(0, VOCAB, (10, QUERY))
    answers = np.eye(VOCAB, dtype="float32")[rng.randint(0, VOCAB, 10)]
    return story, query, answers


def test_shared_branch_is_one_input(built):
    answer, question_encoder = built
    assert len(answer.inputs) == 3
    assert [tuple(t.shape) for t in answer.inputs] == [(None, STORY), (None, QUERY), (None, STORY)]
    # The question encoder's layers are listed (and weighted) once.
    flat = answer.flattened_layers
    assert sum(layer is question_encoder.layers[0] for layer in flat) == 1
    assert len(answer.get_weights()) == 3 + 12 + 2  # 3 embeddings, Keras 1 LSTM (12 arrays), Dense
    assert answer.count_params() == 12 * 8 * 2 + 12 * 3 + 4 * (15 * 4 + 4 * 4 + 4) + 4 * 12 + 12


def test_flattened_layer_order_matches_keras1(built):
    answer, _ = built
    meta = json.loads((fixture_case(*CASE) / "meta.json").read_text())
    assert meta["n_inputs"] == 3
    assert [layer.name for layer in answer.flattened_layers] == meta["flattened_layers"]
    assert [list(w.shape) for w in answer.get_weights()] == meta["weight_shapes"]


def test_fit_three_arrays_and_predict(built, data):
    answer, _ = built
    story, query, answers = data
    history = answer.fit([story, query, story], answers, batch_size=4, nb_epoch=1, verbose=0,
                         validation_data=([story, query, story], answers))
    assert set(history.history) == {"loss", "acc", "val_loss", "val_acc"}
    out = answer.predict([story, query, story])
    assert out.shape == (10, VOCAB)
    np.testing.assert_allclose(out.sum(axis=1), 1.0, atol=1e-5)
    with pytest.raises(ValueError, match="Expected to see 3 arrays"):
        answer.predict([story, query, query, story])


def test_save_load_weights_round_trip(built, data, tmp_path):
    answer, _ = built
    story, query, _ = data
    path = tmp_path / "babi.h5"
    answer.save_weights(str(path))
    with h5py.File(path, "r") as f:
        names = [n.decode() if isinstance(n, bytes) else n for n in f.attrs["layer_names"]]
    assert names == [layer.name for layer in answer.flattened_layers]
    expected = answer.predict([story, query, story])

    other, _ = build()
    other.load_weights(str(path))
    for a, b in zip(other.get_weights(), answer.get_weights()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(other.predict([story, query, story]), expected, atol=1e-6)


def test_keras1_weights_file_gives_keras1_predictions():
    folder = fixture_case(*CASE)
    answer, _ = build()
    answer.load_weights(str(folder / "weights.h5"))
    inputs = [np.load(folder / f"input_{i}.npy") for i in range(3)]
    np.testing.assert_allclose(answer.predict(inputs), np.load(folder / "output.npy"), atol=1e-5)
