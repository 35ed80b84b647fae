"""Keras 1.2.2's backend functions (`from keras import backend as K`) on TensorFlow 2 / Keras 3.

Keras 1 argument names, orders and semantics: `dim_ordering` / `border_mode`
for convolutions and pooling, `(output, target)` order for the crossentropies,
Theano's `dot` / `batch_dot` shape rules, `hard_sigmoid` = clip(0.2 x + 0.5),
`rnn(step_function, ...)` returning `(last_output, outputs, new_states)`.

Every tensor function is written on TensorFlow tensors and wrapped with
`lifted`, so it also takes Keras 3 symbolic tensors (`model.input`,
`layer.output`, `K.placeholder`) and then records a graph node that
`K.function` runs later, as Keras 1's graph did.

Keras 1: the Theano backend did true convolution (flipped kernels); this one,
like Keras 1's TensorFlow backend, does cross-correlation.
"""

from __future__ import annotations

import builtins

import numpy as np

from legacykeras._keras import keras
from legacykeras.backend import common
from legacykeras.backend import symbolic
from legacykeras.backend.common import epsilon, floatx, image_dim_ordering
from legacykeras.backend.symbolic import (
    LEARNING_PHASE,
    Function,
    Update,
    is_symbolic,
    learning_phase,
    lifted,
    set_learning_phase,
)

import tensorflow as tf  # noqa: E402  (after keras pinned the backend)

py_all = builtins.all
py_any = builtins.any
py_sum = builtins.sum


# --- session / graph ----------------------------------------------------------------------------
def clear_session():
    """Reset Keras 1 layer-name counters and Keras 3's global state."""
    from legacykeras.runtime import naming

    keras.backend.clear_session()
    naming.reset()
    common.reset_uids()
    symbolic.clear_learning_phase()


def manual_variable_initialization(value):
    """Keras 1 (TF): skip variable initialization. TF 2 variables are initialized at creation;
    accepted for compatibility and has no effect."""
    common.set_manual_variable_initialization(bool(value))


def get_session():
    raise RuntimeError(
        "K.get_session() returned a TF1 `tf.Session`, which TensorFlow 2 no longer has: code runs "
        "eagerly. Instead: evaluate tensors with K.eval / K.get_value, or build a K.function."
    )


def set_session(session):
    """Keras 1 scripts call this at start-up to configure TF1 (GPU memory growth, threads).
    TensorFlow 2 has no sessions; the call is ignored with a warning naming the modern way."""
    from legacykeras import warnings as lk_warnings

    lk_warnings.warn_legacy(
        "keras.backend.set_session",
        "K.set_session(session) is ignored: TensorFlow 2 has no sessions. Instead: configure devices "
        "with tf.config (e.g. tf.config.experimental.set_memory_growth(gpu, True)).",
    )


# --- variables and placeholders ---------------------------------------------------------------------
def _dtype(dtype):
    return floatx() if dtype is None else str(np.dtype(dtype)) if dtype != "bool" else "bool"


def _var_name(name):
    return None if name is None else str(name).replace("/", "_").replace(":", "_")


def variable(value, dtype=None, name=None):
    """A Keras 3 variable holding `value` (floatx by default), trainable like Keras 1's."""
    if hasattr(value, "tocoo"):
        raise NotImplementedError(
            "K.variable of a scipy sparse matrix: Keras 3 variables are dense. "
            "Instead: K.variable(value.toarray()) or a tf.sparse.SparseTensor constant."
        )
    dtype = _dtype(dtype)
    if isinstance(value, keras.Variable):
        value = value.value
    value = np.asarray(value, dtype=dtype) if not tf.is_tensor(value) else tf.cast(value, dtype)
    return symbolic.LegacyVariable(value, dtype=dtype, name=_var_name(name))


_placeholder_names: dict = {}


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None):
    """A symbolic input, i.e. `keras.Input(batch_shape=shape)`; feed it through `K.function`."""
    if shape is None:
        if ndim is None:
            raise ValueError("K.placeholder needs `shape` or `ndim`.")
        shape = (None,) * ndim
    if name is not None:
        count = _placeholder_names.get(name, 0)
        _placeholder_names[name] = count + 1
        name = name if count == 0 else f"{name}_{count}"
    return keras.Input(batch_shape=tuple(shape), dtype=_dtype(dtype), sparse=sparse, name=name)


def is_placeholder(x):
    return is_symbolic(x)


def is_sparse(tensor):
    return isinstance(tensor, tf.SparseTensor) or bool(getattr(tensor, "sparse", False))


@lifted
def to_dense(tensor):
    return tf.sparse.to_dense(tensor) if isinstance(tensor, tf.SparseTensor) else tensor


def shape(x):
    """The symbolic shape (an int32 tensor)."""
    return _shape(x)


@lifted
def _shape(x):
    return tf.shape(x)


def int_shape(x):
    """The static shape as a tuple of ints / None."""
    if hasattr(x, "_keras_shape"):
        return tuple(x._keras_shape)
    shape_ = getattr(x, "shape", None)
    if shape_ is None:
        return tuple(np.shape(x))
    try:
        return tuple(None if d is None else int(d) for d in shape_)
    except (TypeError, ValueError):
        return None


