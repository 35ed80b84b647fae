"""Keras 1 `keras.layers.noise` layers, built from their rows."""

from legacykeras._keras import keras
from legacykeras.rules.layers import noise as rows
from legacykeras.runtime.factory import legacy_layer_class

_MODULE = "legacykeras.layers.noise"

GaussianNoise = legacy_layer_class(rows.GAUSSIAN_NOISE, keras.layers.GaussianNoise, module=_MODULE)
GaussianDropout = legacy_layer_class(rows.GAUSSIAN_DROPOUT, keras.layers.GaussianDropout, module=_MODULE)

__all__ = ["GaussianNoise", "GaussianDropout"]
