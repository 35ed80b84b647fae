"""Keras 1.2.2 `keras.layers.convolutional_recurrent`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.runtime.layers.convolutional_recurrent import ConvLSTM2D
from legacykeras.runtime.layers.conv_recurrent2d import ConvRecurrent2D
from legacykeras.utils.np_utils import conv_output_length

__all__ = ["ConvLSTM2D", "ConvRecurrent2D", "InputSpec", "Layer", "conv_output_length"]