def ndim(x):
    dims = int_shape(x)
    return None if dims is None else len(dims)


def dtype(x):
    dt = getattr(x, "dtype", None)
    if dt is None:
        return str(np.asarray(x).dtype)
    return dt.name if hasattr(dt, "name") else str(dt)


def _value(x):
    """The TF tensor behind a variable, tensor, numpy array or Python number."""
    if isinstance(x, keras.Variable):
        return x.value
    if tf.is_tensor(x) or isinstance(x, (tf.SparseTensor, tf.Variable)) or is_symbolic(x):
        return x
    if isinstance(x, (np.ndarray, np.generic, list, tuple, int, float, bool)):
        return tf.convert_to_tensor(x)
    return x


def eval(x):
    """The value of a variable or tensor, as numpy."""
    if is_symbolic(x):
        raise ValueError(
            "K.eval: this tensor depends on a placeholder (an input), which needs a value. "
            "Instead: f = K.function([inputs...], [x]); f([values...])."
        )
    return keras.ops.convert_to_numpy(_value(x))


def get_value(x):
    return eval(x)


def batch_get_value(xs):
    return [get_value(x) for x in xs]


def set_value(x, value):
    x.assign(np.asarray(value, dtype=dtype(x)))


def batch_set_value(tuples):
    for x, value in tuples:
        set_value(x, value)


def get_variable_shape(x):
    return int_shape(x)


def count_params(x):
    return int(np.prod(int_shape(x)))


def zeros(shape, dtype=None, name=None):
    return variable(np.zeros(shape), dtype, name)


def ones(shape, dtype=None, name=None):
    return variable(np.ones(shape), dtype, name)


def eye(size, dtype=None, name=None):
    return variable(np.eye(size), dtype, name)


@lifted
def zeros_like(x, dtype=None, name=None):
    return tf.zeros_like(_value(x), dtype=dtype)


@lifted
def ones_like(x, dtype=None, name=None):
    return tf.ones_like(_value(x), dtype=dtype)


def random_uniform_variable(shape, low, high, dtype=None, name=None, seed=None):
    rng = np.random.RandomState(seed) if seed is not None else np.random
    return variable(rng.uniform(low, high, size=shape), dtype, name)


def random_normal_variable(shape, mean, scale, dtype=None, name=None, seed=None):
    rng = np.random.RandomState(seed) if seed is not None else np.random
    return variable(rng.normal(mean, scale, size=shape), dtype, name)


@lifted
def cast(x, dtype):
    return tf.cast(_value(x), dtype)


# --- updates ----------------------------------------------------------------------------------------
def update(x, new_x):
    """Assign `new_x` to variable `x`. A symbolic `new_x` gives an update for `K.function(updates=...)`."""
    if is_symbolic(new_x):
        return Update(x, new_x)
    x.assign(tf.cast(_value(new_x), x.dtype))
    return x


def update_add(x, increment):
    if is_symbolic(increment):
        return Update(x, x + increment)
    x.assign_add(tf.cast(_value(increment), x.dtype))
    return x


def update_sub(x, decrement):
    if is_symbolic(decrement):
        return Update(x, x - decrement)
    x.assign_sub(tf.cast(_value(decrement), x.dtype))
    return x


def moving_average_update(variable, value, momentum):
    """Keras 1: variable = variable * momentum + value * (1 - momentum)."""
    new = variable * momentum + value * (1.0 - momentum)
    return update(variable, new)


# --- linear algebra ----------------------------------------------------------------------------------
def _dims(x):
    """Static dims where known, dynamic ones otherwise."""
    static = x.shape.as_list()
    dynamic = tf.shape(x)
    return [s if s is not None else dynamic[i] for i, s in enumerate(static)]


@lifted
def dot(x, y):
    """Theano's dot: for N-D operands, sums the last axis of x with the second-to-last of y."""
    x, y = _value(x), _value(y)
    if isinstance(x, tf.SparseTensor):
        return tf.sparse.sparse_dense_matmul(x, y)
    if len(x.shape) > 2 or len(y.shape) > 2:
        x_dims, y_dims = _dims(x), _dims(y)
        perm = list(range(len(y.shape)))
        perm = [perm.pop(-2)] + perm
        xt = tf.reshape(x, [-1, x_dims[-1]])
        yt = tf.reshape(tf.transpose(y, perm), [y_dims[-2], -1])
        out_dims = x_dims[:-1] + y_dims[:-2] + y_dims[-1:]
        return tf.reshape(tf.matmul(xt, yt), tf.stack(out_dims) if not py_all(isinstance(d, int) for d in out_dims) else out_dims)
    return tf.matmul(x, y)


