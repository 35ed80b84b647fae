"""Every row of the rules table, as a Keras 1 call: the engine applies it generically.

For each constructor/function row, a call spelled the Keras 1 way with every
Keras 1 keyword the row renames, merges, drops or maps must migrate without
an error, leave no Keras 1-only keyword behind unless it says why with a TODO,
name the row's Keras 3 target, and migrate to itself a second time.
"""

from __future__ import annotations

import re

import pytest

from legacykeras import rules
from migrate.engine import migrate_source
from migrate.names import is_method
from migrate.transforms import CALL_HANDLERS

ROWS = [row for row in rules.ALL_RULES if not is_method(row.old) and row.old not in CALL_HANDLERS
        and row.old.count(".") >= 2]

# A literal each Keras 1 argument can take without being refused (value maps and `when` predicates
# see realistic values).
_VALUES = {"dim_ordering": "'tf'", "border_mode": "'same'", "init": "'glorot_uniform'", "inner_init": "'orthogonal'",
           "activation": "'relu'", "inner_activation": "'sigmoid'", "consume_less": "'cpu'", "mode": "0",
           "bias": "True", "subsample": "(1, 1)", "nb_row": "3", "nb_col": "3", "kernel_dim1": "3",
           "kernel_dim2": "3", "kernel_dim3": "3", "forget_bias_init": "'one'"}


def _call(row) -> tuple[str, str]:
    module, _, name = row.old.rpartition(".")
    legacy = sorted(row.legacy_keywords())
    merged = {s for group in row.merge for s in group.sources}
    keywords = [f"{k}={_VALUES.get(k, '2')}" for k in legacy if k not in merged]
    for group in row.merge:
        keywords += [f"{s}=3" for s in group.sources]
    return f"from {module} import {name}\nresult = {name}({', '.join(keywords)})\n", name


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.code}-{r.old_name}")
def test_row_applies_generically(row):
    source, name = _call(row)
    result = migrate_source(source)
    assert result.error is None, result.error
    assert migrate_source(result.code).code == result.code, "not idempotent:\n" + result.code
    todos = [d for d in result.diagnostics if d.severity == "todo"]
    if row.new is None:
        assert todos, result.code
        return
    call_line = result.code.splitlines()[-1]
    leftovers = [k for k in row.legacy_keywords() - set(row.rename.values()) - {m.into for m in row.merge}
                 if re.search(rf"[(,\s]{k}=", call_line)]
    assert not leftovers or todos, f"Keras 1 keywords {leftovers} left without a TODO:\n{result.code}"
    assert row.new_name in result.code, result.code
