"""Keras 1.2.2 `keras.models.load_model` / `model_from_json` / `model_from_yaml` / `model_from_config`.

Files written by Keras 1.0 - 1.2.2 (Python 2.7 or 3) and by Keras 0.x load
into live legacykeras models, which predict like Keras 1.2.2 did:

    model = load_model("old.h5")                                   # model.save file
    model = model_from_json(open("arch.json").read())
    model.load_weights("weights.h5", source_backend="theano")

`source_backend`: Keras 1 files do not record which backend trained them, but
Theano convolves where TensorFlow correlates, so a Theano-trained kernel must
be flipped. `None` (the default) guesses from the convolutions' `dim_ordering`
('th' -> Theano, 'tf' -> TensorFlow, as Keras 1's keras.json paired them) and
warns whenever the guess matters; see `hdf5_weights.resolve_source_backend`.

`safe_mode` (default True): Lambda layers store marshalled bytecode. Safe
mode never executes it; functions made only of arithmetic and allow-listed
backend calls are rebuilt (`lambda_bytecode`). `safe_mode=False` runs bytecode
that matches the running Python, as Keras 1 did.
"""

from __future__ import annotations

import json
import os

import numpy as np

from legacykeras import warnings as lk_warnings
from legacykeras.io import hdf5_weights
from legacykeras.io.config_json import ConfigFileError, decode_attr, parse_json, parse_yaml
from legacykeras.io.hdf5_weights import WeightFileError
from legacykeras.io.legacy_config import LegacyModelError, build


def model_from_config(config, custom_objects=None, safe_mode: bool = True, dim_ordering=None, weight_shapes=None):
    """A live model from a Keras 1 / 0.x config dict (`{"class_name": ..., "config": ...}`).

    `dim_ordering`: see `legacy_config.build` (only needed for 'th' files whose layers did not record it).
    """
    if isinstance(config, list):
        raise TypeError("`model_from_config` expects a dictionary, not a list. Maybe you meant to use "
                        "`Sequential.from_config(config)`?")
    with lk_warnings.from_file():  # the file's Keras 1 spellings are not the caller's code
        return build(config, custom_objects=custom_objects, safe_mode=safe_mode, dim_ordering=dim_ordering,
                 weight_shapes=weight_shapes)


def model_from_json(json_string, custom_objects=None, safe_mode: bool = True, dim_ordering=None):
    """A live model from Keras 1 / 0.x `to_json()` text (double-encoded text too)."""
    return model_from_config(parse_json(json_string), custom_objects=custom_objects, safe_mode=safe_mode,
                             dim_ordering=dim_ordering)


def model_from_yaml(yaml_string, custom_objects=None, safe_mode: bool = True, dim_ordering=None):
    """A live model from Keras 1 / 0.x `to_yaml()` text, read with a safe YAML loader."""
    return model_from_config(parse_yaml(yaml_string), custom_objects=custom_objects, safe_mode=safe_mode,
                             dim_ordering=dim_ordering)


def load_weights(model, filepath, by_name: bool = False, source_backend=None) -> None:
    """Keras 1 `model.load_weights(filepath, by_name=False)`, plus `source_backend`."""
    hdf5_weights.load_weights(model, filepath, by_name=by_name, source_backend=source_backend)


def read_model_config(filepath):
    """(config dict, format) of a model file: a model.save HDF5, JSON or YAML."""
    filepath = os.fspath(filepath)
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"No such file: {filepath}")
    with open(filepath, "rb") as f:
        head = f.read(8)
    if head == b"\x89HDF\r\n\x1a\n":
        with hdf5_weights.open_h5(filepath) as f:
            if "model_config" not in f.attrs:
                raise WeightFileError(
                    f"{filepath}: this HDF5 file has no `model_config` attribute, so it holds weights only "
                    "(Keras 1 `save_weights`), not a whole model. Build the model (or read its JSON/YAML with "
                    "model_from_json / model_from_yaml) and call model.load_weights(filepath)."
                )
            return parse_json(decode_attr(f.attrs["model_config"]), where=f"{filepath}:model_config"), "hdf5"
    with open(filepath, "rb") as f:
        text = f.read()
    try:
        text = text.decode("utf8")
    except UnicodeDecodeError:
        raise ConfigFileError(f"{filepath}: neither HDF5 nor UTF-8 text (first bytes {head!r}).") from None
    if text.lstrip().startswith(("{", '"')):
        return parse_json(text, where=filepath), "json"
    return parse_yaml(text, where=filepath), "yaml"


