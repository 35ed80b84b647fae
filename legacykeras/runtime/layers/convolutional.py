"""Keras 1 `keras.layers.convolutional` layers, built from their rows."""

from legacykeras._keras import keras
from legacykeras.rules.layers import convolutional as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.runtime.layers.channels_first import ChannelsFirstOnCPU
from legacykeras.runtime.layers.deconvolution2d import Deconvolution2DCore
from legacykeras.runtime.layers.full_border import FullBorderConv

_MODULE = "legacykeras.layers.convolutional"


class _Conv1D(FullBorderConv, keras.layers.Conv1D):
    pass


class _Conv2D(FullBorderConv, ChannelsFirstOnCPU, keras.layers.Conv2D):
    pass


class _Conv3D(FullBorderConv, ChannelsFirstOnCPU, keras.layers.Conv3D):
    pass


class _SeparableConv2D(ChannelsFirstOnCPU, keras.layers.SeparableConv2D):
    pass


class _Deconvolution2D(ChannelsFirstOnCPU, Deconvolution2DCore):
    pass


def _both_initializers(self, translation):
    """Keras 1's SeparableConvolution2D `init` initialised both kernels."""
    kwargs = LegacyLayerMixin._legacy_modern_kwargs(self, translation)
    if "depthwise_initializer" in kwargs:
        kwargs.setdefault("pointwise_initializer", kwargs["depthwise_initializer"])
    return kwargs


Convolution1D = legacy_layer_class(rows.CONVOLUTION1D, _Conv1D, module=_MODULE)
AtrousConvolution1D = legacy_layer_class(rows.ATROUS_CONVOLUTION1D, _Conv1D, module=_MODULE)
Convolution2D = legacy_layer_class(rows.CONVOLUTION2D, _Conv2D, module=_MODULE)
AtrousConvolution2D = legacy_layer_class(rows.ATROUS_CONVOLUTION2D, _Conv2D, module=_MODULE)
SeparableConvolution2D = legacy_layer_class(
    rows.SEPARABLE_CONVOLUTION2D, _SeparableConv2D, module=_MODULE,
    extra={"_legacy_modern_kwargs": _both_initializers})
Deconvolution2D = legacy_layer_class(rows.DECONVOLUTION2D, _Deconvolution2D, module=_MODULE)
Convolution3D = legacy_layer_class(rows.CONVOLUTION3D, _Conv3D, module=_MODULE)
UpSampling1D = legacy_layer_class(rows.UPSAMPLING1D, keras.layers.UpSampling1D, module=_MODULE)
UpSampling2D = legacy_layer_class(rows.UPSAMPLING2D, keras.layers.UpSampling2D, module=_MODULE)
UpSampling3D = legacy_layer_class(rows.UPSAMPLING3D, keras.layers.UpSampling3D, module=_MODULE)
ZeroPadding1D = legacy_layer_class(rows.ZEROPADDING1D, keras.layers.ZeroPadding1D, module=_MODULE)
ZeroPadding2D = legacy_layer_class(rows.ZEROPADDING2D, keras.layers.ZeroPadding2D, module=_MODULE)
ZeroPadding3D = legacy_layer_class(rows.ZEROPADDING3D, keras.layers.ZeroPadding3D, module=_MODULE)
Cropping1D = legacy_layer_class(rows.CROPPING1D, keras.layers.Cropping1D, module=_MODULE)
Cropping2D = legacy_layer_class(rows.CROPPING2D, keras.layers.Cropping2D, module=_MODULE)
Cropping3D = legacy_layer_class(rows.CROPPING3D, keras.layers.Cropping3D, module=_MODULE)

# Keras 1.2.2's short aliases: the same classes.
Conv1D = Convolution1D
Conv2D = Convolution2D
Conv3D = Convolution3D
AtrousConv1D = AtrousConvolution1D
AtrousConv2D = AtrousConvolution2D
SeparableConv2D = SeparableConvolution2D
Deconv2D = Deconvolution2D

__all__ = ["Convolution1D", "AtrousConvolution1D", "Convolution2D", "AtrousConvolution2D",
           "SeparableConvolution2D", "Deconvolution2D", "Convolution3D", "UpSampling1D", "UpSampling2D",
           "UpSampling3D", "ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D", "Cropping1D", "Cropping2D",
           "Cropping3D", "Conv1D", "Conv2D", "Conv3D", "AtrousConv1D", "AtrousConv2D", "SeparableConv2D",
           "Deconv2D"]
