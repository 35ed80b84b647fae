"""Keras 1 `keras.layers.core` layers that map onto a Keras 3 layer."""

from legacykeras._keras import keras
from legacykeras.rules.layers import core as rows
from legacykeras.runtime.factory import legacy_layer_class

_MODULE = "legacykeras.layers.core"

Dense = legacy_layer_class(rows.DENSE, keras.layers.Dense, module=_MODULE)
Activation = legacy_layer_class(rows.ACTIVATION, keras.layers.Activation, module=_MODULE)
Dropout = legacy_layer_class(rows.DROPOUT, keras.layers.Dropout, module=_MODULE)
Flatten = legacy_layer_class(rows.FLATTEN, keras.layers.Flatten, module=_MODULE)
