"""Keras 1.2.2 `keras.optimizers` with Keras 1 argument names and defaults."""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras import warnings as lk_warnings


def _learning_rate(lr, decay):
    # Keras 1: lr_t = lr / (1 + decay * iterations), iterations counted from 0.
    if decay:
        return keras.optimizers.schedules.InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)
    return lr


def _clip(kwargs):
    return {k: kwargs.pop(k) for k in ("clipnorm", "clipvalue") if k in kwargs}


class SGD(keras.optimizers.SGD):
    """Keras 1 SGD(lr=0.01, momentum=0., decay=0., nesterov=False)."""

    def __init__(self, lr=None, momentum=0.0, decay=0.0, nesterov=False, **kwargs):
        if lr is not None:
            lk_warnings.warn_legacy("LK601", "Keras 1 `SGD(lr=...)`: Keras 3 spells it `SGD(learning_rate=...)`.")
        lr = kwargs.pop("learning_rate", 0.01 if lr is None else lr)
        clip = _clip(kwargs)
        super().__init__(learning_rate=_learning_rate(lr, decay), momentum=momentum, nesterov=nesterov,
                         **clip, **kwargs)
        self._legacy_config = {"lr": lr, "momentum": momentum, "decay": decay, "nesterov": nesterov, **clip}

    def get_legacy_config(self):
        return {"name": "SGD", **self._legacy_config}


_BY_NAME = {"sgd": SGD}


def get(identifier):
    """Keras 1 names ('sgd', 'adam', ...) give Keras 1 defaults; objects pass through."""
    if isinstance(identifier, str):
        key = identifier.lower()
        if key in _BY_NAME:
            return _BY_NAME[key]()
        return keras.optimizers.get(identifier)
    return identifier
