"""`Highway`: Keras 1's highway layer (Keras 3 has none).

y = T * activation(x W + b) + (1 - T) * x, with T = sigmoid(x W_carry + b_carry).
Keras 1 arrays, in order: W, W_carry, b, b_carry (b_carry starts at 1).
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.runtime.layers.kernel_bias import set_kernel_bias_options

ops = keras.ops


class Highway(keras.layers.Layer):
    def __init__(self, kernel_initializer="glorot_uniform", activation=None, kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, use_bias=True, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.activation = keras.activations.get(activation)
        set_kernel_bias_options(self, kernel_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint, use_bias)
        self.input_spec = keras.layers.InputSpec(ndim=2)

    def build(self, input_shape):
        dim = input_shape[-1]
        self.W = self.add_weight(shape=(dim, dim), initializer=self.kernel_initializer, name="W",
                                 regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        self.W_carry = self.add_weight(shape=(dim, dim), initializer=self.kernel_initializer, name="W_carry")
        if self.use_bias:
            self.b = self.add_weight(shape=(dim,), initializer="zeros", name="b",
                                     regularizer=self.bias_regularizer, constraint=self.bias_constraint)
            self.b_carry = self.add_weight(shape=(dim,), initializer="ones", name="b_carry")
        else:
            self.b = self.b_carry = None
        self.built = True

    def call(self, inputs):
        carry = ops.matmul(inputs, self.W_carry)
        transform = ops.matmul(inputs, self.W)
        if self.use_bias:
            carry = carry + self.b_carry
            transform = transform + self.b
        gate = ops.sigmoid(carry)
        return self.activation(transform) * gate + (1 - gate) * inputs

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)
