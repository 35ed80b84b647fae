"""Lambda bytecode from other Python versions: rebuilt safely, or refused clearly, never executed."""

from __future__ import annotations

import json
import marshal
import os
import sys

import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from io_testing import CORPUS, FIXTURES, arrays, corpus_available, predict  # noqa: E402
from legacykeras._keras import keras  # noqa: E402
from legacykeras.io import lambda_bytecode as lb  # noqa: E402
from legacykeras.io.loader import load_model, model_from_json  # noqa: E402

RUNNING = f"{sys.version_info[0]}.{sys.version_info[1]}"


def _lambda_config(path):
    config = json.loads(path.read_text())
    if isinstance(config, str):
        config = json.loads(config)
    entries = config["config"]["layers"] if isinstance(config["config"], dict) else config["config"]
    for entry in entries:
        if entry["class_name"] == "Lambda":
            return entry["config"]
    raise AssertionError("no Lambda")


def _spec(fn):
    closure = tuple(c.cell_contents for c in fn.__closure__) if fn.__closure__ else None
    return [marshal.dumps(fn.__code__).decode("raw_unicode_escape"), fn.__defaults__, closure]


def _restore(spec, safe_mode=True, custom_objects=None, arguments=None):
    return lb.restore_function(spec, layer_name="lambda_1", class_name="Lambda", what="function",
                               custom_objects=custom_objects or {}, safe_mode=safe_mode, arg_values=arguments)


@pytest.mark.parametrize("env,version", [("py27-tf", "2.7"), ("theano-tf", "3.6")])
def test_version_of_stored_bytecode_is_detected(env, version):
    config = _lambda_config(FIXTURES / env / "io_lambda_scale" / "model.json")
    assert lb.decode(config["function"]).version == version


@pytest.mark.parametrize("env", ["py27-tf", "theano-tf"])
def test_image_normalisation_is_rebuilt(env):
    config = _lambda_config(FIXTURES / env / "io_lambda_scale" / "model.json")
    fn = _restore(config["function"])
    assert fn.__legacykeras_source__ == "lambda x: ((x / 127.5) - 1.0)"
    x = np.array([[0.0, 127.5, 255.0]], "float32")
    np.testing.assert_allclose(np.asarray(fn(keras.ops.convert_to_tensor(x))), [[-1.0, 0.0, 1.0]])


@pytest.mark.parametrize("env", ["py27-tf", "theano-tf"])
def test_backend_calls_and_keywords_are_rebuilt(env):
    config = _lambda_config(FIXTURES / env / "io_lambda_backend" / "model.json")
    fn = _restore(config["function"])
    assert "K.concatenate" in fn.__legacykeras_source__ and "keepdims=True" in fn.__legacykeras_source__
    x = np.random.RandomState(0).randn(2, 4).astype("float32")
    got = np.asarray(fn(keras.ops.convert_to_tensor(x)))
    np.testing.assert_allclose(got, np.concatenate([x ** 2, x.mean(-1, keepdims=True) * 2], -1), rtol=1e-6)


@pytest.mark.skipif(not corpus_available(), reason="../shared/keras1-corpus absent")
@pytest.mark.parametrize("name,source", [
    ("ottonello_p3_model.json", "lambda x: ((x / 127.5) - 1.0)"),
    ("hristo_bc_model_121.json", "lambda x: ((x / 255) - 0.5)"),
    ("datlife_resnetlike_cnn.json", "lambda image: ((image / 255.0) - 0.5)"),
])
def test_python35_corpus_lambdas_are_rebuilt(name, source):
    # Python 3.5 bytecode, which no current Python (nor Keras 1.2.2 on 3.6) can run.
    config = _lambda_config(CORPUS / name)
    decoded = lb.decode(config["function"])
    assert decoded.version == "3.5"
    assert _restore(config["function"]).__legacykeras_source__ == source


