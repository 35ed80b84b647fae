"""Source text for LibCST nodes, generated without position bookkeeping.

LibCST's code generation opens a `record_syntactic_position` context manager
around most nodes, for its position metadata; plain generation throws the
positions away but still builds a generator per node, a third of the cost of
generating a module's code. `migrate` never asks for positions from
generated code, so its state hands back one shared no-op context instead.
"""

from __future__ import annotations

import contextlib

import libcst as cst
from libcst._nodes.internal import CodegenState

_NO_OP = contextlib.nullcontext()
_DEFAULTS = cst.Module(body=[])


class _State(CodegenState):
    __slots__ = ()

    def record_syntactic_position(self, node, *, start_node=None, end_node=None):
        return _NO_OP


def new_state(module: cst.Module | None = None) -> CodegenState:
    module = module or _DEFAULTS
    return _State(default_indent=module.default_indent, default_newline=module.default_newline)


def node_code(node: cst.CSTNode, module: cst.Module | None = None) -> str:
    """`module.code_for_node(node)`: `module` gives the indent and newline to use."""
    state = new_state(module)
    node._codegen(state)
    return "".join(state.tokens)
