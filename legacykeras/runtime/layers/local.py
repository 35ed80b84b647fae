"""Keras 1 `keras.layers.local` layers (Keras 3 removed them; implemented here)."""

from legacykeras.rules.layers import local as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layers.locally_connected1d import LocallyConnected1D as _LocallyConnected1D
from legacykeras.runtime.layers.locally_connected2d import LocallyConnected2D as _LocallyConnected2D

_MODULE = "legacykeras.layers.local"

LocallyConnected1D = legacy_layer_class(rows.LOCALLY_CONNECTED1D, _LocallyConnected1D, module=_MODULE)
LocallyConnected2D = legacy_layer_class(rows.LOCALLY_CONNECTED2D, _LocallyConnected2D, module=_MODULE)

__all__ = ["LocallyConnected1D", "LocallyConnected2D"]
