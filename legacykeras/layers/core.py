"""Keras 1.2.2 `keras.layers.core`: a facade; the classes live in legacykeras.runtime.layers."""

from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.utils.generic_utils import func_dump, func_load, get_from_module
from legacykeras.runtime.layers.core import (  # noqa: F401
    Dense, Activation, Dropout, SpatialDropout1D, SpatialDropout2D, SpatialDropout3D, Flatten,
    Reshape, Permute, RepeatVector, Lambda, ActivityRegularization, Masking, Highway,
    MaxoutDense, TimeDistributedDense,
)


def __getattr__(name):
    # Keras 1 imported Merge into core; it lives with the functional machinery.
    if name == "Merge":
        from legacykeras.engine.topology import Merge

        return Merge
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Activation", "ActivityRegularization", "Dense", "Dropout", "Flatten", "Highway",
    "InputSpec", "Lambda", "Layer", "Masking", "MaxoutDense", "Permute", "RepeatVector",
    "Reshape", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
    "TimeDistributedDense", "func_dump", "func_load", "get_from_module",
]
