"""Keras 1.2.2 `keras.activations`, with Keras 1's numerics.

Keras 1's `hard_sigmoid` was clip(0.2 x + 0.5, 0, 1); Keras 3's has slope 1/6,
so every Keras 1 LSTM/GRU (whose `inner_activation` defaulted to it) needs
this one. `softmax` took 2D or 3D input only, over the last axis.
"""

from __future__ import annotations

from legacykeras._keras import keras

ops = keras.ops


def softmax(x):
    ndim = len(x.shape)
    if ndim not in (2, 3):
        raise ValueError(f"Cannot apply softmax to a tensor that is not 2D or 3D. Here, ndim={ndim}")
    return ops.softmax(x, axis=-1)


def elu(x, alpha=1.0):
    return ops.elu(x, alpha=alpha)


def softplus(x):
    return ops.softplus(x)


def softsign(x):
    return ops.softsign(x)


def relu(x, alpha=0.0, max_value=None):
    negative = ops.relu(-x) if alpha else None
    out = ops.relu(x)
    if max_value is not None:
        out = ops.minimum(out, max_value)
    if negative is not None:
        out = out - alpha * negative
    return out


def tanh(x):
    return ops.tanh(x)


def sigmoid(x):
    return ops.sigmoid(x)


def hard_sigmoid(x):
    return ops.clip(0.2 * x + 0.5, 0.0, 1.0)


def linear(x):
    return x


_NAMES = {f.__name__: f for f in (softmax, elu, softplus, softsign, relu, tanh, sigmoid, hard_sigmoid, linear)}


def get(identifier):
    """Keras 1 `activations.get`: None is linear, a name is looked up, a callable passes."""
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        if identifier not in _NAMES:
            raise ValueError(f"Invalid activation function: {identifier!r}")
        return _NAMES[identifier]
    if callable(identifier):
        return identifier
    raise ValueError(f"Could not interpret activation function identifier: {identifier!r}")


__all__ = [*_NAMES, "get"]
