"""`np.random.seed(n)` fixes a legacy model's initial weights, as it did in Keras 1.

Keras 1.2.2 drew every initial weight (and every unseeded backend random op) from NumPy's global
RNG, so a script starting with `np.random.seed(1337)` built the same weights on each run. We check
the same here: seeding again builds the same weights, in this process and in a fresh one; without a
seed each build differs; gates of a gated RNN, and two weights drawn from one initializer, differ.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras import initializations
from legacykeras.engine.topology import Layer
from legacykeras.layers import (GRU, LSTM, Bidirectional, Convolution1D, Convolution2D, ConvLSTM2D,
                                Deconvolution2D, Dense, Dropout, Embedding, GaussianNoise, Highway,
                                LocallyConnected1D, MaxoutDense, SeparableConvolution2D, SimpleRNN, SReLU,
                                TimeDistributed)
from legacykeras.models import Sequential

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


class InitCalledDirectly(Layer):
    """Keras 1 custom layer: `self.init = initializations.get(...)`, then `self.init(shape)` in build."""

    def __init__(self, output_dim, init="glorot_uniform", **kwargs):
        self.output_dim = output_dim
        self.init = initializations.get(init)
        super().__init__(**kwargs)

    def build(self, input_shape):
        self.W = self.init((input_shape[1], self.output_dim), name=f"{self.name}_W")
        self.V = initializations.get("normal")((self.output_dim,), name=f"{self.name}_V")
        self.trainable_weights = [self.W, self.V]

    def call(self, x, mask=None):
        return K.dot(x, self.W) + self.V

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.output_dim)


class InitByAddWeight(Layer):
    """Keras 1.2 custom layer: `self.add_weight(shape, 'glorot_uniform')`, twice with one name."""

    def build(self, input_shape):
        self.W = self.add_weight((input_shape[1], input_shape[1]), "glorot_uniform", name="W")
        self.W2 = self.add_weight((input_shape[1], input_shape[1]), "glorot_uniform", name="W2")

    def call(self, x, mask=None):
        return K.dot(K.dot(x, self.W), self.W2)

    def get_output_shape_for(self, input_shape):
        return input_shape


class Keras3InitializerInside(Layer):
    """A Keras 1 custom layer using a Keras 3 initializer object (one, for two weights)."""

    def __init__(self, **kwargs):
        from legacykeras._keras import keras

        self.kernel_init = keras.initializers.GlorotUniform()
        super().__init__(**kwargs)

    def build(self, input_shape):
        self.W = self.add_weight(shape=(input_shape[1], 2), initializer=self.kernel_init, name="W", dtype="float32")
        self.V = self.add_weight(shape=(input_shape[1], 2), initializer=self.kernel_init, name="V", dtype="float32")

    def call(self, x, mask=None):
        return K.dot(x, self.W) + K.dot(x, self.V)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], 2)


def _sequential(*layers):
    return Sequential(list(layers))


# Each builds one model from scratch; the same NumPy seed must give the same weights.
BUILDERS = {
    "Dense": lambda: _sequential(Dense(4, input_dim=3)),
    "Dense(init=normal)": lambda: _sequential(Dense(4, init="normal", input_dim=3)),
    "Dense(init=he_normal)": lambda: _sequential(Dense(4, init="he_normal", input_dim=3)),
    "Dense(init=orthogonal)": lambda: _sequential(Dense(4, init="orthogonal", input_dim=3)),
    "Dense(init=lecun_uniform)": lambda: _sequential(Dense(4, init="lecun_uniform", input_dim=3)),
    "Dense(init=callable)": lambda: _sequential(Dense(4, init=initializations.glorot_normal, input_dim=3)),
    "Convolution1D": lambda: _sequential(Convolution1D(2, 3, input_shape=(6, 2))),
    "Convolution2D": lambda: _sequential(Convolution2D(2, 3, 3, input_shape=(1, 5, 5), dim_ordering="th")),
    "SeparableConvolution2D": lambda: _sequential(
        SeparableConvolution2D(2, 3, 3, input_shape=(5, 5, 2), dim_ordering="tf")),
    "Deconvolution2D": lambda: _sequential(
        Deconvolution2D(2, 3, 3, output_shape=(None, 7, 7, 2), input_shape=(5, 5, 1), dim_ordering="tf")),
    "LocallyConnected1D": lambda: _sequential(LocallyConnected1D(2, 3, input_shape=(6, 2))),
    "Embedding": lambda: _sequential(Embedding(10, 3, input_length=4)),
    "SimpleRNN": lambda: _sequential(SimpleRNN(3, input_dim=2)),
    "GRU": lambda: _sequential(GRU(3, input_dim=2)),
    "LSTM": lambda: _sequential(LSTM(3, input_dim=2)),
    "LSTM(consume_less=gpu)": lambda: _sequential(LSTM(3, input_dim=2, consume_less="gpu")),
    "ConvLSTM2D": lambda: _sequential(ConvLSTM2D(2, 2, 2, input_shape=(2, 4, 4, 1), dim_ordering="tf")),
    "Highway": lambda: _sequential(Highway(input_dim=3)),
    "MaxoutDense": lambda: _sequential(MaxoutDense(2, nb_feature=3, input_dim=3)),
    "SReLU": lambda: _sequential(SReLU(input_shape=(3,))),
    "TimeDistributed(Dense)": lambda: _sequential(TimeDistributed(Dense(2), input_shape=(3, 4))),
    "Bidirectional(GRU)": lambda: _sequential(Bidirectional(GRU(2), input_shape=(3, 4))),
    "custom self.init(shape)": lambda: _sequential(InitCalledDirectly(3, input_shape=(2,))),
    "custom add_weight": lambda: _sequential(InitByAddWeight(input_shape=(3,))),
    "custom Keras 3 initializer": lambda: _sequential(Keras3InitializerInside(input_shape=(3,))),
}


def _weights(build, seed):
    if seed is not None:
        np.random.seed(seed)
    return build().get_weights()


def _random_weights(weights):
    """The weights that hold random draws (biases and constants are zeros/ones)."""
    return [w for w in weights if np.unique(w).size > 2]


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_numpy_seed_fixes_initial_weights(name):
    first = _weights(BUILDERS[name], 1337)
    again = _weights(BUILDERS[name], 1337)
    assert _random_weights(first), f"{name}: no randomly drawn weight"
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    other = _weights(BUILDERS[name], 7)
    assert any(not np.array_equal(a, b) for a, b in zip(_random_weights(first), _random_weights(other)))


@pytest.mark.parametrize("name", ["Dense", "Convolution2D", "LSTM", "Embedding", "custom add_weight"])
def test_without_a_seed_each_build_differs(name):
    first = _random_weights(_weights(BUILDERS[name], None))
    second = _random_weights(_weights(BUILDERS[name], None))
    assert all(not np.array_equal(a, b) for a, b in zip(first, second, strict=True))


@pytest.mark.parametrize("cls,gates", [(LSTM, 4), (GRU, 3)])
def test_gates_draw_their_own_weights(cls, gates):
    np.random.seed(0)
    weights = Sequential([cls(3, input_dim=3)]).get_weights()  # Keras 1 order: W_g, U_g, b_g per gate
    for offset in (0, 1):  # every gate's W, then every gate's U
        per_gate = [weights[3 * gate + offset] for gate in range(gates)]
        for i in range(gates):
            for j in range(i + 1, gates):
                assert not np.allclose(per_gate[i], per_gate[j]), (cls.__name__, offset, i, j)


def test_one_initializer_draws_anew_for_each_weight():
    np.random.seed(0)
    highway = Highway(input_dim=3)  # Keras 1: W and W_carry both drawn with `init`
    Sequential([highway])
    W, W_carry = highway.get_weights()[:2]
    assert W.shape == W_carry.shape and not np.allclose(W, W_carry)
    custom = InitByAddWeight(input_shape=(3,))
    Sequential([custom])
    W, W2 = custom.get_weights()
    assert not np.allclose(W, W2)


def test_backend_random_variables_follow_numpy():
    def draw():
        return [K.get_value(K.random_uniform_variable((3, 2), -1, 1)),
                K.get_value(K.random_normal_variable((3, 2), 0, 1))]

    np.random.seed(5)
    first = draw()
    np.random.seed(5)
    for a, b in zip(first, draw()):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[0], draw()[0])


def test_backend_random_ops_follow_numpy():
    def draw():
        return [K.eval(K.random_uniform((5,))), K.eval(K.random_normal((5,))),
                K.eval(K.random_binomial((5,), p=0.5)), K.eval(K.dropout(K.ones((20,)), 0.5))]

    np.random.seed(9)
    first = draw()
    np.random.seed(9)
    for a, b in zip(first, draw()):
        np.testing.assert_array_equal(a, b)
    following = draw()
    assert not np.array_equal(first[0], following[0]) and not np.array_equal(first[1], following[1])
    # An explicit seed is the op's own: the same numbers each time, whatever NumPy's state.
    np.testing.assert_array_equal(K.eval(K.random_uniform((5,), seed=3)), K.eval(K.random_uniform((5,), seed=3)))


def test_traced_random_op_draws_anew_each_run():
    from legacykeras.layers import Input, Lambda
    from legacykeras.models import Model

    x = Input(shape=(4,))
    model = Model(x, Lambda(lambda t: t + K.random_normal(shape=K.shape(t)))(x))
    zeros = np.zeros((2, 4), dtype="float32")
    assert not np.allclose(model.predict(zeros), model.predict(zeros))


@pytest.mark.parametrize("cls,rate", [(Dropout, 0.5), (GaussianNoise, 1.0)])
def test_noise_layers_follow_numpy(cls, rate):
    x = np.ones((4, 8), dtype="float32")

    def draw(seed):
        np.random.seed(seed)
        layer = cls(rate)
        return K.get_value(layer(x, training=True))

    np.testing.assert_array_equal(draw(11), draw(11))
    assert not np.array_equal(draw(11), draw(12))


def test_callers_python_random_stream_is_kept():
    random.seed(42)
    expected = [random.random() for _ in range(3)]
    random.seed(42)
    Sequential([Dense(3, input_dim=2), Dropout(0.5)])  # Keras 3 seeds drawn from a seeded `random`
    assert [random.random() for _ in range(3)] == expected


_SCRIPT = textwrap.dedent("""
    import json, sys, warnings
    warnings.simplefilter("ignore")
    import numpy as np
    np.random.seed(1337)
    from legacykeras.models import Sequential
    from legacykeras.layers import Dense, Dropout, Convolution2D, Flatten, LSTM, Embedding

    def build():
        conv = Sequential([Convolution2D(2, 3, 3, input_shape=(1, 5, 5), dim_ordering="th"), Flatten(),
                           Dropout(0.5), Dense(3)])
        rnn = Sequential([Embedding(10, 4, input_length=3), LSTM(2)])
        return [w.tolist() for w in conv.get_weights() + rnn.get_weights()]

    seeded = build()
    np.random.seed(None)  # fresh entropy: Keras 1 scripts without a seed differed run to run
    json.dump({"seeded": seeded, "unseeded": build()}, sys.stdout)
""")


def _run_script():
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, env=env,
                            timeout=300, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_two_processes_build_the_same_weights_from_one_seed():
    first, second = _run_script(), _run_script()
    assert first["seeded"] == second["seeded"]
    assert first["unseeded"] != second["unseeded"]


def test_a_keras3_initializer_shared_by_two_weights_of_a_custom_layer_draws_twice():
    np.random.seed(3)
    w, v = _sequential(Keras3InitializerInside(input_shape=(3,))).get_weights()
    assert not np.array_equal(w, v)
