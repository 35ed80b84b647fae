"""Behaviour of the hand-written adapters that inference fixtures cannot show."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import layers as L
from legacykeras._keras import keras
from tests.runtime.layers.layer_testing import dim_ordering


def test_embedding_dropout_drops_whole_rows_in_training_only():
    layer = L.Embedding(50, 4, dropout=0.5, input_length=50, init="one")
    ids = np.arange(50)[None, :]
    trained = np.asarray(layer(ids, training=True))[0]
    row_values = set(np.unique(trained.round(5)))
    assert row_values <= {0.0, 2.0} and row_values == {0.0, 2.0}
    assert all(len(set(row.round(5))) == 1 for row in trained)  # a word is dropped whole
    np.testing.assert_array_equal(np.asarray(layer(ids, training=False))[0], np.ones((50, 4)))


def test_embedding_input_is_int32_of_input_length():
    layer = L.Embedding(10, 3, input_length=7)
    assert layer.input_shape == (None, 7)
    assert layer.get_config()["input_dtype"] == "int32"
    assert layer.output_shape == (None, 7, 3)


def test_embedding_mask_zero():
    layer = L.Embedding(10, 3, mask_zero=True, input_length=3)
    mask = layer.compute_mask(np.array([[0, 2, 0]]))
    np.testing.assert_array_equal(np.asarray(mask), [[False, True, False]])


def test_batchnormalization_mode1_normalises_each_sample():
    layer = L.BatchNormalization(mode=1, epsilon=1e-3, input_shape=(4,))
    x = np.array([[1.0, 2.0, 3.0, 4.0], [10.0, 0.0, 0.0, 0.0]], "float32")
    out = np.asarray(layer(x, training=False))
    std = np.sqrt(x.var(axis=-1, keepdims=True) + 1e-3)
    np.testing.assert_allclose(out, (x - x.mean(axis=-1, keepdims=True)) / (std + 1e-3), rtol=1e-5)


def test_batchnormalization_mode2_uses_batch_statistics_at_inference():
    layer = L.BatchNormalization(mode=2, input_shape=(3,))
    x = np.random.RandomState(0).randn(8, 3).astype("float32") * 5 + 2
    out = np.asarray(layer(x, training=False))
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(layer.get_weights()[2:], [np.zeros(3), np.ones(3)])


def test_lambda_arguments_output_shape_function_and_mask():
    def keep_masked(x, mask=None, scale=1.0):
        return x * scale if mask is None else x * scale * keras.ops.cast(mask, x.dtype)[..., None]

    masking = L.Masking(input_shape=(3, 2))
    layer = L.Lambda(keep_masked, output_shape=lambda s: s, arguments={"scale": 2.0},
                     mask=lambda inputs, mask: mask)
    x = np.array([[[1.0, 1.0], [0.0, 0.0], [2.0, 3.0]]], "float32")
    masked = masking(x)
    out = layer(masked, mask=masking.compute_mask(x))
    np.testing.assert_allclose(np.asarray(out), x * 2)
    config = layer.get_config()
    assert (config["function"], config["function_type"]) == ("keep_masked", "function")
    assert config["output_shape_type"] == "lambda" and config["arguments"] == {"scale": 2.0}
    assert L.Lambda(lambda x: x[:, :2], output_shape=(2,), input_shape=(5,)).output_shape == (None, 2)


def test_lambda_infers_the_output_shape_without_one():
    assert L.Lambda(lambda x: x[:, :3], input_shape=(5,)).output_shape == (None, 3)


def test_full_border_mode_grows_the_output():
    with dim_ordering("th"):
        conv = L.Convolution2D(2, 3, 2, border_mode="full", input_shape=(1, 5, 5))
        assert conv.output_shape == (None, 2, 7, 6)
        atrous = L.AtrousConvolution2D(2, 3, 3, atrous_rate=(2, 2), border_mode="full", input_shape=(1, 5, 5))
        assert atrous.output_shape == (None, 2, 9, 9)
    conv1d = L.Convolution1D(1, 3, border_mode="full", input_shape=(5, 1))
    assert conv1d.output_shape == (None, 7, 1)
    x = np.zeros((1, 5, 1), "float32")
    x[0, 0, 0] = 1.0
    conv1d.set_weights([np.arange(3, dtype="float32").reshape(3, 1, 1, 1) + 1, np.zeros(1, "float32")])
    # A one at the first step meets every tap of the kernel as the window slides in.
    np.testing.assert_allclose(np.asarray(conv1d(x))[0, :3, 0], [3.0, 2.0, 1.0])


def test_deconvolution_output_shape_picks_the_ambiguous_size():
    with dim_ordering("tf"):
        default = L.Deconvolution2D(2, 3, 3, output_shape=(None, 11, 11, 2), subsample=(2, 2), input_shape=(5, 5, 1))
        larger = L.Deconvolution2D(2, 3, 3, output_shape=(None, 12, 12, 2), subsample=(2, 2), input_shape=(5, 5, 1))
    x = np.ones((1, 5, 5, 1), "float32")
    assert np.asarray(default(x)).shape == (1, 11, 11, 2)
    assert np.asarray(larger(x)).shape == (1, 12, 12, 2)
    with pytest.raises(ValueError, match="output_shape"):
        L.Deconvolution2D(2, 3, 3, output_shape=(None, 20, 20, 2), subsample=(2, 2))(x)


def test_zero_padding_keras1_forms():
    with dim_ordering("tf"):
        x = np.ones((1, 2, 2, 1), "float32")
        assert L.ZeroPadding2D((1, 2, 3, 4))(x).shape == (1, 5, 9, 1)
        assert L.ZeroPadding2D({"top_pad": 1, "right_pad": 2})(x).shape == (1, 3, 4, 1)
    assert L.ZeroPadding1D({"left_pad": 1})(np.ones((1, 2, 1), "float32")).shape == (1, 3, 1)


def test_flatten_keeps_the_layout_it_is_given():
    with dim_ordering("th"):
        x = np.arange(12, dtype="float32").reshape(1, 3, 2, 2)
        np.testing.assert_array_equal(np.asarray(L.Flatten()(x))[0], np.arange(12))


def test_activity_regularization_is_summed_over_the_batch_like_keras1():
    layer = L.ActivityRegularization(l1=0.5)
    layer(np.ones((4, 2), "float32"))
    assert float(layer.losses[0]) == pytest.approx(0.5 * 8)


def test_th_convolution_runs_without_a_gpu():
    with dim_ordering("th"):
        conv = L.Convolution2D(3, 2, 2, input_shape=(2, 4, 4))
        kernel = np.random.RandomState(0).randn(3, 2, 2, 2).astype("float32")
        conv.set_weights([kernel, np.zeros(3, "float32")])
    x = np.random.RandomState(1).randn(1, 2, 4, 4).astype("float32")
    out = np.asarray(conv(x))
    expected = sum(kernel[:, :, i, j][None, :, :, None, None] * x[:, None, :, i:i + 3, j:j + 3]
                   for i in range(2) for j in range(2)).sum(axis=2)
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


def test_constraint_axis_counts_keras1_kernel_axes():
    """Keras 1 th kernels are (nb_filter, stack, rows, cols): maxnorm(axis=[1, 2, 3]) bounds each filter."""
    from legacykeras.constraints import maxnorm

    with dim_ordering("th"):
        layer = L.Convolution2D(4, 3, 3, W_constraint=maxnorm(1.0, axis=[1, 2, 3]), input_shape=(2, 6, 6))
        kernel = np.random.RandomState(0).randn(4, 2, 3, 3).astype("float32") * 3
        layer.set_weights([kernel, np.zeros(4, "float32")])
    constrained = np.asarray(layer.kernel.constraint(layer.kernel)).transpose(3, 2, 0, 1)
    np.testing.assert_allclose(np.sqrt((constrained ** 2).sum(axis=(1, 2, 3))), np.ones(4), rtol=1e-5)
    assert layer.get_config()["W_constraint"] == {"name": "MaxNorm", "m": 1.0, "axis": [1, 2, 3]}
    conv1d = L.Convolution1D(2, 3, W_constraint=maxnorm(1.0, axis=[0, 1, 2]), input_shape=(5, 3))
    conv1d.get_weights()
    assert conv1d.kernel.constraint.axis == [0, 1]


def test_sequence_layers_read_input_dim_and_input_length_like_keras1():
    assert L.Convolution1D(2, 3, input_dim=4).input_shape == (None, None, 4)
    assert L.AtrousConvolution1D(2, 3, atrous_rate=2, input_dim=4, input_length=9).input_shape == (None, 9, 4)
    assert L.TimeDistributedDense(3, input_dim=4).input_shape == (None, None, 4)
    assert L.LocallyConnected1D(2, 3, input_dim=4, input_length=6).output_shape == (None, 4, 2)
    assert L.Dense(3, input_dim=4).input_shape == (None, 4)


def test_theano_same_padding_for_even_kernels():
    """Keras 1 on Theano padded kernel // 2 before and cropped the end; TensorFlow pads less before."""
    x = np.arange(5, dtype="float32").reshape(1, 5, 1)
    kernel = np.array([1.0, 10.0], "float32").reshape(2, 1, 1, 1)
    tf_layer = L.Convolution1D(1, 2, border_mode="same", bias=False, input_shape=(5, 1), weights=[kernel])
    theano_layer = L.Convolution1D(1, 2, border_mode="same", bias=False, input_shape=(5, 1), weights=[kernel])
    theano_layer.use_theano_padding()
    np.testing.assert_allclose(np.asarray(tf_layer(x))[0, :, 0], [10, 21, 32, 43, 4])
    np.testing.assert_allclose(np.asarray(theano_layer(x))[0, :, 0], [0, 10, 21, 32, 43])
    valid = L.Convolution1D(1, 2, input_shape=(5, 1))
    valid.use_theano_padding()
    assert not valid._theano_same