@lifted
def batch_dot(x, y, axes=None):
    """Per-sample dot product over `axes` (Keras 1 / Theano semantics); rank-1 results get shape (batch, 1)."""
    x, y = _value(x), _value(y)
    nx, ny = len(x.shape), len(y.shape)
    if axes is None:
        axes = (nx - 1, ny - 2 if ny > 2 else ny - 1)
    if isinstance(axes, int):
        axes = (axes, axes)
    ax, ay = (a % n for a, n in zip(axes, (nx, ny)))
    xt = tf.experimental.numpy.moveaxis(x, ax, -1)
    yt = tf.experimental.numpy.moveaxis(y, ay, 1)
    x_dims, y_dims = _dims(xt), _dims(yt)
    batch = x_dims[0]
    x_rest, y_rest = x_dims[1:-1], y_dims[2:]
    x2 = tf.reshape(xt, tf.stack([batch, -1, x_dims[-1]]))
    y2 = tf.reshape(yt, tf.stack([batch, y_dims[1], -1]))
    out = tf.matmul(x2, y2)
    out_dims = [batch, *x_rest, *y_rest]
    out = tf.reshape(out, tf.stack(out_dims))
    if len(out_dims) == 1:
        out = tf.expand_dims(out, 1)
    return out


@lifted
def transpose(x):
    return tf.transpose(_value(x))


@lifted
def gather(reference, indices):
    return tf.gather(_value(reference), tf.cast(indices, "int32") if _is_float(indices) else indices)


def _is_float(x):
    return tf.is_tensor(x) and x.dtype.is_floating


# --- reductions ---------------------------------------------------------------------------------------
def _axis(axis):
    if isinstance(axis, list):
        return tuple(axis)
    return axis


def _reducer(tf_fn, to_float=False, to_bool=False):
    @lifted
    def reduce(x, axis=None, keepdims=False):
        x = _value(x)
        if to_bool:
            x = tf.cast(x, tf.bool)
        if to_float and not x.dtype.is_floating:
            x = tf.cast(x, floatx())
        return tf_fn(x, axis=_axis(axis), keepdims=keepdims)

    return reduce


max = _reducer(tf.reduce_max)
min = _reducer(tf.reduce_min)
sum = _reducer(tf.reduce_sum)
prod = _reducer(tf.reduce_prod)
mean = _reducer(tf.reduce_mean, to_float=True)
var = _reducer(tf.math.reduce_variance, to_float=True)
std = _reducer(tf.math.reduce_std, to_float=True)
any = _reducer(tf.reduce_any, to_bool=True)
all = _reducer(tf.reduce_all, to_bool=True)
for _fn, _name in ((max, "max"), (min, "min"), (sum, "sum"), (prod, "prod"), (mean, "mean"),
                   (var, "var"), (std, "std"), (any, "any"), (all, "all")):
    _fn.__name__ = _fn.__qualname__ = _name
    _fn.__doc__ = f"Keras 1 `K.{_name}(x, axis=None, keepdims=False)`."


@lifted
def cumsum(x, axis=0):
    return tf.cumsum(_value(x), axis=axis)


@lifted
def cumprod(x, axis=0):
    return tf.math.cumprod(_value(x), axis=axis)


@lifted
def argmax(x, axis=-1):
    return tf.argmax(_value(x), axis=axis)


@lifted
def argmin(x, axis=-1):
    return tf.argmin(_value(x), axis=axis)


# --- element-wise ---------------------------------------------------------------------------------------
def _unary(tf_fn, name):
    @lifted
    def op(x):
        return tf_fn(_value(x))

    op.__name__ = op.__qualname__ = name
    op.__doc__ = f"Keras 1 `K.{name}(x)`, element-wise."
    return op


square = _unary(tf.square, "square")
abs = _unary(tf.abs, "abs")
exp = _unary(tf.exp, "exp")
log = _unary(tf.math.log, "log")
round = _unary(tf.round, "round")
sign = _unary(tf.sign, "sign")
sin = _unary(tf.sin, "sin")
cos = _unary(tf.cos, "cos")
sigmoid = _unary(tf.nn.sigmoid, "sigmoid")
tanh = _unary(tf.nn.tanh, "tanh")
softplus = _unary(tf.nn.softplus, "softplus")
softsign = _unary(tf.nn.softsign, "softsign")


@lifted
def sqrt(x):
    x = _value(x)
    return tf.sqrt(tf.clip_by_value(x, tf.cast(0.0, x.dtype), tf.cast(np.inf, x.dtype)))


@lifted
def pow(x, a):
    return tf.pow(*_operands(x, a))


@lifted
def clip(x, min_value, max_value):
    if max_value is not None and min_value is not None and max_value < min_value:
        max_value = min_value
    if max_value is None:
        max_value = np.inf
    if min_value is None:
        min_value = -np.inf
    x = _value(x)
    return tf.clip_by_value(x, tf.cast(min_value, x.dtype), tf.cast(max_value, x.dtype))


def _operands(x, y):
    """Two operands of one dtype, as Keras 1 allowed them (`K.maximum(x, 0)` on a float `x`).

    A Python number or numpy value takes the tensor's dtype (unless a fractional value meets an
    integer tensor); a float operand meeting an integer or boolean one casts the latter to its float
    dtype, as Theano upcast.
    """
    def is_constant(v):
        return isinstance(v, (int, float, bool, np.generic, np.ndarray, list, tuple))

    xv, yv = _value(x), _value(y)
    if is_constant(x) and not is_constant(y):
        xv = _constant_like(x, yv)
    elif is_constant(y) and not is_constant(x):
        yv = _constant_like(y, xv)
    if xv.dtype != yv.dtype:
        if xv.dtype.is_floating and not yv.dtype.is_floating:
            yv = tf.cast(yv, xv.dtype)
        elif yv.dtype.is_floating and not xv.dtype.is_floating:
            xv = tf.cast(xv, yv.dtype)
    return xv, yv


