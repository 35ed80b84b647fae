"""Keras 1.2.2 `keras.datasets.cifar`: reading one CIFAR python batch file."""

from __future__ import annotations

from legacykeras.datasets._files import load_pickle


def load_batch(fpath, label_key="labels"):
    """(data (n, 3, 32, 32) uint8, labels list) from a CIFAR batch pickle."""
    batch = load_pickle(fpath)
    batch = {k.decode("utf8") if isinstance(k, bytes) else k: v for k, v in batch.items()}
    data = batch["data"]
    return data.reshape(data.shape[0], 3, 32, 32), batch[label_key]


__all__ = ["load_batch"]
