"""Calls whose Keras 1 return values are spelled differently today (a row's `returns`).

`K.image_dim_ordering() == 'th'` becomes `keras.config.image_data_format() ==
'channels_first'`: the literal it is compared with is mapped. Any other use of
the result (stored, returned, compared with a variable) keeps working but sees
the new spellings, so it is reported with a TODO.
"""

from __future__ import annotations

import libcst as cst

from migrate import literals
from migrate.literals import NOT_LITERAL

_EQUALITY = (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)


def _returns_row(m, node):
    if not isinstance(node, cst.Call) or not isinstance(node.func, (cst.Name, cst.Attribute)):
        return None
    qualified = m.qualified(node.func)
    row = m.tables.row(qualified) if qualified else None
    return row if row is not None and row.returns is not None and m.enabled(row.code) else None


def note_comparison(m, node: cst.Comparison) -> None:
    operands = [node.left, *[c.comparator for c in node.comparisons]]
    if not all(isinstance(c.operator, _EQUALITY) for c in node.comparisons):
        return
    for operand in operands:
        if _returns_row(m, operand) is not None:
            others = [o for o in operands if o is not operand]
            if all(literals.literal(o) is not NOT_LITERAL for o in others):
                m.compared.add(id(operand))


def check_returns(m, row, original: cst.Call, result):
    if row is None or row.returns is None or not m.enabled(row.code) or id(original) in m.compared:
        return result
    values = ", ".join(f"{k!r} -> {v!r}" for k, v in row.returns.mapping.items())
    m.todo(original, row.code, f"`{row.old_name}()` returns new spellings in Keras 3 ({values}); "
                               "check the code that uses the result")
    return result


def rewrite_comparison(m, original: cst.Comparison, updated: cst.Comparison):
    operands = [original.left, *[c.comparator for c in original.comparisons]]
    rows = [_returns_row(m, o) for o in operands]
    if not any(r is not None and id(o) in m.compared for r, o in zip(rows, operands)):
        return updated
    row = next(r for r in rows if r is not None)
    mapping = row.returns
    m.fixed(original, row.code, f"compared values mapped: {', '.join(f'{k!r} -> {v!r}' for k, v in mapping.mapping.items())}")
    new_left = _map(updated.left, mapping)
    new_comparisons = [c.with_changes(comparator=_map(c.comparator, mapping)) for c in updated.comparisons]
    return updated.with_changes(left=new_left, comparisons=new_comparisons)


def _map(node, mapping):
    value = literals.literal(node)
    if value is NOT_LITERAL or isinstance(node, cst.Call):
        return node
    if isinstance(value, str):
        return literals.value_node(mapping.convert(value), node) if mapping.changes(value) else node
    if isinstance(value, (tuple, list)) and isinstance(node, (cst.Tuple, cst.List)):
        elements = [e.with_changes(value=_map(e.value, mapping)) for e in node.elements]
        return node.with_changes(elements=elements)
    return node
