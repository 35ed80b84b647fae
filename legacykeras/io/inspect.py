"""`legacykeras inspect FILE`: what a Keras 1 / 0.x file holds and which conversions apply.

Reads the file without building a model (so it works even where legacykeras
lacks a layer class): format, Keras version, model class, layers, weight
shapes, and the conversions the loader will make (Keras 0.x format,
double-encoded JSON, Theano kernel flips, split RNN gates, BatchNormalization
`running_std`, Lambda bytecode and whether it can be rebuilt safely, custom
initializers saved as '<lambda>', layer classes legacykeras does not have).
"""

from __future__ import annotations

import importlib
import json
import os

from legacykeras.io import hdf5_weights
from legacykeras.io.config_json import ConfigFileError, decode_attr, parse_json, parse_yaml
from legacykeras.io.legacy_config import is_keras0, normalize

_CONV_TH = hdf5_weights.THEANO_FLIPPED


def inspect_file(filepath) -> dict:
    """A JSON-able description of a Keras 1 / 0.x model or weights file."""
    filepath = os.fspath(filepath)
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"No such file: {filepath}")
    with open(filepath, "rb") as f:
        head = f.read(8)
    info: dict = {"file": filepath, "size_bytes": os.path.getsize(filepath), "conversions": [], "notes": []}
    if head == b"\x89HDF\r\n\x1a\n":
        _inspect_h5(filepath, info)
    else:
        _inspect_text(filepath, info)
    return info


