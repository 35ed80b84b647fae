"""Keras 1.2.2 `keras.datasets.mnist` (cache file mnist.pkl.gz)."""

from __future__ import annotations

from legacykeras.datasets._files import load_pickle
from legacykeras.utils.data_utils import get_file

ORIGIN = "https://s3.amazonaws.com/img-datasets/mnist.pkl.gz"


def load_data(path="mnist.pkl.gz"):
    """`(X_train, y_train), (X_test, y_test)`: uint8 images (n, 28, 28) and digit labels."""
    path = get_file(path, origin=ORIGIN)
    (x_train, y_train), (x_test, y_test) = load_pickle(path)
    return (x_train, y_train), (x_test, y_test)


__all__ = ["load_data", "get_file"]
