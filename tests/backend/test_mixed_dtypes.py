"""Keras 1 binary K functions take Python/numpy numbers and mixed int/float operands
(`K.maximum(x, 0)` in mnist_siamese_graph)."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras.layers import Input, Lambda
from legacykeras.models import Model

X = np.array([-1.5, 0.5, 2.0], dtype="float32")
I = np.array([1, 2, 3], dtype="int32")

BINARY = [
    (K.maximum, np.maximum), (K.minimum, np.minimum), (K.equal, np.equal), (K.not_equal, np.not_equal),
    (K.greater, np.greater), (K.greater_equal, np.greater_equal), (K.lesser, np.less),
    (K.lesser_equal, np.less_equal), (K.pow, np.power),
]


@pytest.mark.parametrize("k_fn,np_fn", BINARY, ids=[k.__name__ for k, _ in BINARY])
def test_int_literal_and_int_tensor_with_float_tensor(k_fn, np_fn):
    x, i = K.variable(X), K.variable(I, dtype="int32")
    for other, expected_other in ((0, 0), (2, 2), (np.int64(2), 2), (i, I)):
        out = K.eval(k_fn(x, other))
        np.testing.assert_allclose(out, np_fn(X, expected_other).astype(out.dtype), rtol=1e-6)
        if out.dtype != bool:
            assert out.dtype == np.float32
    np.testing.assert_array_equal(K.eval(k_fn(i, 2)), np_fn(I, 2))  # integer stays integer


def test_number_first_and_fraction_with_an_int_tensor():
    x, i = K.variable(X), K.variable(I, dtype="int32")
    np.testing.assert_array_equal(K.eval(K.maximum(0, x)), np.maximum(0, X))
    np.testing.assert_allclose(K.eval(K.minimum(i, 1.5)), [1.0, 1.5, 1.5])
    np.testing.assert_allclose(K.eval(K.pow(i, 0.5)), np.sqrt(I), rtol=1e-6)


def test_siamese_distance_in_a_lambda_layer():
    a, b = Input(shape=(3,)), Input(shape=(3,))
    distance = Lambda(lambda v: K.sqrt(K.maximum(K.sum(K.square(v[0] - v[1]), axis=1, keepdims=True), 0)),
                      output_shape=lambda shapes: (shapes[0][0], 1))([a, b])
    model = Model(input=[a, b], output=distance)
    xa, xb = np.array([[0.0, 3.0, 0.0]], "float32"), np.array([[4.0, 0.0, 0.0]], "float32")
    np.testing.assert_allclose(model.predict([xa, xb]), [[5.0]], rtol=1e-6)