def load_model(filepath, custom_objects=None, compile: bool = True, source_backend=None,
               safe_mode: bool = True, weights=None, dim_ordering=None):
    """Keras 1 `load_model`: a model.save HDF5 file -> a live, compiled model.

    Also takes a JSON or YAML architecture file, with `weights=` naming its
    weight file. `compile=False` skips the training config and optimizer state.
    """
    filepath = os.fspath(filepath)
    config, kind = read_model_config(filepath)
    weight_shapes = _weight_shapes(filepath if kind == "hdf5" else weights)
    model = model_from_config(config, custom_objects=custom_objects, safe_mode=safe_mode, dim_ordering=dim_ordering,
                              weight_shapes=weight_shapes)
    if kind == "hdf5":
        with hdf5_weights.open_h5(filepath) as f:
            if "model_weights" in f:
                hdf5_weights.load_weights_from_group(model, f["model_weights"], source_backend=source_backend)
            if compile and "training_config" in f.attrs:
                training_config = parse_json(decode_attr(f.attrs["training_config"]), where=f"{filepath}:training_config")
                _compile(model, training_config, custom_objects, filepath)
                if "optimizer_weights" in f:
                    restore_optimizer_state(model, f["optimizer_weights"], filepath, f.get("model_weights"))
    elif weights is not None:
        hdf5_weights.load_weights(model, weights, source_backend=source_backend)
    return model


def _weight_shapes(path) -> dict:
    """{layer name: [array shapes]} of a Keras 1 weights file; what configs alone do not say (shared_axes)."""
    if path is None:
        return {}
    try:
        with hdf5_weights.open_h5(path) as f:
            saved = hdf5_weights.read_saved_weights(hdf5_weights.open_weights_group(f))
            return {entry.name: entry.shapes() for entry in saved.layers} if saved.kind == "keras1" else {}
    except (OSError, ValueError):
        return {}  # the weights step reports what is wrong with the file


def _compile(model, training_config, custom_objects, where):
    from legacykeras import optimizers

    custom_objects = custom_objects or {}
    optimizer_config = training_config.get("optimizer_config") or {}
    try:
        optimizer = optimizers.get(optimizer_config) if optimizer_config else "rmsprop"
    except (ValueError, TypeError, KeyError) as exc:
        lk_warnings.warn_legacy("LK-IO-OPT", f"{where}: optimizer {optimizer_config.get('class_name')!r} could not be "
                                f"restored ({exc}); the model is not compiled. Call model.compile(...) yourself.")
        return

    def custom(value):
        if isinstance(value, str) and value in custom_objects:
            return custom_objects[value]
        if isinstance(value, dict):
            return {k: custom(v) for k, v in value.items()}
        if isinstance(value, list):
            return [custom(v) for v in value]
        return value

    kwargs = {"optimizer": optimizer, "loss": custom(training_config.get("loss")),
              "metrics": custom(training_config.get("metrics") or [])}
    if training_config.get("loss_weights") is not None:
        kwargs["loss_weights"] = training_config["loss_weights"]
    if training_config.get("sample_weight_mode") is not None:
        kwargs["sample_weight_mode"] = training_config["sample_weight_mode"]
    try:
        model.compile(**kwargs)
    except Exception as exc:  # the model is usable for inference without it
        lk_warnings.warn_legacy("LK-IO-COMPILE", f"{where}: the saved training config could not be applied "
                                f"({type(exc).__name__}: {exc}); the model is not compiled.")


