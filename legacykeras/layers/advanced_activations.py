"""Keras 1.2.2 `keras.layers.advanced_activations`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import Layer
from legacykeras.runtime.layers.advanced_activations import (  # noqa: F401
    LeakyReLU, PReLU, ELU, ParametricSoftplus, ThresholdedReLU, SReLU,
)

__all__ = [
    "ELU", "Layer", "LeakyReLU", "PReLU", "ParametricSoftplus", "SReLU", "ThresholdedReLU",
]
