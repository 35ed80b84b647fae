"""Keras 1.2.2 `keras.utils.np_utils`: NumPy helpers (to_categorical, probas_to_classes, convert_kernel, ...).

Keras 1: `to_categorical` flattens `y` and returns float64; Keras 3's
`keras.utils.to_categorical(x, num_classes)` keeps trailing axes and returns
float32. The functions here keep the Keras 1 results.
"""

from __future__ import annotations

import numpy as np

from legacykeras import config
from legacykeras.rules import modules as rows
from legacykeras.utils._calls import legacy_kwargs, legacy_module


def to_categorical(*args, **kwargs):
    """`to_categorical(y, nb_classes=None)`: class vector (integers from 0) -> one-hot float64
    matrix of shape (len(y), nb_classes). Keyword `nb_classes` warns once: Keras 3 says `num_classes`."""
    modern = legacy_kwargs(rows.TO_CATEGORICAL, args, kwargs)
    y, nb_classes = modern["x"], modern.get("num_classes")
    y = np.array(y, dtype="int").ravel()
    if not nb_classes:
        nb_classes = int(np.max(y)) + 1
    categorical = np.zeros((y.shape[0], nb_classes))
    categorical[np.arange(y.shape[0]), y] = 1
    return categorical


def normalize(a, axis=-1, order=2):
    """`a` divided by its `order`-norm along `axis` (zero norms left alone)."""
    norms = np.atleast_1d(np.linalg.norm(a, order, axis))
    norms[norms == 0] = 1
    return a / np.expand_dims(norms, axis)


def binary_logloss(p, y):
    p = np.clip(p, 1e-15, 1 - 1e-15)
    return -sum(y * np.log(p) + np.subtract(1, y) * np.log(np.subtract(1, p))) / len(y)


def multiclass_logloss(p, y):
    # Keras 1 indexed the probabilities with y - 1 (labels counted from 1).
    picked = [p[i][y[i] - 1] for i in range(len(y))]
    return -np.sum(np.log(picked)) / len(y)


def accuracy(p, y):
    return np.mean([a == b for a, b in zip(p, y)])


def probas_to_classes(y_pred):
    """Class indices from predicted probabilities: argmax, or `> 0.5` for a single unit."""
    legacy_module(rows.PROBAS_TO_CLASSES)
    y_pred = np.asarray(y_pred)
    if y_pred.ndim > 1 and y_pred.shape[1] > 1:
        return np.argmax(y_pred, axis=1)
    return np.array([1 if p > 0.5 else 0 for p in y_pred])


def categorical_probas_to_classes(p):
    legacy_module(rows.PROBAS_TO_CLASSES)
    return np.argmax(p, axis=1)


def convert_kernel(kernel, dim_ordering=None):
    """Flip a 4D/5D convolution kernel's spatial axes (Theano <-> TensorFlow); its own inverse."""
    from legacykeras.io.hdf5_weights import flip_kernel

    if dim_ordering is None:
        dim_ordering = config.image_dim_ordering()
    kernel = np.asarray(kernel)
    if not 4 <= kernel.ndim <= 5:
        raise ValueError(f"Invalid kernel shape: {kernel.shape}; convert_kernel takes a 4D or 5D kernel.")
    if dim_ordering not in ("th", "tf"):
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}; expected 'th' or 'tf'.")
    return flip_kernel(kernel, dim_ordering)


def conv_output_length(input_length, filter_size, border_mode, stride, dilation=1):
    """Output length of a convolution (border_mode 'same', 'valid' or 'full')."""
    if input_length is None:
        return None
    if border_mode not in ("same", "valid", "full"):
        raise ValueError(f"Invalid border_mode: {border_mode!r}")
    dilated = filter_size + (filter_size - 1) * (dilation - 1)
    length = {"same": input_length, "valid": input_length - dilated + 1,
              "full": input_length + dilated - 1}[border_mode]
    return (length + stride - 1) // stride


def conv_input_length(output_length, filter_size, border_mode, stride):
    """Input length of a convolution that gives `output_length`."""
    if output_length is None:
        return None
    if border_mode not in ("same", "valid", "full"):
        raise ValueError(f"Invalid border_mode: {border_mode!r}")
    pad = {"same": filter_size // 2, "valid": 0, "full": filter_size - 1}[border_mode]
    return (output_length - 1) * stride - 2 * pad + filter_size


__all__ = ["to_categorical", "normalize", "binary_logloss", "multiclass_logloss", "accuracy",
           "probas_to_classes", "categorical_probas_to_classes", "convert_kernel",
           "conv_output_length", "conv_input_length"]
