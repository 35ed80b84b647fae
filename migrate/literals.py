"""Reading literal values out of source, and writing values back as source.

"Prove or leave" (LibCST's `unnecessary_format_string`): a value map applies
only when the argument is a literal we can evaluate; anything else is left and
reported.
"""

from __future__ import annotations

import ast

import libcst as cst

from migrate.codegen import node_code

_LITERAL_NODES = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.ConcatenatedString,
                  cst.UnaryOperation, cst.Tuple, cst.List, cst.Dict, cst.Set, cst.Name)
NOT_LITERAL = object()


def code(node: cst.CSTNode) -> str:
    return node_code(node)


def literal(node: cst.BaseExpression):
    """The Python value of a literal expression, or `NOT_LITERAL`."""
    kind = type(node)
    if kind is cst.Name:
        return _NAMED.get(node.value, NOT_LITERAL)
    if kind is cst.SimpleString:
        if "f" in node.prefix.lower():
            return NOT_LITERAL
        try:
            return node.evaluated_value
        except Exception:
            return NOT_LITERAL
    if kind is cst.Integer or kind is cst.Float:
        try:
            return node.evaluated_value
        except Exception:
            return NOT_LITERAL
    if kind is cst.UnaryOperation and type(node.operator) is cst.Minus and type(node.expression) in (
            cst.Integer, cst.Float):
        value = literal(node.expression)
        return NOT_LITERAL if value is NOT_LITERAL else -value
    if kind is cst.Tuple or kind is cst.List:
        values = []
        for element in node.elements:
            if not isinstance(element, cst.Element):
                return NOT_LITERAL
            value = literal(element.value)
            if value is NOT_LITERAL:
                return NOT_LITERAL
            values.append(value)
        return tuple(values) if kind is cst.Tuple else values
    if isinstance(node, _LITERAL_NODES):
        return _slow_literal(node)
    return NOT_LITERAL


_NAMED = {"True": True, "False": False, "None": None}


def _slow_literal(node):
    if isinstance(node, cst.SimpleString) and "f" in node.prefix.lower():
        return NOT_LITERAL
    if isinstance(node, cst.Name) and node.value not in _NAMED:
        return NOT_LITERAL
    try:
        return ast.literal_eval(code(node).strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return NOT_LITERAL


def value_node(value, like: cst.BaseExpression | None = None) -> cst.BaseExpression:
    """Source for a plain Python value; strings keep the quote style of `like`."""
    if isinstance(value, str):
        text = repr(value)
        quote = like.quote if isinstance(like, cst.SimpleString) else None
        if quote == '"' and '"' not in value and "\\" not in value:
            text = '"' + value + '"'
        return cst.SimpleString(text)
    if isinstance(value, bool) or value is None:
        return cst.Name(repr(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(abs(value))
        number = cst.Integer(text) if isinstance(value, int) else cst.Float(text)
        return cst.UnaryOperation(cst.Minus(), number) if value < 0 else number
    if isinstance(value, (tuple, list)):
        elements = [value_node(v) for v in value]
        return tuple_node(elements) if isinstance(value, tuple) else cst.List(
            [cst.Element(e) for e in elements])
    return cst.parse_expression(repr(value))


def tuple_node(elements: list[cst.BaseExpression]) -> cst.Tuple:
    items = []
    for i, element in enumerate(elements):
        last = i == len(elements) - 1
        comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")) if not last else (
            cst.Comma() if len(elements) == 1 else cst.MaybeSentinel.DEFAULT)
        items.append(cst.Element(element, comma=comma))
    return cst.Tuple(items)


def dotted(text: str) -> cst.BaseExpression:
    """`a.b.c` as a Name/Attribute chain."""
    parts = text.split(".")
    node: cst.BaseExpression = cst.Name(parts[0])
    for part in parts[1:]:
        node = cst.Attribute(value=node, attr=cst.Name(part))
    return node


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
