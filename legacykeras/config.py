"""Keras 1's user settings, read from ~/.keras/keras.json the way Keras 1.2.2 did.

Keras 1 kept `image_dim_ordering`, `floatx`, `epsilon` and `backend` there. An
old file may say `"backend": "theano"`; Keras 3 would refuse to import with it,
so legacykeras forces the TensorFlow backend (see `legacykeras._keras`) and only
reads the other keys. Pure Python: importing this never imports keras.
"""

from __future__ import annotations

import json
import os

_DEFAULTS = {"image_dim_ordering": "tf", "floatx": "float32", "epsilon": 1e-7}
_overrides: dict = {}


def keras_dir() -> str:
    """Keras 1 used ~/.keras, or /tmp/.keras when the home folder was read-only."""
    if os.environ.get("KERAS_HOME"):
        return os.environ["KERAS_HOME"]
    base = os.path.expanduser("~")
    if not os.access(base, os.W_OK):
        base = "/tmp"
    return os.path.join(base, ".keras")


def _read_file() -> dict:
    path = os.path.join(keras_dir(), "keras.json")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def get(key: str):
    if key in _overrides:
        return _overrides[key]
    value = _read_file().get(key, _DEFAULTS.get(key))
    if key == "image_dim_ordering" and value not in ("th", "tf"):
        # Keras 2 files say image_data_format instead; honour it.
        fmt = _read_file().get("image_data_format")
        value = {"channels_first": "th"}.get(fmt, "tf")
    return value


def image_dim_ordering() -> str:
    return get("image_dim_ordering")


def set_image_dim_ordering(value: str) -> None:
    if value not in ("th", "tf"):
        raise ValueError(f"Unknown dim_ordering: {value!r}; expected 'th' or 'tf'.")
    _overrides["image_dim_ordering"] = value


def floatx() -> str:
    return get("floatx")


def epsilon() -> float:
    return float(get("epsilon"))


def set_floatx(value: str) -> None:
    if value not in ("float16", "float32", "float64"):
        raise ValueError(f"Unknown floatx type: {value!r}; expected float16, float32 or float64.")
    _overrides["floatx"] = value


def set_epsilon(value: float) -> None:
    _overrides["epsilon"] = float(value)