def restore_optimizer_state(model, group, where, weights_group=None) -> bool:
    """Keras 1 `optimizer_weights` -> the legacy optimizer's slots; a warning where they do not map.

    Keras 1.2.2 `Optimizer.weights` orders: SGD/Adam/Adamax `[iterations] + slots...`, Nadam
    `[iterations, m_schedule] + ...`, RMSprop/Adagrad/Adadelta slots only. Each slot list follows the
    model's trainable weights *sorted by variable name* (1.2.2 `Model.compile` sorts them), in the
    Keras 1 layout; the names come from the file's own weights group.
    """
    from legacykeras.io.config_json import decode_names

    names = decode_names(group.attrs.get("weight_names", []))
    saved = [group[n][()] for n in names if n in group]
    optimizer = getattr(model, "optimizer", None)
    slots = getattr(optimizer, "_legacy_slots", None)

    def warn(why):
        lk_warnings.warn_legacy("LK-IO-OPTSTATE", f"{where}: optimizer state not restored ({why}); training "
                                "resumes with fresh optimizer slots (momentum, moving averages).")
        return False

    if optimizer is None or slots is None:
        return warn("the model has no Keras 1 optimizer")
    file_names = {}
    if weights_group is not None:
        try:
            file_names = {e.name: e.weight_names for e in hdf5_weights.read_saved_weights(weights_group).layers}
        except WeightFileError:
            file_names = {}
    layers = [layer for layer in hdf5_weights.flattened_layers(model) if layer.trainable_weights]
    # Keras 1 kept optimizer slots for trainable weights only (BatchNormalization: gamma, beta).
    entries = []  # (Keras 1 variable name, layer index, index within the layer's trainable arrays)
    counts = []
    for i, layer in enumerate(layers):
        frozen = len(layer.weights) - len(layer.trainable_weights)
        count = hdf5_weights.expected_count(layer) - frozen
        counts.append(count)
        layer_names = file_names.get(layer.name)
        if not layer_names and hasattr(layer, "legacy_weight_names"):
            layer_names = layer.legacy_weight_names()
        layer_names = list(layer_names or [])[:count]
        if len(layer_names) != count:
            layer_names = [f"{layer.name}_{k}" for k in range(count)]
        entries.extend((name, i, k) for k, name in enumerate(layer_names))
    entries.sort(key=lambda e: e[0])
    n_vars = len(entries)
    head = len(saved) - n_vars * len(slots)
    cls_name = type(optimizer).__name__
    expected_head = {"SGD": 1, "Adam": 1, "Adamax": 1, "Nadam": 2}.get(cls_name, 0)
    if head != expected_head:
        return warn(f"{cls_name} with {n_vars} weights expects {expected_head + n_vars * len(slots)} arrays, "
                    f"the file has {len(saved)}")
    try:
        optimizer.build(model.trainable_variables)
        variables = list(model.trainable_variables)
        index = {id(v): i for i, v in enumerate(variables)}
        for s, slot in enumerate(slots):
            arrays = saved[head + s * n_vars: head + (s + 1) * n_vars]
            per_layer = [[None] * c for c in counts]
            for (_, i, k), array in zip(entries, arrays):
                per_layer[i][k] = array
            for layer, part in zip(layers, per_layer):
                layout = getattr(layer, "legacy_layout", None)
                if layout is not None and len(layer.trainable_weights) == len(layer.weights):
                    modern = layout.to_modern(list(part), layer.legacy_config())
                else:  # partly frozen layers: trainable arrays are the same in both layouts
                    modern = list(part)
                for value, variable in zip(modern, layer.trainable_weights):
                    target = optimizer._slots[slot][index[id(variable)]]
                    if tuple(target.shape) != tuple(np.shape(value)):
                        return warn(f"slot {slot!r} of {variable.path} has shape {tuple(np.shape(value))} in the "
                                    f"file, {tuple(target.shape)} in the model")
                    target.assign(value)
        if expected_head:
            optimizer.iterations.assign(int(np.asarray(saved[0]).item()))
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        return warn(f"{type(exc).__name__}: {exc}")
    return True


__all__ = ["load_model", "model_from_config", "model_from_json", "model_from_yaml", "load_weights",
           "read_model_config", "restore_optimizer_state", "ConfigFileError", "LegacyModelError",
           "WeightFileError", "json"]