def test_current_python_lambda_with_math_and_slices():
    f = lambda x, a=1.0: K.mean(x[:, 1:], axis=-1) / 127.5 - a + math.pi  # noqa: E731, F821
    fn = _restore(_spec(f))
    x = np.ones((2, 3), "float32")
    np.testing.assert_allclose(np.asarray(fn(keras.ops.convert_to_tensor(x))), [1 / 127.5 - 1 + np.pi] * 2, rtol=1e-6)


def test_arguments_become_defaults():
    f = lambda x, scale=1.0, shift=0.0: x * scale + shift  # noqa: E731
    fn = _restore(_spec(f), arguments={"scale": 2.0, "shift": -1.0})
    assert fn.__legacykeras_source__ == "lambda x, scale=2.0, shift=-1.0: ((x * scale) + shift)"


def test_global_constant_from_custom_objects():
    f = lambda x: x * scale  # noqa: E731, F821
    assert _restore(_spec(f), custom_objects={"scale": 0.5})(4.0) == 2.0


def test_refusal_names_layer_shows_disassembly_and_options(tmp_path):
    marker = tmp_path / "ran"
    f = lambda x: open(str(marker), "w").write("x")  # noqa: E731
    with pytest.raises(lb.LambdaRebuildError) as info:
        _restore(_spec(f))
    text = str(info.value)
    assert "layer 'lambda_1'" in text and "`open` is not in the allow-list" in text
    assert "custom_objects={'lambda_1': your_function}" in text and "safe_mode=False" in text
    assert "Disassembly:" in text and "LOAD_GLOBAL" in text
    assert not marker.exists()


@pytest.mark.parametrize("env", ["py27-tf", "theano-tf"])
def test_comprehension_is_refused_and_old_bytecode_is_never_executed(env):
    config = _lambda_config(FIXTURES / env / "io_lambda_unsafe" / "model.json")
    with pytest.raises(lb.LambdaRebuildError, match="cannot be rebuilt safely"):
        _restore(config["function"])
    with pytest.raises(lb.LambdaRebuildError, match=f"written by Python .* this is Python {RUNNING}"):
        _restore(config["function"], safe_mode=False)


def test_safe_mode_false_runs_bytecode_of_this_python():
    f = lambda x: [v * 2 for v in [x]][0]  # noqa: E731
    with pytest.raises(lb.LambdaRebuildError):
        _restore(_spec(f))
    assert _restore(_spec(f), safe_mode=False)(3) == 6


def test_custom_objects_by_layer_name_replace_the_function():
    config = {"name": "lambda_1", "function": ["\x00garbage"], "function_type": "lambda",
              "output_shape": None, "output_shape_type": "raw", "arguments": {}}
    from legacykeras.io.legacy_config import BuildContext

    fn = lambda x: x + 1  # noqa: E731
    out = lb.resolve_functions("Lambda", config, BuildContext({"lambda_1": fn}))
    assert out["function"] is fn and "function_type" not in out


def test_unreadable_bytecode_is_a_clear_error():
    with pytest.raises(lb.LambdaRebuildError, match="cannot be read"):
        _restore(["\x00\x01garbage", None, None])


def _lambda_class():
    from legacykeras.io.legacy_config import MissingLayerClassError, find_class

    try:
        return find_class("Lambda")
    except MissingLayerClassError:
        pytest.xfail("legacykeras has no `Lambda` yet")


@pytest.mark.parametrize("env", ["py27-tf", "theano-tf"])
def test_model_save_file_with_old_lambda_predicts_like_keras1(env):
    _lambda_class()
    case = FIXTURES / env / "io_lambda_scale"
    model = load_model(case / "model.h5")
    np.testing.assert_allclose(predict(model, arrays(case, "input")), arrays(case, "output"), rtol=1e-5, atol=1e-5)


def test_py27_lambda_with_output_shape_lambda_predicts_like_keras1():
    _lambda_class()
    case = FIXTURES / "py27-tf" / "io_lambda_backend"
    model = model_from_json((case / "model.json").read_text())
    model.load_weights(str(case / "weights.h5"))
    np.testing.assert_allclose(predict(model, arrays(case, "input")), arrays(case, "output"), rtol=1e-5, atol=1e-5)
