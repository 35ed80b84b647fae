"""Keras 1's log keys: 'acc' / 'val_acc' -> 'accuracy' / 'val_accuracy' (in a Keras 1 file).

Keras 1 logged accuracy as 'acc' whatever `compile` called it; Keras 3 logs the
name given. So `compile(metrics=['acc'])` is spelled `['accuracy']`, and the
keys read back (`history.history['val_acc']`, `logs['acc']`, `logs.get('acc')`)
follow. Callback `monitor=` arguments go through their rows' `LOG_KEYS` map.
"""

from __future__ import annotations

import libcst as cst

from legacykeras.rules.callbacks import LOG_KEYS
from migrate import literals
from migrate.report import Code
from migrate.transforms import calls

_METRIC_NAMES = {"acc": "accuracy"}


def _map_string(node, mapping) -> cst.BaseExpression | None:
    value = literals.literal(node)
    if isinstance(value, str) and value in mapping:
        return literals.value_node(mapping[value], node)
    return None


def convert_compile(m, row, original: cst.Call, updated: cst.Call, known: bool):
    """`compile(metrics=['acc'])` -> `['accuracy']`, then the row."""
    handled_changes = []
    new_args = []
    for arg in updated.args:
        if m.keras1_file and arg.keyword is not None and arg.keyword.value == "metrics" and isinstance(
                arg.value, (cst.List, cst.Tuple)):
            elements = []
            for element in arg.value.elements:
                new = _map_string(element.value, _METRIC_NAMES)
                if new is not None:
                    handled_changes.append("metric 'acc' is now 'accuracy' (Keras 3 logs the name given)")
                    element = element.with_changes(value=new)
                elements.append(element)
            arg = arg.with_changes(value=arg.value.with_changes(elements=elements))
        new_args.append(arg)
    receiver = original.func.value
    has_metrics = any(a.keyword is not None and a.keyword.value == "metrics" for a in new_args) or len(
        [a for a in new_args if a.keyword is None and not a.star]) >= 3
    if isinstance(receiver, cst.Name) and receiver.value in m.facts.get("show_accuracy", ()) and not has_metrics \
            and not any(a.star == "**" for a in new_args):
        # Keras 0.x/1.0 `fit(show_accuracy=True)` asked for accuracy; today that is a compile metric.
        accuracy = cst.List([cst.Element(cst.SimpleString("'accuracy'"))])
        if new_args:
            new_args[-1] = new_args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        new_args.append(calls.keyword_arg("metrics", accuracy))
        handled_changes.append("metrics=['accuracy'] added (the model's `fit` asked for show_accuracy=True)")
    updated = updated.with_changes(args=new_args)
    result = calls.convert_call(m, row, original, updated, keras1=False, method=True, known_receiver=known,
                                changes=handled_changes, force=bool(handled_changes))
    return result if result is not None else (updated if handled_changes else None)


def rewrite_subscript(m, original: cst.Subscript, updated: cst.Subscript):
    if not m.keras1_file or not m.enabled(Code.LOG_KEYS.value) or len(updated.slice) != 1:
        return updated
    if not _is_log(original.value):
        return updated
    index = updated.slice[0].slice
    if not isinstance(index, cst.Index):
        return updated
    new = _map_string(index.value, LOG_KEYS.mapping)
    if new is None:
        return updated
    m.fixed(original, Code.LOG_KEYS.value, f"log key {literals.literal(index.value)!r} is now "
                                           f"{literals.literal(new)!r}")
    return updated.with_changes(slice=[updated.slice[0].with_changes(slice=index.with_changes(value=new))])


def rewrite_get(m, original: cst.Call, updated: cst.Call):
    """`logs.get('acc')` -> `logs.get('accuracy')`."""
    func = original.func
    if not (m.keras1_file and m.enabled(Code.LOG_KEYS.value) and isinstance(func, cst.Attribute)
            and func.attr.value == "get" and _is_log(func.value) and updated.args):
        return updated
    new = _map_string(updated.args[0].value, LOG_KEYS.mapping)
    if new is None:
        return updated
    m.fixed(original, Code.LOG_KEYS.value, f"log key {literals.literal(updated.args[0].value)!r} is now "
                                           f"{literals.literal(new)!r}")
    return updated.with_changes(args=[updated.args[0].with_changes(value=new), *updated.args[1:]])


def _is_log(node) -> bool:
    """`h.history`, `history.history`, `logs`: where Keras 1 log keys are read."""
    if isinstance(node, cst.Attribute) and node.attr.value == "history":
        return True
    return isinstance(node, cst.Name) and node.value in ("logs", "log")
