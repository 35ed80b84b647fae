"""`MaxoutDense`: Keras 1's maxout layer (Keras 3 has none).

output = max over k of (x W[k] + b[k]); Keras 1 arrays W (nb_feature, input_dim,
output_dim) and b (nb_feature, output_dim).
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.runtime.layers.kernel_bias import set_kernel_bias_options

ops = keras.ops


class MaxoutDense(keras.layers.Layer):
    def __init__(self, units, nb_feature=4, kernel_initializer="glorot_uniform", kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, use_bias=True, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.units = units
        self.nb_feature = nb_feature
        set_kernel_bias_options(self, kernel_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint, use_bias)
        self.input_spec = keras.layers.InputSpec(ndim=2)

    def build(self, input_shape):
        self.W = self.add_weight(shape=(self.nb_feature, input_shape[-1], self.units), name="W",
                                 initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
                                 constraint=self.kernel_constraint)
        self.b = None
        if self.use_bias:
            self.b = self.add_weight(shape=(self.nb_feature, self.units), initializer="zeros", name="b",
                                     regularizer=self.bias_regularizer, constraint=self.bias_constraint)
        self.built = True

    def call(self, inputs):
        output = ops.einsum("bi,kio->bko", inputs, self.W)
        if self.use_bias:
            output = output + self.b
        return ops.max(output, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.units)
