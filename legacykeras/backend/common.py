"""Keras 1.2.2 `keras.backend.common`: settings read from ~/.keras/keras.json, name counters.

`image_dim_ordering`, `floatx` and `epsilon` come from `legacykeras.config` (the
keras.json a Keras 1 user has, `"backend": "theano"` and all); the setters
override them for this process, as in Keras 1.
"""

from __future__ import annotations

import numpy as np

from legacykeras import config

_settings = {"legacy_weight_ordering": False, "manual_variable_initialization": False}


def epsilon() -> float:
    return config.epsilon()


def set_epsilon(e) -> None:
    config.set_epsilon(e)


def floatx() -> str:
    return config.floatx()


def set_floatx(floatx) -> None:
    config.set_floatx(str(floatx))


def cast_to_floatx(x):
    """A numpy array (or scalar array) of `x` in floatx."""
    return np.asarray(x, dtype=floatx())


def image_dim_ordering() -> str:
    return config.image_dim_ordering()


def set_image_dim_ordering(dim_ordering) -> None:
    config.set_image_dim_ordering(dim_ordering)


def get_uid(prefix: str = "") -> int:
    """Keras 1 layer-name counter: `dense` -> 1, 2, ... (shared with legacy layer names)."""
    from legacykeras.runtime import naming

    # Keras 1 named layers `prefix + '_' + str(K.get_uid(prefix))`: one counter for both.
    naming._counters[prefix] += 1
    return naming._counters[prefix]


def reset_uids() -> None:
    from legacykeras.runtime import naming

    naming.reset()


def is_keras_tensor(x) -> bool:
    """Keras 1: whether `x` is a symbolic tensor made by a Keras layer or Input."""
    return hasattr(x, "_keras_history")


def set_legacy_weight_ordering(value) -> None:
    if value not in (True, False):
        raise ValueError("Expected a boolean value.")
    _settings["legacy_weight_ordering"] = value


def legacy_weight_ordering() -> bool:
    return _settings["legacy_weight_ordering"]


def set_manual_variable_initialization(value: bool) -> None:
    _settings["manual_variable_initialization"] = value


__all__ = [
    "epsilon", "set_epsilon", "floatx", "set_floatx", "cast_to_floatx", "image_dim_ordering",
    "set_image_dim_ordering", "get_uid", "reset_uids", "is_keras_tensor", "set_legacy_weight_ordering",
    "legacy_weight_ordering",
]
