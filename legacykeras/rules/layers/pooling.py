"""Rows for `keras.layers.pooling` (Keras 1.2.2). Codes LK140-LK154.

Keras 1.2.2 also exported the (non-global) pooling layers from `keras.layers.convolutional`.
"""

from legacykeras.rules.schema import CallRule
from legacykeras.rules.values import DIM_ORDERING, TUPLES

_MOD = "keras.layers.pooling."
_ALSO = "keras.layers.convolutional."


def _pool1d(code, name):
    return CallRule(
        code=code,
        old=_MOD + name,
        new="keras.layers." + name,
        aliases=(_ALSO + name,),
        positional=("pool_length", "stride", "border_mode"),
        rename={"pool_length": "pool_size", "stride": "strides", "border_mode": "padding"},
        kept_positional=3,
        # Keras 1 wrote the stride it used (pool_length when None) into the config.
        config={"pool_length": 2, "stride": None, "border_mode": "valid"},
    )


def _pool(code, name, rank):
    return CallRule(
        code=code,
        old=_MOD + name,
        new="keras.layers." + name,
        aliases=(_ALSO + name,),
        positional=("pool_size", "strides", "border_mode", "dim_ordering"),
        rename={"border_mode": "padding", "dim_ordering": "data_format"},
        values={"dim_ordering": DIM_ORDERING, "pool_size": TUPLES, "strides": TUPLES},
        kept_positional=3,
        config={"pool_size": (2,) * rank, "strides": None, "border_mode": "valid",
                "dim_ordering": "default"},
    )


def _global(code, name, rank):
    if rank == 1:
        return CallRule(code=code, old=_MOD + name, new="keras.layers." + name)
    return CallRule(
        code=code,
        old=_MOD + name,
        new="keras.layers." + name,
        positional=("dim_ordering",),
        rename={"dim_ordering": "data_format"},
        values={"dim_ordering": DIM_ORDERING},
        kept_positional=0,
        config={"dim_ordering": "default"},
    )


MAX_POOLING1D = _pool1d("LK140", "MaxPooling1D")
AVERAGE_POOLING1D = _pool1d("LK141", "AveragePooling1D")
MAX_POOLING2D = _pool("LK142", "MaxPooling2D", 2)
AVERAGE_POOLING2D = _pool("LK143", "AveragePooling2D", 2)
MAX_POOLING3D = _pool("LK144", "MaxPooling3D", 3)
AVERAGE_POOLING3D = _pool("LK145", "AveragePooling3D", 3)
GLOBAL_MAX_POOLING1D = _global("LK146", "GlobalMaxPooling1D", 1)
GLOBAL_AVERAGE_POOLING1D = _global("LK147", "GlobalAveragePooling1D", 1)
GLOBAL_MAX_POOLING2D = _global("LK148", "GlobalMaxPooling2D", 2)
GLOBAL_AVERAGE_POOLING2D = _global("LK149", "GlobalAveragePooling2D", 2)
GLOBAL_MAX_POOLING3D = _global("LK150", "GlobalMaxPooling3D", 3)
GLOBAL_AVERAGE_POOLING3D = _global("LK151", "GlobalAveragePooling3D", 3)

RULES = [MAX_POOLING1D, AVERAGE_POOLING1D, MAX_POOLING2D, AVERAGE_POOLING2D, MAX_POOLING3D,
         AVERAGE_POOLING3D, GLOBAL_MAX_POOLING1D, GLOBAL_AVERAGE_POOLING1D, GLOBAL_MAX_POOLING2D,
         GLOBAL_AVERAGE_POOLING2D, GLOBAL_MAX_POOLING3D, GLOBAL_AVERAGE_POOLING3D]
