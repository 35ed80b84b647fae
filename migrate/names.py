"""Name knowledge for `migrate`: Keras 1 qualified names -> rules rows, moved modules, Keras 3 names.

Built once per process from the rules table (`legacykeras.rules`) and the
generated name lists (`migrate.api_tables`). Tests build their own `Tables`
from tiny made-up rows.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from legacykeras.rules.schema import CallRule, ModuleRule
from migrate import api_tables


class Tables:
    """Everything `migrate` knows about old and new names.

    Args:
        rows: the `CallRule`s to apply (default: the whole rules table).
        module_rules: the `ModuleRule`s (default: the whole rules table).
    """

    def __init__(self, rows: Iterable[CallRule], module_rules: Iterable[ModuleRule]):
        self.rows = list(rows)
        self.by_old: dict[str, CallRule] = {}
        for row in self.rows:
            for name in row.all_old_names():
                self.by_old[name] = row
        self.modules: dict[str, ModuleRule] = {m.old: m for m in module_rules}
        self.keras1 = _parse_keras1(api_tables.KERAS1)
        self.keras3 = {module: frozenset(names.split()) for module, names in api_tables.KERAS3.items()}
        self._parameters: dict[str, frozenset] = {}
        # Rows for methods (`keras.engine.training.Model.fit`), by method name: receivers are unknown.
        self.methods: dict[str, list[CallRule]] = {}
        for row in self.rows:
            if is_method(row.old):
                self.methods.setdefault(row.old_name, []).append(row)
        self.layer_base = self.by_old.get("keras.engine.topology.Layer")
        self._markers = None

    # -- modules ---------------------------------------------------------------------------

    def module_rule(self, module: str) -> ModuleRule | None:
        """The row of `module` or of the closest moved package that contains it."""
        parts = module.split(".")
        for end in range(len(parts), 0, -1):
            row = self.modules.get(".".join(parts[:end]))
            if row is not None:
                return row
        return None

    def map_module(self, module: str) -> str | None:
        """Where `module` lives today: itself when unmoved, None when removed."""
        row = self.module_rule(module)
        if row is None:
            return module
        if row.new is None:
            return None
        return row.new + module[len(row.old):]

    def is_module(self, qualified: str) -> bool:
        return qualified in self.keras1 or qualified in self.modules or qualified in self.keras3

    # -- names -----------------------------------------------------------------------------

    def canonical(self, qualified: str) -> str:
        """`keras.layers.Dense` -> `keras.layers.core.Dense`: where Keras 1 defined the name."""
        module, _, name = qualified.rpartition(".")
        entries = self.keras1.get(module)
        if entries and name in entries:
            return f"{entries[name]}.{name}"
        return qualified

    def row(self, qualified: str) -> CallRule | None:
        row = self.by_old.get(qualified)
        if row is None:
            row = self.by_old.get(self.canonical(qualified))
        return row

    def star_names(self, module: str) -> dict[str, str]:
        """What `from module import *` bound in Keras 1 (name -> qualified name), best effort."""
        names = dict.fromkeys(self.keras1.get(module, ()), None)
        for row in self.rows:
            for old in row.all_old_names():
                if old.rpartition(".")[0] == module:
                    names[old.rpartition(".")[2]] = None
        return {name: f"{module}.{name}" for name in names if not name.startswith("_")}

    def in_keras3(self, qualified: str) -> bool | None:
        """Whether Keras 3 has `qualified`; None when it is not a `keras.` name."""
        if not (qualified == "keras" or qualified.startswith("keras.")):
            return None
        if qualified in self.keras3:
            return True
        module, _, name = qualified.rpartition(".")
        names = self.keras3.get(module)
        if names is None:
            return False
        return name in names

    def accepts(self, target: str, keyword: str) -> bool | None:
        """Does the Keras 3 callable `target` take `keyword`? None when unknown."""
        words = self._parameters.get(target)
        if words is None:
            text = api_tables.KERAS3_PARAMETERS.get(target)
            if text is None:
                return None
            words = self._parameters[target] = frozenset(text.split())
        if keyword in words:
            return True
        if "**" not in words:
            return False
        module, _, name = target.rpartition(".")
        if module == "keras.layers" and name[:1].isupper():
            return keyword in _LAYER_KEYWORDS
        return None

    def target(self, qualified: str) -> tuple[str | None, object]:
        """The modern qualified name for an old reference, and why (a row, a module row, or None).

        Returns (None, row) when the row says Keras 3 has nothing; (qualified, None) when
        nothing changed.
        """
        row = self.row(qualified)
        module, _, name = qualified.rpartition(".")
        if row is not None and not is_method(row.old):
            if row.new is None or row.new_name != name:
                return row.new, row
            moved = self.map_module(module) if module else module
            if row.new == qualified:
                return qualified, None
            if moved is not None and row.new == f"{moved}.{name}":
                return row.new, self.module_rule(module)  # a plain module move
            return row.new, row
        if self.is_module(qualified):
            new_module = self.map_module(qualified)
            rule = self.module_rule(qualified)
            return new_module, rule if new_module != qualified else None
        if module:
            new_module = self.map_module(module)
            if new_module is None:
                return None, self.module_rule(module)
            if new_module != module:
                return f"{new_module}.{name}", self.module_rule(module)
        return qualified, None

    # -- files -----------------------------------------------------------------------------

    def looks_like_keras1(self, text: str) -> bool:
        """A cheap textual test: does the file spell anything only Keras 1 had?"""
        if self._markers is None:
            words = set()
            for row in self.rows:
                words.update(k for k in row.legacy_keywords() if len(k) > 3)
                if row.renamed or row.new is None:
                    words.add(row.old_name)
            words.update(name for name, rows in self.methods.items() if any(r.renamed or r.new is None for r in rows))
            words -= {"output", "input", "inputs", "layers", "generator", "name", "shape", "value", "weights"}
            modules = [re.escape(m) for m in self.modules if m.startswith("keras.")]
            pattern = r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, words)) + modules)
            self._markers = re.compile(pattern)
        return self._markers.search(text) is not None

    def mentions_any(self, text: str) -> bool:
        """Can this file need anything at all? (skip parsing when not)"""
        return any(root in text for root in self.roots) or self.looks_like_keras1(text)

    @functools.cached_property
    def roots(self) -> tuple[str, ...]:
        tops = {name.split(".")[0] for name in self.by_old} | {m.split(".")[0] for m in self.modules}
        return tuple(sorted(tops))


# What Keras 3's base `Layer.__init__` accepts through a layer's **kwargs (it pops input_shape and
# input_dim itself).
_LAYER_KEYWORDS = frozenset(api_tables.KERAS3_PARAMETERS.get("keras.layers.Layer", "").split()) | {
    "input_shape", "input_dim"}


def is_method(qualified: str) -> bool:
    """`keras.engine.training.Model.fit`: a method of a class (the receiver is unknown)."""
    parts = qualified.split(".")
    return len(parts) >= 3 and parts[-2][:1].isupper() and not parts[-1][:1].isupper()


def _parse_keras1(table: dict[str, str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for module, words in table.items():
        entries = {}
        for word in words.split():
            name, _, defined_in = word.partition("=")
            entries[name] = defined_in or module
        out[module] = entries
    return out


@functools.lru_cache(maxsize=1)
def default_tables() -> Tables:
    from legacykeras import rules

    return Tables(rules.ALL_RULES, rules.MODULE_RULES)
