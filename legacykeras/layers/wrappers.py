"""Keras 1.2.2 `keras.layers.wrappers`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.runtime.layers.wrappers import Bidirectional, TimeDistributed
from legacykeras.runtime.layers.wrapper import Wrapper

__all__ = ["Bidirectional", "InputSpec", "Layer", "TimeDistributed", "Wrapper"]
