"""Keras 1.2.2 `keras.regularizers`.

Keras 1 had one penalty class (`L1L2Regularizer`, also spelled
`WeightRegularizer` and `ActivityRegularizer`) whose helpers defaulted to 0.01
(`l1l2()` is L1 0.01 + L2 0.01; Keras 3's `l1_l2()` defaults to 0). Factors are
float32, as Keras 1 cast them, and configs are Keras 1's
`{"name": "L1L2Regularizer", "l1": ..., "l2": ...}`.
"""

from __future__ import annotations

import numpy as np

from legacykeras._keras import keras
from legacykeras.runtime.identifiers import object_getter

ops = keras.ops


class Regularizer(keras.regularizers.Regularizer):
    """Keras 1 base class: no penalty; subclasses define `__call__(x)`."""

    def __call__(self, x):
        return 0.0

    def get_config(self):
        return {}

    def get_legacy_config(self):
        return {"name": type(self).__name__, **self.get_config()}

    def set_param(self, p):
        """Keras 1.0/1.1: the weight to penalise, for a layer's `self.regularizers` list
        (legacykeras' Layer adds `self(p)` to its losses)."""
        self.p = p

    def set_layer(self, layer):
        """Keras 1.0/1.1: the layer whose output an activity regularizer penalises."""
        self.layer = layer


class L1L2Regularizer(Regularizer):
    """l1 * sum(|x|) + l2 * sum(x ** 2)."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = float(np.float32(l1))
        self.l2 = float(np.float32(l2))

    def __call__(self, x):
        penalty = 0.0
        if self.l1:
            penalty += self.l1 * ops.sum(ops.abs(x))
        if self.l2:
            penalty += self.l2 * ops.sum(ops.square(x))
        return penalty

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}

    def get_legacy_config(self):
        return {"name": "L1L2Regularizer", "l1": self.l1, "l2": self.l2}


WeightRegularizer = L1L2Regularizer
ActivityRegularizer = L1L2Regularizer


class EigenvalueRegularizer(Regularizer):
    """k * sqrt(dominant eigenvalue of W^T W), by 9 power-method steps (2D weights only)."""

    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        if len(x.shape) != 2:
            raise ValueError("EigenvalueRegularizer is only available for tensors of rank 2.")
        covariance = ops.matmul(ops.transpose(x), x)
        vector = ops.ones((covariance.shape[0], 1), dtype=x.dtype)
        vector = ops.matmul(covariance, vector)
        for _ in range(8):
            vector = ops.matmul(covariance, vector)
        product = ops.matmul(covariance, vector)
        eigenvalue = ops.matmul(ops.transpose(product), vector) / ops.matmul(ops.transpose(vector), vector)
        return ops.sum(ops.sqrt(eigenvalue) * self.k)

    def get_config(self):
        return {"k": self.k}


def l1(l=0.01):
    return L1L2Regularizer(l1=l)


def l2(l=0.01):
    return L1L2Regularizer(l2=l)


def l1l2(l1=0.01, l2=0.01):
    return L1L2Regularizer(l1=l1, l2=l2)


def activity_l1(l=0.01):
    return L1L2Regularizer(l1=l)


def activity_l2(l=0.01):
    return L1L2Regularizer(l2=l)


def activity_l1l2(l1=0.01, l2=0.01):
    return L1L2Regularizer(l1=l1, l2=l2)


_NAMES = {"L1L2Regularizer": L1L2Regularizer, "WeightRegularizer": L1L2Regularizer,
          "ActivityRegularizer": L1L2Regularizer, "EigenvalueRegularizer": EigenvalueRegularizer,
          "Regularizer": Regularizer, "l1": l1, "l2": l2, "l1l2": l1l2, "activity_l1": activity_l1,
          "activity_l2": activity_l2, "activity_l1l2": activity_l1l2}


get = object_getter("regularizer", _NAMES, keras.regularizers.Regularizer)


__all__ = list(_NAMES) + ["get"]
