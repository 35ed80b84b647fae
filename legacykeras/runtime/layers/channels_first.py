"""`ChannelsFirstOnCPU`: Keras 1 'th' convolutions on a CPU-only TensorFlow.

TensorFlow's CPU kernels for Conv2D/Conv3D (and their transposes) accept only
channels-last data ("The Conv2D op currently only supports the NHWC tensor
format on the CPU"); Keras 1 'th' models are channels-first. Without a GPU, the
layer moves channels last around the Keras 3 computation and back. Weights
(always channels-last in Keras 3) and results are unchanged.
"""

from __future__ import annotations

import functools

from legacykeras._keras import keras

ops = keras.ops


@functools.lru_cache(maxsize=None)
def gpu_available() -> bool:
    import tensorflow as tf

    return bool(tf.config.list_physical_devices("GPU"))


class ChannelsFirstOnCPU:
    """Mixin placed before a Keras 3 convolution class."""

    def call(self, inputs):
        if self.data_format != "channels_first" or gpu_available():
            return super().call(inputs)
        rank = len(inputs.shape)
        inputs = ops.transpose(inputs, (0, *range(2, rank), 1))
        self.data_format = "channels_last"
        try:
            outputs = super().call(inputs)
        finally:
            self.data_format = "channels_first"
        return ops.transpose(outputs, (0, rank - 1, *range(1, rank - 1)))
