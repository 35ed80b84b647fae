"""Keras 1 and Keras 0.x model configs -> live legacykeras models.

Two steps:

1. `normalize` turns any config into the Keras 1.2.2 shape: a Keras 0.x
   config (`{"name": "Sequential", "layers": [{"name": "Dense", ...}]}`, no
   `class_name`) becomes `{"class_name": "Sequential", "config": [...]}`;
   a 0.x `Graph` keeps its `input_config` / `node_config` / `output_config`.
2. `build` constructs the model the way Keras 1 users did: each layer is the
   live legacy class named by `class_name` (looked up in `legacykeras.layers`,
   `legacykeras.engine.topology`, `legacykeras.legacy.models`), constructed
   with the Keras 1 config keys, which legacy classes accept; `Sequential`
   with `add`, `Model` by calling layers on tensors along `inbound_nodes`,
   `Graph` with `add_input` / `add_node` / `add_output`.

Real-file values that Keras 1 itself tolerated are cleaned here, with a
warning where information is lost: `init: "<lambda>"` (a custom initializer
saved by name only), numbers stored as strings (`Dropout(p="0.5")`), Keras 0.x
keys that Keras 1 had dropped (`cache_enabled`, `custom_name`, Activation's
`target` / `beta`), regularizer and constraint dicts.
"""

from __future__ import annotations

import copy
import importlib
import re
import warnings

from legacykeras import warnings as lk_warnings

MODEL_CLASSES = ("Sequential", "Model", "Graph")

# Where live classes are found, first match wins (custom_objects come before all).
_CLASS_MODULES = (
    "legacykeras.layers",
    "legacykeras.engine.topology",
    "legacykeras.legacy.models",
    "legacykeras.models",
)

# Config keys whose values are numbers even when a file stored them as text.
_NUMERIC_KEYS = {
    "p", "dropout", "dropout_W", "dropout_U", "l1", "l2", "alpha", "theta", "sigma", "epsilon",
    "momentum", "m", "low", "high", "rate", "forget_bias", "output_dim", "nb_filter", "input_dim",
}

# Keras 0.x keys with no meaning in Keras 1 (0.3.3 `Layer.get_config` / `Activation`).
_K0_ONLY_KEYS = {"cache_enabled", "truncate_gradient", "target", "beta"}
# Keras 0.x argument names that Keras 1 renamed, per class (0.3.3 `layers/core.py`).
_K0_RENAMES = {"Reshape": {"dims": "target_shape"}}


class LegacyModelError(ValueError):
    """A config that cannot become a model: names the layer, the reason and the way out."""


class MissingLayerClassError(LegacyModelError):
    """The config names a layer class legacykeras has no live class for."""

    def __init__(self, class_name: str, layer_name: str | None, known: bool):
        self.class_name = class_name
        self.layer_name = layer_name
        where = f" (layer {layer_name!r})" if layer_name else ""
        if known:
            text = (f"Layer class `{class_name}`{where} is a Keras 1 layer that legacykeras does not "
                    f"implement yet; pass custom_objects={{{class_name!r}: YourClass}} to supply one.")
        else:
            text = (f"Unknown layer class `{class_name}`{where}: it is not a Keras 1.2.2 layer, so it "
                    f"was a custom layer; pass custom_objects={{{class_name!r}: YourClass}}.")
        super().__init__(text)


# --- step 1: normalize --------------------------------------------------------------------

def is_keras0(config: dict) -> bool:
    return isinstance(config, dict) and "class_name" not in config and "name" in config


def normalize(config: dict) -> dict:
    """Any Keras 0.x / 1.x model config as a Keras 1.2.2 `{class_name, config}` dict."""
    if not isinstance(config, dict):
        raise LegacyModelError(f"A model config must be a mapping, got {type(config).__name__}.")
    if "class_name" in config:
        return config
    if "name" not in config:
        raise LegacyModelError(
            "Not a Keras model config: it has neither `class_name` (Keras 1) nor `name` (Keras 0.x). "
            f"Top-level keys: {sorted(config)[:10]}."
        )
    return _k0_entry(config, set())


