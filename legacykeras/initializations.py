"""Keras 1.2.2 `keras.initializations` (Keras 3: `keras.initializers`).

Each function is called like Keras 1's, `init(shape, name=None, dim_ordering='th')`,
and returns a variable. Keras 1 distributions: 'normal' and 'uniform' have scale
0.05, `glorot_normal`/`he_normal` are plain (untruncated) normals, `orthogonal`
has gain 1.1. Fans follow Keras 1's `get_fans`: for 4D/5D 'th' shapes
(out, in, *receptive field), for 'tf' shapes (*receptive field, in, out).

As a layer's `init=`, these (and any Keras 1 style `f(shape, name=None)`) are
wrapped by `legacy_initializer`, which calls them with Keras 3's channels-last
kernel shape and `dim_ordering='tf'`.
"""

from __future__ import annotations

import inspect

import numpy as np

from legacykeras._keras import keras


def get_fans(shape, dim_ordering="th"):
    shape = tuple(shape)
    if len(shape) == 2:
        return shape[0], shape[1]
    if len(shape) in (4, 5):
        if dim_ordering == "th":
            receptive = int(np.prod(shape[2:]))
            return shape[1] * receptive, shape[0] * receptive
        if dim_ordering == "tf":
            receptive = int(np.prod(shape[:-2]))
            return shape[-2] * receptive, shape[-1] * receptive
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}")
    root = int(np.sqrt(np.prod(shape)))
    return root, root


def _variable(value, name):
    return keras.Variable(np.asarray(value, dtype=keras.config.floatx()), name=name)


def uniform(shape, scale=0.05, name=None, dim_ordering="th"):
    return _variable(np.random.uniform(-scale, scale, size=shape), name)


def normal(shape, scale=0.05, name=None, dim_ordering="th"):
    return _variable(np.random.normal(0.0, scale, size=shape), name)


def lecun_uniform(shape, name=None, dim_ordering="th"):
    fan_in, _ = get_fans(shape, dim_ordering)
    return uniform(shape, np.sqrt(3.0 / fan_in), name=name)


def glorot_normal(shape, name=None, dim_ordering="th"):
    fan_in, fan_out = get_fans(shape, dim_ordering)
    return normal(shape, np.sqrt(2.0 / (fan_in + fan_out)), name=name)


def glorot_uniform(shape, name=None, dim_ordering="th"):
    fan_in, fan_out = get_fans(shape, dim_ordering)
    return uniform(shape, np.sqrt(6.0 / (fan_in + fan_out)), name=name)


def he_normal(shape, name=None, dim_ordering="th"):
    fan_in, _ = get_fans(shape, dim_ordering)
    return normal(shape, np.sqrt(2.0 / fan_in), name=name)


def he_uniform(shape, name=None, dim_ordering="th"):
    fan_in, _ = get_fans(shape, dim_ordering)
    return uniform(shape, np.sqrt(6.0 / fan_in), name=name)


def orthogonal(shape, scale=1.1, name=None, dim_ordering="th"):
    flat_shape = (shape[0], int(np.prod(shape[1:])))
    a = np.random.normal(0.0, 1.0, flat_shape)
    u, _, v = np.linalg.svd(a, full_matrices=False)
    q = u if u.shape == flat_shape else v
    return _variable(scale * q.reshape(shape), name)


def identity(shape, scale=1, name=None, dim_ordering="th"):
    if len(shape) != 2 or shape[0] != shape[1]:
        raise ValueError("Identity matrix initialization can only be used for 2D square matrices.")
    return _variable(scale * np.identity(shape[0]), name)


def zero(shape, name=None, dim_ordering="th"):
    return _variable(np.zeros(shape), name)


def one(shape, name=None, dim_ordering="th"):
    return _variable(np.ones(shape), name)


_NAMES = {f.__name__: f for f in (uniform, normal, lecun_uniform, glorot_normal, glorot_uniform,
                                   he_normal, he_uniform, orthogonal, identity, zero, one)}


def get(identifier, **kwargs):
    """Keras 1 `initializations.get`: a name or a callable."""
    if callable(identifier):
        return identifier
    if isinstance(identifier, str) and identifier in _NAMES:
        return _NAMES[identifier]
    raise ValueError(f"Invalid initialization: {identifier!r}")


class LegacyInitializer(keras.initializers.Initializer):
    """A Keras 1 style `init(shape, name=None, ...)` callable as a Keras 3 initializer."""

    def __init__(self, function):
        self.function = function

    def __call__(self, shape, dtype=None):
        # Keras 1 called `init(shape, name=...)` (convolutions added `dim_ordering`), never `dtype`:
        # pass each keyword only where the callable takes it (`lambda shape, name: ...` is common).
        kwargs = {key: value for key, value in (("name", None), ("dim_ordering", "tf"))
                  if _accepts(self.function, key)}
        value = self.function(tuple(shape), **kwargs)
        if isinstance(value, keras.Variable):
            value = value.value
        value = keras.ops.convert_to_tensor(value)
        return keras.ops.cast(value, dtype or keras.config.floatx())

    def get_config(self):
        return {"function": getattr(self.function, "__name__", repr(self.function))}

    @classmethod
    def from_config(cls, config):
        function = config.get("function")
        if not callable(function):
            raise TypeError(f"A Keras 1 custom initializer ({function!r}) cannot be rebuilt from its config: the "
                            "config only names the function. Pass the callable itself as `init=`.")
        return cls(function)


def _accepts(function, keyword):
    try:
        params = inspect.signature(function).parameters
    except (TypeError, ValueError):  # a builtin or C callable: assume Keras 1's `name=` only
        return keyword == "name"
    return keyword in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def legacy_initializer(value):
    """Wrap a plain callable (Keras 1 style) for Keras 3; initializers and names pass."""
    if callable(value) and not isinstance(value, (keras.initializers.Initializer, type)):
        return LegacyInitializer(value)
    return value


__all__ = [*_NAMES, "get", "get_fans"]