def _constant_like(value, tensor):
    array = np.asarray(value)
    if not tensor.dtype.is_floating and array.dtype.kind == "f" and not np.all(np.mod(array, 1) == 0):
        return tf.convert_to_tensor(array, dtype=floatx())
    return tf.convert_to_tensor(array.astype(tensor.dtype.as_numpy_dtype))


def _binary(tf_fn, name):
    @lifted
    def op(x, y):
        return tf_fn(*_operands(x, y))

    op.__name__ = op.__qualname__ = name
    op.__doc__ = f"Keras 1 `K.{name}(x, y)`, element-wise."
    return op


equal = _binary(tf.equal, "equal")
not_equal = _binary(tf.not_equal, "not_equal")
greater = _binary(tf.greater, "greater")
greater_equal = _binary(tf.greater_equal, "greater_equal")
lesser = _binary(tf.less, "lesser")
lesser_equal = _binary(tf.less_equal, "lesser_equal")
maximum = _binary(tf.maximum, "maximum")
minimum = _binary(tf.minimum, "minimum")


@lifted
def relu(x, alpha=0.0, max_value=None):
    x = _value(x)
    negative = tf.nn.relu(-x) if alpha != 0.0 else None
    x = tf.nn.relu(x)
    if max_value is not None:
        x = tf.clip_by_value(x, tf.cast(0.0, x.dtype), tf.cast(max_value, x.dtype))
    if negative is not None:
        x -= alpha * negative
    return x


@lifted
def elu(x, alpha=1.0):
    x = _value(x)
    res = tf.nn.elu(x)
    return res if alpha == 1 else tf.where(x > 0, res, alpha * res)


@lifted
def softmax(x):
    x = _value(x)
    return tf.nn.softmax(x, axis=-1)


@lifted
def hard_sigmoid(x):
    """Keras 1: clip(0.2 * x + 0.5, 0, 1) (Keras 3's hard_sigmoid has slope 1/6)."""
    x = _value(x)
    return tf.clip_by_value(0.2 * x + 0.5, tf.cast(0.0, x.dtype), tf.cast(1.0, x.dtype))


@lifted
def l2_normalize(x, axis):
    if axis < 0:
        axis = axis % len(x.shape)
    return tf.nn.l2_normalize(_value(x), axis=axis)


@lifted
def in_top_k(predictions, targets, k):
    return tf.nn.in_top_k(targets=tf.cast(targets, "int32"), predictions=predictions, k=k)


# --- normalization ---------------------------------------------------------------------------------------
@lifted
def _moments(x, axes, shift=None, keep_dims=False):
    return tf.nn.moments(x, axes, keepdims=keep_dims)


def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=1e-3):
    """(normalized, mean, var) of a batch over `reduction_axes`, Keras 1 style."""
    return _normalize_batch(x, gamma, beta, tuple(reduction_axes), epsilon)


@lifted
def _normalize_batch(x, gamma, beta, reduction_axes, epsilon):
    x, gamma, beta = _value(x), _value(gamma), _value(beta)
    mean_, var_ = tf.nn.moments(x, list(reduction_axes), keepdims=False)
    ndim_ = len(x.shape)
    if sorted(reduction_axes) == list(range(ndim_))[:-1]:
        normed = tf.nn.batch_normalization(x, mean_, var_, beta, gamma, epsilon)
    else:
        target_shape = [1 if axis in reduction_axes else tf.shape(x)[axis] for axis in range(ndim_)]
        target_shape = tf.stack(target_shape)
        bcast = [tf.reshape(t, target_shape) for t in (mean_, var_, beta, gamma)]
        normed = tf.nn.batch_normalization(x, *bcast, epsilon)
    return normed, mean_, var_


@lifted
def batch_normalization(x, mean, var, beta, gamma, epsilon=1e-3):
    return tf.nn.batch_normalization(_value(x), _value(mean), _value(var), _value(beta), _value(gamma), epsilon)


# --- shapes ---------------------------------------------------------------------------------------
def concatenate(tensors, axis=-1):
    return _concatenate(list(tensors), axis)


@lifted
def _concatenate(tensors, axis):
    tensors = [_value(t) for t in tensors]
    if axis < 0:
        rank = len(tensors[0].shape)
        axis = axis % rank if rank else 0
    if py_all(isinstance(t, tf.SparseTensor) for t in tensors):
        return tf.sparse.concat(axis, tensors)
    return tf.concat([to_dense(t) for t in tensors], axis)


@lifted
def reshape(x, shape):
    return tf.reshape(_value(x), shape)


@lifted
def permute_dimensions(x, pattern):
    return tf.transpose(_value(x), perm=list(pattern))


@lifted
def resize_images(X, height_factor, width_factor, dim_ordering):
    """Nearest-neighbour upsampling by integer factors (Keras 1: repeat rows and columns)."""
    X = _value(X)
    if dim_ordering == "default":
        dim_ordering = image_dim_ordering()
    axes = {"th": (2, 3), "tf": (1, 2)}.get(dim_ordering)
    if axes is None:
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}")
    X = tf.repeat(X, height_factor, axis=axes[0])
    return tf.repeat(X, width_factor, axis=axes[1])


