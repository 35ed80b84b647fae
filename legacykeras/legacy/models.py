"""Keras 1.0-1.1 `keras.legacy.models`: the `Graph` container (a facade; it lives in legacykeras.runtime.graph)."""

from legacykeras.runtime.graph import Graph

__all__ = ["Graph"]
