"""Every Keras 1 signature form: positional and keyword calls build the same layer.

Each entry gives the Keras 1 positional values of one call (many optional ones
included); the same call spelled with keywords must give the same Keras 1
config, and the config must hold the values passed.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from legacykeras import LegacyKerasWarning
from legacykeras import layers as L
from legacykeras.constraints import maxnorm
from legacykeras.regularizers import l2
from tests.runtime.layers.layer_testing import dim_ordering


def _double(x, a=1.0):
    return x * a


CALLS = {
    "Dense": (3, "normal", "tanh", None, l2(0.01), None, None, maxnorm(2), None, False, 5),
    "Activation": ("relu",),
    "Flatten": (),
    "Dropout": (0.3, None, 1),
    "SpatialDropout1D": (0.2,),
    "SpatialDropout2D": (0.2, "th"),
    "SpatialDropout3D": (0.2, "tf"),
    "Reshape": ((2, 3),),
    "Permute": ((2, 1),),
    "RepeatVector": (3,),
    "Lambda": (_double, (4,), {"a": 2.0}),
    "ActivityRegularization": (0.1, 0.2),
    "Masking": (0.5,),
    "Highway": ("normal", "relu", None, None, None, None, None, None, True, 4),
    "MaxoutDense": (3, 2, "normal", None, None, None, None, None, None, True, 4),
    "TimeDistributedDense": (3, "normal", "relu", None, None, None, None, None, None, True, 4, 5),
    "Convolution1D": (4, 3, "normal", "relu", None, "same", 2, None, None, None, None, None, True, 3, 7),
    "AtrousConvolution1D": (4, 3, "normal", "relu", None, "same", 1, 2),
    "Convolution2D": (4, 3, 2, "normal", "relu", None, "same", (2, 2), "th"),
    "AtrousConvolution2D": (4, 3, 3, "normal", "relu", None, "valid", (1, 1), (2, 2), "tf"),
    "SeparableConvolution2D": (4, 3, 3, "normal", "relu", None, "same", (1, 1), 2, "tf"),
    "Deconvolution2D": (3, 3, 3, (None, 9, 8, 3), "normal", "relu", None, "valid", (1, 1), "tf"),
    "Convolution3D": (2, 2, 2, 2, "normal", "relu", None, "same", (1, 1, 1), "th"),
    "UpSampling1D": (3,),
    "UpSampling2D": ((2, 3), "th"),
    "UpSampling3D": ((2, 2, 2), "tf"),
    "ZeroPadding1D": (2,),
    "ZeroPadding2D": ((1, 2), "th"),
    "ZeroPadding3D": ((1, 1, 1), "tf"),
    "Cropping1D": ((1, 1),),
    "Cropping2D": (((1, 1), (0, 0)), "th"),
    "Cropping3D": (((1, 1), (1, 1), (1, 1)), "tf"),
    "MaxPooling1D": (3, 1, "same"),
    "AveragePooling1D": (3, 1, "same"),
    "MaxPooling2D": ((2, 2), (1, 1), "same", "th"),
    "AveragePooling2D": ((2, 2), (1, 1), "same", "tf"),
    "MaxPooling3D": ((2, 2, 2), (1, 1, 1), "valid", "th"),
    "AveragePooling3D": ((2, 2, 2), (1, 1, 1), "valid", "tf"),
    "GlobalMaxPooling1D": (),
    "GlobalAveragePooling1D": (),
    "GlobalMaxPooling2D": ("th",),
    "GlobalAveragePooling2D": ("tf",),
    "GlobalMaxPooling3D": ("th",),
    "GlobalAveragePooling3D": ("tf",),
    "BatchNormalization": (0.01, 0, 1, 0.9, None, "zero", "one", None, None),
    "Embedding": (10, 3, "normal", 4, None, None, None, True, None, 0.1),
    "LeakyReLU": (0.2,),
    "PReLU": ("one", None, [1]),
    "ELU": (0.5,),
    "ParametricSoftplus": (0.3, 4.0, None, [1]),
    "ThresholdedReLU": (0.7,),
    "SReLU": ("zero", "one", "one", "one", [1]),
    "GaussianNoise": (0.2,),
    "GaussianDropout": (0.2,),
    "LocallyConnected1D": (3, 2, "normal", "relu", None, "valid", 1, None, None, None, None, None, True, 4, 6),
    "LocallyConnected2D": (2, 2, 2, "normal", "relu", None, "valid", (1, 1), "th"),
}


def _config(layer):
    config = layer.get_config()
    config.pop("name")
    return config


@pytest.mark.parametrize("name", sorted(CALLS))
def test_positional_and_keyword_calls_agree(name):
    cls = getattr(L, name)
    args = CALLS[name]
    keywords = dict(zip(cls.legacy_rule.positional, args))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        positional = cls(*args)
        keyword = cls(**keywords)
    assert _config(positional) == _config(keyword)
    config = _config(positional)
    for key, value in keywords.items():
        if key in config and not callable(value) and value is not None and key != "weights":
            expected = list(value) if isinstance(value, tuple) else value
            got = config[key]
            assert (list(got) if isinstance(got, tuple) else got) == expected, key


def test_every_layer_row_has_a_construction_case():
    from tests.rules.test_layer_rows import ROWS

    assert {row.old_name for row in ROWS} == set(CALLS)


def test_too_many_positionals_is_a_type_error():
    with pytest.raises(TypeError, match="at most 3 positional"):
        L.Dropout(0.5, None, 1, 2)


def test_old_and_new_spelling_together_is_an_error():
    with pytest.raises(TypeError, match="output_dim"):
        L.Dense(output_dim=3, units=3)


def test_seed_example_th_convolution_output_shape():
    """The notes this project started from: a 'th' Convolution2D on 3x256x256 images."""
    with dim_ordering("th"):
        layer = L.Convolution2D(64, 3, 3, border_mode="same", input_shape=(3, 256, 256))
    assert layer.output_shape == (None, 64, 256, 256)
    assert layer.get_config()["dim_ordering"] == "th"
    assert [w.shape for w in layer.get_weights()] == [(64, 3, 3, 3), (64,)]


def test_dim_ordering_default_comes_from_keras_json(tmp_path, monkeypatch):
    """An old keras.json (backend theano, th ordering) decides 'default', as in Keras 1."""
    from legacykeras import config

    # No set_image_dim_ordering() override from elsewhere in the session: the file decides.
    monkeypatch.setattr(config, "_overrides", {})
    (tmp_path / "keras.json").write_text(
        '{"backend": "theano", "image_dim_ordering": "th", "floatx": "float32", "epsilon": 1e-07}')
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    layer = L.MaxPooling2D(input_shape=(3, 8, 6))
    assert layer.get_config()["dim_ordering"] == "th"
    assert layer.output_shape == (None, 3, 4, 3)
    (tmp_path / "keras.json").write_text('{"backend": "theano", "image_dim_ordering": "tf"}')
    layer = L.MaxPooling2D(dim_ordering="default", input_shape=(8, 6, 3))
    assert layer.get_config()["dim_ordering"] == "tf"
    assert layer.output_shape == (None, 4, 3, 3)


def test_legacy_keyword_warns_once_per_call_site_with_the_modern_spelling():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            L.Convolution2D(4, 3, 3, border_mode="same", dim_ordering="tf")
    legacy = [w for w in caught if issubclass(w.category, LegacyKerasWarning)]
    assert len(legacy) == 1
    message = str(legacy[0].message)
    assert "keras.layers.Conv2D" in message and "kernel_size=(3, 3)" in message and "padding='same'" in message


def test_keras1_weight_attributes():
    with dim_ordering("tf"):
        dense = L.Dense(3, input_dim=4)
        dense.get_weights()
        assert dense.W is dense.kernel and dense.b is dense.bias
        bn = L.BatchNormalization(input_shape=(5,))
        bn.get_weights()
        assert bn.running_std is bn.moving_variance and bn.gamma is not None
        highway = L.Highway(input_dim=4)
        highway.get_weights()
        assert tuple(highway.W_carry.shape) == (4, 4)


def test_weights_argument_takes_keras1_layout():
    kernel = np.arange(4 * 3 * 2 * 2, dtype="float32").reshape(4, 3, 2, 2)
    bias = np.ones(4, "float32")
    with dim_ordering("th"):
        layer = L.Convolution2D(4, 2, 2, weights=[kernel, bias], input_shape=(3, 5, 5))
    got = layer.get_weights()
    np.testing.assert_array_equal(got[0], kernel)
    np.testing.assert_array_equal(layer.kernel.numpy(), kernel.transpose(2, 3, 1, 0))


def test_wrong_weight_shape_names_the_layer():
    layer = L.Dense(3, input_dim=4, name="d")
    with pytest.raises(ValueError, match="'d'"):
        layer.set_weights([np.zeros((5, 3)), np.zeros(3)])


def test_locally_connected_refuses_same_border_like_keras1():
    with pytest.raises(ValueError, match="border mode"):
        L.LocallyConnected1D(3, 2, border_mode="same")


def test_lambda_output_shape_must_be_shape_or_function():
    with pytest.raises(TypeError, match="output_shape"):
        L.Lambda(lambda x: x, output_shape=3)


def test_batchnormalization_mode_outside_0_1_2_is_refused():
    with pytest.raises(ValueError, match="mode"):
        L.BatchNormalization(mode=3)
