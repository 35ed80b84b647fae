"""Reading Keras 1 / 0.x configs: real-file quirks, safe YAML, clear errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from legacykeras.io.config_json import ConfigFileError, decode_attr, decode_names, parse_config_text, parse_json, parse_yaml

MODEL = {"class_name": "Sequential", "config": [{"class_name": "Dense", "config": {"output_dim": 2, "input_dim": 3}}]}


def test_double_encoded_json_is_unwrapped():
    # json.dump(model.to_json(), f): 6 corpus files hold a JSON string of the model JSON.
    text = json.dumps(json.dumps(MODEL))
    assert parse_json(text) == MODEL


def test_json_error_says_where():
    with pytest.raises(ConfigFileError, match=r"arch\.json: not valid JSON at line 1, column \d+"):
        parse_json('{"class_name": "Sequential", "config": [', where="arch.json")


def test_json_that_is_not_a_model():
    with pytest.raises(ConfigFileError, match="expected a Keras model config.*got list"):
        parse_json("[1, 2]", where="x.json")


def test_yaml_python_tuple_tag_reads_safely():
    text = "class_name: Dense\nconfig:\n  batch_input_shape: !!python/tuple\n  - null\n  - 3\n"
    assert parse_yaml(text)["config"]["batch_input_shape"] == (None, 3)


def test_yaml_numpy_scalar_from_keras1_dumper():
    # PyYAML's default dumper wrote numpy ints this way (seen in 1.2.2 fixtures' model.yaml).
    text = (
        "class_name: Dense\nconfig:\n  input_dim: !!python/object/apply:numpy.core.multiarray.scalar\n"
        "  - !!python/object/apply:numpy.dtype\n    args: [i8, 0, 1]\n    state: !!python/tuple [3, <, null, null,"
        " null, -1, -1, 0]\n  - !!binary |\n    BgAAAAAAAAA=\n"
    )
    assert parse_yaml(text)["config"]["input_dim"] == 6


def test_yaml_python2_scalar_tags():
    text = 'class_name: !!python/unicode "Lambda"\nconfig: {n: !!python/long 3, s: !!python/str "a"}\n'
    assert parse_yaml(text) == {"class_name": "Lambda", "config": {"n": 3, "s": "a"}}


def test_yaml_refuses_code_running_tags(tmp_path):
    marker = tmp_path / "ran"
    text = f"class_name: !!python/object/apply:os.system ['touch {marker}']\nconfig: []\n"
    with pytest.raises(ConfigFileError, match=r"!!python/object/apply:os\.system` at line 1, column 13 is not allowed"):
        parse_yaml(text)
    assert not marker.exists()


def test_yaml_error_says_where():
    with pytest.raises(ConfigFileError, match=r"m\.yaml: not valid YAML at line \d+, column \d+"):
        parse_yaml("class_name: Sequential\nconfig: [a, b\n", where="m.yaml")


def test_text_sniffing():
    assert parse_config_text(json.dumps(MODEL)) == MODEL
    assert parse_config_text("class_name: Sequential\nconfig: []\n") == {"class_name": "Sequential", "config": []}


def test_hdf5_attributes_bytes_or_str():
    # h5py < 3 wrote bytes; h5py >= 3 returns str for some attributes, numpy bytes arrays for others.
    assert decode_attr(b"1.2.2") == decode_attr("1.2.2") == decode_attr(np.bytes_(b"1.2.2")) == "1.2.2"
    assert decode_names(np.array([b"dense_1", b"dense_2"])) == ["dense_1", "dense_2"]
    assert decode_names(np.array(["a", "b"])) == ["a", "b"]
