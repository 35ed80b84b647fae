"""`legacykeras convert` / `inspect` / `--version`, and the .keras output loading in plain Keras 3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from io_testing import FIXTURES, ROOT, arrays, predict  # noqa: E402
from legacykeras import cli  # noqa: E402
from legacykeras.io.convert import ConversionError, convert  # noqa: E402
from legacykeras.io.loader import load_model  # noqa: E402

# (case folder, model file, weights file or None, source backend)
PLAIN = [
    ("theano-th/mlp_slice", "model.h5", None, None),
    ("keras0-th/io_k0_merge", "model.json", "weights.h5", None),
    ("theano-tf/io_lambda_scale", "model.h5", None, None),
    ("py27-tf/io_lambda_scale", "model.json", "weights.h5", None),
    ("tensorflow-tf/model_merge_concat", "model.json", "weights.h5", None),
    ("theano-tf/layer_convolution2d", "model.json", "weights.h5", "theano"),
    ("keras0-th/io_k0_graph", "model.json", "weights.h5", None),
    ("tensorflow-tf/model_in_model", "model.json", "weights.h5", None),
]

_PLAIN_KERAS = r"""
import json, sys
import numpy as np
sys.modules["legacykeras"] = None  # importing legacykeras would fail: the files must stand alone
import keras
results = {}
for path, inputs in json.loads(sys.argv[1]):
    model = keras.saving.load_model(path)
    xs = [np.load(p) for p in inputs]
    out = model.predict(xs[0] if len(xs) == 1 else xs, verbose=0)
    outs = out if isinstance(out, list) else [out]
    for i, o in enumerate(outs):
        np.save(path + f".out{i}.npy", np.asarray(o))
    results[path] = type(model).__name__
