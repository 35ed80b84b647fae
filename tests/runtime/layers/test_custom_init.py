"""Keras 1 custom initializers: `init(shape, name)` callables, called without `dtype` (mnist_irnn)."""

from __future__ import annotations

import numpy as np

from legacykeras import backend as K
from legacykeras.initializations import identity, normal
from legacykeras.layers import GRU, Dense, SimpleRNN
from legacykeras.models import Sequential


def test_irnn_lambdas_with_required_name():
    rnn = SimpleRNN(4, init=lambda shape, name: normal(shape, scale=0.001, name=name),
                    inner_init=lambda shape, name: identity(shape, scale=1.0, name=name), input_shape=(3, 2))
    dense = Dense(2, init=lambda shape, name: K.variable(np.arange(8.0).reshape(shape), name=name))
    model = Sequential([rnn, dense])
    W, U, b = rnn.get_weights()
    assert W.shape == (2, 4) and np.abs(W).max() < 0.01
    np.testing.assert_array_equal(U, np.eye(4))
    np.testing.assert_array_equal(dense.get_weights()[0], np.arange(8.0).reshape(4, 2))
    assert model.predict(np.ones((1, 3, 2), dtype="float32")).shape == (1, 2)


def test_gated_layer_draws_each_gate_with_the_custom_callable():
    seen = []

    def init(shape, name=None):
        seen.append(tuple(shape))
        return K.variable(np.full(shape, 0.5), name=name)

    gru = GRU(3, init=init, inner_init=lambda shape, name: identity(shape, name=name), input_shape=(2, 2))
    Sequential([gru])
    weights = gru.get_weights()  # Keras 1 order: W_z, U_z, b_z, W_r, U_r, b_r, W_h, U_h, b_h
    for gate in range(3):
        np.testing.assert_array_equal(weights[3 * gate], np.full((2, 3), 0.5))
        # Keras 1.2.2's per-gate GRU drew U_* with `init` too (not `inner_init`).
        np.testing.assert_array_equal(weights[3 * gate + 1], np.full((3, 3), 0.5))
    assert seen.count((2, 3)) == 3 and seen.count((3, 3)) == 3
