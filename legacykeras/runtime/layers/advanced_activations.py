"""Keras 1 `keras.layers.advanced_activations` layers, built from their rows."""

from legacykeras._keras import keras
from legacykeras.rules.layers import advanced_activations as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layers.parametric_softplus import ParametricSoftplus as _ParametricSoftplus
from legacykeras.runtime.layers.srelu import SReLU as _SReLU
from legacykeras.runtime.layers.thresholded_relu import ThresholdedReLU as _ThresholdedReLU

_MODULE = "legacykeras.layers.advanced_activations"

LeakyReLU = legacy_layer_class(rows.LEAKY_RELU, keras.layers.LeakyReLU, module=_MODULE)
PReLU = legacy_layer_class(rows.PRELU, keras.layers.PReLU, module=_MODULE)
ELU = legacy_layer_class(rows.ELU, keras.layers.ELU, module=_MODULE)
ParametricSoftplus = legacy_layer_class(rows.PARAMETRIC_SOFTPLUS, _ParametricSoftplus, module=_MODULE)
ThresholdedReLU = legacy_layer_class(rows.THRESHOLDED_RELU, _ThresholdedReLU, module=_MODULE)
SReLU = legacy_layer_class(rows.SRELU, _SReLU, module=_MODULE)

__all__ = ["LeakyReLU", "PReLU", "ELU", "ParametricSoftplus", "ThresholdedReLU", "SReLU"]
