"""Checks on the rules table as a whole: light import, unique codes, real keywords."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys

import pytest

from legacykeras import rules
from legacykeras.rules.convert import BASE_ARGS
from testlib import load_spec


def test_importing_rules_pulls_in_neither_keras_nor_tensorflow():
    code = (
        "import sys, legacykeras.rules;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('keras', 'tensorflow'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_codes_are_unique_and_well_formed():
    codes = [row.code for row in [*rules.ALL_RULES, *rules.MODULE_RULES]]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"LK\d{3}", code) for code in codes), codes


def test_every_row_is_indexed_by_all_its_old_names():
    for row in rules.ALL_RULES:
        for name in row.all_old_names():
            assert rules.BY_OLD_NAME[name] is row


def _spec_entry(spec, qualname):
    """The spec entry of a Keras 1 class/function or method `module.Class.method`."""
    module, _, name = qualname.rpartition(".")
    if module in spec and name in spec[module]:
        return spec[module][name]
    # The spec lists method names only (no signatures): those rows are checked elsewhere.
    return None


def _parameters(signature: str) -> list[str]:
    inner = signature.strip()[1:-1]
    names = []
    depth = 0
    token = ""
    for ch in inner + ",":
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            name = token.strip().split("=")[0].strip()
            if name and not name.startswith("*") and name != "self":
                names.append(name)
            token = ""
        else:
            token += ch
    return names


def test_keras1_keywords_exist_in_the_1_2_2_signatures():
    spec = load_spec()
    checked = 0
    for row in rules.ALL_RULES:
        entry = _spec_entry(spec, row.old)
        if entry is None or "signature" not in entry:
            continue
        params = set(_parameters(entry["signature"]))
        accepts_kwargs = "**" in entry["signature"]
        for name in row.positional:
            assert name in params, f"{row.code} {row.old}: positional {name!r} not in {entry['signature']}"
        legacy = row.legacy_keywords() | set(row.values)
        for name in legacy:
            assert name in params or (accepts_kwargs and name in BASE_ARGS) or accepts_kwargs, (
                f"{row.code} {row.old}: {name!r} is not a Keras 1.2.2 parameter ({entry['signature']})"
            )
        checked += 1
    assert checked >= 4


def _modern_object(target: str):
    from legacykeras._keras import keras  # noqa: F401

    parts = target.split(".")
    obj = __import__(parts[0])
    for part in parts[1:]:
        obj = getattr(obj, part)
    return obj


def test_modern_keywords_exist_in_the_keras3_signatures():
    checked = 0
    for row in rules.ALL_RULES:
        if row.new is None or not row.new.startswith("keras."):
            continue
        try:
            target = _modern_object(row.new)
        except AttributeError:
            pytest.fail(f"{row.code}: {row.new} does not exist in Keras 3")
        if target is _modern_object("keras.Model"):
            # keras.Model(*args, **kwargs) dispatches to the functional constructor.
            from keras.src.models.functional import Functional

            target = Functional
        func = target.__init__ if inspect.isclass(target) else target
        params = inspect.signature(func).parameters
        takes_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
        modern = set(row.rename.values()) | {m.into for m in row.merge} | set(row.defaults)
        for name in modern:
            assert name in params or (takes_kwargs and name in ("name", "trainable", "dtype")), (
                f"{row.code}: {row.new} has no parameter {name!r}"
            )
        checked += 1
    assert checked >= 4
