"""A Keras 1 first layer's `batch_input_shape=` / `input_dtype=` -> `keras.Input(batch_shape=, dtype=)`.

Keras 3 layers take neither (stateful RNNs need the batch size): a Sequential
model starts with `keras.Input(...)` instead. For `model.add(layer)` the Input
is added just before; for `Sequential([layer, ...])` it becomes the first
element. Elsewhere (a functional model's layer) the base layer row leaves a TODO.
"""

from __future__ import annotations

import libcst as cst

from migrate.transforms.calls import keyword_arg, with_commas

_MOVED = {"batch_input_shape": "batch_shape", "input_dtype": "dtype"}


def note_first_layer(m, outer: cst.Call, layer) -> None:
    if not isinstance(layer, cst.Call):
        return
    found = {a.keyword.value: a.value for a in layer.args if a.keyword is not None and a.keyword.value in _MOVED}
    if "batch_input_shape" not in found:
        return
    m.facts.setdefault("pre_handled", {})[id(layer)] = {name: None for name in found}
    m.facts.setdefault("first_inputs", {})[id(outer)] = found


def _input_call(m, found) -> cst.Call | None:
    func = m.expr_for("keras.Input", prefer_from=False)
    if func is None:
        return None
    args = [keyword_arg(_MOVED[name], value) for name, value in found.items()]
    return cst.Call(func=func, args=with_commas(args))


def convert_add(m, original: cst.Call, updated: cst.Call):
    found = m.facts.get("first_inputs", {}).get(id(original))
    if not found:
        return updated
    new_input = _input_call(m, found)
    if new_input is None:
        return updated
    add = updated.with_changes(args=[cst.Arg(new_input)])
    m.insert_before(cst.SimpleStatementLine([cst.Expr(add)]))
    m.fixed(original, "LK522", "`batch_input_shape`/`input_dtype` of the first layer are now a `keras.Input` "
                               "added first")
    return updated


def convert_sequential_list(m, row, original: cst.Call, updated: cst.Call, qualified):
    found = m.facts.get("first_inputs", {}).get(id(original))
    if not found or not updated.args or not isinstance(updated.args[0].value, cst.List):
        return None
    new_input = _input_call(m, found)
    if new_input is None:
        return None
    layers = updated.args[0].value
    first = cst.Element(new_input, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    m.fixed(original, "LK522", "`batch_input_shape`/`input_dtype` of the first layer are now a leading "
                               "`keras.Input`")
    new_list = layers.with_changes(elements=[first, *layers.elements])
    return updated.with_changes(args=[updated.args[0].with_changes(value=new_list), *updated.args[1:]])
