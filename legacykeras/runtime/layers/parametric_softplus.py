"""`ParametricSoftplus`: alphas * softplus(betas * x), both trained (Keras 3 has none).

Keras 1 arrays: alphas, betas, shaped like the input without the batch axis,
with `shared_axes` set to 1; they start at `alpha_init` and `beta_init`.
"""

from __future__ import annotations

from legacykeras._keras import keras

ops = keras.ops


def param_shape(input_shape, shared_axes):
    shape = list(input_shape[1:])
    for axis in shared_axes or ():
        shape[axis - 1] = 1
    return tuple(shape)


def shared_axes_list(shared_axes):
    if shared_axes is None:
        return []
    return list(shared_axes) if isinstance(shared_axes, (list, tuple)) else [shared_axes]


class ParametricSoftplus(keras.layers.Layer):
    def __init__(self, alpha_init=0.2, beta_init=5.0, shared_axes=None, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True  # as Keras 1 advanced activations
        self.alpha_init = alpha_init
        self.beta_init = beta_init
        self.shared_axes = shared_axes_list(shared_axes)

    def build(self, input_shape):
        shape = param_shape(input_shape, self.shared_axes)
        self.alphas = self.add_weight(shape=shape, name="alphas",
                                      initializer=keras.initializers.Constant(self.alpha_init))
        self.betas = self.add_weight(shape=shape, name="betas",
                                     initializer=keras.initializers.Constant(self.beta_init))
        self.built = True

    def call(self, inputs):
        return ops.softplus(self.betas * inputs) * self.alphas

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)
