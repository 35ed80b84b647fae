"""Keras 1 losses and metrics as Keras 3 `Loss` / `Metric` objects.

Keras 1.2.2 (`engine/training.py`, `weighted_objective`) reduced a loss like this:
per-sample (per-timestep) scores, times the output mask divided by the mask's
mean, averaged down to the rank of the sample weights, times the weights,
divided by the *fraction of non-zero weights*, then averaged. Keras 3 divides
by the batch size instead, so a batch with zero weights (masked timesteps,
`sample_weight_mode='temporal'` padding) gives a different loss and different
gradients. `LegacyLoss` does the Keras 1 reduction.

Keras 1 metrics ignored sample weights, were one number per batch and were
averaged over an epoch weighted by batch size; `LegacyMetric` does that.
"""

from __future__ import annotations

from legacykeras import metrics as metrics_module
from legacykeras import objectives
from legacykeras._keras import keras

ops = keras.ops


def _mask_of(y_pred):
    return getattr(y_pred, "_keras_mask", None)


def _scale_for_distribution(value):
    import tensorflow as tf

    replicas = tf.distribute.get_strategy().num_replicas_in_sync
    if replicas > 1:
        value = value * (1.0 / replicas)
    return value


@keras.saving.register_keras_serializable(package="legacykeras")
class LegacyLoss(keras.losses.Loss):
    """A Keras 1 objective with Keras 1's weighting and masking."""

    def __init__(self, fn, name=None):
        super().__init__(name=name or getattr(fn, "__name__", "loss"), reduction="sum_over_batch_size")
        self.fn = fn

    def call(self, y_true, y_pred):
        return self.fn(y_true, y_pred)

    def __call__(self, y_true, y_pred, sample_weight=None):
        y_pred = ops.convert_to_tensor(y_pred)
        mask = _mask_of(y_pred)
        y_true = ops.cast(ops.convert_to_tensor(y_true), y_pred.dtype)
        score = self.fn(y_true, y_pred)
        if mask is not None:
            mask = ops.cast(mask, score.dtype)
            score = score * mask / ops.mean(mask)
        if sample_weight is None:
            return _scale_for_distribution(ops.mean(score))
        weights = ops.cast(ops.convert_to_tensor(sample_weight), score.dtype)
        weight_ndim = len(weights.shape)
        if len(score.shape) > weight_ndim:
            score = ops.mean(score, axis=tuple(range(weight_ndim, len(score.shape))))
        score = score * weights
        nonzero = ops.mean(ops.cast(ops.not_equal(weights, 0), score.dtype))
        # Keras 1 gave NaN for a batch whose weights are all zero; 0 is what users want.
        return _scale_for_distribution(ops.divide_no_nan(ops.mean(score), nonzero))

    def get_config(self):
        return {"name": self.name, "fn": getattr(self.fn, "__name__", None)}

    @classmethod
    def from_config(cls, config):
        return cls(objectives.get(config["fn"]), name=config.get("name"))


@keras.saving.register_keras_serializable(package="legacykeras")
class LegacyMetric(keras.metrics.Mean):
    """A Keras 1 metric function: one value per batch, unweighted, batch-size-weighted mean."""

    def __init__(self, fn, name=None):
        super().__init__(name=name or fn.__name__)
        self.fn = fn

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_pred = ops.convert_to_tensor(y_pred)
        y_true = ops.cast(ops.convert_to_tensor(y_true), y_pred.dtype)
        mask = _mask_of(y_pred)
        value = self.fn(y_true, y_pred)
        if mask is not None and len(ops.shape(value)) > 0:
            mask = ops.cast(mask, value.dtype)
            value = value * mask / ops.mean(mask)
        value = ops.mean(value)
        batch = ops.cast(ops.shape(y_pred)[0], value.dtype)
        return super().update_state(value, sample_weight=batch)

    def get_config(self):
        return {"name": self.name, "fn": self.fn.__name__, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        return cls(metrics_module.get(config["fn"]), name=config.get("name"))


def resolve_loss(identifier):
    """A Keras 1 loss name or function -> (Keras 1 function, LegacyLoss)."""
    if isinstance(identifier, keras.losses.Loss):
        return None, identifier
    fn = objectives.get(identifier)
    return fn, LegacyLoss(fn)


def accuracy_function(loss_fn, output_shape):
    """Keras 1's choice for 'acc' / 'accuracy' (engine/training.py, `compile`)."""
    if output_shape[-1] == 1 or loss_fn is objectives.binary_crossentropy:
        return metrics_module.binary_accuracy
    if loss_fn is objectives.sparse_categorical_crossentropy:
        return metrics_module.sparse_categorical_accuracy
    return metrics_module.categorical_accuracy


def resolve_metric(identifier, loss_fn, output_shape):
    """A Keras 1 metric entry -> (Keras 1 name, Keras 3 metric object)."""
    if identifier in ("accuracy", "acc"):
        return "acc", LegacyMetric(accuracy_function(loss_fn, output_shape), name="acc")
    if isinstance(identifier, keras.metrics.Metric):
        return identifier.name, identifier
    fn = metrics_module.get(identifier)
    return fn.__name__, LegacyMetric(fn)
