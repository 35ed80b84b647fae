"""Keras 1 `InputLayer` and `Input()`: Keras 1 names (`input_1`), arguments and config."""

from __future__ import annotations

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.rules import models as rows
from legacykeras.rules.convert import modern_call, translate
from legacykeras.runtime import naming


class InputLayer(keras.layers.InputLayer):
    """Keras 1 `InputLayer(input_shape=None, batch_input_shape=None, input_dtype=None, input_tensor=None,
    sparse=False, name=None)`; `get_config()` answers in Keras 1 form."""

    def __init__(self, *args, _quiet=False, **kwargs):
        translation = translate(rows.INPUT_LAYER, args, kwargs)
        if translation.changes and not _quiet:
            lk_warnings.warn_legacy(rows.INPUT_LAYER.code, f"Keras 1 call `InputLayer(...)`: "
                                    f"{'; '.join(translation.changes)}. Keras 3: "
                                    f"{modern_call(rows.INPUT_LAYER, translation)}")
        kw = translation.kwargs
        if kw.get("batch_shape") is not None:
            kw["batch_shape"] = tuple(kw["batch_shape"])
            kw.pop("shape", None)
        elif kw.get("shape") is not None:
            kw["shape"] = tuple(kw["shape"])
        kw.setdefault("dtype", keras.config.floatx())
        kw["name"] = kw.get("name") or naming.unique_name("input")
        super().__init__(**kw)

    def get_config(self):
        return {
            "batch_input_shape": list(self.batch_shape),
            "input_dtype": self.dtype,
            "sparse": bool(self.sparse),
            "name": self.name,
        }

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def Input(shape=None, batch_shape=None, name=None, dtype=None, sparse=False, tensor=None):  # noqa: N802
    """Keras 1 `Input(shape=None, batch_shape=None, name=None, dtype=K.floatx(), sparse=False, tensor=None)`."""
    if shape is None and batch_shape is None and tensor is None:
        raise ValueError("Please provide to Input either a `shape` or a `batch_shape` argument. Note that "
                         "`shape` does not include the batch dimension.")
    if batch_shape is None and shape is not None:
        batch_shape = (None, *tuple(shape))
    if _is_expression(tensor):
        # Keras 1 kept the graph above `tensor` (e.g. K.concatenate([K.variable(img), K.placeholder(...)])):
        # K.gradients / K.function must reach the placeholders through it. A Keras 3 InputLayer would cut
        # that history, so the expression itself is the input; Keras 3 models accept such inputs.
        return tensor
    if tensor is not None and not isinstance(tensor, keras.KerasTensor):
        # A concrete tensor or variable (Keras 1 made any tensor an input): an input placeholder bound
        # to it, which K.function feeds with its current value when the graph runs.
        from legacykeras.backend import symbolic

        shape = tuple(keras.ops.shape(tensor))
        if batch_shape is None:
            batch_shape = shape
        if len(batch_shape) != len(shape):
            raise ValueError(f"Input(tensor=...): the tensor has shape {shape}, but the Input was given "
                             f"shape {tuple(batch_shape)[1:]} ({len(batch_shape)} dimensions with the batch).")
        layer = InputLayer(batch_input_shape=batch_shape, name=name, sparse=sparse, _quiet=True,
                           input_dtype=dtype or keras.backend.standardize_dtype(tensor.dtype))
        return symbolic.bind_value(layer.output, tensor)
    layer = InputLayer(batch_input_shape=batch_shape, input_dtype=dtype or keras.config.floatx(), name=name,
                       sparse=sparse, input_tensor=tensor, _quiet=True)
    return layer.output


def _is_expression(tensor) -> bool:
    """A symbolic tensor computed from other tensors (not itself an input placeholder)."""
    history = getattr(tensor, "_keras_history", None)
    return (isinstance(tensor, keras.KerasTensor) and history is not None
            and not isinstance(history[0], keras.layers.InputLayer))


__all__ = ["Input", "InputLayer"]
