"""Keras 1.2.2 `keras.constraints`.

Keras 1 names and arguments: `maxnorm(m=2, axis=0)` (Keras 3: `MaxNorm(max_value=)`),
`nonneg`, `unitnorm(axis=0)`, `MinMaxNorm(low, high, rate, axis)`; configs are
Keras 1's (`{"name": "MaxNorm", "m": 2, "axis": 0}`). `axis` counts in the
array as Keras 3 holds it (a 'th' convolution kernel is (rows, cols, in, out)
in Keras 3, (out, in, rows, cols) in Keras 1).
"""

from __future__ import annotations

from legacykeras import config as _config
from legacykeras._keras import keras
from legacykeras.runtime.identifiers import object_getter

ops = keras.ops


class Constraint(keras.constraints.Constraint):
    def __call__(self, p):
        return p

    def get_config(self):
        return {}

    def get_legacy_config(self):
        return {"name": type(self).__name__, **self.get_config()}


def _norms(p, axis):
    return ops.sqrt(ops.sum(ops.square(p), axis=axis, keepdims=True))


class MaxNorm(Constraint):
    def __init__(self, m=2, axis=0):
        self.m = m
        self.axis = axis

    def __call__(self, p):
        norms = _norms(p, self.axis)
        desired = ops.clip(norms, 0, self.m)
        return p * (desired / (_config.epsilon() + norms))

    def get_config(self):
        return {"m": self.m, "axis": self.axis}


class NonNeg(Constraint):
    def __call__(self, p):
        return p * ops.cast(p >= 0.0, p.dtype)


class UnitNorm(Constraint):
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, p):
        return p / (_config.epsilon() + _norms(p, self.axis))

    def get_config(self):
        return {"axis": self.axis}


class MinMaxNorm(Constraint):
    def __init__(self, low=0.0, high=1.0, rate=1.0, axis=0):
        self.low = low
        self.high = high
        self.rate = rate
        self.axis = axis

    def __call__(self, p):
        norms = _norms(p, self.axis)
        desired = self.rate * ops.clip(norms, self.low, self.high) + (1 - self.rate) * norms
        return p * (desired / (_config.epsilon() + norms))

    def get_config(self):
        return {"low": self.low, "high": self.high, "rate": self.rate, "axis": self.axis}


maxnorm = MaxNorm
nonneg = NonNeg
unitnorm = UnitNorm

_NAMES = {"Constraint": Constraint, "MaxNorm": MaxNorm, "NonNeg": NonNeg, "UnitNorm": UnitNorm,
          "MinMaxNorm": MinMaxNorm, "maxnorm": MaxNorm, "nonneg": NonNeg, "unitnorm": UnitNorm}


get = object_getter("constraint", _NAMES, keras.constraints.Constraint)


__all__ = list(_NAMES) + ["get"]