def _k0_entry(entry: dict, seen: set) -> dict:
    entry = dict(entry)
    class_name = entry.pop("name")
    if class_name == "Sequential":
        return {"class_name": "Sequential", "config": [_k0_entry(e, seen) for e in entry.get("layers", [])]}
    if class_name == "Graph":
        nodes = {name: _k0_entry(node, seen) for name, node in (entry.get("nodes") or {}).items()}
        return {"class_name": "Graph", "config": {**{k: v for k, v in entry.items() if k != "nodes"},
                                                  "nodes": nodes}}
    config = {}
    renames = _K0_RENAMES.get(class_name, {})
    for key, value in entry.items():
        key = renames.get(key, key)
        if key == "custom_name":
            # Keras 0.x let layers share a name ('dense' for every Dense); Keras 1 names are unique.
            if value not in seen:
                seen.add(value)
                config["name"] = value
        elif key in _K0_ONLY_KEYS:
            continue
        elif key == "layers" and isinstance(value, list):
            config["layers"] = [_k0_entry(e, seen) for e in value]
        elif key == "layer" and isinstance(value, dict) and "name" in value and "class_name" not in value:
            config["layer"] = _k0_entry(value, seen)
        else:
            config[key] = value
    return {"class_name": class_name, "config": config}


# --- step 2: build ------------------------------------------------------------------------

class BuildContext:
    """What building one model needs: custom objects, safe_mode, the file's dim_ordering, a log."""

    def __init__(self, custom_objects=None, safe_mode=True, dim_ordering=None):
        self.custom_objects = dict(custom_objects or {})
        self.safe_mode = safe_mode
        self.dim_ordering = dim_ordering
        self.weight_shapes: dict[str, list[tuple]] = {}
        self.notes: list[str] = []

    def note(self, code: str, text: str) -> None:
        """Something the file lost or the loader changed: always shown, once per build (unlike the
        call-site warnings for Keras 1 spellings, which loading a file does not raise)."""
        if text in self.notes:
            return
        self.notes.append(text)
        warnings.warn(text, lk_warnings.LegacyKerasWarning, stacklevel=2)


def build(config: dict, custom_objects=None, safe_mode: bool = True, dim_ordering=None, weight_shapes=None):
    """A live model (or layer) from a Keras 0.x / 1.x config.

    `dim_ordering` ('th' / 'tf'): the image ordering the file was written with. Keras 1.2.2 left
    `dim_ordering` out of some layers' configs (ZeroPadding2D, UpSampling2D, Cropping2D, ...), which then
    took it from the *loading* machine's keras.json. legacykeras fills it in from, in order: this
    argument; the layers of the same file that did record it; 'th' for Keras 0.x files (Theano's
    ordering, the only one 0.x had); otherwise keras.json, as Keras 1 did.
    """
    if dim_ordering not in (None, "th", "tf"):
        raise ValueError(f"`dim_ordering` must be 'th', 'tf' or None, received: dim_ordering={dim_ordering!r}.")
    k0 = is_keras0(config)
    entry = normalize(config)
    if dim_ordering is None:
        found = set()
        _collect_orderings(entry, found)
        dim_ordering = found.pop() if len(found) == 1 else ("th" if k0 and not found else None)
    context = BuildContext(custom_objects, safe_mode, dim_ordering)
    context.weight_shapes = dict(weight_shapes or {})
    return build_entry(entry, context)


# Keras 1.2.2 left `shared_axes` out of these layers' configs; their weights show it (size-1 axes).
_SHARED_AXES_FROM_WEIGHTS = {"PReLU", "ParametricSoftplus", "SReLU"}


def _collect_orderings(value, found: set) -> None:
    if isinstance(value, dict):
        ordering = value.get("dim_ordering")
        if ordering in ("th", "tf"):
            found.add(ordering)
        for v in value.values():
            _collect_orderings(v, found)
    elif isinstance(value, list):
        for v in value:
            _collect_orderings(v, found)


def _takes_dim_ordering(class_name: str) -> bool:
    from legacykeras.rules import LAYERS_BY_CLASS

    row = LAYERS_BY_CLASS.get(class_name)
    return row is not None and ("dim_ordering" in row.positional or "dim_ordering" in row.rename
                                or "dim_ordering" in row.values)


