"""Keras 1 `Merge` layer and `merge()` function, on Keras 3.

Keras 3 has one layer per mode (`Add`, `Multiply`, `Average`, `Maximum`,
`Concatenate`, `Dot`) and no layer that merges *models*. Keras 1's `Merge`
did both:

- `merge([t1, t2], mode='concat')` / `Merge(mode=...)([t1, t2])` on tensors;
- `Merge([left, right], mode=...)` on Sequential (or functional) models: the
  idiom `model = Sequential(); model.add(Merge([left, right])); ...;
  model.fit([X_left, X_right], y)`. Here the Merge holds its branch models as
  sublayers; called on the branches' inputs (one flat list, a branch used twice
  reads its inputs once), it runs each branch and merges the results. The
  legacy `Sequential` builds its graph that way when a Merge comes first.

Modes: 'sum', 'mul', 'ave', 'max', 'concat' (`concat_axis`), 'dot' and 'cos'
(`dot_axes`, Keras 1 `batch_dot` semantics; 'cos' keeps Keras 1's extra axis),
or a callable taking the list of tensors (plus `arguments`) with
`output_shape`.
"""

from __future__ import annotations

import inspect
import types

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.rules import models as rows
from legacykeras.runtime import naming

ops = keras.ops

_MODES = {"sum", "mul", "concat", "ave", "cos", "dot", "max"}


def _is_model(layer) -> bool:
    return hasattr(layer, "inputs") and hasattr(layer, "layers")


def _source_inputs(branch):
    """The inputs a branch is fed: a Merge-first Sequential is fed its Merge's branch inputs
    (in that order; its own input layers are stand-ins built for them), any other model its `inputs`."""
    layers = getattr(branch, "_layers", None)
    first = layers[0] if layers else None
    if isinstance(first, Merge) and first.branches is not None:
        return first.branch_inputs()
    return list(branch.inputs)


def _batch_dot(x, y, axes):
    """Keras 1 `K.batch_dot(x, y, axes)`; a 2D result gets a trailing axis of size 1."""
    return keras.layers.Dot(axes=list(axes))([x, y])


def _func_dump(fn):
    from legacykeras.utils.generic_utils import func_dump  # the Lambda layer's serializer

    return func_dump(fn)


def _callable_entry(value):
    # Keras 1 tested `isinstance(x, types.LambdaType)`, true of every Python function: all are dumped.
    if isinstance(value, types.LambdaType):
        return _func_dump(value), "lambda"
    if callable(value):
        return value.__name__, "function"
    return value, "raw"


