"""`legacykeras.backend` (Keras 1's `K`): every 1.2.2 name, Keras 1 semantics, checked against numpy."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from legacykeras import backend as K
from testlib import load_spec

RNG = np.random.RandomState(0)
A = RNG.randn(2, 3).astype("float32")
B = RNG.randn(2, 3).astype("float32")
P = RNG.rand(2, 3).astype("float32") * 0.9 + 0.05  # probabilities
X3 = RNG.randn(2, 4, 3).astype("float32")

# Theano-only helpers with no TensorFlow meaning: they raise, naming the replacement.
THEANO_ONLY = {"pattern_broadcast", "ctc_cost", "ctc_create_skip_idxs", "ctc_interleave_blanks",
               "ctc_path_probs", "ctc_update_log_p"}


def ev(x):
    return K.eval(x) if not isinstance(x, np.ndarray) else x


# --- the API surface ---------------------------------------------------------------------------------
@pytest.mark.parametrize("module", ["keras.backend", "keras.backend.common"])
def test_every_keras1_backend_name_is_importable(module):
    spec = load_spec()
    target = importlib.import_module("legacy" + module)
    missing = [name for name in spec[module] if not hasattr(target, name)]
    assert missing == []


def test_tensorflow_backend_names_of_keras1_exist():
    from legacykeras.backend import tensorflow_backend as tfb

    for name in ("clear_session", "get_session", "set_session", "manual_variable_initialization",
                 "ctc_decode", "ctc_label_dense_to_sparse"):
        assert callable(getattr(tfb, name))


def test_theano_backend_module_refuses_clearly():
    with pytest.raises(ImportError, match="Theano.*from keras import backend as K"):
        importlib.import_module("legacykeras.backend.theano_backend")


@pytest.mark.parametrize("name", sorted(THEANO_ONLY))
def test_theano_only_names_raise_naming_the_replacement(name):
    with pytest.raises(NotImplementedError, match="Instead"):
        getattr(K, name)(None, None)


def test_tf1_sessions_get_raises_set_warns_naming_the_replacement():
    from legacykeras import LegacyKerasWarning

    with pytest.raises(RuntimeError, match="TensorFlow 2"):
        K.get_session()
    with pytest.warns(LegacyKerasWarning, match="tf.config"):
        K.set_session(object())


def test_settings():
    assert K.backend() == "tensorflow"
    assert K.floatx() == "float32" and K.epsilon() == pytest.approx(1e-7)
    assert K.image_dim_ordering() in ("th", "tf")
    previous = K.image_dim_ordering()
    K.set_image_dim_ordering("th")
    assert K.image_dim_ordering() == "th"
    K.set_image_dim_ordering(previous)
    K.set_epsilon(1e-5)
    assert K.epsilon() == 1e-5
    K.set_epsilon(1e-7)
    K.set_floatx("float64")
    assert K.cast_to_floatx(1).dtype == np.float64
    K.set_floatx("float32")
    assert K.cast_to_floatx([1, 2]).dtype == np.float32
    K.set_legacy_weight_ordering(True)
    assert K.legacy_weight_ordering()
    K.set_legacy_weight_ordering(False)
    K.reset_uids()
    assert K.get_uid("dense") == 1 and K.get_uid("dense") == 2
    K.manual_variable_initialization(False)
    K.clear_session()
    assert K.get_uid("dense") == 1


# --- variables -------------------------------------------------------------------------------------
def test_variables_and_values():
    v = K.variable(A, name="v")
    np.testing.assert_array_equal(K.get_value(v), A)
    K.set_value(v, B)
    np.testing.assert_array_equal(K.eval(v), B)
    K.batch_set_value([(v, A)])
    np.testing.assert_array_equal(K.batch_get_value([v])[0], A)
    assert K.int_shape(v) == (2, 3) and K.ndim(v) == 2 and K.dtype(v) == "float32"
    assert K.get_variable_shape(v) == (2, 3) and K.count_params(v) == 6
    assert ev(K.shape(v)).tolist() == [2, 3]
    np.testing.assert_array_equal(K.eval(K.zeros((2, 2))), np.zeros((2, 2)))
    np.testing.assert_array_equal(K.eval(K.ones((2,))), np.ones(2))
    np.testing.assert_array_equal(K.eval(K.eye(3)), np.eye(3))
    np.testing.assert_array_equal(ev(K.zeros_like(v)), np.zeros((2, 3)))
    np.testing.assert_array_equal(ev(K.ones_like(v)), np.ones((2, 3)))
    u = K.eval(K.random_uniform_variable((100,), -1, 1, seed=1))
    n = K.eval(K.random_normal_variable((1000,), 2.0, 0.5, seed=1))
    assert -1 <= u.min() and u.max() <= 1 and abs(n.mean() - 2) < 0.1
    assert ev(K.cast(K.variable([1.7]), "int32")).tolist() == [1]
    assert not K.is_sparse(v) and K.is_explicit_shape((None, 3)) and not K.is_explicit_shape(K.shape(v))
    assert ev(K.to_dense(v)).shape == (2, 3)


def test_updates_eager():
    v = K.variable([1.0, 2.0])
    K.update(v, [3.0, 4.0])
    K.update_add(v, [1.0, 1.0])
    K.update_sub(v, [0.5, 0.5])
    np.testing.assert_allclose(K.get_value(v), [3.5, 4.5])
    K.moving_average_update(v, K.variable([0.0, 0.0]), 0.9)
    np.testing.assert_allclose(K.get_value(v), [3.15, 4.05], rtol=1e-6)


# --- numeric functions against numpy ------------------------------------------------------------------
CASES = {
    "dot": (lambda: K.dot(A, B.T), A @ B.T),
    "dot_nd": (lambda: K.dot(X3, K.variable(np.arange(30.0).reshape(2, 3, 5))),  # numpy.dot's rule
               np.dot(X3, np.arange(30.0).reshape(2, 3, 5))),
    "transpose": (lambda: K.transpose(A), A.T),
    "gather": (lambda: K.gather(K.variable(A), [1, 0]), A[[1, 0]]),
    "max": (lambda: K.max(A, axis=1), A.max(axis=1)),
    "min": (lambda: K.min(A, axis=0, keepdims=True), A.min(axis=0, keepdims=True)),
    "sum": (lambda: K.sum(A), A.sum()),
    "prod": (lambda: K.prod(A, axis=-1), A.prod(axis=-1)),
    "var": (lambda: K.var(A, axis=1), A.var(axis=1)),
    "std": (lambda: K.std(A), A.std()),
    "mean": (lambda: K.mean(A, axis=[0, 1]), A.mean()),
    "any": (lambda: K.any(A > 1, axis=1), (A > 1).any(axis=1)),
    "all": (lambda: K.all(A > -5), (A > -5).all()),
    "argmax": (lambda: K.argmax(A), A.argmax(-1)),
    "argmin": (lambda: K.argmin(A, axis=0), A.argmin(0)),
    "square": (lambda: K.square(A), A ** 2),
    "abs": (lambda: K.abs(A), np.abs(A)),
    "sqrt": (lambda: K.sqrt(A), np.sqrt(np.clip(A, 0, None))),
    "exp": (lambda: K.exp(A), np.exp(A)),
    "log": (lambda: K.log(P), np.log(P)),
    "round": (lambda: K.round(A * 3), np.round(A * 3)),
    "sign": (lambda: K.sign(A), np.sign(A)),
    "pow": (lambda: K.pow(P, 3), P ** 3),
    "clip": (lambda: K.clip(A, -0.5, 0.5), np.clip(A, -0.5, 0.5)),
    "equal": (lambda: K.equal(A, A), np.ones_like(A, bool)),
    "not_equal": (lambda: K.not_equal(A, B), A != B),
    "greater": (lambda: K.greater(A, B), A > B),
    "greater_equal": (lambda: K.greater_equal(A, B), A >= B),
    "lesser": (lambda: K.lesser(A, B), A < B),
    "lesser_equal": (lambda: K.lesser_equal(A, B), A <= B),
    "maximum": (lambda: K.maximum(A, B), np.maximum(A, B)),
    "minimum": (lambda: K.minimum(A, B), np.minimum(A, B)),
    "sin": (lambda: K.sin(A), np.sin(A)),
    "cos": (lambda: K.cos(A), np.cos(A)),
    "relu": (lambda: K.relu(A, alpha=0.1, max_value=0.5), np.where(A > 0, np.minimum(A, 0.5), 0.1 * A)),
    "elu": (lambda: K.elu(A, 0.5), np.where(A > 0, A, 0.5 * (np.exp(A) - 1))),
    "softmax": (lambda: K.softmax(A), np.exp(A) / np.exp(A).sum(-1, keepdims=True)),
    "softplus": (lambda: K.softplus(A), np.log1p(np.exp(A))),
    "softsign": (lambda: K.softsign(A), A / (1 + np.abs(A))),
    "sigmoid": (lambda: K.sigmoid(A), 1 / (1 + np.exp(-A))),
    "hard_sigmoid": (lambda: K.hard_sigmoid(A * 4), np.clip(0.2 * A * 4 + 0.5, 0, 1)),
    "tanh": (lambda: K.tanh(A), np.tanh(A)),
    "l2_normalize": (lambda: K.l2_normalize(A, axis=1), A / np.linalg.norm(A, axis=1, keepdims=True)),
    "concatenate": (lambda: K.concatenate([A, B]), np.concatenate([A, B], -1)),
    "reshape": (lambda: K.reshape(A, (3, 2)), A.reshape(3, 2)),
    "permute_dimensions": (lambda: K.permute_dimensions(X3, (2, 0, 1)), X3.transpose(2, 0, 1)),
    "repeat_elements": (lambda: K.repeat_elements(A, 2, axis=1), np.repeat(A, 2, axis=1)),
    "repeat": (lambda: K.repeat(A, 2), np.stack([A, A], axis=1)),
    "arange": (lambda: K.arange(1, 7, 2), np.arange(1, 7, 2)),
    "tile": (lambda: K.tile(A, [2, 1]), np.tile(A, (2, 1))),
    "flatten": (lambda: K.flatten(A), A.ravel()),
    "batch_flatten": (lambda: K.batch_flatten(X3), X3.reshape(2, -1)),
    "expand_dims": (lambda: K.expand_dims(A, 1), A[:, None]),
    "squeeze": (lambda: K.squeeze(A[:, None], 1), A),
    "temporal_padding": (lambda: K.temporal_padding(X3, 2), np.pad(X3, ((0, 0), (2, 2), (0, 0)))),
    "asymmetric_temporal_padding": (lambda: K.asymmetric_temporal_padding(X3, 1, 3),
                                    np.pad(X3, ((0, 0), (1, 3), (0, 0)))),
    "stack": (lambda: K.stack([A, B]), np.stack([A, B])),
    "one_hot": (lambda: K.one_hot(np.array([[0, 2]]), 3), np.eye(3)[[[0, 2]]]),
    "reverse": (lambda: K.reverse(X3, 1), X3[:, ::-1]),
    "batch_dot": (lambda: K.batch_dot(X3, X3, axes=[2, 2]), np.einsum("bik,bjk->bij", X3, X3)),
    "batch_dot_2d": (lambda: K.batch_dot(A, B, axes=1), (A * B).sum(1, keepdims=True)),
    "stop_gradient": (lambda: K.stop_gradient(A), A),
    "switch": (lambda: K.switch(A > 0, A, B), np.where(A > 0, A, B)),
    "in_top_k": (lambda: K.in_top_k(A, np.array([0, 1]), 2),
                 np.array([0 in np.argsort(-A[0])[:2], 1 in np.argsort(-A[1])[:2]])),
    "categorical_crossentropy": (lambda: K.categorical_crossentropy(P, np.eye(3)[[0, 2]].astype("float32")),
                                 -np.log((P / P.sum(-1, keepdims=True))[[0, 1], [0, 2]])),
    "sparse_categorical_crossentropy": (lambda: K.sparse_categorical_crossentropy(P, np.array([0, 2])),
                                        -np.log(P[[0, 1], [0, 2]] / P.sum(-1))),
    "binary_crossentropy": (lambda: K.binary_crossentropy(P, np.ones_like(P)), -np.log(P)),
    "cumsum": (lambda: K.cumsum(A, 1), np.cumsum(A, 1)),
    "cumprod": (lambda: K.cumprod(A, 0), np.cumprod(A, 0)),
    "map_fn": (lambda: K.map_fn(lambda r: r * 2, K.variable(A)), A * 2),
    "foldl": (lambda: K.foldl(lambda acc, r: acc + r, K.variable(A)), A.sum(0)),
    "foldr": (lambda: K.foldr(lambda acc, r: acc * 0 + r, K.variable(A)), A[0]),
    "print_tensor": (lambda: K.print_tensor(K.variable(A), "A"), A),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_function_matches_numpy(name):
    make, expected = CASES[name]
    np.testing.assert_allclose(ev(make()), expected, rtol=1e-5, atol=1e-5)


def test_normalization():
    x = RNG.randn(8, 3).astype("float32")
    gamma, beta = np.full(3, 2.0, "float32"), np.full(3, 0.5, "float32")
    normed, mean, var = K.normalize_batch_in_training(x, gamma, beta, [0], epsilon=1e-3)
    np.testing.assert_allclose(ev(mean), x.mean(0), atol=1e-5)
    np.testing.assert_allclose(ev(var), x.var(0), atol=1e-5)
    reference = (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-3) * 2 + 0.5
    np.testing.assert_allclose(ev(normed), reference, atol=1e-4)
    np.testing.assert_allclose(ev(K.batch_normalization(x, x.mean(0), x.var(0), beta, gamma, 1e-3)),
                               reference, atol=1e-4)


def test_random_and_dropout():
    assert ev(K.random_normal((500,), 1.0, 2.0, seed=3)).std() == pytest.approx(2.0, rel=0.2)
    u = ev(K.random_uniform((500,), 2.0, 3.0, seed=3))
    assert u.min() >= 2 and u.max() <= 3
    assert set(np.unique(ev(K.random_binomial((500,), 0.5, seed=3)))) == {0.0, 1.0}
    d = ev(K.dropout(np.ones((1000,), "float32"), 0.5, seed=1))
    assert set(np.unique(d)) <= {0.0, 2.0} and 0.3 < (d == 0).mean() < 0.7
    with pytest.raises(ValueError):
        K.dropout(A, 1.0)


# --- images: Keras 1 argument names, dim_ordering ------------------------------------------------------
def _np_conv2d_tf(x, k):
    """Cross-correlation, NHWC input, (r, c, in, out) kernel, 'valid'."""
    r, c = k.shape[:2]
    out = np.zeros((x.shape[0], x.shape[1] - r + 1, x.shape[2] - c + 1, k.shape[3]), "float32")
    for i in range(out.shape[1]):
        for j in range(out.shape[2]):
            out[:, i, j] = np.tensordot(x[:, i:i + r, j:j + c, :], k, axes=([1, 2, 3], [0, 1, 2]))
    return out


@pytest.fixture(scope="module")
def image():
    x = RNG.randn(2, 5, 6, 3).astype("float32")  # tf ordering
    k = RNG.randn(3, 2, 3, 4).astype("float32")  # (rows, cols, in, out)
    return x, k


def test_conv2d_both_orderings(image):
    x, k = image
    expected = _np_conv2d_tf(x, k)
    np.testing.assert_allclose(ev(K.conv2d(x, k, border_mode="valid", dim_ordering="tf")), expected, atol=1e-4)
    x_th, k_th = x.transpose(0, 3, 1, 2), k.transpose(3, 2, 0, 1)
    got = ev(K.conv2d(x_th, k_th, strides=(1, 1), border_mode="valid", dim_ordering="th",
                      image_shape=x_th.shape, filter_shape=k_th.shape))
    np.testing.assert_allclose(got, expected.transpose(0, 3, 1, 2), atol=1e-4)
    assert K.int_shape(K.conv2d(x, k, border_mode="same", dim_ordering="tf")) == (2, 5, 6, 4)
    assert K.int_shape(K.atrous_conv2d(x, k, rate=2, border_mode="same", dim_ordering="tf")) == (2, 5, 6, 4)


def test_conv1d_conv3d_deconv_separable(image):
    x, k = image
    seq = x[:, 0]  # (2, 6, 3)
    np.testing.assert_allclose(ev(K.conv1d(seq, k[0])), _np_conv2d_tf(seq[:, None], k[:1])[:, 0], atol=1e-4)
    vol = RNG.randn(1, 3, 4, 5, 2).astype("float32")
    assert K.int_shape(K.conv3d(vol, np.ones((2, 2, 2, 2, 3), "float32"))) == (1, 2, 3, 4, 3)
    vol_th = vol.transpose(0, 4, 1, 2, 3)
    assert K.int_shape(K.conv3d(vol_th, np.ones((3, 2, 2, 2, 2), "float32"), dim_ordering="th")) == (1, 3, 2, 3, 4)
    up = K.deconv2d(x, np.ones((2, 2, 3, 4), "float32"), (2, 10, 12, 4), strides=(2, 2), border_mode="same",
                    dim_ordering="tf")
    assert K.int_shape(up) == (2, 10, 12, 4)
    sep = K.separable_conv2d(x, np.ones((2, 2, 3, 1), "float32"), np.ones((1, 1, 3, 5), "float32"),
                             border_mode="valid", dim_ordering="tf")
    np.testing.assert_allclose(ev(sep), _np_conv2d_tf(x, np.ones((2, 2, 3, 5), "float32")), atol=1e-3)


def test_pooling_padding_resizing(image):
    x, _ = image
    pooled = ev(K.pool2d(x[:, :4], (2, 2), strides=(2, 2), dim_ordering="tf", pool_mode="max"))
    np.testing.assert_allclose(pooled, x[:, :4].reshape(2, 2, 2, 3, 2, 3).max(axis=(2, 4)))
    avg_th = ev(K.pool2d(x[:, :4].transpose(0, 3, 1, 2), (2, 2), (2, 2), dim_ordering="th", pool_mode="avg"))
    np.testing.assert_allclose(avg_th, x[:, :4].reshape(2, 2, 2, 3, 2, 3).mean(axis=(2, 4)).transpose(0, 3, 1, 2),
                               atol=1e-6)
    vol = RNG.randn(1, 2, 2, 2, 1).astype("float32")
    assert ev(K.pool3d(vol, (2, 2, 2), (2, 2, 2))).item() == pytest.approx(vol.max())
    with pytest.raises(ValueError, match="pool"):
        K.pool2d(x, (2, 2), pool_mode="median", dim_ordering="tf")
    np.testing.assert_array_equal(ev(K.spatial_2d_padding(x, (1, 2), dim_ordering="tf")),
                                  np.pad(x, ((0, 0), (1, 1), (2, 2), (0, 0))))
    np.testing.assert_array_equal(ev(K.asymmetric_spatial_2d_padding(x, 1, 0, 0, 2, dim_ordering="tf")),
                                  np.pad(x, ((0, 0), (1, 0), (0, 2), (0, 0))))
    np.testing.assert_array_equal(ev(K.spatial_3d_padding(vol, (1, 0, 1), dim_ordering="tf")),
                                  np.pad(vol, ((0, 0), (1, 1), (0, 0), (1, 1), (0, 0))))
    np.testing.assert_array_equal(ev(K.resize_images(x, 2, 3, "tf")), x.repeat(2, 1).repeat(3, 2))
    np.testing.assert_array_equal(ev(K.resize_volumes(vol, 2, 1, 2, "tf")), vol.repeat(2, 1).repeat(2, 3))


# --- rnn ---------------------------------------------------------------------------------------------
def test_rnn_with_mask_repeats_previous_output_and_keeps_states():
    x = np.arange(1, 7, dtype="float32").reshape(1, 6, 1)
    mask = np.array([[0, 1, 1, 0, 1, 0]], bool)

    def step(inputs, states):
        total = states[0] + inputs * states[1]
        return total, [total]

    init = [np.zeros((1, 1), "float32")]
    last, outputs, states = K.rnn(step, x, init, mask=mask, constants=[np.float32(10.0)])
    np.testing.assert_allclose(ev(outputs)[0, :, 0], [0, 20, 50, 50, 100, 100])
    np.testing.assert_allclose(ev(last), [[100]])
    np.testing.assert_allclose(ev(states[0]), [[100]])
    last_b, outputs_b, _ = K.rnn(step, x, init, go_backwards=True, unroll=True, input_length=6,
                                 constants=[np.float32(1.0)])
    np.testing.assert_allclose(ev(outputs_b)[0, :, 0], np.cumsum(x[0, ::-1, 0]))
    with pytest.raises(ValueError, match="initial states"):
        K.rnn(step, x, [], mask=mask)


# --- CTC ---------------------------------------------------------------------------------------------
def test_ctc_batch_cost_and_decode():
    probs = np.full((1, 4, 3), 0.01, "float32")
    probs[0, [0, 2], 1] = 0.98
    probs[0, [1, 3], 2] = 0.98  # class 2 is the blank
    probs /= probs.sum(-1, keepdims=True)
    cost = ev(K.ctc_batch_cost(np.array([[1, 1]]), probs, np.array([[4]]), np.array([[2]])))
    assert cost.shape == (1, 1) and 0 <= cost[0, 0] < 1.0
    decoded, _ = K.ctc_decode(probs, np.array([4]))
    assert ev(decoded[0]).tolist() == [[1, 1]]
    sparse = K.ctc_label_dense_to_sparse(np.array([[1, 2, 0]], "int32"), np.array([2], "int32"))
    assert ev(sparse.values).tolist() == [1, 2]
