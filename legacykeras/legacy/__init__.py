"""Keras 1.0-1.1 `keras.legacy`: the `Graph` container kept from Keras 0.3."""

from legacykeras.legacy.models import Graph

__all__ = ["Graph"]
