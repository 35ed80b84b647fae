"""Recurrent layers, wrappers and ConvLSTM2D against real Keras 1.2.2 outputs (fixtures/*/recurrent_*).

Each fixture is a small Sequential made by `fixtures/make/recurrent_parity.py` with seeded random
weights; we rebuild it from the same Keras 1 constructor call, load the Keras 1 weight file, and
compare `predict` within 1e-5.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from runtime.recurrent import fixturecases as fc
from testlib import FIXTURES

TOL = 1e-5


def _cases():
    found = []
    for env, ordering in (("tensorflow", "tf"), ("tensorflow", "th"), ("theano", "tf"), ("theano", "th")):
        folder = FIXTURES / f"{env}-{ordering}"
        if not folder.is_dir():
            continue
        for case in sorted(p.name for p in folder.iterdir() if p.name.startswith("recurrent_")):
            if case in ("recurrent_lstm_stateful", "recurrent_user_subclass", "recurrent_train"):
                continue  # own tests below
            if env == "theano" and case in ("recurrent_convlstm2d_same", "recurrent_convlstm2d_valid"):
                continue  # even kernels: Theano's 'same' padding differs from TF's in Keras 1 itself
            found.append(pytest.param(env, ordering, case, id=f"{env}-{ordering}-{case}"))
    return found


@pytest.mark.parametrize("env,ordering,case", _cases())
def test_matches_keras1_output(env, ordering, case):
    model, meta, path = fc.load(env, ordering, case)
    x = np.load(path / "input.npy")
    expected = np.load(path / "output.npy")
    got = np.asarray(model(x))  # eager: no tf.function tracing per case
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, atol=TOL, rtol=0)


@pytest.mark.parametrize("case,count", [
    ("recurrent_lstm_cpu", 12), ("recurrent_lstm_mem", 12), ("recurrent_lstm_gpu", 3),
    ("recurrent_gru_cpu", 9), ("recurrent_gru_mem", 9), ("recurrent_gru_gpu", 3),
    ("recurrent_simplernn_cpu", 3), ("recurrent_convlstm2d_same", 12),
    ("recurrent_bidirectional_concat", 24), ("recurrent_timedistributed_dense", 2),
])
def test_get_weights_returns_the_keras1_layout_and_names(case, count):
    model, meta, path = fc.load("tensorflow", "tf", case)
    layer = model.layers[-1]
    expected = fc.layer_weights(path)
    got = layer.get_weights()
    assert len(got) == count == len(expected)
    for a, b in zip(got, expected):
        np.testing.assert_array_equal(a, b)
    names = json.loads((path / "config.json").read_text())["weight_names"]
    assert layer.legacy_weight_names() == [n.split(":")[0] for n in names]


def test_weights_argument_takes_the_keras1_layout():
    from legacykeras.layers import LSTM
    from legacykeras.models import Sequential

    _, _, path = fc.load("tensorflow", "tf", "recurrent_lstm_cpu")
    weights = fc.layer_weights(path)
    model = Sequential([LSTM(4, consume_less="cpu", return_sequences=True, input_shape=(5, 3),
                             weights=weights)])
    x = np.load(path / "input.npy")
    np.testing.assert_allclose(model.predict(x), np.load(path / "output.npy"), atol=TOL, rtol=0)


def test_stateful_lstm_carries_states_and_resets():
    model, _, path = fc.load("tensorflow", "tf", "recurrent_lstm_stateful",
                             "[LSTM(4, stateful=True, batch_input_shape=(2, 5, 3))]")
    xs = [np.load(path / f"input_{i}.npy") for i in range(2)]
    expected = [np.load(path / f"output_{i}.npy") for i in range(3)]
    got = [model.predict(xs[0], batch_size=2), model.predict(xs[1], batch_size=2)]
    model.reset_states()
    got.append(model.predict(xs[1], batch_size=2))
    for a, b in zip(got, expected):
        np.testing.assert_allclose(a, b, atol=TOL, rtol=0)
    assert np.abs(got[1] - got[2]).max() > 1e-3  # the carried state mattered


def test_keras1_arguments_positional_and_renamed():
    from legacykeras.layers import GRU, LSTM, SimpleRNN

    lstm = LSTM(7, "uniform", "orthogonal", "zero", "relu", "sigmoid", input_dim=3, input_length=5)
    assert lstm.units == 7 and lstm.output_dim == 7
    assert not lstm.cell.unit_forget_bias
    assert lstm.activation.__name__ == "relu"
    assert lstm.output_shape == (None, 7)
    gru = GRU(output_dim=4, dropout_W=0.2, dropout_U=0.3, return_sequences=True, input_shape=(6, 2))
    assert (gru.dropout, gru.recurrent_dropout) == (0.2, 0.3)
    assert gru.cell.reset_after is False
    assert gru.output_shape == (None, 6, 4)
    rnn = SimpleRNN(3, input_dim=2)
    assert [w.shape for w in rnn.get_weights()] == [(2, 3), (3, 3), (3,)]


def test_keras1_hard_sigmoid_is_the_default_gate():
    from legacykeras.layers import LSTM

    gate = LSTM(2).cell.recurrent_activation
    x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0], "float32")
    np.testing.assert_allclose(np.asarray(gate(x)), np.clip(0.2 * x + 0.5, 0, 1), atol=1e-7)


def test_forget_bias_init_other_than_one_or_zero_is_refused():
    from legacykeras.layers import LSTM
    from legacykeras.rules.convert import LegacyArgumentError

    with pytest.raises(LegacyArgumentError, match="forget_bias_init"):
        LSTM(3, forget_bias_init="uniform")


def test_forget_gate_bias_starts_at_one_in_keras1_position():
    from legacykeras.layers import LSTM

    weights = LSTM(3, input_dim=2).get_weights()  # cpu: W_i U_i b_i W_c U_c b_c W_f U_f b_f W_o U_o b_o
    assert weights[8].tolist() == [1.0, 1.0, 1.0]
    assert not any(weights[i].any() for i in (2, 5, 11))


def test_get_config_is_keras1_and_round_trips():
    from legacykeras.layers import LSTM, Bidirectional

    layer = Bidirectional(LSTM(3, consume_less="gpu", return_sequences=True), merge_mode="sum",
                          input_shape=(5, 2))
    config = layer.get_config()
    assert config["merge_mode"] == "sum"
    assert config["layer"]["class_name"] == "LSTM" and config["layer"]["config"]["output_dim"] == 3
    clone = Bidirectional.from_config(config)
    assert clone.forward_layer.name.startswith("forward_lstm_")
    assert [w.shape for w in clone.get_weights()] == [w.shape for w in layer.get_weights()]


def test_user_recurrent_subclass_matches_keras1():
    from legacykeras import backend as K
    from legacykeras.engine import InputSpec
    from legacykeras.layers.recurrent import Recurrent
    from legacykeras.models import Sequential

    class MinimalRNN(Recurrent):
        """The same class as in fixtures/make/recurrent_parity.py, written against Keras 1."""

        def __init__(self, output_dim, **kwargs):
            self.output_dim = output_dim
            super(MinimalRNN, self).__init__(**kwargs)

        def build(self, input_shape):
            self.input_spec = [InputSpec(shape=input_shape)]
            self.states = [None]
            input_dim = input_shape[2]
            self.W = self.add_weight((input_dim, self.output_dim), initializer='glorot_uniform',
                                     name='{}_W'.format(self.name))
            self.U = self.add_weight((self.output_dim, self.output_dim), initializer='orthogonal',
                                     name='{}_U'.format(self.name))
            self.built = True

        def preprocess_input(self, x):
            return x * 2.0

        def get_constants(self, x):
            return [K.cast_to_floatx(0.5)]

        def step(self, x, states):
            prev = states[0]
            scale = states[1]
            h = K.tanh(K.dot(x, self.W) + scale * K.dot(prev, self.U))
            return h, [h]

        def get_config(self):
            config = {'output_dim': self.output_dim}
            base = super(MinimalRNN, self).get_config()
            return dict(list(base.items()) + list(config.items()))

    path = fc.fixture_case("tensorflow", "tf", "recurrent_user_subclass")
    model = Sequential([MinimalRNN(4, return_sequences=True, input_shape=(5, 3))])
    layer = model.layers[0]
    layer.set_weights(fc.layer_weights(path))
    np.testing.assert_allclose(model.predict(np.load(path / "input.npy")), np.load(path / "output.npy"),
                               atol=TOL, rtol=0)
    assert layer.legacy_weight_names() == [f"{layer.name}_W", f"{layer.name}_U"]
    assert layer.get_config()["output_dim"] == 4
    model.compile("sgd", "mse")
    before = layer.get_weights()[0].copy()
    model.fit(np.ones((4, 5, 3), "float32"), np.zeros((4, 5, 4), "float32"), nb_epoch=1, verbose=0)
    assert np.abs(layer.get_weights()[0] - before).max() > 0


def test_user_recurrent_subclass_masking_and_stateful():
    from legacykeras import backend as K
    from legacykeras.layers.recurrent import Recurrent
    from legacykeras.models import Sequential

    class Counter(Recurrent):
        """Counts unmasked steps: a masked step must keep the state."""

        def __init__(self, **kwargs):
            self.output_dim = 1
            super().__init__(**kwargs)

        def build(self, input_shape):
            if self.stateful:
                self.reset_states()
            else:
                self.states = [None]

        def step(self, x, states):
            h = states[0] + 1.0
            return h, [h]

    x = np.array([[[1.0], [0.0], [2.0], [0.0]]], "float32")
    ns = fc.namespace()
    masked = Sequential([ns["Masking"](0.0, input_shape=(4, 1)), Counter(return_sequences=True)])
    np.testing.assert_array_equal(masked.predict(x)[0, :, 0], [1, 1, 2, 2])
    stateful = Sequential([Counter(stateful=True, batch_input_shape=(1, 4, 1))])
    assert stateful.predict(x, batch_size=1)[0, 0] == 4
    assert stateful.predict(x, batch_size=1)[0, 0] == 8
    stateful.reset_states()
    assert stateful.predict(x, batch_size=1)[0, 0] == 4
    assert stateful.layers[0].get_weights() == []
    assert K.int_shape(stateful.layers[0].states[0]) == (1, 1)


def test_save_and_load_weights_round_trip(tmp_path):
    from legacykeras.layers import GRU, Bidirectional, Dense, LSTM, TimeDistributed
    from legacykeras.models import Sequential

    def build():
        return Sequential([Bidirectional(LSTM(3, return_sequences=True), input_shape=(5, 2)),
                           GRU(4, consume_less="mem", return_sequences=True), TimeDistributed(Dense(2))])

    model = build()
    path = str(tmp_path / "w.h5")
    model.save_weights(path)
    other = build()
    other.load_weights(path)
    x = np.random.RandomState(0).rand(2, 5, 2).astype("float32")
    np.testing.assert_allclose(other.predict(x), model.predict(x), atol=1e-6)


def test_bidirectional_weights_argument_and_merge_mode_none():
    from legacykeras.layers import LSTM, Bidirectional
    from legacykeras.models import Sequential

    _, _, path = fc.load("tensorflow", "tf", "recurrent_bidirectional_concat")
    weights = fc.layer_weights(path)
    x = np.load(path / "input.npy")
    model = Sequential([Bidirectional(LSTM(3, return_sequences=True), "concat", weights, input_shape=(5, 3))])
    expected = np.load(path / "output.npy")
    np.testing.assert_allclose(model.predict(x), expected, atol=TOL, rtol=0)
    split = Bidirectional(LSTM(3, return_sequences=True), merge_mode=None, weights=weights)
    forward, backward = split(x)
    np.testing.assert_allclose(np.concatenate([forward, backward], -1), expected, atol=TOL, rtol=0)


@pytest.mark.parametrize("case", ["recurrent_lstm_cpu", "recurrent_gru_mem", "recurrent_simplernn_gpu",
                                  "recurrent_bidirectional_sum", "recurrent_timedistributed_dense",
                                  "recurrent_convlstm2d_same", "recurrent_stacked", "recurrent_lstm_masked",
                                  "recurrent_bidirectional_masked"])
def test_keras1_model_json_and_weights_file_load(case):
    models = pytest.importorskip("legacykeras.models")
    if not hasattr(models, "model_from_json"):
        pytest.skip("legacykeras.models.model_from_json not available")
    path = fc.fixture_case("tensorflow", "tf", case)
    model = models.model_from_json((path / "model.json").read_text())
    model.load_weights(str(path / "weights.h5"))
    x = np.load(path / "input.npy")
    np.testing.assert_allclose(np.asarray(model(x)), np.load(path / "output.npy"), atol=TOL, rtol=0)


@pytest.mark.parametrize("consume_less,limit", [("cpu", np.sqrt(6.0 / (10 + 20))), ("gpu", np.sqrt(6.0 / (10 + 80)))])
def test_fresh_kernels_use_keras1_per_gate_fans(consume_less, limit):
    from legacykeras.layers import LSTM

    layer = LSTM(20, consume_less=consume_less, input_dim=10)
    layer.get_weights()  # builds from input_dim
    kernel = np.asarray(layer.cell.kernel)
    assert np.abs(kernel).max() <= limit + 1e-6
    assert np.abs(kernel).max() > 0.9 * limit  # glorot_uniform over the Keras 1 shape
    gates = np.split(kernel, 4, axis=-1)
    assert not np.allclose(gates[0], gates[1])  # each gate drawn on its own


@pytest.mark.parametrize("case", ["recurrent_lstm_cpu", "recurrent_lstm_last", "recurrent_lstm_masked",
                                  "recurrent_lstm_stateful", "recurrent_gru_gpu", "recurrent_simplernn_backwards",
                                  "recurrent_convlstm2d_same", "recurrent_bidirectional_concat",
                                  "recurrent_timedistributed_dense"])
def test_get_config_equals_keras1(case):
    constructor = "[LSTM(4, stateful=True, batch_input_shape=(2, 5, 3))]" if case.endswith("stateful") else None
    model, _, path = fc.load("tensorflow", "tf", case, constructor)
    expected = json.loads((path / "config.json").read_text())["config"]
    got = json.loads(json.dumps(model.layers[-1].get_config(), default=str))
    assert got == expected


def test_training_matches_keras1_on_theano():
    """Two SGD epochs through a GRU ('cpu') and an LSTM ('mem'): loss history and final weights."""
    from legacykeras.layers import GRU, Dense, LSTM
    from legacykeras.models import Sequential
    from legacykeras.optimizers import SGD

    path = fc.fixture_case("theano", "tf", "recurrent_train")
    model = Sequential([GRU(4, return_sequences=True, input_shape=(5, 3)), LSTM(3, consume_less="mem"), Dense(1)])
    model.load_weights(str(path / "initial_weights.h5"))
    model.compile(optimizer=SGD(lr=0.1), loss="mse")
    history = model.fit(np.load(path / "train_x.npy"), np.load(path / "train_y.npy"), batch_size=4, nb_epoch=2,
                        shuffle=False, verbose=0)
    expected_history = json.loads((path / "history.json").read_text())
    np.testing.assert_allclose(history.history["loss"], expected_history["loss"], rtol=1e-5)
    final = Sequential([GRU(4, return_sequences=True, input_shape=(5, 3)), LSTM(3, consume_less="mem"), Dense(1)])
    final.load_weights(str(path / "final_weights.h5"))
    for got, expected in zip(model.get_weights(), final.get_weights()):
        np.testing.assert_allclose(got, expected, atol=1e-5)
