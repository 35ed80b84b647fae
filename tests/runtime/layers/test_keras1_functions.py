"""Keras 1's activations, initializations, regularizers and constraints: values and configs."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import activations, constraints, initializations, regularizers
from legacykeras import layers as L
from legacykeras._keras import keras


def _np(x):
    return np.asarray(keras.ops.convert_to_numpy(x))


# --- activations -------------------------------------------------------------------------------

def test_hard_sigmoid_has_keras1_slope():
    x = np.array([-3.0, -1.0, 0.0, 1.0, 3.0], "float32")
    np.testing.assert_allclose(_np(activations.hard_sigmoid(x)), np.clip(0.2 * x + 0.5, 0, 1), atol=1e-7)


def test_relu_alpha_and_max_value():
    x = np.array([-2.0, 0.5, 4.0], "float32")
    np.testing.assert_allclose(_np(activations.relu(x, alpha=0.1, max_value=3.0)), [-0.2, 0.5, 3.0], atol=1e-6)


def test_softmax_takes_2d_or_3d_only():
    with pytest.raises(ValueError, match="2D or 3D"):
        activations.softmax(np.zeros((1, 2, 3, 4), "float32"))


def test_get_none_is_linear_and_names_resolve():
    assert activations.get(None) is activations.linear
    assert activations.get("hard_sigmoid") is activations.hard_sigmoid
    with pytest.raises(ValueError):
        activations.get("nope")


def test_hard_sigmoid_by_name_in_a_layer_is_keras1s():
    layer = L.Activation("hard_sigmoid")
    x = np.array([[-2.0, 1.0, 2.4]], "float32")
    np.testing.assert_allclose(_np(layer(x)), np.clip(0.2 * x + 0.5, 0, 1), atol=1e-7)
    assert layer.get_config()["activation"] == "hard_sigmoid"


# --- initializations ---------------------------------------------------------------------------

def test_normal_and_uniform_have_scale_0_05():
    np.random.seed(0)
    normal = _np(initializations.normal((300, 300)))
    uniform = _np(initializations.uniform((300, 300)))
    assert abs(normal.std() - 0.05) < 0.002
    assert uniform.max() <= 0.05 and uniform.min() >= -0.05 and uniform.max() > 0.049


def test_glorot_and_he_normal_are_untruncated():
    np.random.seed(1)
    fan_in, fan_out = 400, 300
    glorot = _np(initializations.glorot_normal((fan_in, fan_out)))
    sigma = np.sqrt(2.0 / (fan_in + fan_out))
    assert abs(glorot.std() - sigma) < 0.03 * sigma
    assert np.abs(glorot).max() > 3 * sigma  # a truncated normal stops at 2 sigma
    he = _np(initializations.he_normal((fan_in, fan_out)))
    assert abs(he.std() - np.sqrt(2.0 / fan_in)) < 0.03 * np.sqrt(2.0 / fan_in)


def test_orthogonal_has_gain_1_1_and_identity():
    w = _np(initializations.orthogonal((6, 6)))
    np.testing.assert_allclose(w @ w.T, 1.21 * np.eye(6), atol=1e-5)
    np.testing.assert_array_equal(_np(initializations.identity((3, 3))), np.eye(3))
    np.testing.assert_array_equal(_np(initializations.zero((2,))), [0, 0])
    np.testing.assert_array_equal(_np(initializations.one((2,))), [1, 1])
    with pytest.raises(ValueError):
        initializations.identity((2, 3))


def test_fans_follow_dim_ordering():
    assert initializations.get_fans((8, 3, 5, 5), "th") == (75, 200)
    assert initializations.get_fans((5, 5, 3, 8), "tf") == (75, 200)


def test_keras1_call_form_returns_a_named_variable():
    variable = initializations.glorot_uniform((4, 3), name="dense_9_W", dim_ordering="tf")
    assert tuple(variable.shape) == (4, 3) and "dense_9_W" in variable.name


def test_init_names_in_layers_have_keras1_distributions():
    np.random.seed(2)
    kernel = L.Dense(300, init="normal", input_dim=300).get_weights()[0]
    assert abs(kernel.std() - 0.05) < 0.002
    kernel = L.Dense(300, init="uniform", input_dim=300).get_weights()[0]
    assert np.abs(kernel).max() <= 0.05
    kernel = L.Dense(300, init="glorot_normal", input_dim=300).get_weights()[0]
    assert np.abs(kernel).max() > 3 * np.sqrt(2.0 / 600)


def test_keras1_style_init_callable_in_a_layer():
    def my_init(shape, name=None):
        return initializations.one(shape, name=name)

    layer = L.Dense(3, init=my_init, input_dim=2)
    np.testing.assert_array_equal(layer.get_weights()[0], np.ones((2, 3)))
    assert layer.get_config()["init"] == "my_init"
    layer = L.Dense(3, init=initializations.zero, input_dim=2)
    np.testing.assert_array_equal(layer.get_weights()[0], np.zeros((2, 3)))
    assert layer.get_config()["init"] == "zero"


# --- regularizers -------------------------------------------------------------------------------

def test_regularizer_helpers_default_to_0_01_and_configs_are_keras1():
    assert regularizers.l1l2().get_legacy_config() == {
        "name": "L1L2Regularizer", "l1": float(np.float32(0.01)), "l2": float(np.float32(0.01))}
    assert regularizers.activity_l2().l2 == float(np.float32(0.01))
    assert regularizers.WeightRegularizer is regularizers.ActivityRegularizer is regularizers.L1L2Regularizer
    x = np.array([[1.0, -2.0]], "float32")
    assert float(regularizers.l1l2(0.5, 0.25)(x)) == pytest.approx(0.5 * 3 + 0.25 * 5)


def test_regularizer_get_accepts_keras1_forms():
    assert regularizers.get("l2").l2 == pytest.approx(0.01)
    reg = regularizers.get({"name": "WeightRegularizer", "l1": 0.0, "l2": 0.1})
    assert reg.l2 == pytest.approx(0.1)
    assert regularizers.get(None) is None


def test_layer_takes_a_keras1_regularizer_config_dict_and_the_l1l2_name():
    penalty = {"name": "L1L2Regularizer", "l1": 0.0, "l2": 0.5}
    layer = L.Dense(2, W_regularizer=penalty, b_regularizer="l1l2", input_dim=2,
                    weights=[np.ones((2, 2), "float32"), np.ones(2, "float32")])
    layer(np.zeros((1, 2), "float32"))
    assert sorted(float(x) for x in layer.losses) == pytest.approx([0.04, 2.0])
    assert layer.get_config()["W_regularizer"] == penalty


def test_eigenvalue_regularizer():
    w = np.diag([3.0, 1.0]).astype("float32")
    assert float(regularizers.EigenvalueRegularizer(0.5)(w)) == pytest.approx(0.5 * 3.0, rel=1e-4)


# --- constraints --------------------------------------------------------------------------------

def test_maxnorm_unitnorm_nonneg_minmax():
    w = np.array([[3.0, 0.1], [4.0, 0.1]], "float32")
    np.testing.assert_allclose(_np(constraints.maxnorm(1.0)(w))[:, 0], [0.6, 0.8], rtol=1e-5)
    np.testing.assert_allclose(_np(constraints.maxnorm(1.0)(w))[:, 1], [0.1, 0.1], rtol=1e-5)
    np.testing.assert_allclose(np.linalg.norm(_np(constraints.unitnorm()(w)), axis=0), [1, 1], rtol=1e-5)
    np.testing.assert_array_equal(_np(constraints.nonneg()(np.array([-1.0, 2.0], "float32"))), [0, 2])
    np.testing.assert_allclose(
        np.linalg.norm(_np(constraints.MinMaxNorm(low=1.0, high=2.0)(w)), axis=0), [2.0, 1.0], rtol=1e-5)


def test_constraint_configs_and_get():
    assert constraints.maxnorm(3, axis=[0, 1]).get_legacy_config() == {"name": "MaxNorm", "m": 3, "axis": [0, 1]}
    assert constraints.nonneg().get_legacy_config() == {"name": "NonNeg"}
    assert isinstance(constraints.get({"name": "UnitNorm", "axis": 1}), constraints.UnitNorm)
    assert constraints.maxnorm is constraints.MaxNorm


def test_constraint_names_in_layers():
    layer = L.Dense(2, W_constraint="maxnorm", input_dim=2)
    assert isinstance(layer.kernel_constraint, keras.constraints.MaxNorm)
    assert layer.get_config()["W_constraint"] == "maxnorm"
