"""`LocallyConnected1D`: a 1D convolution with unshared weights (Keras 3 removed it).

Keras 1 arrays: W (output_length, filter_length * input_dim, nb_filter), the
patch flattened as (position, feature); b (output_length, nb_filter).
Only border_mode='valid', as in Keras 1.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.runtime.layers.kernel_bias import set_kernel_bias_options

ops = keras.ops


def _check_valid(padding, name):
    if padding != "valid":
        raise ValueError(f"Invalid border mode for {name}: {padding!r} (only 'valid' is supported).")


class LocallyConnected1D(keras.layers.Layer):
    def __init__(self, filters, kernel_size, padding="valid", strides=1, activation=None,
                 kernel_initializer="glorot_uniform", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, use_bias=True,
                 **kwargs):
        _check_valid(padding, "LocallyConnected1D")
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.filters = filters
        self.kernel_size = int(kernel_size)
        self.strides = int(strides)
        self.activation = keras.activations.get(activation)
        set_kernel_bias_options(self, kernel_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint, use_bias)
        self.input_spec = keras.layers.InputSpec(ndim=3)

    def _output_length(self, length):
        return None if length is None else (length - self.kernel_size) // self.strides + 1

    def build(self, input_shape):
        self.output_length = self._output_length(input_shape[1])
        self.W = self.add_weight(shape=(self.output_length, self.kernel_size * input_shape[2], self.filters),
                                 name="W", initializer=self.kernel_initializer,
                                 regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        self.b = None
        if self.use_bias:
            self.b = self.add_weight(shape=(self.output_length, self.filters), name="b", initializer="zeros",
                                     regularizer=self.bias_regularizer, constraint=self.bias_constraint)
        self.built = True

    def call(self, inputs):
        batch = ops.shape(inputs)[0]
        patches = [ops.reshape(inputs[:, i * self.strides:i * self.strides + self.kernel_size, :], (batch, -1))
                   for i in range(self.output_length)]
        output = ops.einsum("lbf,lfo->blo", ops.stack(patches, axis=0), self.W)
        if self.use_bias:
            output = output + self.b
        return self.activation(output)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self._output_length(input_shape[1]), self.filters)
