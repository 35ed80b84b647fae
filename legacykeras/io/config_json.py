"""Reading Keras 1 / 0.x model configs from JSON and YAML text, safely.

Real files (shared/research/real-world.md, part A) bring quirks this module
absorbs so the rest of the loader sees one plain dict:

- double-encoded JSON: `json.dump(model.to_json(), f)` stores a JSON *string*
  whose content is the model JSON (6 files in the corpus);
- YAML written by PyYAML's default dumper: `!!python/tuple` tags on shapes and,
  when a numpy integer slipped into a config, `!!python/object/apply:numpy...`
  scalars. Both are parsed by a *safe* loader with constructors for exactly
  these tags; any other `!!python/...` tag is refused, never executed;
- HDF5 attributes that h5py returns as `bytes` (h5py < 3 files, numpy arrays
  of bytes) or as `str`.
"""

from __future__ import annotations

import json

import numpy as np
import yaml


class ConfigFileError(ValueError):
    """A model config that cannot be read: says what is wrong, and where."""


def decode_attr(value) -> str:
    """An HDF5 attribute as text, whether h5py gives bytes, str or a 0-d array."""
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value.item()
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf8")
    return str(value)


def decode_names(values) -> list[str]:
    """An HDF5 attribute that holds a list of names (`layer_names`, `weight_names`)."""
    return [decode_attr(v) for v in np.atleast_1d(values)] if values is not None else []


def parse_json(text: str | bytes, *, where: str = "<string>"):
    """A model config from JSON text; unwraps double-encoded JSON."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf8")
    try:
        value = json.loads(text)
        # Double-encoded: the outer JSON is a string holding the model JSON.
        for _ in range(2):
            if isinstance(value, str):
                value = json.loads(value)
    except json.JSONDecodeError as exc:
        raise ConfigFileError(
            f"{where}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}."
        ) from None
    return _check_model_dict(value, where)


class _SafeKerasLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader plus the few Python tags Keras 1 YAML files carry."""


def _construct_tuple(loader, node):
    return tuple(loader.construct_sequence(node, deep=True))


def _construct_numpy_dtype(loader, node):
    # `!!python/object/apply:numpy.dtype {args: [i8, 0, 1], state: [3, '<', ...]}`
    mapping = loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else {
        "args": loader.construct_sequence(node, deep=True)}
    args = mapping.get("args") or []
    if not args or not isinstance(args[0], str):
        raise ConfigFileError(f"unreadable numpy dtype in YAML at {_at(node)}")
    dtype = np.dtype(args[0])
    state = mapping.get("state")
    if isinstance(state, (list, tuple)) and len(state) > 1 and state[1] in ("<", ">"):
        dtype = dtype.newbyteorder(state[1])
    return dtype


def _construct_numpy_scalar(loader, node):
    # `!!python/object/apply:numpy.core.multiarray.scalar [dtype, !!binary bytes]`
    args = loader.construct_sequence(node, deep=True)
    if len(args) != 2 or not isinstance(args[0], np.dtype) or not isinstance(args[1], (bytes, str)):
        raise ConfigFileError(f"unreadable numpy scalar in YAML at {_at(node)}")
    data = args[1].encode("latin-1") if isinstance(args[1], str) else args[1]
    return np.frombuffer(data, dtype=args[0])[0].item()


def _at(node) -> str:
    return f"line {node.start_mark.line + 1}, column {node.start_mark.column + 1}"


def _refuse_python_tag(loader, suffix, node):
    raise ConfigFileError(
        f"YAML tag `!!python/{suffix}` at {_at(node)} is not allowed: it would run code "
        "from the file. Keras 1 YAML files only use `!!python/tuple` and numpy scalars."
    )


_SafeKerasLoader.add_constructor("tag:yaml.org,2002:python/tuple", _construct_tuple)
# Python 2 PyYAML tagged plain scalars by type (`!!python/unicode "..."`, `!!python/long`).
for _tag, _type in (("unicode", str), ("str", str), ("long", int), ("int", int), ("float", float)):
    _SafeKerasLoader.add_constructor(
        f"tag:yaml.org,2002:python/{_tag}", lambda loader, node, _type=_type: _type(loader.construct_scalar(node)))
_SafeKerasLoader.add_constructor("tag:yaml.org,2002:python/none", lambda loader, node: None)
_SafeKerasLoader.add_constructor(
    "tag:yaml.org,2002:python/bool", lambda loader, node: loader.construct_yaml_bool(node))
for _prefix in ("numpy.core.multiarray", "numpy._core.multiarray"):
    _SafeKerasLoader.add_constructor(
        f"tag:yaml.org,2002:python/object/apply:{_prefix}.scalar", _construct_numpy_scalar)
_SafeKerasLoader.add_constructor("tag:yaml.org,2002:python/object/apply:numpy.dtype", _construct_numpy_dtype)
_SafeKerasLoader.add_multi_constructor("tag:yaml.org,2002:python/", _refuse_python_tag)


def parse_yaml(text: str | bytes, *, where: str = "<string>"):
    """A model config from YAML text, with a safe loader (see the module docstring)."""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf8")
    try:
        value = yaml.load(text, Loader=_SafeKerasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigFileError(f"{where}: not valid YAML{at}: {getattr(exc, 'problem', exc)}.") from None
    if isinstance(value, str) and value.lstrip().startswith("{"):
        return parse_json(value, where=where)
    return _check_model_dict(value, where)


def parse_config_text(text: str | bytes, *, where: str = "<string>"):
    """JSON or YAML, whichever the text is."""
    stripped = (text.decode("utf8", "replace") if isinstance(text, (bytes, bytearray)) else text).lstrip()
    if stripped.startswith(("{", '"')):
        return parse_json(text, where=where)
    return parse_yaml(text, where=where)


def _check_model_dict(value, where):
    if not isinstance(value, dict):
        raise ConfigFileError(
            f"{where}: expected a Keras model config (a mapping with `class_name` and `config`, or a "
            f"Keras 0.x mapping with `name` and `layers`), got {type(value).__name__}."
        )
    return value


__all__ = ["ConfigFileError", "decode_attr", "decode_names", "parse_json", "parse_yaml", "parse_config_text"]
