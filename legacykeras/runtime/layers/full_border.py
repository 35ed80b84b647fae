"""`FullBorderConv`: Keras 1's `border_mode='full'` for Keras 3 convolutions.

Keras 1 ran 'full' on Theano only: the output grows by `dilation * (kernel - 1)`
per spatial axis. Keras 3 has no such padding, so the input is zero-padded by
that much on each side and convolved 'valid', which is the same computation.
"""

from __future__ import annotations

from legacykeras._keras import keras


class FullBorderConv:
    """Mixin placed before a Keras 3 convolution class."""

    _full_border = False

    def __init__(self, *args, padding="valid", **kwargs):
        self._full_border = padding == "full"
        super().__init__(*args, padding="valid" if self._full_border else padding, **kwargs)

    def _full_pads(self):
        dilation = self.dilation_rate
        return [d * (k - 1) for k, d in zip(self.kernel_size, dilation)]

    def _spatial_axes(self, ndim):
        if self.data_format == "channels_first":
            return list(range(2, ndim))
        return list(range(1, ndim - 1))

    def _padded_shape(self, input_shape):
        shape = list(input_shape)
        for axis, pad in zip(self._spatial_axes(len(shape)), self._full_pads()):
            if shape[axis] is not None:
                shape[axis] += 2 * pad
        return tuple(shape)

    def call(self, inputs):
        if self._full_border:
            widths = [[0, 0] for _ in range(len(inputs.shape))]
            for axis, pad in zip(self._spatial_axes(len(inputs.shape)), self._full_pads()):
                widths[axis] = [pad, pad]
            inputs = keras.ops.pad(inputs, widths)
        return super().call(inputs)

    def compute_output_shape(self, input_shape):
        if self._full_border:
            input_shape = self._padded_shape(input_shape)
        return super().compute_output_shape(input_shape)