@lifted
def resize_volumes(X, depth_factor, height_factor, width_factor, dim_ordering):
    X = _value(X)
    if dim_ordering == "default":
        dim_ordering = image_dim_ordering()
    axes = {"th": (2, 3, 4), "tf": (1, 2, 3)}.get(dim_ordering)
    if axes is None:
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}")
    for axis, factor in zip(axes, (depth_factor, height_factor, width_factor)):
        X = tf.repeat(X, factor, axis=axis)
    return X


@lifted
def repeat_elements(x, rep, axis):
    return tf.repeat(_value(x), rep, axis=axis)


@lifted
def repeat(x, n):
    """(samples, dim) -> (samples, n, dim)."""
    x = _value(x)
    return tf.tile(tf.expand_dims(x, 1), [1, n, 1])


def arange(start, stop=None, step=1, dtype="int32"):
    if stop is None and start < 0:
        start = 0
    out = tf.range(start, limit=stop, delta=step, dtype="int32")
    return tf.cast(out, dtype) if dtype != "int32" else out


@lifted
def tile(x, n):
    x = _value(x)
    if isinstance(n, int):
        n = [n]
    return tf.tile(x, n)


@lifted
def flatten(x):
    return tf.reshape(_value(x), [-1])


@lifted
def batch_flatten(x):
    x = _value(x)
    return tf.reshape(x, tf.stack([-1, tf.reduce_prod(tf.shape(x)[1:])]))


@lifted
def expand_dims(x, dim=-1):
    return tf.expand_dims(_value(x), dim)


@lifted
def squeeze(x, axis):
    return tf.squeeze(_value(x), [axis])


@lifted
def temporal_padding(x, padding=1):
    return tf.pad(_value(x), [[0, 0], [padding, padding], [0, 0]])


@lifted
def asymmetric_temporal_padding(x, left_pad=1, right_pad=1):
    return tf.pad(_value(x), [[0, 0], [left_pad, right_pad], [0, 0]])


def _ordering(dim_ordering):
    if dim_ordering == "default":
        dim_ordering = image_dim_ordering()
    if dim_ordering not in ("th", "tf"):
        raise ValueError(f"Unknown dim_ordering {dim_ordering!r}; expected 'th' or 'tf'.")
    return dim_ordering


def _pad_spatial(x, pads, dim_ordering):
    x = _value(x)
    pads = [list(p) for p in pads]
    if _ordering(dim_ordering) == "th":
        pattern = [[0, 0], [0, 0], *pads]
    else:
        pattern = [[0, 0], *pads, [0, 0]]
    return tf.pad(x, pattern)


@lifted
def spatial_2d_padding(x, padding=(1, 1), dim_ordering="default"):
    return _pad_spatial(x, [(padding[0], padding[0]), (padding[1], padding[1])], dim_ordering)


@lifted
def asymmetric_spatial_2d_padding(x, top_pad=1, bottom_pad=1, left_pad=1, right_pad=1, dim_ordering="default"):
    return _pad_spatial(x, [(top_pad, bottom_pad), (left_pad, right_pad)], dim_ordering)


@lifted
def spatial_3d_padding(x, padding=(1, 1, 1), dim_ordering="default"):
    return _pad_spatial(x, [(p, p) for p in padding], dim_ordering)


def stack(x):
    return _stack(list(x))


@lifted
def _stack(x):
    return tf.stack([_value(t) for t in x])


@lifted
def one_hot(indices, nb_classes):
    """(batch, dim1, ..., dimN) ints -> (batch, dim1, ..., dimN, nb_classes)."""
    return tf.one_hot(tf.cast(indices, "int32"), depth=nb_classes, axis=-1)


@lifted
def reverse(x, axes):
    if isinstance(axes, int):
        axes = [axes]
    return tf.reverse(_value(x), list(axes))


def pattern_broadcast(x, broatcastable):
    raise NotImplementedError(
        "K.pattern_broadcast set Theano broadcastable patterns; TensorFlow broadcasts by shape. "
        "Instead: drop the call (or use K.reshape / K.expand_dims to add size-1 axes)."
    )


def is_explicit_shape(shape):
    """Keras 1 (Theano): whether `shape` is a tuple/list of ints or None, not a symbolic shape."""
    if hasattr(shape, "__iter__") and not tf.is_tensor(shape):
        return py_all(d is None or isinstance(d, (int, np.integer)) for d in shape)
    return False


# --- graph-level ---------------------------------------------------------------------------------------
def print_tensor(x, message=""):
    if is_symbolic(x):
        return _print(x, message)
    tf.print(message, _value(x))
    return x


@lifted
def _print(x, message):
    tf.print(message, x)
    return tf.identity(x)


def function(inputs, outputs, updates=None, **kwargs):
    """Keras 1 `K.function(inputs, outputs, updates=[])`; inputs may include `K.learning_phase()`."""
    return Function(inputs, outputs, updates=updates or [], **kwargs)