def build_entry(entry: dict, context: BuildContext):
    class_name = entry.get("class_name")
    if class_name == "Sequential":
        return _build_sequential(entry, context)
    if class_name == "Model":
        return _build_functional(entry, context)
    if class_name == "Graph":
        return _build_graph(entry, context)
    return build_layer(entry, context)


def find_class(class_name: str, custom_objects: dict | None = None, layer_name: str | None = None):
    if custom_objects and class_name in custom_objects:
        return custom_objects[class_name]
    for module_name in _CLASS_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        cls = getattr(module, class_name, None)
        if isinstance(cls, type):
            return cls
    from legacykeras.rules import LAYERS_BY_CLASS

    known = class_name in LAYERS_BY_CLASS or class_name in MODEL_CLASSES or class_name in (
        "Merge", "InputLayer", "Lambda", "TimeDistributed", "Bidirectional")
    raise MissingLayerClassError(class_name, layer_name, known)


def _build_sequential(entry, context):
    config = entry.get("config")
    name = None
    if isinstance(config, dict):  # Keras 2 form {"name": ..., "layers": [...]}, tolerated
        name, config = config.get("name"), config.get("layers", [])
    if not isinstance(config, list):
        raise LegacyModelError(f"A Sequential config must list its layers, got {type(config).__name__}.")
    cls = find_class("Sequential", context.custom_objects)
    model = cls(name=name) if name else cls()
    for i, layer_entry in enumerate(config):
        layer = build_entry(_check_entry(layer_entry, f"Sequential layer #{i}"), context)
        try:
            model.add(layer)
        except (TypeError, ValueError) as exc:
            raise LegacyModelError(
                f"Sequential layer #{i} ({layer_entry.get('class_name')} {getattr(layer, 'name', '?')!r}) "
                f"could not be added: {exc}"
            ) from exc
    return model


def _check_entry(entry, where):
    if not isinstance(entry, dict) or "class_name" not in entry:
        raise LegacyModelError(f"{where}: expected a mapping with `class_name` and `config`, got {entry!r:.80}.")
    return entry


def _build_functional(entry, context):
    from legacykeras._keras import keras

    config = entry.get("config") or {}
    layer_entries = config.get("layers")
    if not isinstance(layer_entries, list):
        raise LegacyModelError("A Model config needs a `layers` list.")
    # (layer name, Keras 1 node index) -> list of output tensors of that call.
    outputs: dict[tuple[str, int], list] = {}
    pending = list(layer_entries)
    layers: dict[str, object] = {}
    # Keras 1 containers create a node of their own when built, so their first call is node 1.
    node_offset: dict[str, int] = {}
    progress = True
    while pending and progress:
        progress = False
        for layer_entry in list(pending):
            layer_entry = _check_entry(layer_entry, "Model layer")
            name = layer_entry.get("name") or layer_entry["config"].get("name")
            inbound = layer_entry.get("inbound_nodes") or []
            if not all((ref[0], ref[1]) in outputs for node in inbound for ref in node):
                continue
            pending.remove(layer_entry)
            progress = True
            if layer_entry["class_name"] == "InputLayer":
                cfg = layer_entry["config"]
                shape = cfg.get("batch_input_shape") or [None, *cfg.get("input_shape", [])]
                tensor = keras.Input(batch_shape=tuple(shape), dtype=cfg.get("input_dtype") or "float32",
                                     sparse=bool(cfg.get("sparse", False)), name=cfg.get("name", name))
                outputs[(name, 0)] = [tensor]
                continue
            layer = build_entry(layer_entry, context)
            layers[name] = layer
            node_offset[name] = 1 if layer_entry["class_name"] in MODEL_CLASSES else 0
            for node_index, node in enumerate(inbound):
                args = [outputs[(ref[0], ref[1])][ref[2] if len(ref) > 2 else 0] for ref in node]
                kwargs = node[0][3] if node and len(node[0]) > 3 and isinstance(node[0][3], dict) else {}
                try:
                    result = layer(args[0] if len(args) == 1 else args, **kwargs)
                except Exception as exc:
                    raise LegacyModelError(
                        f"Layer {name!r} ({layer_entry['class_name']}) failed on its inputs "
                        f"{[r[0] for r in node]}: {type(exc).__name__}: {exc}"
                    ) from exc
                outputs[(name, node_index + node_offset[name])] = list(result) if isinstance(result, (list, tuple)) else [result]
    if pending:
        missing = sorted({ref[0] for e in pending for node in e.get("inbound_nodes") or [] for ref in node
                          if (ref[0], ref[1]) not in outputs})
        raise LegacyModelError(
            f"Model config is disconnected: layers {[e.get('name') for e in pending][:5]} take inputs "
            f"from {missing[:5]}, which no layer in the config produces."
        )

    def tensors(refs, what):
        try:
            return [outputs[(r[0], r[1])][r[2] if len(r) > 2 else 0] for r in refs]
        except (KeyError, IndexError):
            raise LegacyModelError(f"Model config: {what} {refs!r} name tensors that no layer produces.") from None

    inputs = tensors(config.get("input_layers") or [], "input_layers")
    outs = tensors(config.get("output_layers") or [], "output_layers")
    cls = find_class("Model", context.custom_objects)
    model_inputs = inputs[0] if len(inputs) == 1 else inputs
    model_outputs = outs[0] if len(outs) == 1 else outs
    return cls(model_inputs, model_outputs, name=config.get("name"))


