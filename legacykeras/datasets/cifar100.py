"""Keras 1.2.2 `keras.datasets.cifar100` (cache folder cifar-100-python)."""

from __future__ import annotations

import os

from legacykeras.datasets.cifar import load_batch
from legacykeras.datasets.cifar10 import _finish
from legacykeras.utils.data_utils import get_file

ORIGIN = "http://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz"


def load_data(label_mode="fine"):
    """Like cifar10, with 'fine' (100 classes) or 'coarse' (20 superclasses) labels."""
    if label_mode not in ("fine", "coarse"):
        raise ValueError('label_mode must be one of "fine" "coarse".')
    path = get_file("cifar-100-python", origin=ORIGIN, untar=True)
    x_train, y_train = load_batch(os.path.join(path, "train"), label_key=label_mode + "_labels")
    x_test, y_test = load_batch(os.path.join(path, "test"), label_key=label_mode + "_labels")
    return _finish(x_train, y_train, x_test, y_test)


__all__ = ["load_data", "load_batch", "get_file"]
