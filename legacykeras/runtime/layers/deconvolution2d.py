"""`Deconvolution2D`: Keras 1's transposed convolution on Keras 3 `Conv2DTranspose`.

Keras 1: the caller gave the full `output_shape` (batch first); several sizes fit
a strided transposed convolution. Keras 3 picks one unless told with
`output_padding`, which is computed here from Keras 1's `output_shape`.
"""

from __future__ import annotations

from legacykeras._keras import keras


class Deconvolution2DCore(keras.layers.Conv2DTranspose):
    def __init__(self, *args, output_shape=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._legacy_output_shape = tuple(output_shape) if output_shape is not None else None

    def _legacy_output_padding(self, input_shape):
        if self._legacy_output_shape is None:
            return None
        if self.data_format == "channels_first":
            wanted, sizes = self._legacy_output_shape[2:4], input_shape[2:4]
        else:
            wanted, sizes = self._legacy_output_shape[1:3], input_shape[1:3]
        padding = []
        for out, size, kernel, stride in zip(wanted, sizes, self.kernel_size, self.strides):
            if out is None or size is None:
                return None
            pad = kernel // 2 if self.padding == "same" else 0
            extra = out - ((size - 1) * stride + kernel - 2 * pad)
            if not 0 <= extra < max(stride, 1) and not (stride == 1 and extra == 0):
                raise ValueError(
                    f"Deconvolution2D: output_shape {self._legacy_output_shape} cannot come from input "
                    f"shape {tuple(input_shape)} with kernel {self.kernel_size}, strides {self.strides} "
                    f"and border_mode {self.padding!r}."
                )
            padding.append(extra)
        return tuple(padding)

    def build(self, input_shape):
        padding = self._legacy_output_padding(input_shape)
        if padding is not None:
            # Keras 3 infers the same size when the extra rows are those its own rule adds.
            default = keras.layers.Conv2DTranspose.compute_output_shape(self, input_shape)
            wanted = tuple(self._legacy_output_shape)
            if tuple(default[1:]) != tuple(wanted[1:]):
                self.output_padding = padding
        super().build(input_shape)
