"""Keras 1 `Input(tensor=<concrete variable or tensor>)` (neural_doodle's mask model)."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras.layers import AveragePooling2D, Input
from legacykeras.models import Model

MASK = np.arange(32, dtype="float32").reshape(2, 4, 4, 1)


def test_variable_input_feeds_its_current_value_into_k_function():
    style, target = K.variable(MASK[:1]), K.variable(MASK[1:])
    masks = K.concatenate([style, target], axis=0)  # concrete, as in neural_doodle
    mask_input = Input(tensor=masks, shape=(None, None, None), name="mask_input")
    assert K.int_shape(mask_input) == (None, None, None, None)
    pooled = AveragePooling2D((3, 3), strides=(1, 1), border_mode="same", dim_ordering="tf")(mask_input)
    mask_model = Model(mask_input, pooled)

    image = K.placeholder(shape=(4, 4, 1))
    loss = K.sum(K.square(image - mask_model.layers[-1].output[1, :, :, :]))
    grads = K.gradients(loss, image)[0]
    f = K.function([image], [loss, grads])
    expected = mask_model.predict(MASK)[1]
    loss_value, grads_value = f([np.zeros((4, 4, 1), "float32")])
    np.testing.assert_allclose(loss_value, np.sum(expected ** 2), rtol=1e-5)
    np.testing.assert_allclose(grads_value, -2 * expected, rtol=1e-5)


def test_variable_is_read_when_the_function_runs():
    v = K.variable(np.ones((2, 3)))
    x = Input(tensor=v)
    assert K.int_shape(x) == (2, 3)
    f = K.function([], [x * 2])
    np.testing.assert_array_equal(f([])[0], np.full((2, 3), 2.0))
    K.set_value(v, np.full((2, 3), 5.0))
    np.testing.assert_array_equal(f([])[0], np.full((2, 3), 10.0))
    # Fed explicitly, the fed value wins (Keras 1 / TensorFlow feed_dict).
    np.testing.assert_array_equal(K.function([x], [x * 2])([np.zeros((2, 3))])[0], np.zeros((2, 3)))


def test_shape_of_another_rank_is_refused():
    with pytest.raises(ValueError, match="shape"):
        Input(tensor=K.variable(np.ones((2, 3))), shape=(3, 1))