def gradients(loss, variables):
    """Keras 1 `K.gradients(loss, variables)`: symbolic gradients, a list like `variables`.

    With a symbolic loss (built from `model.input`, `model.output`, `K.placeholder`), the
    gradients are symbolic too, evaluated by `K.function`. Inside a TF graph (a custom layer or
    training step traced by tf.function), this is `tf.gradients`.
    """
    single = not isinstance(variables, (list, tuple))
    variables = [variables] if single else list(variables)
    if is_symbolic(loss):
        grads = symbolic.symbolic_gradients(loss, variables)
    elif tf.executing_eagerly():
        raise RuntimeError(
            "K.gradients needs a symbolic loss (built from model.input / model.output / "
            "K.placeholder); this one is a concrete (eager) value, which TensorFlow 2 cannot "
            "differentiate after the fact. Instead: compute the loss under tf.GradientTape."
        )
    else:
        grads = tf.gradients(loss, [_value(v) for v in variables], unconnected_gradients="zero")
    return grads


@lifted
def stop_gradient(variables):
    if isinstance(variables, (list, tuple)):
        return [tf.stop_gradient(_value(v)) for v in variables]
    return tf.stop_gradient(_value(variables))


# --- control flow ---------------------------------------------------------------------------------------
@lifted
def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None,
        unroll=False, input_length=None):
    """Iterate `step_function(input_t, states + constants) -> (output_t, new_states)` over time.

    Returns `(last_output, outputs, new_states)`; `outputs` is (samples, time, ...).
    Keras 1 masking: a masked step repeats the previous output (zeros before the first
    unmasked step) and keeps the previous states.
    """
    from keras.src.backend.tensorflow.rnn import rnn as tf_rnn

    if len(inputs.shape) < 3:
        raise ValueError("Input should be at least 3D.")
    if mask is not None and not initial_states:
        raise ValueError(
            "No initial states provided! When using masking in an RNN, you should provide initial "
            "states (and your step function should return as its first state at time `t` the output "
            "at time `t-1`)."
        )
    constants = list(constants or [])

    def step(x, states):
        output, new_states = step_function(x, list(states) + constants)
        return output, list(new_states)

    if unroll and inputs.shape[1] is None:
        raise ValueError("Unrolling requires a fixed number of timesteps.")
    if mask is not None:
        mask = tf.cast(mask, tf.bool)
        if len(mask.shape) == len(inputs.shape):
            mask = mask[..., 0]
    last_output, outputs, new_states = tf_rnn(
        step, inputs, list(initial_states), go_backwards=go_backwards, mask=mask,
        unroll=unroll, input_length=input_length, zero_output_for_mask=False,
    )
    return last_output, outputs, list(new_states)


@lifted
def switch(condition, then_expression, else_expression):
    """`then_expression` where `condition` (a scalar, or a tensor broadcastable to them) holds."""
    if isinstance(condition, symbolic.LearningPhase):  # `K.switch(K.learning_phase(), ...)`
        condition = symbolic.current_training() or 0
    then_value = then_expression() if callable(then_expression) else then_expression
    else_value = else_expression() if callable(else_expression) else else_expression
    if isinstance(condition, (int, bool, np.integer)):
        return then_value if condition else else_value
    condition = tf.cast(condition, tf.bool)
    then_value, else_value = tf.convert_to_tensor(_value(then_value)), tf.convert_to_tensor(_value(else_value))
    if len(condition.shape) == 0:
        return tf.cond(condition, lambda: then_value, lambda: else_value)
    return tf.where(condition, then_value, else_value)


def in_train_phase(x, alt):
    """`x` in the training phase, `alt` in the test phase."""
    phase = learning_phase()
    if isinstance(phase, symbolic.LearningPhase):
        # No phase known yet: decide when the graph runs (K.function feeds it).
        return _deferred_phase(x, alt)
    if isinstance(phase, (int, bool)):
        chosen = x if phase else alt
        return chosen() if callable(chosen) else chosen
    return switch(phase, x, alt)


def in_test_phase(x, alt):
    return in_train_phase(alt, x)


@lifted
def _deferred_phase(x, alt):
    phase = symbolic.current_training()
    chosen = x if phase else alt
    return chosen() if callable(chosen) else chosen


# --- losses (Keras 1 order: output first) ---------------------------------------------------------------
@lifted
def categorical_crossentropy(output, target, from_logits=False):
    output = _value(output)
    if not from_logits:
        output = output / tf.reduce_sum(output, axis=-1, keepdims=True)
        eps = tf.cast(epsilon(), output.dtype)
        output = tf.clip_by_value(output, eps, 1.0 - eps)
        return -tf.reduce_sum(tf.cast(target, output.dtype) * tf.math.log(output), axis=-1)
    return tf.nn.softmax_cross_entropy_with_logits(labels=target, logits=output)


@lifted
def sparse_categorical_crossentropy(output, target, from_logits=False):
    output = _value(output)
    if not from_logits:
        eps = tf.cast(epsilon(), output.dtype)
        output = tf.math.log(tf.clip_by_value(output, eps, 1.0 - eps))
    targets = tf.cast(tf.reshape(target, [-1]), "int64")
    logits = tf.reshape(output, [-1, output.shape[-1]])
    res = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=targets, logits=logits)
    if len(output.shape) >= 3:
        return tf.reshape(res, tf.shape(output)[:-1])
    return res


