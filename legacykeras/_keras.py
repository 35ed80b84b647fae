"""The one place legacykeras imports Keras 3.

Keras 3 reads KERAS_BACKEND before ~/.keras/keras.json. A Keras 1 keras.json
often says "theano", which Keras 3 refuses at import; legacykeras runs on
TensorFlow, so it pins the backend here before keras is first imported.
"""

import os

_SUPPORTED = "tensorflow"
if os.environ.get("KERAS_BACKEND") != _SUPPORTED:
    os.environ["KERAS_BACKEND"] = _SUPPORTED
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402

if keras.backend.backend() != _SUPPORTED:
    raise ImportError(
        f"legacykeras needs Keras 3 on the TensorFlow backend, but keras was already imported "
        f"with backend {keras.backend.backend()!r}. Import legacykeras first or set KERAS_BACKEND=tensorflow."
    )

__all__ = ["keras"]
