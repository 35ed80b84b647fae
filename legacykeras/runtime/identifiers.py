"""Keras 1's `get(identifier)` lookups, written once for every module that has one."""

from __future__ import annotations

from legacykeras._keras import keras


def object_getter(kind: str, names: dict, base_cls: type):
    """`get` for classes configured by name or dict (regularizers, constraints).

    None and instances pass through; a name is called with `kwargs`; a Keras 1
    config dict `{"name": ..., **config}` is rebuilt; other callables pass.
    """

    def lookup(name):
        if name not in names:
            raise ValueError(f"Invalid {kind}: {name!r}")
        return names[name]

    def get(identifier, kwargs=None):
        if identifier is None or isinstance(identifier, base_cls):
            return identifier
        if isinstance(identifier, dict):
            config = dict(identifier)
            return lookup(config.pop("name"))(**config)
        if isinstance(identifier, str):
            return lookup(identifier)(**(kwargs or {}))
        if callable(identifier):
            return identifier
        raise ValueError(f"Could not interpret {kind} identifier: {identifier!r}")

    get.__doc__ = f"Keras 1 `{kind}s.get`: None, an instance, a name, or a config dict."
    return get


def function_getter(kind: str, functions: dict):
    """`get` for functions by Keras 1 name or alias (objectives, metrics); callables pass."""

    def get(identifier):
        if callable(identifier):
            return identifier
        if isinstance(identifier, str) and identifier in functions:
            return functions[identifier]
        custom = keras.saving.get_registered_object(identifier) if isinstance(identifier, str) else None
        if custom is not None:
            return custom
        raise ValueError(f"Invalid {kind}: {identifier!r}. Keras 1 {kind}s: {', '.join(sorted(functions))}.")

    get.__doc__ = f"A Keras 1 {kind} function by name (or alias); callables pass through."
    return get
