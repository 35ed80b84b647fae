"""Keras 1 `save_weights` HDF5 layout, read and written.

Layout (Keras 1.2.2 `Container.save_weights_to_hdf5_group`): root attribute
`layer_names`; one group per layer named after it, with attribute
`weight_names`; datasets sit directly in that group, in `weight_names` order.
A `model.save` file holds the same layout under `model_weights`.
"""

from __future__ import annotations

import os

import h5py
import numpy as np


class WeightFileError(ValueError):
    """A weight file that is missing, not HDF5, not Keras 1, or does not fit the model."""


def _decode(names) -> list[str]:
    return [n.decode("utf8") if isinstance(n, bytes) else str(n) for n in names]


def _weight_names(layer) -> list[str]:
    names = getattr(layer, "legacy_weight_names", None)
    if names is not None:
        return names()
    return [w.path.replace("/", "_") for w in layer.weights]


def write_weights_group(group, layers) -> None:
    group.attrs["layer_names"] = np.array([layer.name.encode("utf8") for layer in layers])
    for layer in layers:
        layer_group = group.create_group(layer.name)
        arrays = layer.get_weights()
        names = _weight_names(layer)[: len(arrays)]
        layer_group.attrs["weight_names"] = np.array([n.encode("utf8") for n in names])
        for name, array in zip(names, arrays):
            layer_group.create_dataset(name, data=np.asarray(array))


def save_weights(layers, filepath: str, overwrite: bool = True) -> None:
    if not overwrite and os.path.exists(filepath):
        raise FileExistsError(f"{filepath} exists and overwrite=False.")
    tmp = filepath + ".tmp-legacykeras"
    with h5py.File(tmp, "w") as f:
        write_weights_group(f, layers)
    os.replace(tmp, filepath)


def open_weights_group(f):
    """The group holding `layer_names`: the root, or `model_weights` of a model.save file."""
    if "layer_names" in f.attrs:
        return f
    if "model_weights" in f and "layer_names" in f["model_weights"].attrs:
        return f["model_weights"]
    raise WeightFileError(
        f"{f.filename}: no Keras weights found (no `layer_names` attribute at the root or in "
        f"`model_weights`). Is this a Keras weight file?"
    )


def read_weights_group(group) -> list[tuple[str, list[np.ndarray]]]:
    """[(layer name, [arrays in weight_names order])] for every layer in the file."""
    out = []
    for name in _decode(group.attrs["layer_names"]):
        if name not in group:
            raise WeightFileError(f"{group.file.filename}: layer {name!r} is listed but has no group.")
        layer_group = group[name]
        weight_names = _decode(layer_group.attrs.get("weight_names", []))
        try:
            arrays = [np.asarray(layer_group[w]) for w in weight_names]
        except KeyError as exc:
            raise WeightFileError(
                f"{group.file.filename}: layer {name!r} lists a weight that is missing: {exc}"
            ) from None
        out.append((name, arrays))
    return out


def open_h5(filepath: str) -> h5py.File:
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"No such weight file: {filepath}")
    try:
        return h5py.File(filepath, "r")
    except OSError as exc:
        raise WeightFileError(f"{filepath} is not a readable HDF5 file ({exc}).") from None


def load_weights(layers, filepath: str, by_name: bool = False) -> None:
    """Set weights of `layers` (a model's layers) from a Keras 1 HDF5 file."""
    with open_h5(filepath) as f:
        saved = read_weights_group(open_weights_group(f))
    if by_name:
        by_layer = {layer.name: layer for layer in layers}
        for name, arrays in saved:
            if arrays and name in by_layer:
                _set(by_layer[name], arrays, filepath, name)
        return
    saved = [(n, a) for n, a in saved if a]
    targets = [layer for layer in layers if layer.weights]
    if len(saved) != len(targets):
        raise WeightFileError(
            f"{filepath} holds weights for {len(saved)} layers "
            f"({', '.join(n for n, _ in saved)}), but the model has {len(targets)} layers with weights "
            f"({', '.join(layer.name for layer in targets)})."
        )
    for layer, (name, arrays) in zip(targets, saved):
        _set(layer, arrays, filepath, name)


def _set(layer, arrays, filepath, saved_name):
    try:
        layer.set_weights(arrays)
    except ValueError as exc:
        raise WeightFileError(f"{filepath}: layer {saved_name!r} does not fit model layer {layer.name!r}: {exc}") from None
