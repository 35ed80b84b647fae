"""Keras 1.2.2 `keras.utils.generic_utils`: Progbar, custom objects, get_from_module, func_dump/func_load.

Custom objects are Keras 3's own registry (`keras.utils.get_custom_objects()`,
`custom_object_scope`), so a name registered the Keras 1 way is also found by
Keras 3's deserialization.
"""

from __future__ import annotations

import marshal
import types

from legacykeras._keras import keras
from legacykeras.callbacks import Progbar

CustomObjectScope = keras.utils.CustomObjectScope
custom_object_scope = keras.utils.custom_object_scope
get_custom_objects = keras.utils.get_custom_objects


def get_from_module(identifier, module_params, module_name, instantiate=False, kwargs=None):
    """Look `identifier` (a name, or a dict with 'name' and constructor arguments) up in custom
    objects, then in `module_params`; anything else is returned unchanged."""
    if isinstance(identifier, str):
        found = keras.utils.get_registered_object(identifier, module_objects=module_params)
        if not found:
            raise ValueError(f"Invalid {module_name}: {identifier}")
        if instantiate:
            return found(**kwargs) if kwargs else found()
        return found
    if isinstance(identifier, dict):
        params = dict(identifier)
        name = params.pop("name")
        found = keras.utils.get_registered_object(name, module_objects=module_params)
        if not found:
            raise ValueError(f"Invalid {module_name}: {identifier}")
        return found(**params)
    return identifier


def make_tuple(*args):
    return args


def func_dump(func):
    """`(code, defaults, closure)` of a Python function, code as Keras 1 wrote it (marshal as text)."""
    code = marshal.dumps(func.__code__).decode("raw_unicode_escape")
    closure = tuple(cell.cell_contents for cell in func.__closure__) if func.__closure__ else None
    return code, func.__defaults__, closure


def func_load(code, defaults=None, closure=None, globs=None):
    """The function `func_dump` described. Bytecode only loads on the Python version that wrote it."""
    if isinstance(code, (tuple, list)):
        code, defaults, closure = code
    raw = code.encode("raw_unicode_escape") if isinstance(code, str) else code
    try:
        code_object = marshal.loads(raw)
    except (ValueError, EOFError, TypeError) as error:
        raise ValueError(
            "func_load: this function's bytecode was written by another Python version (Keras 1 saved "
            "Lambda functions and custom losses as marshalled bytecode, which only the same Python "
            "can read). Define the function again in your code and pass it by name (custom_objects), "
            f"or re-save the model where it was made. ({error})"
        ) from None
    if closure is not None:
        closure = tuple(_cell(value) for value in closure)
    return types.FunctionType(code_object, globs if globs is not None else globals(),
                              name=code_object.co_name, argdefs=defaults, closure=closure)


def _cell(value):
    return (lambda: value).__closure__[0]


__all__ = ["Progbar", "CustomObjectScope", "custom_object_scope", "get_custom_objects", "get_from_module",
           "make_tuple", "func_dump", "func_load"]
