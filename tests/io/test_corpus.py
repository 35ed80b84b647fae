"""The real-file corpus (../shared/keras1-corpus): every file loads, or gives its documented clear error.

Files are read in place (never copied). Architectures load with their paired weights; `model.save`
files with `load_model`; weights files are read (and inspected). A table of results is written to the
terminal at the end of the module. Skipped when the corpus is absent.
"""

from __future__ import annotations

import csv
import os
import sys
import time
import warnings

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from io_testing import CORPUS, corpus_available  # noqa: E402
from legacykeras.io import hdf5_weights  # noqa: E402
from legacykeras.io.config_json import ConfigFileError  # noqa: E402
from legacykeras.io.inspect import inspect_file  # noqa: E402
from legacykeras.io.legacy_config import LegacyModelError  # noqa: E402
from legacykeras.io.loader import load_model, model_from_json, model_from_yaml  # noqa: E402

pytestmark = pytest.mark.skipif(not corpus_available(), reason="../shared/keras1-corpus absent")

# The documented outcome for files that cannot load, and why.
EXPECTED_ERRORS = {
    # The author wrote Dense(0.3) (meant Dropout(0.3)); Keras 1 could not build it either.
    "datlife_td_gru_2input.json": (LegacyModelError, "Layer 'dense_7' (Dense) could not be built from its config"),
}
CLEAR_ERRORS = (LegacyModelError, ConfigFileError, hdf5_weights.WeightFileError, FileNotFoundError)


def _rows():
    if not corpus_available():
        return []
    with open(CORPUS / "MANIFEST.tsv", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


ROWS = _rows()
RESULTS: list[tuple[str, str, str, str]] = []


@pytest.fixture(scope="module", autouse=True)
def _table(request):
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or not RESULTS:
        return
    lines = ["", f"keras1-corpus: {len(RESULTS)} files", f"  {'file':<44} {'kind':<14} {'time':>6}  result"]
    lines += [f"  {name:<44} {kind:<14} {seconds:>6}  {result}" for name, kind, seconds, result in sorted(RESULTS)]
    if capture is not None:
        with capture.global_and_fixture_disabled():
            for line in lines:
                reporter.write_line(line)
    else:
        for line in lines:
            reporter.write_line(line)


def _smoke_predict(model):
    """One forward pass on zeros, for models small enough to be quick."""
    inner = getattr(model, "model", model) if hasattr(model, "input_order") else model
    if inner.count_params() > 1_000_000:
        return "not run (large)"
    inputs = inner.inputs if isinstance(inner.inputs, list) else [inner.inputs]
    xs = [np.zeros(tuple(d or 1 for d in t.shape), dtype=str(t.dtype)) for t in inputs]
    out = inner(xs[0] if len(xs) == 1 else xs, training=False)
    outs = out if isinstance(out, (list, tuple)) else [out]
    assert all(np.all(np.isfinite(np.asarray(o))) for o in outs)
    return "predicts"


def _load(row):
    name, kind, pair = row["filename"], row["kind"], row["pairs_with"]
    if kind.startswith("arch"):
        text = (CORPUS / name).read_text()
        model = (model_from_yaml if "yaml" in kind else model_from_json)(text)
        if pair:
            model.load_weights(str(CORPUS / pair))
        return f"loads{' + ' + pair if pair else ''}, {_smoke_predict(model)}"
    if kind == "full-model-h5":
        model = load_model(CORPUS / name)
        compiled = "compiled" if getattr(model, "optimizer", None) is not None else "not compiled"
        return f"load_model: {compiled}, {_smoke_predict(model)}"
    info = inspect_file(CORPUS / name)
    return f"weights read: {info['weights_layout']}, {len(info['weights'])} layers"


@pytest.mark.parametrize("row", ROWS, ids=[r["filename"] for r in ROWS])
def test_corpus_file(row):
    name = row["filename"]
    start = time.time()
    expected = EXPECTED_ERRORS.get(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = _load(row)
    except Exception as exc:
        result = f"{type(exc).__name__}: {str(exc).splitlines()[0][:90]}"
        RESULTS.append((name, row["kind"], f"{time.time() - start:.1f}s", result))
        assert isinstance(exc, CLEAR_ERRORS), f"{name}: not a clear error: {type(exc).__name__}: {exc}"
        if expected is None:
            raise
        assert isinstance(exc, expected[0]) and expected[1] in str(exc), f"{name}: {exc}"
        return
    RESULTS.append((name, row["kind"], f"{time.time() - start:.1f}s", result))
    assert expected is None, f"{name} was expected to fail with {expected}, but {result}"


def test_manifest_is_complete():
    assert len(ROWS) == 69
    missing = [r["filename"] for r in ROWS if not (CORPUS / r["filename"]).exists()]
    assert not missing
