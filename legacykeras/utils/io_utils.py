"""Keras 1.2.2 `keras.utils.io_utils`: HDF5Matrix, save_array/load_array, ask_to_proceed_with_overwrite."""

from __future__ import annotations

import numpy as np

from legacykeras.rules import modules as rows
from legacykeras.utils._calls import legacy_module


class HDF5Matrix:
    """A slice of an HDF5 dataset used like a NumPy array (for `fit`, `predict`).

    Args:
        datapath: path of the HDF5 file.
        dataset: name of the dataset in it.
        start, end: rows `start:end` of the dataset (end None: to the last row).
        normalizer: function applied to every block read.

    Keras 1: open files were shared between matrices through the class attribute
    `refs`; so they are here. Keras 1 needed `fit(shuffle='batch')` for these;
    any shuffle works here because Keras 3 reads the data through `__array__`.
    """

    refs: dict = {}

    def __init__(self, datapath, dataset, start=0, end=None, normalizer=None):
        import h5py

        legacy_module(rows.HDF5_MATRIX)
        if datapath not in HDF5Matrix.refs:
            HDF5Matrix.refs[datapath] = h5py.File(datapath, "r")
        self.data = HDF5Matrix.refs[datapath][dataset]
        self.start = start
        self.end = self.data.shape[0] if end is None else end
        self.normalizer = normalizer

    def __len__(self):
        return self.end - self.start

    def _normalize(self, values):
        return self.normalizer(values) if self.normalizer is not None else values

    def __getitem__(self, key):
        if isinstance(key, slice):
            start = 0 if key.start is None else key.start
            stop = len(self) if key.stop is None else key.stop
            if start < 0 or stop > len(self):
                raise IndexError(f"HDF5Matrix index {key} out of range for length {len(self)}")
            return self._normalize(self.data[self.start + start:self.start + stop:key.step])
        if isinstance(key, (int, np.integer)):
            if not -len(self) <= key < len(self):
                raise IndexError(f"HDF5Matrix index {key} out of range for length {len(self)}")
            return self._normalize(self.data[self.start + (key % len(self))])
        indices = np.asarray(key)
        if indices.dtype == bool:
            indices = np.flatnonzero(indices)
        if indices.size and (indices.max() >= len(self) or indices.min() < -len(self)):
            raise IndexError(f"HDF5Matrix index out of range for length {len(self)}")
        absolute = indices % len(self) + self.start
        unique = np.unique(absolute)  # h5py reads increasing, distinct indices only
        picked = self.data[unique.tolist()][np.searchsorted(unique, absolute)]
        return self._normalize(picked)

    def __array__(self, dtype=None, copy=None):
        values = np.asarray(self[:])
        return values.astype(dtype) if dtype is not None else values

    @property
    def shape(self):
        return (len(self),) + tuple(self.data.shape[1:])

    @property
    def dtype(self):
        return self.data.dtype

    @property
    def ndim(self):
        return self.data.ndim

    @property
    def size(self):
        return int(np.prod(self.shape))


def save_array(array, name):
    """Write `array` to HDF5 file `name` as dataset 'data' (Keras 1 format)."""
    import h5py

    with h5py.File(name, "w") as f:
        f.create_dataset("data", data=np.asarray(array))


def load_array(name):
    """Read the 'data' dataset of an HDF5 file written by `save_array`."""
    import h5py

    with h5py.File(name, "r") as f:
        return f["data"][()]


def ask_to_proceed_with_overwrite(filepath):
    """Ask on the terminal whether to overwrite `filepath`; True to proceed."""
    answer = input(f"[WARNING] {filepath} already exists - overwrite? [y/n]").strip().lower()
    while answer not in ("y", "n"):
        answer = input('Enter "y" (overwrite) or "n" (cancel).').strip().lower()
    if answer == "n":
        return False
    print("[TIP] Next time specify overwrite=True!")
    return True


__all__ = ["HDF5Matrix", "save_array", "load_array", "ask_to_proceed_with_overwrite"]
