"""Keras 1 `Layer` subclasses -> Keras 3 ones.

- `get_output_shape_for(self, input_shape)` is `compute_output_shape` (renamed, unless the class
  already has one: then a TODO).
- Weights: `self.W = self.init(shape, name=...)` (with `self.init = initializations.get(...)`),
  `self.b = K.zeros(shape, name=...)` / `K.ones(...)` become `self.add_weight(shape=..., initializer=...,
  name=...)`; a Keras 1 `self.add_weight(shape, initializer, name, trainable, regularizer, constraint)`
  gets keywords past `initializer` (Keras 3's third parameter is `dtype`).
- `self.trainable_weights = [self.W, self.b]` is removed when every weight listed comes from
  `add_weight` (Keras 3 tracks them; the property cannot be assigned). Otherwise, and for Keras 1's
  `self.regularizers` / `self.constraints` lists (Keras 3 ignores them), a TODO.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from migrate import literals
from migrate.transforms.calls import keyword_arg, with_commas

_LAYER_BASES = {"keras.engine.topology.Layer", "keras.layers.Layer", "keras.Layer"}
_INIT_GETTERS = {"keras.initializations.get", "keras.initializers.get"}
_BACKEND_WEIGHTS = {"keras.backend.zeros": "zeros", "keras.backend.ones": "ones"}
_ADD_WEIGHT_K1 = ("shape", "initializer", "name", "trainable", "regularizer", "constraint")


@dataclasses.dataclass
class _Layer:
    name: str
    initializers: set = dataclasses.field(default_factory=set)   # self.<attr> holding a Keras 1 initializer
    weights: set = dataclasses.field(default_factory=set)        # self.<attr> made by add_weight
    methods: set = dataclasses.field(default_factory=set)
    code: str = "LK522"


def _stack(m) -> list:
    return m.facts.setdefault("classes", [])


def _current(m) -> _Layer | None:
    stack = _stack(m)
    return stack[-1] if stack else None


def enter_class(m, node: cst.ClassDef) -> None:
    layer = None
    for base in node.bases:
        if isinstance(base.value, (cst.Name, cst.Attribute)):
            qualified = m.qualified(base.value)
            if qualified is not None and (m.tables.canonical(qualified) in _LAYER_BASES or qualified in _LAYER_BASES):
                row = m.tables.layer_base
                if row is None or m.enabled(row.code):
                    layer = _Layer(node.name.value, code=row.code if row else "LK522")
    if layer is not None:
        for statement in node.body.body:
            if isinstance(statement, cst.FunctionDef):
                layer.methods.add(statement.name.value)
    _stack(m).append(layer)


def leave_class(m, original, updated):
    _stack(m).pop()
    return updated


def leave_function(m, original: cst.FunctionDef, updated: cst.FunctionDef):
    layer = _current(m)
    if layer is None or original.name.value != "get_output_shape_for" or not _is_method(m, original):
        return updated
    if "compute_output_shape" in layer.methods:
        m.todo(original, layer.code, "`get_output_shape_for` is `compute_output_shape` in Keras 3, which this "
                                     "class defines too: merge them")
        return updated
    m.fixed(original, layer.code, "`get_output_shape_for` is now `compute_output_shape`")
    return updated.with_changes(name=cst.Name("compute_output_shape"))


def _is_method(m, node) -> bool:
    return m.function_depth == 2  # inside the class body and this function (counted on the way down)


def _self_attr(node) -> str | None:
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
        return node.attr.value
    return None


def note_assign(m, node: cst.Assign) -> None:
    """On the way down: `self.b = K.zeros(...)` in a layer will become `add_weight`, so the generic
    engine must not rewrite the `K.zeros` call first."""
    layer = _current(m)
    if layer is None or len(node.targets) != 1 or _self_attr(node.targets[0].target) is None:
        return
    value = node.value
    if isinstance(value, cst.Call) and isinstance(value.func, (cst.Name, cst.Attribute)):
        qualified = m.qualified(value.func)
        if qualified is not None and m.tables.canonical(qualified) in _BACKEND_WEIGHTS:
            m.facts.setdefault("skip_calls", set()).add(id(value))


def leave_assign(m, original: cst.Assign, updated: cst.Assign):
    layer = _current(m)
    if layer is None or len(original.targets) != 1:
        return updated
    target = _self_attr(original.targets[0].target)
    if target is None:
        return updated
    value = original.value
    if target in ("trainable_weights", "non_trainable_weights"):
        return _weights_assignment(m, layer, original, updated, target)
    if target in ("regularizers", "constraints") and isinstance(value, (cst.List, cst.Dict)) and (
            value.elements):
        m.todo(original, layer.code, f"Keras 3 ignores `self.{target}`: pass `regularizer=`/`constraint=` "
                                     "to `self.add_weight`")
        return updated
    if not isinstance(value, cst.Call):
        return updated
    func_attr = _self_attr(value.func)
    if func_attr is not None and func_attr == "add_weight":
        layer.weights.add(target)
        return _keras1_add_weight(m, layer, original, updated)
    if isinstance(value.func, (cst.Name, cst.Attribute)):
        qualified = m.qualified(value.func)
        canonical = m.tables.canonical(qualified) if qualified else None
        if canonical in _INIT_GETTERS or (qualified or "").startswith("keras.initializations."):
            layer.initializers.add(target)
            return updated
        if canonical in _BACKEND_WEIGHTS:
            return _add_weight(m, layer, original, updated, target, literals.value_node(_BACKEND_WEIGHTS[canonical]),
                               f"`K.{_BACKEND_WEIGHTS[canonical]}(...)` weight")
    if func_attr is not None and func_attr in layer.initializers:
        return _add_weight(m, layer, original, updated, target, cst.Attribute(cst.Name("self"), cst.Name(func_attr)),
                           f"`self.{func_attr}(...)` weight")
    return updated


def _add_weight(m, layer, original, updated, target, initializer, what):
    call = updated.value
    if not isinstance(call, cst.Call) or any(a.star for a in call.args):
        return updated
    shape, name, other = None, None, []
    for index, arg in enumerate(call.args):
        keyword = arg.keyword.value if arg.keyword is not None else ("shape" if index == 0 else None)
        if keyword == "shape":
            shape = arg.value
        elif keyword == "name":
            name = arg.value
        elif keyword in ("dtype",):
            other.append(keyword_arg("dtype", arg.value))
        else:
            return updated  # an argument we do not understand: leave it
    if shape is None:
        return updated
    args = [keyword_arg("shape", shape), keyword_arg("initializer", initializer)]
    if name is not None:
        args.append(keyword_arg("name", name))
    args += other
    layer.weights.add(target)
    m.fixed(original, layer.code, f"{what} is now `self.add_weight(...)`")
    add_weight = cst.Attribute(cst.Name("self"), cst.Name("add_weight"))
    return updated.with_changes(value=cst.Call(func=add_weight, args=with_commas(args)))


def _keras1_add_weight(m, layer, original, updated):
    call = updated.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if len(positional) <= 2 or len(positional) > len(_ADD_WEIGHT_K1) or any(a.star for a in call.args):
        return updated
    args = []
    for index, arg in enumerate(call.args):
        if arg.keyword is None and index >= 2:
            arg = arg.with_changes(keyword=cst.Name(_ADD_WEIGHT_K1[index]),
                                   equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))
        args.append(arg)
    m.fixed(original, layer.code, "Keras 1 `add_weight` positionals past `initializer` passed by keyword "
                                  "(Keras 3's third parameter is `dtype`)")
    return updated.with_changes(value=call.with_changes(args=args))


def _weights_assignment(m, layer, original, updated, target):
    value = original.value
    if isinstance(value, (cst.List, cst.Tuple)):
        names = [_self_attr(e.value) for e in value.elements]
        if all(n is not None and n in layer.weights for n in names):
            m.fixed(original, layer.code, f"`self.{target} = [...]` removed: Keras 3 tracks `add_weight` weights")
            return cst.RemovalSentinel.REMOVE
    m.todo(original, layer.code, f"Keras 3 layers cannot assign `self.{target}`: create the weights with "
                                 "`self.add_weight(..., trainable=...)`")
    return updated
