"""Keras 1.2.2 `keras.metrics`: every 1.2.2 metric, including those Keras 2 removed.

A Keras 1 metric is computed per batch as one number (the batch mean, or a
batch-level statistic for `precision`, `recall`, `fbeta_score`, `fmeasure`,
`matthews_correlation`), ignores sample weights, and is averaged over an epoch
weighted by batch size. `precision` / `recall` / `fmeasure` are therefore
*batch-wise* approximations, as they were in Keras 1 (which is why Keras 2
removed them); use `keras.metrics.Precision` / `Recall` / `F1Score` for the
exact epoch-level values.
"""

from __future__ import annotations

from legacykeras import objectives
from legacykeras._keras import keras
from legacykeras.runtime.identifiers import function_getter

ops = keras.ops


def _eps():
    return keras.config.epsilon()


def _floatx(x):
    return ops.cast(x, keras.config.floatx())


def binary_accuracy(y_true, y_pred):
    return ops.mean(_floatx(ops.equal(y_true, ops.round(y_pred))))


def categorical_accuracy(y_true, y_pred):
    return ops.mean(_floatx(ops.equal(ops.argmax(y_true, axis=-1), ops.argmax(y_pred, axis=-1))))


def sparse_categorical_accuracy(y_true, y_pred):
    return ops.mean(_floatx(ops.equal(ops.max(y_true, axis=-1), _floatx(ops.argmax(y_pred, axis=-1)))))


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    return ops.mean(_floatx(ops.in_top_k(ops.argmax(y_true, axis=-1), y_pred, k)))


def mean_squared_error(y_true, y_pred):
    return ops.mean(objectives.mean_squared_error(y_true, y_pred))


def mean_absolute_error(y_true, y_pred):
    return ops.mean(objectives.mean_absolute_error(y_true, y_pred))


def mean_absolute_percentage_error(y_true, y_pred):
    return ops.mean(objectives.mean_absolute_percentage_error(y_true, y_pred))


def mean_squared_logarithmic_error(y_true, y_pred):
    return ops.mean(objectives.mean_squared_logarithmic_error(y_true, y_pred))


def hinge(y_true, y_pred):
    return ops.mean(objectives.hinge(y_true, y_pred))


def squared_hinge(y_true, y_pred):
    return ops.mean(objectives.squared_hinge(y_true, y_pred))


def categorical_crossentropy(y_true, y_pred):
    return ops.mean(objectives.categorical_crossentropy(y_true, y_pred))


def sparse_categorical_crossentropy(y_true, y_pred):
    return ops.mean(objectives.sparse_categorical_crossentropy(y_true, y_pred))


def binary_crossentropy(y_true, y_pred):
    return ops.mean(objectives.binary_crossentropy(y_true, y_pred))


def kullback_leibler_divergence(y_true, y_pred):
    return ops.mean(objectives.kullback_leibler_divergence(y_true, y_pred))


def poisson(y_true, y_pred):
    return ops.mean(objectives.poisson(y_true, y_pred))


def cosine_proximity(y_true, y_pred):
    return ops.mean(objectives.cosine_proximity(y_true, y_pred))


def matthews_correlation(y_true, y_pred):
    y_pred_pos = ops.round(ops.clip(y_pred, 0, 1))
    y_pred_neg = 1 - y_pred_pos
    y_pos = ops.round(ops.clip(y_true, 0, 1))
    y_neg = 1 - y_pos
    tp = ops.sum(y_pos * y_pred_pos)
    tn = ops.sum(y_neg * y_pred_neg)
    fp = ops.sum(y_neg * y_pred_pos)
    fn = ops.sum(y_pos * y_pred_neg)
    numerator = tp * tn - fp * fn
    denominator = ops.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return numerator / (denominator + _eps())


def precision(y_true, y_pred):
    true_positives = ops.sum(ops.round(ops.clip(y_true * y_pred, 0, 1)))
    predicted_positives = ops.sum(ops.round(ops.clip(y_pred, 0, 1)))
    return true_positives / (predicted_positives + _eps())


def recall(y_true, y_pred):
    true_positives = ops.sum(ops.round(ops.clip(y_true * y_pred, 0, 1)))
    possible_positives = ops.sum(ops.round(ops.clip(y_true, 0, 1)))
    return true_positives / (possible_positives + _eps())


def fbeta_score(y_true, y_pred, beta=1):
    # Keras 1.2.2 also had `if K.sum(...) == 0: return 0`, a symbolic comparison that
    # was never true; the formula below is what it computed.
    if beta < 0:
        raise ValueError("The lowest choosable beta is zero (only precision).")
    p = precision(y_true, y_pred)
    r = recall(y_true, y_pred)
    bb = beta**2
    return (1 + bb) * (p * r) / (bb * p + r + _eps())


def fmeasure(y_true, y_pred):
    return fbeta_score(y_true, y_pred, beta=1)


# Keras 1 aliases.
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
cosine = cosine_proximity
fscore = f1score = fmeasure

_ALL = {name: value for name, value in dict(globals()).items()
        if callable(value) and not name.startswith("_") and getattr(value, "__module__", None) == __name__}


get = function_getter("metric", _ALL)


from legacykeras.utils.generic_utils import get_from_module  # noqa: E402

__all__ = sorted(_ALL) + ["get", "get_from_module"]
