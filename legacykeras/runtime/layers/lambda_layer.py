"""`Lambda`: Keras 1's Lambda on Keras 3.

Keras 1: `output_shape` is a tuple without the batch axis, or a function of the
full input shape; without it the output shape is inferred (Keras 1 did so on
TensorFlow). `arguments` are passed as keywords, and a function with a `mask`
parameter receives the input mask; `mask=` (a tensor or a function of
(inputs, mask)) gives the output mask. `get_config()` is Keras 1's: lambdas are
marshalled bytecode (`func_dump`), named functions their name.
"""

from __future__ import annotations

import inspect
import types

from legacykeras._keras import keras
from legacykeras.rules.layers import core as rows
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.utils.generic_utils import func_dump


class Lambda(LegacyLayerMixin, keras.layers.Layer):
    """Keras 1 `Lambda(function, output_shape=None, arguments=None)`."""

    legacy_rule = rows.LAMBDA

    def __init__(self, *args, **kwargs):
        translation = self._legacy_translate(args, kwargs)
        options = dict(translation.kwargs)
        function = options.pop("function")
        output_shape = options.pop("output_shape", None)
        arguments = options.pop("arguments", None)
        mask = options.pop("mask", None)
        if options:
            raise TypeError(f"`Lambda` got unexpected keyword arguments: {sorted(options)}")
        super().__init__(**self._legacy_base_kwargs(translation))
        if output_shape is not None and not isinstance(output_shape, (tuple, list)) and not callable(output_shape):
            raise TypeError("In Lambda, `output_shape` must be a list, a tuple, or a function.")
        self.function = function
        self.arguments = dict(arguments or {})
        self._output_shape = tuple(output_shape) if isinstance(output_shape, (tuple, list)) else output_shape
        self._mask = mask
        self.supports_masking = mask is not None
        self._takes_mask = "mask" in _parameters(function)
        self._legacy_finish(translation)

    def call(self, inputs, mask=None):
        arguments = dict(self.arguments)
        if self._takes_mask:
            arguments["mask"] = mask
        return self.function(inputs, **arguments)

    def compute_mask(self, inputs, mask=None):
        if callable(self._mask):
            return self._mask(inputs, mask)
        return self._mask

    def compute_output_shape(self, input_shape):
        if self._output_shape is None:
            spec = self.compute_output_spec(_specs(input_shape))
            return _shapes(spec)
        if isinstance(self._output_shape, tuple):
            batch = input_shape[0][0] if isinstance(input_shape, list) else (input_shape[0] if input_shape else None)
            return (batch, *self._output_shape)
        shape = self._output_shape(input_shape)
        if not isinstance(shape, (list, tuple)):
            raise ValueError("output_shape function must return a tuple")
        return tuple(shape)

    def compute_output_spec(self, inputs, mask=None):
        if self._output_shape is not None:
            shape_in = _shapes(inputs)
            dtype = (inputs[0] if isinstance(inputs, list) else inputs).dtype
            return keras.KerasTensor(self.compute_output_shape(shape_in), dtype=dtype)
        return keras.src.backend.compute_output_spec(self.call, inputs)

    def legacy_config(self):
        function, function_type = _dump(self.function)
        if self._output_shape is None or isinstance(self._output_shape, tuple):
            output_shape, output_shape_type = self._output_shape, "raw"
        else:
            output_shape, output_shape_type = _dump(self._output_shape)
        return {"name": self.name, "function": function, "function_type": function_type,
                "output_shape": output_shape, "output_shape_type": output_shape_type,
                "arguments": self.arguments}

    def get_config(self):
        config = LegacyLayerMixin.get_config(self)
        config.update({k: v for k, v in self.legacy_config().items() if k != "name"})
        if isinstance(config.get("output_shape"), tuple) and config.get("output_shape_type") == "raw":
            config["output_shape"] = list(config["output_shape"])
        return config


def _dump(function):
    if isinstance(function, types.LambdaType) and function.__name__ == "<lambda>":
        return func_dump(function), "lambda"
    return function.__name__, "function"


def _parameters(function):
    try:
        return inspect.signature(function).parameters
    except (TypeError, ValueError):
        return {}


def _specs(shape):
    if isinstance(shape, list):
        return [keras.KerasTensor(s) for s in shape]
    return keras.KerasTensor(shape)


def _shapes(spec):
    if isinstance(spec, (list, tuple)):
        return [tuple(s.shape) for s in spec]
    return tuple(spec.shape)
