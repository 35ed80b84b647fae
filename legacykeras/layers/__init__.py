"""Keras 1.2.2 `keras.layers`: every layer, re-exported from the per-module facades."""

from legacykeras.layers.core import *  # noqa: F401,F403
from legacykeras.layers.convolutional import *  # noqa: F401,F403
from legacykeras.layers.pooling import *  # noqa: F401,F403
from legacykeras.layers.normalization import *  # noqa: F401,F403
from legacykeras.layers.embeddings import *  # noqa: F401,F403
from legacykeras.layers.advanced_activations import *  # noqa: F401,F403
from legacykeras.layers.noise import *  # noqa: F401,F403
from legacykeras.layers.local import *  # noqa: F401,F403
from legacykeras.layers.recurrent import *  # noqa: F401,F403
from legacykeras.layers.wrappers import *  # noqa: F401,F403
from legacykeras.layers.convolutional_recurrent import *  # noqa: F401,F403
from legacykeras.engine.topology import Input, InputLayer, Merge, merge  # noqa: F401,E402
