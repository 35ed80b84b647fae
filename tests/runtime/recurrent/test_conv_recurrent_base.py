"""A user convolutional RNN written against Keras 1's `ConvRecurrent2D`, in both dim orderings."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras.engine import InputSpec
from legacykeras.layers.convolutional_recurrent import ConvRecurrent2D
from legacykeras.models import Sequential


class ConvSum(ConvRecurrent2D):
    """h_t = h_{t-1} + conv(x_t, W): with ones everywhere, a running count of covered pixels."""

    def __init__(self, nb_filter, nb_row, nb_col, **kwargs):
        kwargs['border_mode'] = 'same'
        super(ConvSum, self).__init__(nb_filter=nb_filter, nb_row=nb_row, nb_col=nb_col, **kwargs)

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        stack = input_shape[2] if self.dim_ordering == 'th' else input_shape[4]
        if self.dim_ordering == 'th':
            shape = (self.nb_filter, stack, self.nb_row, self.nb_col)
        else:
            shape = (self.nb_row, self.nb_col, stack, self.nb_filter)
        self.W = self.add_weight(shape, 'one', '{}_W'.format(self.name))
        self.states = [None]

    def step(self, x, states):
        h = states[0] + K.conv2d(x, self.W, border_mode='same', dim_ordering=self.dim_ordering)
        return h, [h]


@pytest.mark.parametrize("ordering,shape", [("tf", (3, 4, 5, 2)), ("th", (3, 2, 4, 5))])
def test_user_conv_recurrent_subclass(ordering, shape):
    model = Sequential([ConvSum(2, 3, 3, dim_ordering=ordering, return_sequences=True, input_shape=shape)])
    out = model.predict(np.ones((1,) + shape, "float32"))
    assert out.shape == (1,) + shape[:1] + ((2, 4, 5) if ordering == "th" else (4, 5, 2))
    assert model.layers[0].output_shape == (None,) + out.shape[1:]
    first = out[0, 0, 0] if ordering == "th" else out[0, 0, :, :, 0]
    # Pixel (0, 0) sees a 2x2 window, (0, 1) a 2x3 one, (1, 1) 3x3; times 2 input channels.
    assert (first[0, 0], first[0, 1], first[1, 1]) == (8.0, 12.0, 18.0)
    np.testing.assert_array_equal(out[0, 2], 3 * out[0, 0])
    assert [w.shape for w in model.layers[0].get_weights()] == [model.layers[0].W.shape]
