"""Keras 1.2.2 `keras.datasets.cifar10` (cache folder cifar-10-batches-py)."""

from __future__ import annotations

import os

import numpy as np

from legacykeras import config
from legacykeras.datasets.cifar import load_batch
from legacykeras.utils.data_utils import get_file

ORIGIN = "http://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"


def load_data():
    """`(X_train, y_train), (X_test, y_test)`: uint8 images, channels first for image_dim_ordering 'th'
    and last for 'tf' (as keras.json says), labels shaped (n, 1)."""
    path = get_file("cifar-10-batches-py", origin=ORIGIN, untar=True)
    batches = [load_batch(os.path.join(path, f"data_batch_{i}")) for i in range(1, 6)]
    x_train = np.concatenate([data for data, _ in batches]).astype("uint8")
    y_train = np.concatenate([np.asarray(labels) for _, labels in batches]).astype("uint8")
    x_test, y_test = load_batch(os.path.join(path, "test_batch"))
    return _finish(x_train, y_train, x_test, y_test)


def _finish(x_train, y_train, x_test, y_test):
    y_train = np.reshape(y_train, (len(y_train), 1))
    y_test = np.reshape(y_test, (len(y_test), 1))
    if config.image_dim_ordering() == "tf":
        x_train, x_test = x_train.transpose(0, 2, 3, 1), x_test.transpose(0, 2, 3, 1)
    return (x_train, y_train), (x_test, y_test)


__all__ = ["load_data", "load_batch", "get_file"]
