"""Turn rule values into live objects, and live objects back into Keras 1 config values."""

from __future__ import annotations

import importlib

from legacykeras.rules.schema import Expr


def resolve_name(dotted: str):
    """Import `a.b.c` and return attribute c; `keras.` names resolve through Keras 3."""
    if dotted.startswith("keras."):
        from legacykeras._keras import keras  # noqa: F401  (pins the backend first)
    module_name, attr = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module_name), attr)


def instantiate(value):
    """An `Expr` becomes the object it describes; anything else passes unchanged."""
    if isinstance(value, Expr):
        return resolve_name(value.target)(**value.kwargs)
    # Keras 1 took NumPy scalars (`Dense(np.max(y) + 1)`); Keras 3 checks for Python numbers.
    if type(value).__module__ == "numpy" and getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
        return value.item()
    if isinstance(value, tuple):
        return tuple(instantiate(v) for v in value)
    return value


def instantiate_all(kwargs: dict) -> dict:
    return {k: instantiate(v) for k, v in kwargs.items()}


def to_legacy_config_value(value):
    """How Keras 1 wrote a value into a layer config (names for functions, dicts for objects)."""
    legacy = getattr(value, "get_legacy_config", None)
    if legacy is not None:
        return legacy()
    if isinstance(value, tuple):
        return list(value)
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    if type(value).__module__ == "numpy" or type(value).__module__.startswith("numpy."):
        return value.tolist() if hasattr(value, "tolist") else value
    if hasattr(value, "get_config") and not isinstance(value, type):
        return {"name": type(value).__name__, **value.get_config()}
    return value
