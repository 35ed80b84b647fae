"""User subclasses of Keras 1 `LSTM` / `GRU` / `SimpleRNN` that override `step`, `build`, `get_constants`
(attention LSTMs and the like). Keras 3's cells have no `step`, so such subclasses run on legacykeras'
step-based Keras 1 RNNs; they must give Keras 1.2.2's numbers and train."""

from __future__ import annotations

import json

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras.layers import GRU, LSTM, SimpleRNN
from legacykeras.models import Sequential
from runtime.recurrent import fixturecases as fc


def passthrough_subclass(base):
    class Mine(base):
        def step(self, x, states):
            return super(Mine, self).step(x, states)

    return Mine


@pytest.mark.parametrize("case", [
    "recurrent_lstm_cpu", "recurrent_lstm_mem", "recurrent_lstm_gpu", "recurrent_gru_cpu", "recurrent_gru_mem",
    "recurrent_gru_gpu", "recurrent_simplernn_cpu", "recurrent_simplernn_gpu", "recurrent_lstm_backwards",
    "recurrent_lstm_masked", "recurrent_gru_activations",
])
def test_step_overriding_subclass_matches_keras1(case):
    path = fc.fixture_case("tensorflow", "tf", case)
    meta = json.loads((path / "meta.json").read_text())
    names = dict(fc.namespace(), LSTM=passthrough_subclass(LSTM), GRU=passthrough_subclass(GRU),
                 SimpleRNN=passthrough_subclass(SimpleRNN))
    K.reset_uids()
    model = Sequential(eval(meta["constructor"], names))
    for layer, weights in zip(model.layers, fc._weights_by_layer(path)):
        if weights:
            layer.set_weights(weights)
    got = np.asarray(model(np.load(path / "input.npy")))
    np.testing.assert_allclose(got, np.load(path / "output.npy"), atol=1e-5, rtol=0)
    expected = fc.layer_weights(path)
    assert [w.shape for w in model.layers[-1].get_weights()] == [w.shape for w in expected]


class AttentionLSTM(LSTM):
    """The Keras 1 attention-LSTM pattern: extra weights in build, a step that uses them."""

    def __init__(self, output_dim, attention_dim=3, **kwargs):
        self.attention_dim = attention_dim
        super(AttentionLSTM, self).__init__(output_dim, **kwargs)

    def build(self, input_shape):
        super(AttentionLSTM, self).build(input_shape)
        self.W_a = self.add_weight((self.output_dim, self.output_dim), initializer='glorot_uniform',
                                   name='{}_W_a'.format(self.name))
        self.trainable_weights += [self.W_a]

    def step(self, x, states):
        h, new_states = super(AttentionLSTM, self).step(x, states)
        gate = K.sigmoid(K.dot(h, self.W_a))
        return h * gate, [h * gate, new_states[1]]

    def get_config(self):
        config = {'attention_dim': self.attention_dim}
        base_config = super(AttentionLSTM, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


def test_attention_style_subclass_builds_trains_and_round_trips(tmp_path):
    model = Sequential([AttentionLSTM(4, return_sequences=True, input_shape=(5, 3)), LSTM(2)])
    layer = model.layers[0]
    names = layer.legacy_weight_names()
    assert len(names) == 13 and names[-1] == f"{layer.name}_W_a" and names[:2] == [f"{layer.name}_W_i",
                                                                                     f"{layer.name}_U_i"]
    assert layer.get_config()["attention_dim"] == 3 and layer.get_config()["output_dim"] == 4
    x = np.random.RandomState(0).rand(8, 5, 3).astype("float32")
    model.compile("adam", "mse")
    before = layer.get_weights()[-1].copy()
    model.fit(x, np.zeros((8, 2), "float32"), nb_epoch=1, verbose=0)
    assert np.abs(layer.get_weights()[-1] - before).max() > 0  # W_a was trained
    path = str(tmp_path / "w.h5")
    model.save_weights(path)
    other = Sequential([AttentionLSTM(4, return_sequences=True, input_shape=(5, 3)), LSTM(2)])
    other.load_weights(path)
    np.testing.assert_allclose(other.predict(x), model.predict(x), atol=1e-6)


def test_plain_subclass_without_hooks_stays_on_keras3():
    class Named(LSTM):
        pass

    assert isinstance(Named(3), LSTM)