class Merge(keras.layers.Layer):
    """Keras 1 `Merge(layers=None, mode='sum', concat_axis=-1, dot_axes=-1, output_shape=None,
    output_mask=None, arguments=None, node_indices=None, tensor_indices=None, name=None)`.

    Keras 1: `layers` may be models (a Merge of Sequentials); Keras 3 has no
    such layer: build a functional model with `keras.layers.concatenate` etc.
    """

    legacy_rule = rows.MERGE_LAYER

    def __init__(self, layers=None, mode="sum", concat_axis=-1, dot_axes=-1, output_shape=None, output_mask=None,
                 arguments=None, node_indices=None, tensor_indices=None, name=None, _row=None, **kwargs):
        row = _row or rows.MERGE_LAYER
        lk_warnings.warn_legacy(
            row.code, f"Keras 1 `{row.old_name}(mode={mode if isinstance(mode, str) else 'function'!r})`: {row.why}."
        )
        super().__init__(name=name or naming.unique_name("Merge"), **kwargs)
        if not callable(mode) and mode not in _MODES:
            raise ValueError(f"Invalid merge mode: {mode}")
        self.mode = mode
        self.concat_axis = concat_axis
        self.dot_axes = dot_axes
        self._output_shape = output_shape
        self._output_mask = output_mask
        self.arguments = dict(arguments or {})
        self.supports_masking = True
        self.node_indices = node_indices
        self.branches = None
        if layers:
            if not isinstance(layers, (list, tuple)) or len(layers) < 2:
                raise TypeError(f"A Merge should only be applied to a list of layers with at least 2 elements. "
                                f"Found: {layers}")
            if not all(_is_model(layer) for layer in layers):
                raise TypeError(
                    "Keras 1 `Merge(layers=[...])` of plain layers is not supported by legacykeras; pass models "
                    "(Sequential or Model) as branches, or call `merge([tensor_1, tensor_2], mode=...)` on their "
                    "output tensors."
                )
            self.branches = list(layers)
            self._branch_models = list({id(b): b for b in layers}.values())  # tracked sublayers

    # --- branches -------------------------------------------------------------------
    def branch_inputs(self):
        """Unique input tensors of the branches, in order (Keras 1 `get_source_inputs`).

        A branch that is itself a Merge-first Sequential counts by *its* branches' inputs, so a
        model shared by two Merges (bAbI MemNN: `question_encoder` in `match` and in `answer`)
        is one input, as in Keras 1.
        """
        seen, out = set(), []
        for branch in self.branches:
            for tensor in _source_inputs(branch):
                if id(tensor) not in seen:
                    seen.add(id(tensor))
                    out.append(tensor)
        return out

    def _split(self, inputs):
        positions = {id(t): i for i, t in enumerate(self.branch_inputs())}
        per_branch = []
        for branch in self.branches:
            picked = [inputs[positions[id(t)]] for t in _source_inputs(branch)]
            per_branch.append(picked[0] if len(picked) == 1 else picked)
        return per_branch

    # --- computation ----------------------------------------------------------------
    def call(self, inputs, mask=None, training=None):
        inputs = list(inputs) if isinstance(inputs, (list, tuple)) else [inputs]
        if self.branches is not None:
            inputs = [branch(x, training=training) for branch, x in zip(self.branches, self._split(inputs))]
            mask = None
        if len(inputs) <= 1:
            raise TypeError(f"Merge must be called on a list of tensors (at least 2). Got: {inputs}")
        if callable(self.mode):
            arguments = dict(self.arguments)
            if "mask" in inspect.signature(self.mode).parameters:
                arguments["mask"] = mask
            return self.mode(inputs, **arguments)
        if self.mode in ("sum", "ave"):
            out = inputs[0]
            for x in inputs[1:]:
                out = out + x
            return out / len(inputs) if self.mode == "ave" else out
        if self.mode == "mul":
            out = inputs[0]
            for x in inputs[1:]:
                out = out * x
            return out
        if self.mode == "max":
            out = inputs[0]
            for x in inputs[1:]:
                out = ops.maximum(out, x)
            return out
        if self.mode == "concat":
            return ops.concatenate(inputs, axis=self.concat_axis)
        axes = self._resolved_dot_axes(inputs)
        if self.mode == "dot":
            return _batch_dot(inputs[0], inputs[1], axes)
        l1, l2 = inputs[0], inputs[1]
        denominator = ops.sqrt(_batch_dot(l1, l1, axes) * _batch_dot(l2, l2, axes))
        denominator = ops.maximum(denominator, keras.config.epsilon())
        return ops.expand_dims(_batch_dot(l1, l2, axes) / denominator, 1)

    def _resolved_dot_axes(self, inputs):
        if isinstance(self.dot_axes, int):
            if self.dot_axes < 0:
                axes = [self.dot_axes % len(inputs[0].shape), self.dot_axes % len(inputs[1].shape)]
            else:
                axes = [self.dot_axes] * 2
        else:
            axes = [int(a) for a in self.dot_axes]
        # Keras 1 stored the resolved pair in its config ('dot_axes': [1, 1]).
        object.__setattr__(self, "_legacy_dot_axes", axes)
        return axes

    def _callable_output_shape(self, input_shapes):
        if callable(self._output_shape):
            return tuple(self._output_shape(list(input_shapes)))
        if self._output_shape is not None:
            return (input_shapes[0][0], *tuple(self._output_shape))
        raise ValueError(f"The Merge layer {self.name} has a callable `mode` argument, and we cannot infer its "
                         "output shape because no `output_shape` argument was provided. Make sure to pass a shape "
                         "tuple (or callable) `output_shape` to Merge.")

    def compute_output_spec(self, inputs, mask=None, training=None):
        if callable(self.mode) and self.branches is None:
            shapes = [tuple(x.shape) for x in inputs]
            return keras.KerasTensor(self._callable_output_shape(shapes), dtype=inputs[0].dtype)
        return super().compute_output_spec(inputs, mask=mask, training=training)

    def get_output_shape_for(self, input_shape):
        """Keras 1 shape rule (for 'cos' Keras 1 declared one axis fewer than its tensor had)."""
        shapes = [tuple(s) for s in input_shape]
        if callable(self.mode):
            return self._callable_output_shape(shapes)
        if self.mode in ("sum", "mul", "ave", "max"):
            return shapes[0]
        if self.mode == "concat":
            out = list(shapes[0])
            for shape in shapes[1:]:
                if out[self.concat_axis] is None or shape[self.concat_axis] is None:
                    out[self.concat_axis] = None
                    break
                out[self.concat_axis] += shape[self.concat_axis]
            return tuple(out)
        axes = self._resolved_dot_axes([keras.KerasTensor(s) for s in shapes])
        shape1, shape2 = list(shapes[0]), list(shapes[1])
        shape1.pop(axes[0])
        shape2.pop(axes[1])
        shape2.pop(0)
        out = shape1 + shape2
        return tuple(out + [1] if len(out) == 1 else out)

    def compute_mask(self, inputs, mask=None):
        if self.branches is not None or mask is None or all(m is None for m in mask):
            return None
        if callable(self._output_mask):
            return self._output_mask(mask)
        if self._output_mask is not None:
            return self._output_mask
        if self.mode in ("sum", "mul", "ave", "max"):
            present = [ops.cast(m, "bool") for m in mask if m is not None]
            out = present[0]
            for m in present[1:]:
                out = ops.logical_and(out, m)
            return out
        if self.mode == "concat":
            masks = []
            for x, m in zip(inputs, mask):
                if m is None:
                    m = ops.ones_like(x, dtype="bool")
                elif len(m.shape) < len(x.shape):
                    m = ops.broadcast_to(ops.expand_dims(ops.cast(m, "bool"), -1), ops.shape(x))
                masks.append(ops.cast(m, "bool"))
            return ops.all(ops.concatenate(masks, axis=self.concat_axis), axis=-1)
        return None

    # --- Keras 1 surface ------------------------------------------------------------
    @property
    def layers(self):
        return self.branches

    def get_config(self):
        mode, mode_type = _callable_entry(self.mode)
        output_shape, output_shape_type = _callable_entry(self._output_shape)
        output_mask, output_mask_type = _callable_entry(self._output_mask)
        dot_axes = getattr(self, "_legacy_dot_axes", None) if self.mode in ("dot", "cos") else None
        if dot_axes is None:
            dot_axes = self.dot_axes if isinstance(self.dot_axes, int) else [int(a) for a in self.dot_axes]
        config = {
            "name": self.name, "mode": mode, "mode_type": mode_type, "concat_axis": self.concat_axis,
            "dot_axes": dot_axes, "output_shape": output_shape, "output_shape_type": output_shape_type,
            "output_mask": output_mask, "output_mask_type": output_mask_type, "arguments": dict(self.arguments),
        }
        if self.branches is not None:
            from legacykeras.engine.training import legacy_layer_entry

            # Keras 1 Sequential.get_config put the branch models under "layers".
            config["layers"] = [legacy_layer_entry(branch) for branch in self.branches]
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        for key in ("mode", "output_shape", "output_mask"):
            kind = config.pop(f"{key}_type", "raw")
            value = config.get(key)
            if kind == "function":
                config[key] = (custom_objects or {}).get(value) or globals().get(value)
                if config[key] is None:
                    raise ValueError(f"Merge {key} function {value!r} is unknown: pass it in `custom_objects`.")
            elif kind == "lambda":
                from legacykeras.utils.generic_utils import func_load

                config[key] = func_load(value, globs=globals())
        config.pop("layers", None)  # branches are rebuilt by the Sequential loader
        return cls(**config)


def merge(inputs, mode="sum", concat_axis=-1, dot_axes=-1, output_shape=None, output_mask=None, arguments=None,
          name=None):
    """Keras 1 functional `merge([t1, t2, ...], mode='sum', ...)`: a Merge layer applied to tensors.

    Keras 3: `keras.layers.concatenate` / `add` / `multiply` / `average` /
    `maximum` / `dot` (one function per mode).
    """
    layer = Merge(mode=mode, concat_axis=concat_axis, dot_axes=dot_axes, output_shape=output_shape,
                  output_mask=output_mask, arguments=arguments, name=name, _row=rows.MERGE_FUNCTION)
    return layer(list(inputs))


__all__ = ["Merge", "merge"]
