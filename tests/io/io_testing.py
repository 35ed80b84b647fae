"""Helpers for the loader tests (importable as `io_testing` from tests/io)."""

from __future__ import annotations

import glob
import json
import os
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "keras1-corpus"


def fixture_cases(with_file: str = "model.json") -> list[pathlib.Path]:
    """Every committed oracle case folder holding `with_file` (all envs, both orderings)."""
    return sorted(p.parent for p in FIXTURES.glob(f"*-*/*/{with_file}") if (p.parent / "meta.json").exists())


def case_id(path: pathlib.Path) -> str:
    return f"{path.parent.name}/{path.name}"


def meta(case: pathlib.Path) -> dict:
    return json.loads((case / "meta.json").read_text())


def arrays(case: pathlib.Path, prefix: str):
    """`prefix.npy`, or the list `prefix_0.npy`, `prefix_1.npy`, ... (multi-input / output)."""
    single = case / f"{prefix}.npy"
    if single.exists():
        return np.load(single)
    files = [f for f in glob.glob(str(case / f"{prefix}_*.npy")) if f.rsplit("_", 1)[1][:-4].isdigit()]
    files.sort(key=lambda f: int(f.rsplit("_", 1)[1][:-4]))
    return [np.load(f) for f in files] if files else None


def weights_file(case: pathlib.Path):
    """The weights the case's outputs were computed with (training cases: the final ones)."""
    for name in ("final_weights.h5", "weights.h5"):
        if (case / name).exists():
            return case / name
    return None


def source_backend(case: pathlib.Path) -> str:
    return "theano" if meta(case).get("backend") == "theano" else "tensorflow"


def predict(model, x):
    """Inference without `predict`'s per-call tf.function tracing (fast for many small models)."""
    if hasattr(model, "input_order") and hasattr(model, "model"):  # a Keras 0.x Graph: dicts in and out
        model = model.model
    out = model(x if not isinstance(x, list) else [np.asarray(a) for a in x], training=False)
    if isinstance(out, (list, tuple)):
        return [np.asarray(o) for o in out]
    if isinstance(out, dict):
        return [np.asarray(v) for v in out.values()]
    return np.asarray(out)


def max_diff(got, expected) -> float:
    if isinstance(expected, list):
        got = got if isinstance(got, list) else [got]
        return max(float(np.max(np.abs(np.asarray(g, "float64") - e))) for g, e in zip(got, expected))
    if isinstance(got, list):
        got = got[0]
    return float(np.max(np.abs(np.asarray(got, "float64") - expected)))


def corpus_available() -> bool:
    return (CORPUS / "MANIFEST.tsv").exists()


__all__ = ["ROOT", "FIXTURES", "CORPUS", "fixture_cases", "case_id", "meta", "arrays", "source_backend",
           "weights_file", "predict", "max_diff", "corpus_available", "os"]
