"""`LocallyConnected2D`: a 2D convolution with unshared weights (Keras 3 removed it).

Keras 1 arrays: W (output_rows * output_cols, nb_row * nb_col * channels, nb_filter)
with each patch flattened in the input's own order ('th': channel, row, col;
'tf': row, col, channel); b (output_rows, output_cols, nb_filter), which Keras 1
added to a 'th' output by a plain reshape to (nb_filter, rows, cols), and so do we.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.runtime.layers.locally_connected1d import _check_valid
from legacykeras.runtime.layers.kernel_bias import set_kernel_bias_options

ops = keras.ops


class LocallyConnected2D(keras.layers.Layer):
    def __init__(self, filters, kernel_size, padding="valid", strides=(1, 1), data_format=None,
                 activation=None, kernel_initializer="glorot_uniform", kernel_regularizer=None,
                 bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None,
                 use_bias=True, **kwargs):
        _check_valid(padding, "LocallyConnected2D")
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        self.filters = filters
        self.kernel_size = tuple(kernel_size)
        self.strides = tuple(strides)
        self.data_format = data_format or keras.config.image_data_format()
        self.activation = keras.activations.get(activation)
        set_kernel_bias_options(self, kernel_initializer, kernel_regularizer, bias_regularizer,
                                kernel_constraint, bias_constraint, use_bias)
        self.input_spec = keras.layers.InputSpec(ndim=4)

    @property
    def _channels_first(self):
        return self.data_format == "channels_first"

    def _output_size(self, input_shape):
        rows, cols = (input_shape[2], input_shape[3]) if self._channels_first else (input_shape[1], input_shape[2])
        out = [(size - k) // s + 1 for size, k, s in zip((rows, cols), self.kernel_size, self.strides)]
        return out[0], out[1]

    def build(self, input_shape):
        channels = input_shape[1] if self._channels_first else input_shape[3]
        self.output_row, self.output_col = self._output_size(input_shape)
        self.W = self.add_weight(
            shape=(self.output_row * self.output_col, self.kernel_size[0] * self.kernel_size[1] * channels,
                   self.filters),
            name="W", initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint)
        self.b = None
        if self.use_bias:
            self.b = self.add_weight(shape=(self.output_row, self.output_col, self.filters), name="b",
                                     initializer="zeros", regularizer=self.bias_regularizer,
                                     constraint=self.bias_constraint)
        self.built = True

    def call(self, inputs):
        batch = ops.shape(inputs)[0]
        (kr, kc), (sr, sc) = self.kernel_size, self.strides
        patches = []
        for i in range(self.output_row):
            for j in range(self.output_col):
                if self._channels_first:
                    patch = inputs[:, :, i * sr:i * sr + kr, j * sc:j * sc + kc]
                else:
                    patch = inputs[:, i * sr:i * sr + kr, j * sc:j * sc + kc, :]
                patches.append(ops.reshape(patch, (batch, -1)))
        output = ops.einsum("pbf,pfo->bpo", ops.stack(patches, axis=0), self.W)
        output = ops.reshape(output, (batch, self.output_row, self.output_col, self.filters))
        if self._channels_first:
            output = ops.transpose(output, (0, 3, 1, 2))
            if self.use_bias:
                output = output + ops.reshape(self.b, (1, self.filters, self.output_row, self.output_col))
        elif self.use_bias:
            output = output + self.b
        return self.activation(output)

    def compute_output_shape(self, input_shape):
        rows, cols = self._output_size(input_shape)
        if self._channels_first:
            return (input_shape[0], self.filters, rows, cols)
        return (input_shape[0], rows, cols, self.filters)
