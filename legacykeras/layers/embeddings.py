"""Keras 1.2.2 `keras.layers.embeddings`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import Layer
from legacykeras.runtime.layers.embeddings import (  # noqa: F401
    Embedding,
)

__all__ = [
    "Embedding", "Layer",
]
