"""Helpers shared by the test suite (importable as `testlib`, or `tests.testlib`)."""

from __future__ import annotations

import json
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
ORACLE_HOME = pathlib.Path(os.environ.get("KERAS1_ORACLE_HOME", pathlib.Path.home() / ".cache" / "keras1-oracle"))
SPEC = SHARED / "spec" / "keras-1.2.2-api.json"


def fixture_case(env: str, ordering: str, case: str) -> pathlib.Path:
    """The folder of a committed oracle fixture; skips the test when it is absent."""
    path = FIXTURES / f"{env}-{ordering}" / case
    if not (path / "meta.json").exists():
        pytest.skip(f"fixture {path.relative_to(ROOT)} not generated (run `make fixtures`)")
    return path


def oracle_available(env: str = "theano") -> bool:
    return (SHARED / "keras1-oracle" / "python").exists() and (ORACLE_HOME / env / ".ready").exists()


def load_spec() -> dict:
    """The Keras 1.2.2 API spec from ../shared; skips the test when it is absent."""
    if not SPEC.exists():
        pytest.skip(f"{SPEC} not present")
    return json.loads(SPEC.read_text())["modules"]
