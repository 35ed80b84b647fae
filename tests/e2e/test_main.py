"""`python -m legacykeras`: the import alias, `-m`, `-c`, era shims and Python 2 syntax."""

from __future__ import annotations

import importlib.util
import textwrap

import pytest

from e2e.runner import explain, run_legacy

PROBE = """
import sys
import keras
from keras.layers.core import Dense
import keras.layers.core as core_layers
import numpy as np
import helper_module

print("KERAS", keras.__name__, keras.__version__)
print("DENSE", Dense.__module__, core_layers.__name__)
print("ARGV", sys.argv[1:])
print("MAIN", __name__)
print("HELPER", helper_module.keras.__name__)
# Keras 3 keeps working underneath: importlib and Keras' own lazy imports get the real package.
import importlib
real = importlib.import_module("keras")
print("REAL", real.__version__.split(".")[0], real.ops.convert_to_numpy(real.ops.ones((2,))).sum())
print("FLOAT", np.float is float, np.int(2.7))
print("XRANGE", list(xrange(2)))
import re
print("RESPLIT", re.split(r"(\W+)?", "Where is Bob?"))
try:
    import keras.saving.serialization_lib_k2
except ModuleNotFoundError as error:
    print("MISSING", str(error).replace(chr(10), " "))
try:
    from sklearn.grid_search import GridSearchCV
    from sklearn.cross_validation import train_test_split
    from scipy.misc import imsave, imread, imresize
    import PIL
except ImportError as error:
    print("NOERA", error)
else:
    import sklearn.model_selection as ms
    print("GRID", issubclass(GridSearchCV, ms.GridSearchCV), train_test_split is ms.train_test_split)
    img = (np.arange(48).reshape(4, 4, 3) * 5).astype("uint8")
    imsave("img.png", img)
    print("IMG", (imread("img.png") == img).all(), imresize(img, (2, 8)).shape)
    from sklearn.cross_validation import KFold, StratifiedKFold
    folds = list(KFold(4, n_folds=3))
    strat = list(StratifiedKFold([0, 0, 1, 1], n_folds=2))
    from sklearn.linear_model import LogisticRegression
    search = GridSearchCV(LogisticRegression(), {"C": [1.0]}, scoring="log_loss", cv=2).fit(
        np.random.rand(20, 2), np.arange(20) % 2)
    print("SCORING", search.scoring)
    labels = np.array([0, 0, 1, 1])
    print("KFOLD", len(folds), sorted(len(t) for t, _ in folds), [sorted(labels[te].tolist()) for _, te in strat])
"""


@pytest.fixture(scope="module")
def probe_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("probe")
    (folder / "probe.py").write_text(PROBE)
    (folder / "helper_module.py").write_text("import keras\n")
    package = folder / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "tool.py").write_text("import sys, keras\nimport numpy; print('TOOL', keras.__name__, __name__, sys.argv[1:], hasattr(numpy, 'float'))\n")
    (folder / "py2.py").write_text("import keras\nprint 'hello'\n")
    (folder / "py2_except.py").write_text("try:\n    pass\nexcept ValueError, e:\n    pass\n")
    return folder


@pytest.fixture(scope="module")
def probe_run(probe_dir):
    return run_legacy(["probe.py", "one", "--two"], cwd=probe_dir)


def _lines(result):
    return dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)


def test_script_sees_legacykeras_as_keras(probe_run):
    assert probe_run.returncode == 0, explain(probe_run)
    out = _lines(probe_run)
    assert out["KERAS"] == "legacykeras 1.2.2"
    assert out["DENSE"] == "legacykeras.layers.core legacykeras.layers.core"
    assert out["HELPER"] == "legacykeras"  # the program's own modules too


def test_script_runs_like_python_would(probe_run):
    out = _lines(probe_run)
    assert out["ARGV"] == "['one', '--two']"
    assert out["MAIN"] == "__main__"


def test_keras3_still_works_underneath(probe_run):
    assert _lines(probe_run)["REAL"] == "3 2.0"


