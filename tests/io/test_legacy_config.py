"""Config -> live model: Keras 0.x translation, real-file value quirks, clear errors."""

from __future__ import annotations

import warnings

import pytest

from legacykeras.io.legacy_config import BuildContext, LegacyModelError, MissingLayerClassError, clean_layer_config, normalize
from legacykeras.io.loader import model_from_config, model_from_json


def test_keras0_sequential_is_translated():
    k0 = {"name": "Sequential", "layers": [
        {"name": "Dense", "custom_name": "dense", "output_dim": 3, "input_dim": 2, "cache_enabled": True},
        {"name": "Activation", "custom_name": "activation", "activation": "tanh", "target": 0, "beta": 0.1},
        {"name": "Dense", "custom_name": "dense", "output_dim": 1},
        {"name": "Reshape", "dims": [1, 1]}]}
    entry = normalize(k0)
    assert entry["class_name"] == "Sequential"
    dense, activation, dense_again, reshape = entry["config"]
    assert dense == {"class_name": "Dense", "config": {"name": "dense", "output_dim": 3, "input_dim": 2}}
    assert activation["config"] == {"name": "activation", "activation": "tanh"}
    assert "name" not in dense_again["config"]  # 0.x reused names; Keras 1 names are unique
    assert reshape["config"] == {"target_shape": [1, 1]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = model_from_config(k0)
    assert [type(layer).__name__ for layer in model.layers] == ["Dense", "Activation", "Dense", "Reshape"]


def test_string_numbers_and_lambda_initializers():
    context = BuildContext()
    with pytest.warns(DeprecationWarning, match="`init` was a custom function saved as '<lambda>'"):
        config = clean_layer_config("Dense", {"name": "d", "output_dim": "4", "init": "<lambda>"}, context)
    assert config == {"name": "d", "output_dim": 4}
    assert clean_layer_config("Dropout", {"p": "0.5"}, context) == {"p": 0.5}
    with pytest.raises(LegacyModelError, match=r"Layer 'x' \(Dropout\): `p` is 'half', not a number"):
        clean_layer_config("Dropout", {"name": "x", "p": "half"}, context)


def test_regularizer_and_constraint_dicts():
    text = ('{"class_name": "Sequential", "config": [{"class_name": "Dense", "config": {"output_dim": 2, '
            '"input_dim": 3, "W_regularizer": {"name": "WeightRegularizer", "l1": 0.0, "l2": 0.01}, '
            '"W_constraint": {"name": "MaxNorm", "m": 2, "axis": 0}}}]}')
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        layer = model_from_json(text).layers[0]
    assert layer.kernel_regularizer is not None and layer.kernel_constraint is not None


def test_unknown_layer_class_names_the_way_out():
    config = {"class_name": "Sequential", "config": [{"class_name": "MyLayer", "config": {"name": "mine"}}]}
    with pytest.raises(MissingLayerClassError, match=r"Unknown layer class `MyLayer` \(layer 'mine'\).*custom_objects"):
        model_from_config(config)


def test_custom_objects_supply_a_class():
    from legacykeras.layers import Dense

    config = {"class_name": "Sequential", "config": [{"class_name": "MyDense", "config": {"output_dim": 2, "input_dim": 3}}]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = model_from_config(config, custom_objects={"MyDense": Dense})
    assert model.layers[0].units == 2


def test_old_keys_are_dropped_with_a_warning():
    config = {"class_name": "Sequential", "config": [{"class_name": "Dense", "config": {
        "output_dim": 2, "input_dim": 3, "W_learning_rate_multiplier": 0.5}}]}
    with pytest.warns(DeprecationWarning, match=r"config keys \['W_learning_rate_multiplier'\] are not Keras 1\.2\.2"):
        model_from_config(config)


def test_disconnected_functional_config():
    config = {"class_name": "Model", "config": {"name": "m", "layers": [
        {"name": "d", "class_name": "Dense", "config": {"name": "d", "output_dim": 2}, "inbound_nodes": [[["ghost", 0, 0]]]}],
        "input_layers": [], "output_layers": [["d", 0, 0]]}}
    with pytest.raises(LegacyModelError, match=r"disconnected: layers \['d'\] take inputs from \['ghost'\]"):
        model_from_config(config)


def test_not_a_model_config():
    with pytest.raises(LegacyModelError, match="neither `class_name`"):
        model_from_config({"layers": []})
    with pytest.raises(TypeError, match="expects a dictionary, not a list"):
        model_from_config([])


def test_dim_ordering_hint_fills_layers_that_did_not_save_it():
    config = {"class_name": "Sequential", "config": [
        {"class_name": "ZeroPadding2D", "config": {"batch_input_shape": [None, 2, 3, 4], "padding": [1, 1]}}]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert model_from_config(config, dim_ordering="th").output_shape == (None, 2, 5, 6)
        assert model_from_config(config, dim_ordering="tf").output_shape == (None, 4, 5, 4)
    with pytest.raises(ValueError, match="dim_ordering="):
        model_from_config(config, dim_ordering="nchw")
