"""Keras 1.2.2 `keras.layers.normalization`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.runtime.layers.normalization import (  # noqa: F401
    BatchNormalization,
)

__all__ = [
    "BatchNormalization", "InputSpec", "Layer",
]