def _inspect_text(filepath, info):
    with open(filepath, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf8")
    except UnicodeDecodeError:
        raise ConfigFileError(f"{filepath}: neither HDF5 nor UTF-8 text (first bytes {raw[:8]!r}).") from None
    stripped = text.lstrip()
    if stripped.startswith(("{", '"')):
        info["format"] = "JSON"
        if stripped.startswith('"'):
            info["conversions"].append("double-encoded JSON (a JSON string holding the model JSON) is unwrapped")
        config = parse_json(text, where=filepath)
    else:
        info["format"] = "YAML"
        if "!!python/" in text:
            info["conversions"].append("YAML `!!python/...` tags (tuples, numpy scalars) read by a safe loader")
        config = parse_yaml(text, where=filepath)
    _describe_config(config, info)


def _inspect_h5(filepath, info):
    with hdf5_weights.open_h5(filepath) as f:
        if "keras_version" in f.attrs:
            info["keras_version"] = decode_attr(f.attrs["keras_version"])
        if "model_config" in f.attrs:
            info["format"] = "HDF5 model (Keras 1 model.save)"
            _describe_config(parse_json(decode_attr(f.attrs["model_config"]), where=filepath), info)
            if "training_config" in f.attrs:
                training = parse_json(decode_attr(f.attrs["training_config"]), where=filepath)
                optimizer = (training.get("optimizer_config") or {}).get("class_name")
                info["training"] = {"loss": training.get("loss"), "optimizer": optimizer,
                                    "metrics": training.get("metrics")}
                info["conversions"].append(f"training config re-applied with the Keras 1 optimizer {optimizer}")
            if "optimizer_weights" in f:
                info["conversions"].append("optimizer state (optimizer_weights) restored where the optimizer maps")
        else:
            info["format"] = "HDF5 weights"
        group = hdf5_weights.open_weights_group(f)
        saved = hdf5_weights.read_saved_weights(group)
        info["weights_layout"] = {"keras1": "Keras 1 (layer_names / weight_names)",
                                  "keras0": "Keras 0.x (nb_layers, layer_k/param_p)",
                                  "keras0-graph": "Keras 0.x Graph (graph/param_p, flat)"}[saved.kind]
        info["weights"] = [{"layer": e.name, "arrays": [{"name": n, "shape": list(s)} for n, s in zip(e.weight_names, e.shapes())]}
                           for e in saved.layers if e.datasets]
        total = sum(d.size * d.dtype.itemsize for e in saved.layers for d in e.datasets)
        info["weights_bytes"] = int(total)
        _weight_conversions(saved, info)


def _weight_conversions(saved, info):
    names = " ".join(n for e in saved.layers for n in e.weight_names)
    if saved.kind != "keras1":
        info["conversions"].append("Keras 0.x weight layout mapped onto the model's layers in order")
    if any(n.endswith("_W_i") or "_W_i:" in n for e in saved.layers for n in e.weight_names):
        info["conversions"].append("LSTM split gates (12 arrays W_i,U_i,b_i,...) joined into Keras 3's 3 arrays")
    if any(n.endswith("_W_z") or "_W_z:" in n for e in saved.layers for n in e.weight_names):
        info["conversions"].append("GRU split gates (9 arrays W_z,U_z,b_z,...) joined into Keras 3's 3 arrays")
    if "running_std" in names:
        info["conversions"].append("BatchNormalization running_std (a variance in 1.2.2) becomes moving_variance")
    if any(":0" not in n for e in saved.layers for n in e.weight_names) and saved.kind == "keras1":
        info["notes"].append("weight names without ':0' (Theano-era files); arrays are matched by position")
    kernels = [(e.name, s) for e in saved.layers for n, s in zip(e.weight_names, e.shapes()) if len(s) >= 4]
    if kernels:
        info["conversions"].append(
            f"{len(kernels)} convolution kernel(s): flipped if Theano trained them; the file does not say which "
            "backend did, pass --source-backend theano|tensorflow (default: guessed from dim_ordering)")


def _describe_config(config, info):
    if is_keras0(config):
        info.setdefault("keras_version", "0.x")
        info["conversions"].append("Keras 0.x config (no class_name) translated to Keras 1 form")
    elif "keras_version" in config:
        info.setdefault("keras_version", str(config["keras_version"]))
    info.setdefault("keras_version", "1.x (not recorded)")
    entry = normalize(config)
    info["model_class"] = entry.get("class_name")
    layers: list[dict] = []
    _walk(entry, layers, info)
    info["layers"] = layers
    missing = sorted({layer["class_name"] for layer in layers if not layer["available"]})
    if missing:
        info["notes"].append(f"layer classes legacykeras does not provide yet: {', '.join(missing)}")
    orderings = sorted({layer["dim_ordering"] for layer in layers if layer.get("dim_ordering")})
    if orderings:
        info["dim_ordering"] = orderings


def _walk(entry, out, info, prefix=""):
    class_name = entry.get("class_name")
    config = entry.get("config")
    if class_name == "Sequential":
        for sub in (config if isinstance(config, list) else (config or {}).get("layers", [])):
            _walk(sub, out, info, prefix)
        return
    if class_name == "Model":
        for sub in (config or {}).get("layers", []):
            _walk(sub, out, info, prefix)
        return
    if class_name == "Graph":
        for name, sub in ((config or {}).get("nodes") or {}).items():
            _walk(sub, out, info, prefix)
        return
    config = config or {}
    record = {"name": prefix + str(config.get("name", "?")), "class_name": class_name,
              "available": class_name == "InputLayer" or _available(class_name)}
    if config.get("dim_ordering") in ("th", "tf"):
        record["dim_ordering"] = config["dim_ordering"]
    out.append(record)
    for key, value in config.items():
        if (key == "init" or key.endswith("_init")) and value == "<lambda>":
            info["conversions"].append(f"{record['name']}: custom `{key}` saved as '<lambda>' replaced by the default")
        if key == "p" and isinstance(value, str):
            info["conversions"].append(f"{record['name']}: `p` stored as text {value!r} read as a number")
    if class_name == "Lambda" and config.get("function_type") == "lambda":
        record["lambda"] = _lambda_status(config)
        info["conversions"].append(f"{record['name']}: Lambda bytecode ({record['lambda']})")
    for key in ("layer",):
        if isinstance(config.get(key), dict):
            _walk(config[key], out, info, prefix=record["name"] + "/")
    if isinstance(config.get("layers"), list):
        for sub in config["layers"]:
            if isinstance(sub, dict):
                _walk(sub if "class_name" in sub else normalize(sub), out, info, prefix=record["name"] + "/")


def _lambda_status(config) -> str:
    from legacykeras.io import lambda_bytecode

    try:
        decoded = lambda_bytecode.decode(config["function"])
    except (ValueError, TypeError) as exc:
        return f"unreadable: {exc}"
    try:
        source, _ = lambda_bytecode.rebuild_source(decoded, config.get("arguments"))
        return f"Python {decoded.version}, rebuilt safely as `{source}`"
    except Exception as exc:  # noqa: BLE001 - _Refused and friends: report, don't fail
        return f"Python {decoded.version}, NOT rebuildable safely ({exc}); needs custom_objects or safe_mode=False"


_MODULES = ("legacykeras.layers", "legacykeras.engine.topology", "legacykeras.legacy.models", "legacykeras.models")


def _available(class_name) -> bool:
    for module_name in _MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if isinstance(getattr(module, class_name, None), type):
            return True
    return False


def format_report(info: dict) -> str:
    lines = [f"{info['file']}  ({info['size_bytes']} bytes)", f"  format:        {info.get('format')}",
             f"  Keras version: {info.get('keras_version', 'not recorded')}"]
    if "model_class" in info:
        lines.append(f"  model:         {info['model_class']}, {len(info.get('layers', []))} layers"
                     + (f", dim_ordering {'/'.join(info['dim_ordering'])}" if info.get("dim_ordering") else ""))
    if "weights_layout" in info:
        lines.append(f"  weights:       {info['weights_layout']}, {info['weights_bytes']} bytes")
    if info.get("layers"):
        lines.append("  layers:")
        for layer in info["layers"]:
            flag = "" if layer["available"] else "   [no legacykeras class yet]"
            lines.append(f"    {layer['name']:<28} {layer['class_name']}{flag}")
    if info.get("weights"):
        lines.append("  weight arrays:")
        for entry in info["weights"]:
            shapes = ", ".join(f"{a['name']} {tuple(a['shape'])}" for a in entry["arrays"])
            lines.append(f"    {entry['layer']:<28} {shapes}")
    if info.get("training"):
        lines.append(f"  training:      {json.dumps(info['training'])}")
    lines.append("  conversions:" if info["conversions"] else "  conversions:   none needed")
    lines.extend(f"    - {c}" for c in info["conversions"])
    lines.extend(f"  note: {n}" for n in info["notes"])
    return "\n".join(lines)


__all__ = ["inspect_file", "format_report"]
