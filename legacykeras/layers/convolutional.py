"""Keras 1.2.2 `keras.layers.convolutional`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.utils.np_utils import conv_input_length, conv_output_length
from legacykeras.runtime.layers.pooling import (  # noqa: F401  (Keras 1.2.2 exported them here too)
    AveragePooling1D, AveragePooling2D, AveragePooling3D, MaxPooling1D, MaxPooling2D, MaxPooling3D,
)
from legacykeras.runtime.layers.convolutional import (  # noqa: F401
    Convolution1D, AtrousConvolution1D, Convolution2D, AtrousConvolution2D,
    SeparableConvolution2D, Deconvolution2D, Convolution3D, UpSampling1D, UpSampling2D,
    UpSampling3D, ZeroPadding1D, ZeroPadding2D, ZeroPadding3D, Cropping1D, Cropping2D,
    Cropping3D, Conv1D, Conv2D, Conv3D, AtrousConv1D, AtrousConv2D, SeparableConv2D, Deconv2D,
)

__all__ = [
    "AtrousConv1D", "AtrousConv2D", "AtrousConvolution1D", "AtrousConvolution2D",
    "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "Conv1D", "Conv2D", "Conv3D",
    "Convolution1D", "Convolution2D", "Convolution3D", "Cropping1D", "Cropping2D", "Cropping3D",
    "Deconv2D", "Deconvolution2D", "InputSpec", "Layer", "MaxPooling1D", "MaxPooling2D",
    "MaxPooling3D", "SeparableConv2D", "SeparableConvolution2D", "UpSampling1D", "UpSampling2D",
    "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "conv_input_length",
    "conv_output_length",
]