@lifted
def binary_crossentropy(output, target, from_logits=False):
    output = _value(output)
    if not from_logits:
        eps = tf.cast(epsilon(), output.dtype)
        output = tf.clip_by_value(output, eps, 1.0 - eps)
        output = tf.math.log(output / (1.0 - output))
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.cast(target, output.dtype), logits=output)


@lifted
def dropout(x, level, noise_shape=None, seed=None):
    """Keras 1: always drops (the caller wraps it in K.in_train_phase); kept units scale by 1/(1-level)."""
    if level < 0.0 or level >= 1:
        raise ValueError(f"Dropout level must be in interval [0, 1[; received {level}.")
    x = _value(x)
    seed = _seed(seed)
    if tf.executing_eagerly():  # see `_random`
        return tf.nn.experimental.stateless_dropout(x * 1.0, rate=level, seed=[seed, 0], noise_shape=noise_shape)
    return tf.nn.dropout(x * 1.0, rate=level, noise_shape=noise_shape, seed=seed)


# --- convolutions and pooling (Keras 1 kernel layouts, `border_mode`, `dim_ordering`) ---------------------
def _padding(border_mode):
    if border_mode not in ("same", "valid"):
        raise ValueError(f"Invalid border mode: {border_mode!r}")
    return border_mode.upper()


def _to_nhwc(x, dim_ordering, rank=2):
    if dim_ordering == "th":
        return tf.transpose(x, (0, *range(2, rank + 2), 1))
    return x


def _from_nhwc(x, dim_ordering, rank=2):
    if dim_ordering == "th":
        return tf.transpose(x, (0, rank + 1, *range(1, rank + 1)))
    return x


def _kernel(kernel, dim_ordering, rank=2):
    """th kernels are (out, in, *spatial); TF wants (*spatial, in, out)."""
    kernel = _value(kernel)
    if dim_ordering == "th":
        return tf.transpose(kernel, (*range(2, rank + 2), 1, 0))
    return kernel


@lifted
def conv1d(x, kernel, stride=1, border_mode="valid", image_shape=None, filter_shape=None):
    return tf.nn.conv1d(_value(x), _value(kernel), stride, padding=_padding(border_mode))


@lifted
def conv2d(x, kernel, strides=(1, 1), border_mode="valid", dim_ordering="default",
           image_shape=None, filter_shape=None, filter_dilation=(1, 1)):
    dim_ordering = _ordering(dim_ordering)
    x = _to_nhwc(_value(x), dim_ordering)
    out = tf.nn.conv2d(x, _kernel(kernel, dim_ordering), strides=(1, *strides, 1),
                       padding=_padding(border_mode), dilations=(1, *filter_dilation, 1))
    return _from_nhwc(out, dim_ordering)


@lifted
def deconv2d(x, kernel, output_shape, strides=(1, 1), border_mode="valid", dim_ordering="default",
             image_shape=None, filter_shape=None):
    dim_ordering = _ordering(dim_ordering)
    x = _to_nhwc(_value(x), dim_ordering)
    output_shape = tuple(output_shape)
    if dim_ordering == "th":
        output_shape = (output_shape[0], output_shape[2], output_shape[3], output_shape[1])
    if output_shape[0] is None:
        output_shape = tf.stack([tf.shape(x)[0], *output_shape[1:]])
    kernel = tf.transpose(_kernel(kernel, dim_ordering), (0, 1, 3, 2))
    out = tf.nn.conv2d_transpose(x, kernel, output_shape, (1, *strides, 1), padding=_padding(border_mode))
    return _from_nhwc(out, dim_ordering)


@lifted
def atrous_conv2d(x, kernel, rate=1, border_mode="valid", dim_ordering="default",
                  image_shape=None, filter_shape=None):
    return conv2d(x, kernel, border_mode=border_mode, dim_ordering=dim_ordering, filter_dilation=(rate, rate))


@lifted
def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), border_mode="valid",
                     dim_ordering="default"):
    dim_ordering = _ordering(dim_ordering)
    x = _to_nhwc(_value(x), dim_ordering)
    out = tf.nn.separable_conv2d(x, _kernel(depthwise_kernel, dim_ordering), _kernel(pointwise_kernel, dim_ordering),
                                 (1, *strides, 1), _padding(border_mode))
    return _from_nhwc(out, dim_ordering)


@lifted
def conv3d(x, kernel, strides=(1, 1, 1), border_mode="valid", dim_ordering="default",
           volume_shape=None, filter_shape=None):
    dim_ordering = _ordering(dim_ordering)
    x = _to_nhwc(_value(x), dim_ordering, 3)
    out = tf.nn.conv3d(x, _kernel(kernel, dim_ordering, 3), (1, *strides, 1), _padding(border_mode))
    return _from_nhwc(out, dim_ordering, 3)


def _pool(x, pool_size, strides, border_mode, dim_ordering, pool_mode, rank):
    dim_ordering = _ordering(dim_ordering)
    x = _to_nhwc(_value(x), dim_ordering, rank)
    if pool_mode == "max":
        out = tf.nn.max_pool(x, (1, *pool_size, 1), (1, *strides, 1), _padding(border_mode))
    elif pool_mode == "avg":
        out = tf.nn.avg_pool(x, (1, *pool_size, 1), (1, *strides, 1), _padding(border_mode))
    else:
        raise ValueError(f"Invalid pooling mode: {pool_mode!r}; expected 'max' or 'avg'.")
    return _from_nhwc(out, dim_ordering, rank)