def test_numpy_aliases_restored_with_one_warning_each(probe_run):
    assert _lines(probe_run)["FLOAT"] == "True 2"
    assert probe_run.stderr.count("`np.float` (LK903)") == 1
    assert "Modern spelling: `float`" in probe_run.stderr


def test_re_split_keeps_python36_meaning_for_the_program(probe_run):
    # Keras 1's bAbI examples tokenize with re.split(r'(\W+)?', ...); Python 3.7 split on empty matches.
    assert _lines(probe_run)["RESPLIT"] == "['Where', ' ', 'is', ' ', 'Bob', '?', '']"
    assert "Python 3.7 changed what re.split returns" in probe_run.stderr
    assert "Modern spelling: a pattern that cannot match empty" in probe_run.stderr


def test_dash_m_runs_a_module_and_era_shims_switch_off(probe_dir):
    result = run_legacy(["--no-era-shims", "-m", "pkg.tool", "x"], cwd=probe_dir)
    assert result.returncode == 0, explain(result)
    assert "TOOL legacykeras __main__ ['x'] False" in result.stdout  # np.float stays removed


def test_dash_c_runs_code_and_env_switches_era_shims_off(probe_dir):
    code = "import keras, numpy as np; print(keras.__version__, hasattr(np, 'float'))"
    result = run_legacy(["-c", code], cwd=probe_dir, env={"LEGACYKERAS_ERA_SHIMS": "0"})
    assert result.returncode == 0, explain(result)
    assert result.stdout.split() == ["1.2.2", "False"]


@pytest.mark.parametrize("script, reason", [("py2.py", "a print statement"), ("py2_except.py", "`except Error, e:`")])
def test_python2_syntax_is_refused_clearly(probe_dir, script, reason):
    result = run_legacy([script], cwd=probe_dir)
    assert result.returncode == 1
    assert f"is Python 2 syntax ({reason})" in result.stderr
    assert f"migrate {script}" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_script_is_clear(probe_dir):
    result = run_legacy(["nope.py"], cwd=probe_dir)
    assert result.returncode != 0 and "can't open file" in result.stderr


def test_missing_keras_module_names_keras1_api(probe_run):
    message = _lines(probe_run)["MISSING"]
    assert message.startswith("No module named 'keras.saving")
    assert "Keras 1.2.2's API" in message


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None or importlib.util.find_spec("PIL") is None,
                    reason="scikit-learn and Pillow not installed")
def test_removed_scipy_and_sklearn_names_come_back(probe_run):
    out = _lines(probe_run)
    assert out["GRID"] == "True True"
    assert out["IMG"] == "True (2, 8, 3)"
    assert "`sklearn.grid_search` (LK941)" in probe_run.stderr
    assert "Modern spelling: `sklearn.model_selection`" in probe_run.stderr
    assert "`scipy.misc.imsave` (LK932)" in probe_run.stderr
    assert out["KFOLD"] == "3 [2, 3, 3] [[0, 1], [0, 1]]"  # Keras 1 era KFold(n, n_folds) signatures
    assert out["SCORING"] == "neg_log_loss" and "`scoring='log_loss'`" in probe_run.stderr


def test_python2_xrange_comes_back(probe_run):
    assert _lines(probe_run)["XRANGE"] == "[0, 1]"
    assert "`xrange`: Python 3 has no xrange" in probe_run.stderr


def test_install_from_python(probe_dir):
    code = ("import legacykeras; legacykeras.install(era_shims=False); import keras, numpy; "
            "print(keras.__name__, hasattr(numpy, 'float'))")
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=probe_dir,
                            env={**__import__("os").environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert result.returncode == 0, explain(result)
    assert result.stdout.split() == ["legacykeras", "False"]


def test_version_and_legacykeras_subcommands(probe_dir):
    result = run_legacy(["--version"], cwd=probe_dir)
    assert result.returncode == 0 and "Keras 1.2.2 API" in result.stdout
    result = run_legacy(["inspect", "--help"], cwd=probe_dir)  # `python -m legacykeras inspect` is the CLI's
    assert result.returncode == 0 and "inspect" in result.stdout
