"""Keras 1.2.2 `keras.objectives`: the loss functions, per sample (mean over the last axis).

Keras 1 losses return one value per sample (per timestep for 3D outputs);
`Model.compile` weights and averages them the Keras 1 way (see
`legacykeras.runtime.losses`). Keras 1 names and aliases are kept (`mse`,
`kld`, `cosine`, ...), so History keys and `metrics=['mse']` read as in 1.2.2.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.runtime.identifiers import function_getter

ops = keras.ops


def _eps():
    return keras.config.epsilon()


def mean_squared_error(y_true, y_pred):
    return ops.mean(ops.square(y_pred - y_true), axis=-1)


def mean_absolute_error(y_true, y_pred):
    return ops.mean(ops.abs(y_pred - y_true), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    diff = ops.abs((y_true - y_pred) / ops.clip(ops.abs(y_true), _eps(), float("inf")))
    return 100.0 * ops.mean(diff, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    first_log = ops.log(ops.clip(y_pred, _eps(), float("inf")) + 1.0)
    second_log = ops.log(ops.clip(y_true, _eps(), float("inf")) + 1.0)
    return ops.mean(ops.square(first_log - second_log), axis=-1)


def squared_hinge(y_true, y_pred):
    return ops.mean(ops.square(ops.maximum(1.0 - y_true * y_pred, 0.0)), axis=-1)


def hinge(y_true, y_pred):
    return ops.mean(ops.maximum(1.0 - y_true * y_pred, 0.0), axis=-1)


def categorical_crossentropy(y_true, y_pred):
    # Keras 1 renormalised the probabilities, then clipped to [eps, 1 - eps].
    y_pred = y_pred / ops.sum(y_pred, axis=-1, keepdims=True)
    y_pred = ops.clip(y_pred, _eps(), 1.0 - _eps())
    return -ops.sum(y_true * ops.log(y_pred), axis=-1)


def sparse_categorical_crossentropy(y_true, y_pred):
    y_pred = ops.clip(y_pred, _eps(), 1.0 - _eps())
    labels = ops.cast(ops.reshape(y_true, ops.shape(y_pred)[:-1]), "int32")
    one_hot = ops.one_hot(labels, ops.shape(y_pred)[-1], dtype=y_pred.dtype)
    return -ops.sum(one_hot * ops.log(y_pred), axis=-1)


def binary_crossentropy(y_true, y_pred):
    y_pred = ops.clip(y_pred, _eps(), 1.0 - _eps())
    score = -(y_true * ops.log(y_pred) + (1.0 - y_true) * ops.log(1.0 - y_pred))
    return ops.mean(score, axis=-1)


def kullback_leibler_divergence(y_true, y_pred):
    y_true = ops.clip(y_true, _eps(), 1.0)
    y_pred = ops.clip(y_pred, _eps(), 1.0)
    return ops.sum(y_true * ops.log(y_true / y_pred), axis=-1)


def poisson(y_true, y_pred):
    return ops.mean(y_pred - y_true * ops.log(y_pred + _eps()), axis=-1)


def cosine_proximity(y_true, y_pred):
    y_true = y_true / ops.sqrt(ops.maximum(ops.sum(ops.square(y_true), axis=-1, keepdims=True), 1e-12))
    y_pred = y_pred / ops.sqrt(ops.maximum(ops.sum(ops.square(y_pred), axis=-1, keepdims=True), 1e-12))
    return -ops.mean(y_true * y_pred, axis=-1)


# Keras 1 aliases.
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
kld = KLD = kullback_leibler_divergence
cosine = cosine_proximity

_ALL = {name: value for name, value in dict(globals()).items() if callable(value) and not name.startswith("_")}


get = function_getter("objective", _ALL)


from legacykeras.utils.generic_utils import get_from_module  # noqa: E402

__all__ = sorted(_ALL) + ["get", "get_from_module"]
