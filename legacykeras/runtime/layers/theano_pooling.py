"""`TheanoPaddingPooling`: Keras 1's 'same' pooling as it ran on Theano.

Keras 1 on Theano padded each spatial axis by `pool - 2` (odd pools above 2)
or `pool - 1` (otherwise) on *both* sides, pooled with the padding excluded
(max, or the mean of the real values), and cropped the end to
ceil(size / stride). TensorFlow pads only as much as needed, mostly at the end,
so a strided 'same' pooling samples other windows. `use_theano_padding()`
switches a layer to Theano's windows, for models whose weights Theano trained.
"""

from __future__ import annotations

from legacykeras._keras import keras

ops = keras.ops


def theano_pool_padding(pool: int, rank: int) -> int:
    if rank == 3:  # Keras 1's pool3d rule has no `pool > 2` guard
        return max(pool - 2 if pool % 2 == 1 else pool - 1, 0)
    return pool - 2 if pool > 2 and pool % 2 == 1 else pool - 1


class TheanoPaddingPooling:
    """Mixin placed before a Keras 3 pooling class."""

    _theano_same = False
    _is_max = True

    def use_theano_padding(self, enabled: bool = True) -> None:
        """Pool 'same' the way Keras 1 on Theano did."""
        self._theano_same = bool(enabled) and self.padding == "same"

    def _spatial_axes(self, ndim):
        if self.data_format == "channels_first":
            return list(range(2, ndim))
        return list(range(1, ndim - 1))

    def _valid_pool(self, inputs):
        self.padding = "valid"
        try:
            return super().call(inputs)
        finally:
            self.padding = "same"

    def call(self, inputs):
        if not self._theano_same:
            return super().call(inputs)
        rank = len(self.pool_size)
        axes = self._spatial_axes(len(inputs.shape))
        widths = [[0, 0] for _ in range(len(inputs.shape))]
        for axis, pool in zip(axes, self.pool_size):
            pad = theano_pool_padding(pool, rank)
            widths[axis] = [pad, pad]
        if self._is_max:
            lowest = ops.cast(float("-inf"), inputs.dtype)
            outputs = self._valid_pool(ops.pad(inputs, widths, constant_values=lowest))
        else:
            sums = self._valid_pool(ops.pad(inputs, widths))
            counts = self._valid_pool(ops.pad(ops.ones_like(inputs), widths))
            outputs = sums / counts
        index = [slice(None)] * len(outputs.shape)
        for axis, stride in zip(axes, self.strides):
            size = inputs.shape[axis]
            index[axis] = slice(0, (size + stride - 1) // stride)
        return outputs[tuple(index)]
