"""Keras 1.2.2 `keras.layers`: every layer, re-exported from the per-module facades."""

from legacykeras.layers.core import *  # noqa: F401,F403
