"""The data `migrate` carries: generated name tables, rule codes, no two rows for one old name."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from legacykeras import rules
from migrate import api_tables
from migrate.names import default_tables
from migrate.report import DESCRIPTIONS, Code

ROOT = pathlib.Path(__file__).resolve().parents[2]
SPEC = ROOT.parent / "shared" / "spec" / "keras-1.2.2-api.json"


@pytest.mark.skipif(not SPEC.exists(), reason="the Keras 1.2.2 API spec (shared/spec) is not here")
def test_api_tables_are_current():
    result = subprocess.run([sys.executable, "-m", "migrate.tools.gen_api_tables", "--check", "--spec", str(SPEC)],
                            capture_output=True, text=True, cwd=ROOT,
                            env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND="tensorflow"))
    assert result.returncode == 0, result.stderr[-2000:]


def test_migrate_codes_are_not_rule_codes_and_are_described():
    row_codes = {row.code for row in [*rules.ALL_RULES, *rules.MODULE_RULES]}
    assert not {c.value for c in Code} & row_codes
    assert set(DESCRIPTIONS) == set(Code)


def test_no_two_rows_claim_the_same_keras1_name():
    seen = {}
    for row in rules.ALL_RULES:
        for name in row.all_old_names():
            assert name not in seen, f"{name}: {seen.get(name)} and {row.code}"
            seen[name] = row.code


def test_every_keras_target_exists_in_keras3():
    tables = default_tables()
    missing = [(row.code, row.new) for row in rules.ALL_RULES
               if row.new and row.new.startswith("keras.") and tables.in_keras3(row.new) is False
               and not row.new.startswith(("keras.Model.", "keras.models.Sequential."))]
    assert not missing
    assert not [(m.code, m.new) for m in rules.MODULE_RULES
                if m.new and m.new.startswith("keras") and m.new not in api_tables.KERAS3]