@lifted
def pool2d(x, pool_size, strides=(1, 1), border_mode="valid", dim_ordering="default", pool_mode="max"):
    return _pool(x, tuple(pool_size), tuple(strides), border_mode, dim_ordering, pool_mode, 2)


@lifted
def pool3d(x, pool_size, strides=(1, 1, 1), border_mode="valid", dim_ordering="default", pool_mode="max"):
    return _pool(x, tuple(pool_size), tuple(strides), border_mode, dim_ordering, pool_mode, 3)


# --- random ---------------------------------------------------------------------------------------
def _seed(seed):
    """Keras 1: an op without a seed got one from NumPy's global RNG (so `np.random.seed` fixed it)."""
    return int(np.random.randint(10_000_000)) if seed is None else seed


def _random(kind, shape, seed, **kwargs):
    """A Keras 1 random op. Run eagerly, it is stateless in its seed: a Keras 1 op evaluated once, the
    same numbers for the same NumPy state (TF's eager stateful ops count calls per seed, so reseeding
    NumPy would not repeat them). Traced, it stays stateful: new numbers each step, as a graph op."""
    seed = _seed(seed)
    if tf.executing_eagerly():
        return getattr(tf.random, f"stateless_{kind}")(shape, seed=[seed, 0], **kwargs)
    return getattr(tf.random, kind)(shape, seed=seed, **kwargs)


@lifted
def random_normal(shape, mean=0.0, std=1.0, dtype=None, seed=None):
    return _random("normal", shape, seed, mean=mean, stddev=std, dtype=_dtype(dtype))


@lifted
def random_uniform(shape, low=0.0, high=1.0, dtype=None, seed=None):
    return _random("uniform", shape, seed, minval=low, maxval=high, dtype=_dtype(dtype))


@lifted
def random_binomial(shape, p=0.0, dtype=None, seed=None):
    dtype = _dtype(dtype)
    draw = _random("uniform", shape, seed, dtype=dtype)
    return tf.where(draw <= p, tf.ones(shape, dtype=dtype), tf.zeros(shape, dtype=dtype))


# --- CTC ---------------------------------------------------------------------------------------
def ctc_label_dense_to_sparse(labels, label_lengths):
    from keras.src.legacy import backend as keras2

    return keras2.ctc_label_dense_to_sparse(labels, label_lengths)


@lifted
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    """CTC loss per batch element, shape (samples, 1); `y_pred` holds softmax outputs."""
    label_length = tf.cast(tf.squeeze(label_length, axis=-1), "int32")
    input_length = tf.cast(tf.squeeze(input_length, axis=-1), "int32")
    sparse = ctc_label_dense_to_sparse(tf.cast(y_true, "int32"), label_length)
    logits = tf.math.log(tf.transpose(y_pred, (1, 0, 2)) + 1e-8)
    loss = tf.compat.v1.nn.ctc_loss(inputs=logits, labels=sparse, sequence_length=input_length)
    return tf.expand_dims(loss, 1)


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    """([decoded dense tensors], log probabilities), like Keras 1.2.2."""
    y_pred = tf.math.log(tf.transpose(_value(y_pred), (1, 0, 2)) + 1e-8)
    input_length = tf.cast(input_length, "int32")
    if greedy:
        decoded, log_prob = tf.nn.ctc_greedy_decoder(inputs=y_pred, sequence_length=input_length)
    else:
        decoded, log_prob = tf.nn.ctc_beam_search_decoder(
            inputs=y_pred, sequence_length=input_length, beam_width=beam_width, top_paths=top_paths)
    dense = [tf.sparse.to_dense(st, default_value=-1) for st in decoded]
    return dense, log_prob


def _theano_ctc(name):
    def fn(*args, **kwargs):
        raise NotImplementedError(
            f"K.{name} was a helper of Keras 1's Theano CTC implementation, which does not exist on "
            f"TensorFlow. Instead: K.ctc_batch_cost(y_true, y_pred, input_length, label_length)."
        )

    fn.__name__ = fn.__qualname__ = name
    return fn


ctc_cost = _theano_ctc("ctc_cost")
ctc_create_skip_idxs = _theano_ctc("ctc_create_skip_idxs")
ctc_interleave_blanks = _theano_ctc("ctc_interleave_blanks")
ctc_path_probs = _theano_ctc("ctc_path_probs")
ctc_update_log_p = _theano_ctc("ctc_update_log_p")


# --- higher-order ---------------------------------------------------------------------------------------
def map_fn(fn, elems, name=None):
    return tf.map_fn(fn, elems, name=name)


def foldl(fn, elems, initializer=None, name=None):
    return tf.foldl(fn, elems, initializer=initializer, name=name)


def foldr(fn, elems, initializer=None, name=None):
    return tf.foldr(fn, elems, initializer=initializer, name=name)


__all__ = [n for n in dir() if not n.startswith("_") and n not in {
    "annotations", "builtins", "np", "tf", "keras", "common", "symbolic", "py_all", "py_any", "py_sum",
    "lifted", "is_symbolic", "Update", "LEARNING_PHASE",
}]
