"""Keras 1.2.2 `keras.backend` (`from keras import backend as K`), on TensorFlow 2 / Keras 3.

Keras 1 chose Theano or TensorFlow from keras.json; legacykeras always runs on
TensorFlow (an old keras.json saying "theano" is read for its other settings),
so `K.backend()` is 'tensorflow' and the functions are those of Keras 1's
TensorFlow backend, with Keras 1 names and semantics.
"""

from legacykeras.backend.common import (  # noqa: F401
    cast_to_floatx,
    epsilon,
    floatx,
    get_uid,
    image_dim_ordering,
    is_keras_tensor,
    legacy_weight_ordering,
    reset_uids,
    set_epsilon,
    set_floatx,
    set_image_dim_ordering,
    set_legacy_weight_ordering,
)
from legacykeras.backend.tensorflow_backend import *  # noqa: F401,F403
from legacykeras.backend.tensorflow_backend import __all__ as _tf_names

_BACKEND = "tensorflow"


def backend() -> str:
    """'tensorflow': legacykeras runs Keras 1 code on TensorFlow whatever keras.json says."""
    return _BACKEND


__all__ = sorted({*_tf_names, "backend", "cast_to_floatx", "epsilon", "floatx", "get_uid",
                  "image_dim_ordering", "is_keras_tensor", "legacy_weight_ordering", "reset_uids",
                  "set_epsilon", "set_floatx", "set_image_dim_ordering", "set_legacy_weight_ordering"})
