"""Keras 1.2.2 `keras.layers.core`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.runtime.layers.core import Activation, Dense, Dropout, Flatten

__all__ = ["Activation", "Dense", "Dropout", "Flatten"]
