"""`FullBorderConv`: Keras 1's border modes that Keras 3 convolutions cannot spell.

- `border_mode='full'` (Keras 1 ran it on Theano only): the output grows by
  `dilation * (kernel - 1)` per spatial axis. The input is zero-padded by that
  much on each side and convolved 'valid', which is the same computation.
- Theano's 'same' (`use_theano_padding()`): Keras 1 on Theano padded
  `dilated_kernel // 2` on both sides ('half') and cropped the end for even
  kernels; TensorFlow puts the odd padding at the end instead. The two agree
  for odd kernels with stride 1 and differ otherwise, so weights trained with
  Theano need Theano's padding to give Theano's outputs.
"""

from __future__ import annotations

from legacykeras._keras import keras


class FullBorderConv:
    """Mixin placed before a Keras 3 convolution class."""

    _full_border = False
    _theano_same = False

    def __init__(self, *args, padding="valid", **kwargs):
        self._full_border = padding == "full"
        super().__init__(*args, padding="valid" if self._full_border else padding, **kwargs)

    def use_theano_padding(self, enabled: bool = True) -> None:
        """Pad 'same' the way Keras 1 on Theano did (for Theano-trained weights)."""
        self._theano_same = bool(enabled) and self.padding == "same"

    def _dilated_kernel(self):
        return [d * (k - 1) + 1 for k, d in zip(self.kernel_size, self.dilation_rate)]

    def _spatial_axes(self, ndim):
        if self.data_format == "channels_first":
            return list(range(2, ndim))
        return list(range(1, ndim - 1))

    def _padded_shape(self, input_shape):
        shape = list(input_shape)
        for axis, kernel in zip(self._spatial_axes(len(shape)), self._dilated_kernel()):
            if shape[axis] is not None:
                shape[axis] += 2 * (kernel - 1)
        return tuple(shape)

    def _pad(self, inputs, amounts):
        widths = [[0, 0] for _ in range(len(inputs.shape))]
        for axis, pad in zip(self._spatial_axes(len(inputs.shape)), amounts):
            widths[axis] = [pad, pad]
        return keras.ops.pad(inputs, widths)

    def call(self, inputs):
        if self._full_border:
            return super().call(self._pad(inputs, [k - 1 for k in self._dilated_kernel()]))
        if not self._theano_same:
            return super().call(inputs)
        sizes = [inputs.shape[axis] for axis in self._spatial_axes(len(inputs.shape))]
        padded = self._pad(inputs, [k // 2 for k in self._dilated_kernel()])
        self.padding = "valid"
        try:
            outputs = super().call(padded)
        finally:
            self.padding = "same"
        # Theano's 'half' output is one longer for even kernels; Keras 1 cropped the end.
        index = [slice(None)] * len(outputs.shape)
        for axis, size, stride in zip(self._spatial_axes(len(outputs.shape)), sizes, self.strides):
            index[axis] = slice(0, (size + stride - 1) // stride)
        return outputs[tuple(index)]

    def compute_output_shape(self, input_shape):
        if self._full_border:
            input_shape = self._padded_shape(input_shape)
        return super().compute_output_shape(input_shape)