def _build_graph(entry, context):
    config = entry.get("config") or {}
    cls = find_class("Graph", context.custom_objects)
    graph = cls()
    nodes = config.get("nodes") or {}
    for spec in config.get("input_config") or []:
        spec = dict(spec)
        if spec.get("dtype") == "float":
            spec.pop("dtype")  # Keras 0.x spelled floatx as 'float'
        graph.add_input(**spec)
    for spec in config.get("node_config") or []:
        spec = dict(spec)
        name = spec["name"]
        if name not in nodes:
            raise LegacyModelError(f"Graph node {name!r} is listed in node_config but has no entry in `nodes`.")
        layer = build_entry(nodes[name], context)
        spec["create_output"] = False  # outputs are added from output_config, as Keras 0.x did
        graph.add_node(layer, **spec)
    for spec in config.get("output_config") or []:
        graph.add_output(**dict(spec))
    return graph


# --- layers -------------------------------------------------------------------------------

def build_layer(entry: dict, context: BuildContext):
    class_name = entry["class_name"]
    config = copy.deepcopy(entry.get("config") or {})
    layer_name = config.get("name") or entry.get("name")
    cls = find_class(class_name, context.custom_objects, layer_name)
    if hasattr(cls, "from_legacy_config"):
        return cls.from_legacy_config(config, custom_objects=context.custom_objects)
    config = clean_layer_config(class_name, config, context)
    shapes = context.weight_shapes.get(layer_name)
    if class_name in _SHARED_AXES_FROM_WEIGHTS and "shared_axes" not in config and shapes:
        shared = [axis + 1 for axis, size in enumerate(shapes[0]) if size == 1]
        if shared:
            config["shared_axes"] = shared
    if context.dim_ordering and config.get("dim_ordering") in (None, "default") and _takes_dim_ordering(class_name):
        config["dim_ordering"] = context.dim_ordering
    return construct(cls, config, class_name, layer_name, context)


