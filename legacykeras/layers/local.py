"""Keras 1.2.2 `keras.layers.local`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.utils.np_utils import conv_output_length
from legacykeras.runtime.layers.local import (  # noqa: F401
    LocallyConnected1D, LocallyConnected2D,
)

__all__ = [
    "InputSpec", "Layer", "LocallyConnected1D", "LocallyConnected2D", "conv_output_length",
]
