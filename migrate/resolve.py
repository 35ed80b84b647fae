"""Which Keras 1 name a `Name` or `Attribute` refers to.

Two resolvers give the same answers:

- `ScopeResolver` asks LibCST's scope and qualified-name metadata (`QualifiedNameProvider`):
  exact, scope-aware, and the slow part of a run.
- `ImportResolver` reads the module's import statements with `ast` (fast) and is used only when
  it is provably equivalent: no name bound by an import of a known library is bound by anything
  else anywhere in the file (no parameter, assignment, def, class, loop variable, `global`...),
  so every reference to such a name is the import. Files that rebind one take the scope path.

The test suite runs every before/after case through both and expects the same output.
"""

from __future__ import annotations

import ast
import builtins

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import QualifiedNameProvider, QualifiedNameSource

_BUILTINS = frozenset(dir(builtins))


class ImportFacts:
    """What `ast` says about the module's bindings."""

    def __init__(self, source: str):
        tree = self.tree = ast.parse(source)
        self.bindings: dict[str, set[str]] = {}
        self.other: set[str] = set()
        self.show_accuracy: set[str] = set()  # models whose fit/evaluate says show_accuracy=True
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and any(
                        k.arg == "show_accuracy" and isinstance(k.value, ast.Constant) and k.value.value is True
                        for k in node.keywords):
                    self.show_accuracy.add(node.func.value.id)
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        self.bindings.setdefault(alias.asname, set()).add(alias.name)
                    else:
                        top = alias.name.split(".")[0]
                        self.bindings.setdefault(top, set()).add(top)
            elif isinstance(node, ast.ImportFrom):
                if node.level or node.module is None:
                    for alias in node.names:
                        self.other.add(alias.asname or alias.name)
                    continue
                for alias in node.names:
                    if alias.name != "*":
                        self.bindings.setdefault(alias.asname or alias.name, set()).add(f"{node.module}.{alias.name}")
            elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                self.other.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.other.add(node.name)
            elif isinstance(node, ast.arg):
                self.other.add(node.arg)
            elif isinstance(node, ast.ExceptHandler) and node.name:
                self.other.add(node.name)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                self.other.update(node.names)
            elif hasattr(ast, "MatchAs") and isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
                self.other.add(node.name)

    def bound(self) -> set[str]:
        return set(self.bindings) | self.other

    def safe_for(self, roots) -> bool:
        """Is the fast resolver exact for names bound to these top-level packages?"""
        for name, targets in self.bindings.items():
            if name in self.other and any(t.split(".")[0] in roots for t in targets):
                return False
        return True


class ImportResolver:
    def __init__(self, facts: ImportFacts, tables):
        self.facts = facts
        self.tables = tables
        self.bound = facts.bound()

    def qualified(self, m, node) -> str | None:
        if isinstance(node, cst.Name):
            if id(node) in m._not_refs:
                return None
            return self._lookup(m, node.value, "")
        if isinstance(node, cst.Attribute):
            dotted = get_full_name_for_node(node)
            if dotted is None:
                return None
            root, _, rest = dotted.partition(".")
            return self._lookup(m, root, rest)
        return None

    def _lookup(self, m, root: str, rest: str) -> str | None:
        targets = self.facts.bindings.get(root)
        if targets is None:
            if root in m.star_index and root not in self.bound and root not in _BUILTINS:
                base = m.star_index[root]
            else:
                return None
        elif len(targets) == 1:
            base = next(iter(targets))
        else:
            canonical = {self.tables.canonical(t) for t in targets}
            if len(canonical) != 1:
                return None
            base = sorted(targets)[0]
        return f"{base}.{rest}" if rest else base

    def name_is_free(self, name: str) -> bool:
        return name not in self.bound


class ScopeResolver:
    """LibCST's scope analysis (`QualifiedNameProvider`)."""

    METADATA = (QualifiedNameProvider,)

    def __init__(self, tables):
        self.tables = tables

    def qualified(self, m, node) -> str | None:
        names = m.get_metadata(QualifiedNameProvider, node, set())
        found = {n.name for n in names if n.source is QualifiedNameSource.IMPORT}
        if not found:
            if not names and isinstance(node, cst.Name) and node.value in m.star_index \
                    and id(node) not in m._not_refs and node.value not in _BUILTINS:
                return m.star_index[node.value]
            if not names and isinstance(node, cst.Attribute):
                dotted = get_full_name_for_node(node)
                root, _, rest = (dotted or "").partition(".")
                if root in m.star_index and root not in _BUILTINS:
                    return f"{m.star_index[root]}.{rest}"
            return None
        if len(found) == 1:
            return found.pop()
        canonical = {self.tables.canonical(n) for n in found}
        return sorted(found)[0] if len(canonical) == 1 else None

    def name_is_free(self, name: str, scope=None) -> bool:
        return scope is None or name not in scope
