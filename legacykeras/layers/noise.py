"""Keras 1.2.2 `keras.layers.noise`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import Layer
from legacykeras.runtime.layers.noise import (  # noqa: F401
    GaussianNoise, GaussianDropout,
)

__all__ = [
    "GaussianDropout", "GaussianNoise", "Layer",
]
