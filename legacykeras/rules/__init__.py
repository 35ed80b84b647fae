"""The rules table: every Keras 1 -> Keras 3 difference, as data.

Importing this package never imports keras or tensorflow (a test checks
`sys.modules`), so `migrate` starts fast. Rows live in modules that mirror the
Keras 1 tree (`rules/layers/core.py` for `keras.layers.core`); each such module
exposes `RULES` (a list of `CallRule`) and optionally `MODULE_RULES` (a list of
`ModuleRule`). This package finds them all and indexes them by every Keras 1
qualified name, so adding a row never means editing this file.
"""

from __future__ import annotations

import importlib
import pkgutil

from legacykeras.rules.schema import (
    MISSING,
    CallRule,
    Drop,
    Expr,
    LayerRule,
    MapValue,
    MergeArgs,
    ModuleRule,
    NoEquivalent,
    Refuse,
)

# Modules of this package that hold machinery, not rows.
_NOT_ROWS = {"schema", "convert", "values", "weights", "docs"}


def _row_modules():
    found = []
    for info in pkgutil.walk_packages(__path__, prefix=__name__ + "."):
        if info.name.rsplit(".", 1)[1] in _NOT_ROWS:
            continue
        found.append(importlib.import_module(info.name))
    return sorted(found, key=lambda m: m.__name__)


_MODULES = _row_modules()
ALL_RULES: list[CallRule] = [row for m in _MODULES for row in getattr(m, "RULES", ())]
MODULE_RULES: list[ModuleRule] = [row for m in _MODULES for row in getattr(m, "MODULE_RULES", ())]

BY_OLD_NAME: dict[str, CallRule] = {}
for _row in ALL_RULES:
    for _name in _row.all_old_names():
        BY_OLD_NAME[_name] = _row

# Layer rows by Keras 1 class name, for config dicts that carry only `class_name`.
LAYERS_BY_CLASS: dict[str, CallRule] = {
    row.old_name: row for row in ALL_RULES if row.old.startswith("keras.layers.")
}


def rule(old_name: str) -> CallRule:
    """The row for a Keras 1 qualified name or a Keras 1 layer class name."""
    if old_name in BY_OLD_NAME:
        return BY_OLD_NAME[old_name]
    return LAYERS_BY_CLASS[old_name]


def _check_codes_unique() -> None:
    seen: dict[str, str] = {}
    for row in [*ALL_RULES, *MODULE_RULES]:
        if row.code in seen:
            raise AssertionError(f"rule code {row.code} used by {seen[row.code]} and {row.old}")
        seen[row.code] = row.old


_check_codes_unique()

__all__ = [
    "ALL_RULES", "MODULE_RULES", "BY_OLD_NAME", "LAYERS_BY_CLASS", "rule", "CallRule", "LayerRule",
    "Drop", "Expr", "MapValue", "MergeArgs", "ModuleRule", "NoEquivalent", "Refuse", "MISSING",
]
