"""Keras 1 `model.save(filepath)` / `save_model`: one HDF5 file in the Keras 1.2.2 layout.

Root attributes `keras_version` ('1.2.2'), `model_config` (the Keras 1 JSON of
`to_json`) and `training_config` (optimizer config with Keras 1 keys, loss,
metrics, sample_weight_mode, loss_weights); group `model_weights` in the
`save_weights` layout; group `optimizer_weights` with the optimizer's state in
Keras 1's order (`[iterations] + slots` for SGD / Adam / Adamax, plus
`m_schedule` for Nadam, slots only for RMSprop / Adagrad / Adadelta), each slot
list in the Keras 1 layout of the model's weights.
"""

from __future__ import annotations

import json
import os

import h5py
import numpy as np

from legacykeras._keras import keras
from legacykeras.io import hdf5_weights

_HEAD = {"SGD": ("iterations",), "Adam": ("iterations",), "Adamax": ("iterations",),
         "Nadam": ("iterations", "m_schedule")}


def _optimizer_arrays(model):
    optimizer = model.optimizer
    slots = getattr(optimizer, "_slots", None)
    if slots is None or not optimizer.built:
        return []
    arrays = []
    for name in _HEAD.get(type(optimizer).__name__, ()):
        variable = optimizer.iterations if name == "iterations" else optimizer._m_schedule
        arrays.append(np.asarray(keras.ops.convert_to_numpy(variable), dtype="float32"))
    index = {id(v): i for i, v in enumerate(model.trainable_variables)}
    layers = [layer for layer in hdf5_weights.flattened_layers(model) if layer.trainable_weights]
    for slot in optimizer._legacy_slots:
        for layer in layers:
            modern = [keras.ops.convert_to_numpy(optimizer._slots[slot][index[id(v)]]) for v in layer.trainable_weights]
            layout = getattr(layer, "legacy_layout", None)
            arrays.extend(layout.to_legacy(modern, layer.legacy_config()) if layout else modern)
    return arrays


def _training_config(model):
    if getattr(model, "_legacy_metrics_names", None) is None:
        return None
    optimizer = model.optimizer
    if type(optimizer).__name__ == "TFOptimizer":
        return None  # Keras 1 wrote no training config for a wrapped TensorFlow optimizer
    return {
        "optimizer_config": {"class_name": type(optimizer).__name__, "config": optimizer.get_config()},
        "loss": _jsonable(model._legacy_loss_config),
        "metrics": _jsonable(model._legacy_metrics_config),
        "sample_weight_mode": model._legacy_sample_weight_mode_config,
        "loss_weights": model._legacy_loss_weights_config,
    }


def _jsonable(value):
    if callable(value):
        return value.__name__
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def save_model(model, filepath, overwrite=True):
    filepath = os.fspath(filepath)
    if not overwrite and os.path.exists(filepath):
        raise FileExistsError(f"{filepath} exists and overwrite=False.")
    tmp = filepath + ".tmp-legacykeras"
    with h5py.File(tmp, "w") as f:
        f.attrs["keras_version"] = b"1.2.2"
        f.attrs["model_config"] = json.dumps(json.loads(model.to_json())).encode("utf8")
        training = _training_config(model)
        weights = f.create_group("model_weights")
        layers = model._legacy_saved_layers() if hasattr(model, "_legacy_saved_layers") else \
            hdf5_weights.flattened_layers(model)
        hdf5_weights.write_weights_group(weights, layers)
        if training is not None:
            f.attrs["training_config"] = json.dumps(training).encode("utf8")
            arrays = _optimizer_arrays(model)
            if arrays:
                group = f.create_group("optimizer_weights")
                names = [f"param_{i}" for i in range(len(arrays))]
                group.attrs["weight_names"] = np.array([n.encode("utf8") for n in names])
                for name, array in zip(names, arrays):
                    group.create_dataset(name, data=array)
    os.replace(tmp, filepath)
