"""`ThresholdedReLU`: x where x > theta, else 0 (Keras 3 has none)."""

from __future__ import annotations

from legacykeras._keras import keras

ops = keras.ops


class ThresholdedReLU(keras.layers.Layer):
    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.theta = float(theta)

    def call(self, inputs):
        return inputs * ops.cast(inputs > self.theta, inputs.dtype)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)
