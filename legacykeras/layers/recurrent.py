"""Keras 1.2.2 `keras.layers.recurrent`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.runtime.layers.recurrent import GRU, LSTM, SimpleRNN
from legacykeras.runtime.layers.recurrent_base import Recurrent, time_distributed_dense

__all__ = ["GRU", "InputSpec", "LSTM", "Layer", "Recurrent", "SimpleRNN", "time_distributed_dense"]
