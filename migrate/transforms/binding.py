"""Which names a call's CST arguments bind to (a row's Keras 1 parameters), and which names
an expression mentions."""

from __future__ import annotations

import libcst as cst


def bind_args(row, call: cst.Call) -> dict[str, cst.Arg] | None:
    """{Keras 1 name: argument}, positionals in the row's Keras 1 order.

    None when the call cannot be read safely: `*args`/`**kwargs`, or more
    positionals than Keras 1 took.
    """
    bound: dict[str, cst.Arg] = {}
    position = 0
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is None:
            if position >= len(row.positional):
                return None
            bound[row.positional[position]] = arg
            position += 1
        else:
            bound[arg.keyword.value] = arg
    return bound


def mentions(node: cst.CSTNode, names) -> bool:
    """Does a `Name` in `names` appear anywhere in `node`?"""
    found = []

    class _Finder(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            if name.value in names:
                found.append(name)

    node.visit(_Finder())
    return bool(found)
