"""Keras 1.2.2 `keras.engine`: Layer, InputSpec, Input, InputLayer, Merge, merge, Model, Container."""

from legacykeras.engine.topology import Input, InputLayer, InputSpec, Layer, Merge, get_source_inputs, merge


def __getattr__(name):
    if name in ("Model", "Container"):
        from legacykeras.models import Model

        return Model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Layer", "InputSpec", "Input", "InputLayer", "Merge", "merge", "Model", "Container", "get_source_inputs"]
