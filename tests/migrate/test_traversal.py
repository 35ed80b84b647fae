"""`traversal.walk` is `CSTNode.visit` without rebuilding unchanged nodes: same hooks, order, results."""

import libcst as cst
import pytest

from migrate import traversal

SOURCE = '''\
import os, sys as system
from a import (b as c, d)

@decorator(arg)
class Thing(Base, metaclass=Meta):
    """Doc."""
    def method(self, x: int = 1, *args, **kwargs) -> "Thing":
        total = [y * 2 for y in x if y] + list({k: v for k, v in kwargs.items()})
        label = f"{total!r:>{width}} {x=}"
        fn = lambda a, b=2: a if b else -a
        with open(x) as handle, other():
            try:
                del handle[0:2]
            except (ValueError, KeyError) as error:
                raise RuntimeError(error) from None
            finally:
                pass
        async_result = await_(x) ; value = 1
        return total


async def coroutine(*, key):
    async for item in key:
        yield item
    while key:
        key -= 1
    else:
        print(key, sep="", end="\\n")
    global_name = (yield)
'''


class Recorder(cst.CSTTransformer):
    def __init__(self):
        super().__init__()
        self.events = []

    def on_visit(self, node):
        self.events.append(("visit", type(node).__name__))
        return True

    def on_leave(self, original, updated):
        self.events.append(("leave", type(original).__name__, original is not updated))
        return updated

    def on_visit_attribute(self, node, attribute):
        self.events.append(("attr", type(node).__name__, attribute))


class Rename(cst.CSTTransformer):
    """Renames `x` and `width`, drops `import os`'s `os`, and doubles the `print(...)` statement."""

    def leave_Name(self, original, updated):
        return updated.with_changes(value=updated.value.upper()) if updated.value in ("x", "width") else updated

    def leave_ImportAlias(self, original, updated):
        return cst.RemoveFromParent() if cst.ensure_type(original.name, cst.Name).value == "os" else updated

    def leave_Expr(self, original, updated):
        if isinstance(updated.value, cst.Call) and getattr(updated.value.func, "value", None) == "print":
            return cst.FlattenSentinel([updated, updated])
        return updated


class DropStatements(cst.CSTTransformer):
    """Removes every `del` statement and the `value = 1` assignment (their lines go with them)."""

    def leave_Del(self, original, updated):
        return cst.RemoveFromParent()

    def leave_Assign(self, original, updated):
        if isinstance(updated.value, cst.Integer):
            return cst.RemoveFromParent()
        return updated

    def leave_AsName(self, original, updated):
        return cst.RemoveFromParent()  # optional attribute: becomes None


def test_unchanged_tree_is_returned_as_it_is():
    module = cst.parse_module(SOURCE)
    assert traversal.walk(module, cst.CSTTransformer()) is module


def test_hooks_run_in_libcst_order_with_the_same_nodes():
    module = cst.parse_module(SOURCE)
    theirs, ours = Recorder(), Recorder()
    module.visit(theirs)
    traversal.walk(module, ours)
    # LibCST rebuilds every node, so only the visit and attribute events can be compared as is.
    strip = [e[:2] if e[0] == "leave" else e for e in theirs.events]
    assert [e[:2] if e[0] == "leave" else e for e in ours.events] == strip
    assert not any(e[2] for e in ours.events if e[0] == "leave")


@pytest.mark.parametrize("transformer", [Rename, DropStatements], ids=lambda t: t.__name__)
def test_rewrites_match_libcst(transformer):
    module = cst.parse_module(SOURCE)
    expected = module.visit(transformer()).code
    assert traversal.walk(module, transformer()).code == expected
    assert expected != SOURCE


def test_format_spec_inside_fstring_is_visited():
    module = cst.parse_module('b = f"{x}"\na = f"{1:{x}}"\n')  # the first of its type has no spec
    assert traversal.walk(module, Rename()).code == 'b = f"{X}"\na = f"{1:{X}}"\n'


def test_removing_a_required_child_is_refused():
    class RemoveCallee(cst.CSTTransformer):
        def leave_Name(self, original, updated):
            return cst.RemoveFromParent()

    with pytest.raises(TypeError, match="cannot be removed"):
        traversal.walk(cst.parse_module("f(1)\n"), RemoveCallee())


def test_leaf_types_are_passed_over():
    class Counting(cst.CSTTransformer):
        leaf_types = frozenset({cst.SimpleWhitespace, cst.Comma})

        def __init__(self):
            super().__init__()
            self.seen = set()

        def on_visit(self, node):
            self.seen.add(type(node))
            return True

    counting = Counting()
    traversal.walk(cst.parse_module("f(a, b)\n"), counting)
    assert cst.Name in counting.seen and not counting.seen & Counting.leaf_types
