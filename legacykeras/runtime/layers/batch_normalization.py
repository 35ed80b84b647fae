"""`BatchNormalization`: Keras 1's three modes on Keras 3's layer.

mode 0 is Keras 3's BatchNormalization. Keras 2 refused the other two; here:
- mode 1 (sample-wise): per sample over the last axis,
  gamma * (x - mean) / (sqrt(var + eps) + eps) + beta (Keras 1 added eps twice);
- mode 2 (feature-wise): batch statistics in training *and* inference, no
  moving averages (they stay at their initial values, as in Keras 1).
Arrays (all modes): gamma, beta, running_mean, running_std (the moving variance).
"""

from __future__ import annotations

from legacykeras._keras import keras

ops = keras.ops


class BatchNormalizationCore(keras.layers.BatchNormalization):
    def __init__(self, *args, mode=0, **kwargs):
        if mode not in (0, 1, 2):
            raise ValueError(f"`BatchNormalization(mode={mode!r})`: mode must be 0, 1 or 2.")
        super().__init__(*args, **kwargs)
        self.mode = mode

    def call(self, inputs, training=None, mask=None):
        if self.mode == 0:
            return super().call(inputs, training=training, mask=mask)
        x = ops.cast(inputs, self.compute_dtype)
        if self.mode == 1:
            mean = ops.mean(x, axis=-1, keepdims=True)
            std = ops.sqrt(ops.var(x, axis=-1, keepdims=True) + self.epsilon)
            return self.gamma * ((x - mean) / (std + self.epsilon)) + self.beta
        axes = [i for i in range(len(x.shape)) if i != self.axis % len(x.shape)]
        mean, variance = ops.moments(x, axes=axes, keepdims=True)
        shape = [1] * len(x.shape)
        shape[self.axis] = x.shape[self.axis]
        gamma = ops.reshape(self.gamma, shape)
        beta = ops.reshape(self.beta, shape)
        return (x - mean) / ops.sqrt(variance + self.epsilon) * gamma + beta
