"""Line and column of a few nodes, computed in one code generation pass.

LibCST's `PositionProvider` records a range for every node of the module; the
codemod needs the start of only the nodes it reports on, so this state tracks
the cursor and records just those (about a fifth of the cost).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field

import libcst as cst
from libcst._nodes.internal import CodegenState


@dataclass(frozen=False)
class _State(CodegenState):
    wanted: frozenset = frozenset()
    found: dict = field(default_factory=dict)
    line: int = 1
    column: int = 0

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.column += len(token)

    def add_token(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            self.line += len(lines) - 1
            self.column = len(lines[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node) -> None:
        key = id(node)
        if key in self.wanted and key not in self.found:
            self.found[key] = (self.line, self.column + 1)

    def after_codegen(self, node) -> None:
        if id(node) in self.wanted and len(self.found) == len(self.wanted):
            raise _Done

    @contextmanager
    def record_syntactic_position(self, node, *, start_node=None, end_node=None):
        if id(node) in self.wanted and start_node is None:
            self.found[id(node)] = (self.line, self.column + 1)
        yield

    def pop_trailing_newline(self) -> None:
        pass


class _Done(Exception):
    """Every wanted node has been placed: stop generating code."""


def starts(module: cst.Module, nodes) -> dict[int, tuple[int, int]]:
    """id(node) -> (line, column), both 1-based, for the nodes of `module` in `nodes`."""
    wanted = frozenset(id(n) for n in nodes)
    state = _State(default_indent=module.default_indent, default_newline=module.default_newline, wanted=wanted)
    try:
        module._codegen(state)
    except _Done:
        pass
    return state.found


def starts_in_statements(module: cst.Module, by_statement: dict[int, list], first_lines: list[int]):
    """Like `starts`, generating only the top-level statements that hold wanted nodes.

    `by_statement`: index in `module.body` -> nodes; `first_lines`: each top-level statement's first
    line of code in the source (from `ast`), before its leading comments and blank lines.
    """
    found: dict[int, tuple[int, int]] = {}
    for index, nodes in by_statement.items():
        statement = module.body[index]
        line = first_lines[index] - len(statement.leading_lines)
        decorators = getattr(statement, "decorators", ())
        if decorators:
            line -= len(decorators[0].leading_lines)
        state = _State(default_indent=module.default_indent, default_newline=module.default_newline,
                       wanted=frozenset(id(n) for n in nodes), line=line)
        try:
            statement._codegen(state)
        except _Done:
            pass
        found.update(state.found)
    return found


def first_lines(module: cst.Module, tree) -> list[int] | None:
    """Each top-level LibCST statement's first code line, from the `ast` of the same source."""
    import ast

    lines = []
    position = 0
    body = tree.body
    for statement in module.body:
        if position >= len(body):
            return None
        node = body[position]
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
        lines.append(start)
        position += len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
    if position != len(body) or not isinstance(tree, ast.Module):
        return None
    return lines
