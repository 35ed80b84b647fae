"""Run programs through `python -m legacykeras` in a subprocess (shared by the e2e tests)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "keras1"


def run_legacy(args, cwd=None, env=None, timeout=300, keras_home=None):
    """`python -m legacykeras *args`; returns the CompletedProcess (text mode)."""
    full_env = dict(os.environ)
    full_env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    full_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full_env.get("PYTHONPATH")]))
    if keras_home is not None:
        full_env["KERAS_HOME"] = str(keras_home)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "legacykeras", *map(str, args)],
        cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout,
    )


def explain(result) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-6000:]}"