def clean_layer_config(class_name: str, config: dict, context: BuildContext) -> dict:
    layer_name = config.get("name", "?")
    for key in list(config):
        value = config[key]
        if key in _NUMERIC_KEYS and isinstance(value, str):
            try:
                config[key] = int(value) if re.fullmatch(r"[-+]?\d+", value) else float(value)
            except ValueError:
                raise LegacyModelError(f"Layer {layer_name!r} ({class_name}): `{key}` is {value!r}, not a number.") from None
        elif (key == "init" or key.endswith("_init")) and value == "<lambda>":
            # Keras 1 saved a custom initializer function by its __name__ only.
            config.pop(key)
            context.note("LK-IO-INIT", f"Layer {layer_name!r} ({class_name}): `{key}` was a custom function saved as "
                         "'<lambda>', which cannot be restored; the default initializer is used. Initial values "
                         "only matter for training: load the weights file to get the trained values.")
        elif key in ("layer",) and isinstance(value, dict) and "class_name" in value:
            config[key] = build_entry(value, context)
        elif key == "layers" and isinstance(value, list) and value and isinstance(value[0], dict):
            config[key] = [build_entry(normalize(v) if "class_name" not in v else v, context) for v in value]
        elif isinstance(value, dict) and "name" in value and (key.endswith("_regularizer") or key.endswith("_constraint")):
            config[key] = _regularizer_or_constraint(key, value, layer_name)
    if class_name == "Lambda" or "function_type" in config or "mode_type" in config:
        from legacykeras.io import lambda_bytecode

        config = lambda_bytecode.resolve_functions(class_name, config, context)
    return config


def construct(cls, config: dict, class_name: str, layer_name, context: BuildContext):
    """`cls(**config)`, dropping (with a warning) keys the live class does not take."""
    config = dict(config)
    dropped = []
    for _ in range(12):
        try:
            return cls(**config)
        except TypeError as exc:
            bad = _unexpected_keys(str(exc), config)
            if not bad:
                raise LegacyModelError(f"Layer {layer_name!r} ({class_name}) could not be built from its config: {exc}") from exc
            for key in bad:
                config.pop(key)
                dropped.append(key)
        except ValueError as exc:
            bad = _unexpected_keys(str(exc), config)
            if not bad:
                raise LegacyModelError(f"Layer {layer_name!r} ({class_name}) could not be built from its config: {exc}") from exc
            for key in bad:
                config.pop(key)
                dropped.append(key)
        finally:
            if dropped:
                context.note("LK-IO-KEYS", f"Layer {layer_name!r} ({class_name}): config keys {sorted(set(dropped))} "
                             "are not Keras 1.2.2 arguments of this layer (older Keras versions wrote them) and were ignored.")
                dropped = []
    raise LegacyModelError(f"Layer {layer_name!r} ({class_name}) could not be built from its config.")


def _unexpected_keys(message: str, config: dict) -> list[str]:
    found = re.findall(r"unexpected keyword argument '(\w+)'", message)
    found += re.findall(r"'(\w+)'", message.split("Unrecognized keyword arguments", 1)[1]) if "Unrecognized keyword arguments" in message else []
    found += re.findall(r"Keyword argument not understood:\W+'?(\w+)", message)
    return [k for k in dict.fromkeys(found) if k in config]


def _regularizer_or_constraint(key, value, layer_name):
    """Keras 1 regularizer / constraint config dicts -> live objects."""
    value = dict(value)
    name = value.pop("name")
    for module_name in ("legacykeras.regularizers", "legacykeras.constraints"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        cls = getattr(module, name, None)
        if callable(cls):
            try:
                return cls(**value)
            except TypeError:
                pass
    from legacykeras._keras import keras

    if key.endswith("_regularizer"):
        if name in ("WeightRegularizer", "L1L2Regularizer", "ActivityRegularizer", "L1L2"):
            return keras.regularizers.L1L2(l1=float(value.get("l1", 0.0)), l2=float(value.get("l2", 0.0)))
    else:
        lowered = name.lower()
        if lowered == "maxnorm":
            return keras.constraints.MaxNorm(max_value=value.get("m", 2), axis=value.get("axis", 0))
        if lowered == "nonneg":
            return keras.constraints.NonNeg()
        if lowered == "unitnorm":
            return keras.constraints.UnitNorm(axis=value.get("axis", 0))
        if lowered == "minmaxnorm":
            return keras.constraints.MinMaxNorm(min_value=value.get("low", 0.0), max_value=value.get("high", 1.0),
                                                rate=value.get("rate", 1.0), axis=value.get("axis", 0))
    raise LegacyModelError(f"Layer {layer_name!r}: `{key}` is an unknown {name!r}; pass it in custom_objects.")


__all__ = ["LegacyModelError", "MissingLayerClassError", "normalize", "build", "build_entry", "build_layer",
           "find_class", "is_keras0", "MODEL_CLASSES"]
