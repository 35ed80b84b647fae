"""`SReLU`: Keras 1's S-shaped ReLU (Keras 3 has none).

With t_right_actual = t_left + |t_right|:
y = t_left + min(max(x - t_left, 0), t_right_actual - t_left) - a_left * max(t_left - x, 0)
    + a_right * max(x - t_right_actual, 0).
Keras 1 arrays: t_left, a_left, t_right, a_right, shaped like the input without
the batch axis, with `shared_axes` set to 1.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.runtime.layers.parametric_softplus import param_shape, shared_axes_list

ops = keras.ops


class SReLU(keras.layers.Layer):
    def __init__(self, t_left_init="zeros", a_left_init="glorot_uniform", t_right_init="glorot_uniform",
                 a_right_init="ones", shared_axes=None, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True  # as Keras 1 advanced activations
        self.initializers = [_initializer(i) for i in (t_left_init, a_left_init, t_right_init, a_right_init)]
        self.shared_axes = shared_axes_list(shared_axes)

    def build(self, input_shape):
        shape = param_shape(input_shape, self.shared_axes)
        names = ("t_left", "a_left", "t_right", "a_right")
        for name, initializer in zip(names, self.initializers):
            setattr(self, name, self.add_weight(shape=shape, name=name, initializer=initializer))
        self.built = True

    def call(self, inputs):
        t_right_actual = self.t_left + ops.abs(self.t_right)
        shifted = inputs - self.t_left
        center = ops.minimum(ops.relu(shifted), t_right_actual - self.t_left)
        left = self.t_left + center - self.a_left * ops.relu(-shifted)
        return left + ops.relu(inputs - t_right_actual) * self.a_right

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)


def _initializer(value):
    from legacykeras.initializations import legacy_initializer
    from legacykeras.runtime.values import instantiate

    value = instantiate(value)
    if isinstance(value, str):
        return keras.initializers.get(value)
    return legacy_initializer(value)