print(json.dumps(results))
"""


def _inputs(case):
    names = sorted(p.name for p in case.glob("input*.npy") if p.stem.split("_")[-1].isdigit() or p.stem == "input")
    return [str(case / n) for n in names]


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    out = tmp_path_factory.mktemp("converted")
    done = []
    for folder, model_file, weights, backend in PLAIN:
        case = FIXTURES / folder
        if not (case / "meta.json").exists():
            continue
        target = out / (folder.replace("/", "__") + ".keras")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report = convert(case / model_file, target, weights=(case / weights) if weights else None,
                             source_backend=backend)
        done.append((folder, case, target, report))
    spec = [(str(t), _inputs(c)) for _, c, t, _ in done]
    run = subprocess.run([sys.executable, "-c", _PLAIN_KERAS, json.dumps(spec)], capture_output=True, text=True,
                         timeout=300, cwd=str(out))
    assert run.returncode == 0, run.stderr[-3000:]
    return done


def test_converted_files_load_in_plain_keras_and_predict_like_keras1(converted):
    assert len(converted) >= 5
    for folder, case, target, report in converted:
        assert report.plain_keras, (folder, report.needs_legacykeras)
        expected = arrays(case, "output")
        for i, e in enumerate(expected if isinstance(expected, list) else [expected]):
            got = np.load(str(target) + f".out{i}.npy")
            np.testing.assert_allclose(got, e, rtol=1e-5, atol=1e-5, err_msg=folder)


def test_affine_lambda_becomes_rescaling(converted):
    reports = {folder: report for folder, _, _, report in converted}
    for folder in ("theano-tf/io_lambda_scale", "py27-tf/io_lambda_scale"):
        if folder in reports:
            assert any("Rescaling(scale=0.00784314, offset=-1)" in line for line in reports[folder].rewritten)


def test_merge_of_sequentials_becomes_functional(converted):
    reports = {folder: report for folder, _, _, report in converted}
    assert any("Concatenate" in line for line in reports["keras0-th/io_k0_merge"].rewritten)


def test_layers_without_keras3_twin_are_named(tmp_path):
    case = FIXTURES / "tensorflow-tf" / "layer_maxoutdense"
    if not case.exists():
        pytest.skip("fixture layer_maxoutdense absent")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = cli.main(["convert", str(case / "model.json"), str(tmp_path / "m.keras"),
                         "--weights", str(case / "weights.h5")])
    assert code == cli.EXIT_NEEDS_LEGACYKERAS
    assert (tmp_path / "m.keras").exists()
    # Still loads with legacykeras imported, and predicts the same.
    model = load_model_native(tmp_path / "m.keras")
    np.testing.assert_allclose(predict(model, arrays(case, "input")), arrays(case, "output"), rtol=1e-5, atol=1e-5)


def load_model_native(path):
    from legacykeras.io.convert import load_keras

    return load_keras(path)


def test_cli_convert_reports_and_exit_code(tmp_path, capsys):
    case = FIXTURES / "theano-th" / "mlp_slice"
    code = cli.main(["convert", str(case / "model.h5"), str(tmp_path / "m.keras"), "--source-backend", "theano"])
    out = capsys.readouterr().out
    assert code == cli.EXIT_OK
    assert "loads with plain Keras 3" in out


def test_cli_errors_and_exit_codes(tmp_path, capsys):
    assert cli.main(["convert", "nope.h5", str(tmp_path / "x.keras")]) == cli.EXIT_BAD_INPUT
    assert "No such file: nope.h5" in capsys.readouterr().err
    assert cli.main(["convert", str(FIXTURES / "theano-th" / "mlp_slice" / "model.h5"), "x.h5"]) == cli.EXIT_USAGE
    weights_only = FIXTURES / "theano-th" / "mlp_slice" / "weights.h5"
    assert cli.main(["convert", str(weights_only), str(tmp_path / "y.keras")]) == cli.EXIT_BAD_INPUT
    assert "holds weights only" in capsys.readouterr().err
    unsafe = FIXTURES / "py27-tf" / "io_lambda_unsafe"
    code = cli.main(["convert", str(unsafe / "model.json"), str(tmp_path / "z.keras"), "--weights", str(unsafe / "weights.h5")])
    assert code == cli.EXIT_CANNOT_CONVERT
    assert "cannot be rebuilt safely" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["convert", "a", "b.keras", "--source-backend", "cntk"])


def test_convert_rejects_non_keras_target(tmp_path):
    with pytest.raises(ValueError, match="must be a `.keras` file"):
        convert(FIXTURES / "theano-th" / "mlp_slice" / "model.h5", tmp_path / "out.h5")


def test_inspect_reports_version_layers_weights_and_conversions(capsys):
    case = FIXTURES / "theano-th" / "mlp_slice"
    assert cli.main(["inspect", str(case / "model.h5")]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "Keras version: 1.2.2" in out and "dense_1" in out and "dense_1_W (6, 8)" in out
    assert "training config re-applied with the Keras 1 optimizer SGD" in out
    assert cli.main(["inspect", "--json", str(FIXTURES / "py27-tf" / "io_lambda_scale" / "model.json")]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["format"] == "JSON" and info["layers"][0]["lambda"].startswith("Python 2.7, rebuilt safely")


def test_inspect_keras0_weights():
    from legacykeras.io.inspect import inspect_file

    info = inspect_file(FIXTURES / "keras0-th" / "io_k0_graph" / "weights.h5")
    assert info["weights_layout"].startswith("Keras 0.x Graph")
    info = inspect_file(FIXTURES / "keras0-th" / "io_k0_graph" / "model.json")
    assert info["keras_version"] == "0.x" and info["model_class"] == "Graph"


def test_console_script_version():
    run = subprocess.run([sys.executable, "-m", "legacykeras.cli", "--version"], capture_output=True, text=True,
                         cwd=str(ROOT), timeout=60)
    assert run.returncode == 0 and run.stdout.startswith("legacykeras ")
    run = subprocess.run([sys.executable, "-m", "legacykeras.cli", "--help"], capture_output=True, text=True,
                         cwd=str(ROOT), timeout=60)
    assert "exit codes:" in run.stdout and "needs legacykeras" in run.stdout


def test_conversion_error_is_a_value_error():
    assert issubclass(ConversionError, ValueError)


def test_prove_or_leave_keeps_layers_whose_keras3_twin_differs(tmp_path):
    # Keras 1's LSTM uses hard_sigmoid = clip(0.2 x + 0.5); Keras 3's hard_sigmoid has slope 1/6.
    case = FIXTURES / "tensorflow-tf" / "recurrent_lstm_cpu"
    if not case.exists():
        pytest.skip("fixture recurrent_lstm_cpu absent")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = convert(case / "model.json", tmp_path / "m.keras", weights=case / "weights.h5")
    assert not report.plain_keras
    assert "computes something else" in report.needs_legacykeras[0]
    model = load_model_native(tmp_path / "m.keras")
    np.testing.assert_allclose(predict(model, arrays(case, "input")), arrays(case, "output"), rtol=1e-5, atol=1e-5)
