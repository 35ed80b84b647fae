"""Keras 1 / 0.x model files -> a native Keras 3 `.keras` file.

    report = convert("old.h5", "new.keras")                       # model.save file
    report = convert("arch.json", "new.keras", weights="w.h5", source_backend="theano")

The old file is loaded with legacykeras (so configs, weights, Theano kernels
and Lambda bytecode are handled as in `load_model`), then every legacy layer
is replaced by its plain Keras 3 twin:

- a layer made from a rules-table row *is* a Keras 3 layer (its class derives
  from e.g. `keras.layers.Dense`), so the twin is that class, configured with
  the live layer's Keras 3 config and given its Keras 3 weights;
- a layer whose class offers `to_keras3()` supplies its own twin;
- `Merge` becomes `Add` / `Multiply` / `Average` / `Maximum` / `Concatenate` /
  `Dot` by mode;
- a `Lambda` whose rebuilt function is affine (`x / 127.5 - 1.0`, the usual
  image normalisation) becomes `Rescaling(scale, offset)`.

A layer with no twin stays a legacykeras layer: the file is still written, but
loading it needs legacykeras, and the report names those layers.
`verify_in_subprocess` loads the output with plain Keras 3 in a fresh Python
that never imports legacykeras, and compares predictions.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

from legacykeras._keras import keras
from legacykeras.io import hdf5_weights
from legacykeras.io.loader import load_model, read_model_config


@dataclasses.dataclass
class ConversionReport:
    source: str
    target: str
    rewritten: list[str] = dataclasses.field(default_factory=list)
    needs_legacykeras: list[str] = dataclasses.field(default_factory=list)
    max_abs_diff: float | None = None

    @property
    def plain_keras(self) -> bool:
        return not self.needs_legacykeras

    def lines(self) -> list[str]:
        out = [f"converted {self.source} -> {self.target}"]
        for line in self.rewritten:
            out.append(f"  rewritten: {line}")
        if self.needs_legacykeras:
            out.append("  these layers have no Keras 3 equivalent yet; loading the file needs legacykeras "
                       "(legacykeras.io.convert.load_keras(path)):")
            out.extend(f"    {name}" for name in self.needs_legacykeras)
        else:
            out.append("  the file loads with plain Keras 3 (keras.saving.load_model).")
        if self.max_abs_diff is not None:
            out.append(f"  predictions: max |legacy - converted| = {self.max_abs_diff:.3g}")
        return out


class ConversionError(ValueError):
    """The legacy model cannot be turned into a Keras 3 model."""


def _keras_base(layer):
    """The Keras 3 class a rules-table legacy layer is built on, or None."""
    from legacykeras.runtime.layer import LegacyLayerMixin

    mro = type(layer).__mro__
    if LegacyLayerMixin not in mro:
        return type(layer) if type(layer).__module__.startswith("keras.") else None
    for cls in mro[mro.index(LegacyLayerMixin) + 1:]:
        if cls.__module__.startswith("keras.") and cls not in (keras.layers.Layer, keras.Layer):
            return cls
        if cls in (keras.layers.Layer, keras.Layer):
            return None
    return None


_MERGE_MODES = {"sum": "Add", "mul": "Multiply", "ave": "Average", "max": "Maximum"}


def _merge_twin(layer, name):
    mode = getattr(layer, "mode", None)
    if mode is None and hasattr(layer, "legacy_config"):
        mode = layer.legacy_config().get("mode")
    config = layer.legacy_config() if hasattr(layer, "legacy_config") else {}
    if mode in _MERGE_MODES:
        return getattr(keras.layers, _MERGE_MODES[mode])(name=name), f"Merge(mode={mode!r}) -> {_MERGE_MODES[mode]}"
    if mode == "concat":
        axis = config.get("concat_axis", -1)
        return keras.layers.Concatenate(axis=axis, name=name), f"Merge(mode='concat') -> Concatenate(axis={axis})"
    if mode in ("dot", "cos"):
        axes = config.get("dot_axes", -1)
        return (keras.layers.Dot(axes=axes, normalize=mode == "cos", name=name),
                f"Merge(mode={mode!r}) -> Dot(axes={axes}, normalize={mode == 'cos'})")
    return None, None


def _affine(fn, shape):
    """(scale, offset) when `fn(x) == scale * x + offset` elementwise, else None."""
    source = getattr(fn, "__legacykeras_source__", "")
    if not source or any(token in source for token in ("K.", "tf.", "math.", "[", "(x ** ", "**")):
        return None
    shape = tuple(d or 3 for d in shape)
    try:
        zero = np.asarray(fn(keras.ops.zeros(shape)))
        one = np.asarray(fn(keras.ops.ones(shape)))
        probe = np.random.RandomState(0).uniform(-5, 5, shape).astype("float32")
        out = np.asarray(fn(keras.ops.convert_to_tensor(probe)))
    except Exception:  # noqa: BLE001 - a function that fails on probes is simply not affine
        return None
    if zero.shape != shape or not np.allclose(zero, zero.flat[0]) or not np.allclose(one - zero, (one - zero).flat[0]):
        return None
    scale, offset = float((one - zero).flat[0]), float(zero.flat[0])
    if not np.allclose(out, probe * scale + offset, rtol=1e-5, atol=1e-5):
        return None
    return scale, offset


def keras3_twin(layer):
    """(plain Keras 3 layer with the same weights, note) or (None, None)."""
    if hasattr(layer, "to_keras3"):
        twin = layer.to_keras3()
        return twin, f"{layer.name}: {type(layer).__name__} -> {type(twin).__name__} (its own to_keras3)"
    name = layer.name
    kind = type(layer).__name__
    if kind == "Merge":
        twin, note = _merge_twin(layer, name)
        return twin, (f"{name}: {note}" if note else None)
    if kind == "Lambda":
        input_shape = tuple(layer.input.shape) if getattr(layer, "_inbound_nodes", None) else None
        if input_shape is not None:
            affine = _affine(layer.function, input_shape)
            if affine is not None:
                scale, offset = affine
                return (keras.layers.Rescaling(scale=scale, offset=offset, name=name),
                        f"{name}: Lambda({layer.function.__legacykeras_source__}) -> Rescaling(scale={scale:.6g}, offset={offset:.6g})")
        return None, None
    if kind == "TimeDistributed" and getattr(layer, "layer", None) is not None:
        inner, note = keras3_twin(layer.layer)
        if inner is None or note == "plain":
            return None, None
        return keras.layers.TimeDistributed(inner, name=name), note
    if kind == "Bidirectional" and getattr(layer, "forward_layer", None) is not None:
        inner, note = keras3_twin(layer.forward_layer)
        if inner is None or note == "plain":
            return None, None
        return keras.layers.Bidirectional(inner, merge_mode=layer.merge_mode, name=name), note
    base = _keras_base(layer)
    if base is None:
        return None, None
    if base is type(layer):  # already a plain Keras layer (an InputLayer, say)
        return None, "plain"
    config = base.get_config(layer)
    note = None
    regularizer = getattr(layer, "activity_regularizer", None)
    if regularizer is not None and type(regularizer).__name__ == "_SummedOverBatch":
        # Keras 1 summed the activity penalty over the batch; Keras 3 averages it (training only).
        config["activity_regularizer"] = keras.saving.serialize_keras_object(regularizer.regularizer)
        note = f"{name}: activity_regularizer is averaged over the batch in Keras 3 (Keras 1 summed it)"
    twin = base.from_config(_modern_config_values(config))
    return twin, note


def _input_shape(layer):
    return layer.input.shape if not isinstance(layer.input, list) else [t.shape for t in layer.input]


def _copy_weights(legacy, twin):
    if not twin.built:
        twin.build(_input_shape(legacy))
    if not legacy.weights:
        return
    arrays = [np.asarray(v.numpy() if hasattr(v, "numpy") else v) for v in legacy.weights]
    twin.set_weights(arrays)


def _probe(tensor, rng):
    shape = tuple(2 if i == 0 else (d or 3) for i, d in enumerate(tensor.shape))
    if "int" in str(tensor.dtype):
        return keras.ops.convert_to_tensor(rng.randint(0, 2, shape).astype(str(tensor.dtype)))
    return keras.ops.convert_to_tensor(rng.uniform(-2, 2, shape).astype("float32"))


def _differs(legacy, twin):
    """Why the twin computes something else than the legacy layer (None when they agree).

    Prove or leave: a rewrite is kept only when both layers give the same outputs on a random
    input, e.g. Keras 3's `hard_sigmoid` is not Keras 1's, so an LSTM using it stays legacy.
    """
    if getattr(legacy, "stateful", False) or not getattr(legacy, "_inbound_nodes", None):
        return None
    rng = np.random.RandomState(0)
    inputs = legacy.input
    x = [_probe(t, rng) for t in inputs] if isinstance(inputs, list) else _probe(inputs, rng)
    try:
        expected = legacy(x, training=False)
        got = twin(x, training=False)
    except Exception as exc:  # noqa: BLE001 - a twin that cannot run is not a twin
        return f"the Keras 3 layer fails on the same input ({type(exc).__name__})"
    expected = expected if isinstance(expected, (list, tuple)) else [expected]
    got = got if isinstance(got, (list, tuple)) else [got]
    for e, g in zip(expected, got):
        e, g = np.asarray(e), np.asarray(g)
        if e.shape != g.shape or not np.allclose(e, g, rtol=1e-5, atol=1e-5):
            worst = float(np.max(np.abs(e - g))) if e.shape == g.shape else float("nan")
            return f"Keras 3's layer computes something else (max difference {worst:.3g})"
    return None


def _modern_config_values(value):
    """Serialized legacykeras objects (regularizers, constraints, ...) in a config -> Keras 3 ones."""
    if isinstance(value, dict):
        module = value.get("module")
        if isinstance(module, str) and module.startswith("legacykeras") and "class_name" in value:
            return _modern_object_config(value)
        return {k: _modern_config_values(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_modern_config_values(v) for v in value]
    return value


def _modern_object_config(serialized):
    import importlib
    import inspect

    config = dict(serialized.get("config") or {})
    if serialized["class_name"] in ("L1L2Regularizer", "WeightRegularizer", "ActivityRegularizer"):
        modern = keras.regularizers.L1L2(l1=float(config.get("l1", 0.0)), l2=float(config.get("l2", 0.0)))
        return keras.saving.serialize_keras_object(modern)
    constraints = {
        "MaxNorm": lambda c: keras.constraints.MaxNorm(max_value=c.get("m", 2), axis=c.get("axis", 0)),
        "UnitNorm": lambda c: keras.constraints.UnitNorm(axis=c.get("axis", 0)),
        "NonNeg": lambda c: keras.constraints.NonNeg(),
        "MinMaxNorm": lambda c: keras.constraints.MinMaxNorm(min_value=c.get("low", 0.0), max_value=c.get("high", 1.0),
                                                           rate=c.get("rate", 1.0), axis=c.get("axis", 0)),
    }
    if serialized["class_name"] in constraints:
        return keras.saving.serialize_keras_object(constraints[serialized["class_name"]](config))
    cls = getattr(importlib.import_module(serialized["module"]), serialized["class_name"])
    abstract = (keras.regularizers.Regularizer, keras.constraints.Constraint, keras.initializers.Initializer)
    base = next((c for c in cls.__mro__ if c.__module__.startswith("keras.") and c not in abstract), None)
    if base is None:
        raise ConversionError(f"{serialized['class_name']} (from {serialized['module']}) has no Keras 3 equivalent.")
    params = inspect.signature(base.__init__).parameters
    modern = base(**{k: v for k, v in config.items() if k in params})
    return keras.saving.serialize_keras_object(modern)


def _is_graph(model) -> bool:
    return hasattr(model, "input_order") and hasattr(model, "output_order") and not isinstance(model, keras.Model)


def to_keras3(model, report: ConversionReport | None = None):
    """A plain Keras 3 model equivalent to a live legacy model (see the module docstring)."""
    report = report or ConversionReport("<model>", "<model>")
    if _is_graph(model):
        report.rewritten.append(f"Graph: a functional Model with inputs {list(model.input_order)} and outputs "
                                f"{list(model.output_order)}, in that order (Keras 3 takes lists, not dicts)")
        model = model.model

    def clone(layer):
        if hdf5_weights.is_container(layer) and type(layer).__name__ != "Merge":
            return to_keras3(layer, report)
        try:
            twin, note = keras3_twin(layer)
        except Exception as exc:  # noqa: BLE001 - no Keras 3 spelling for some part of its config
            twin, note = None, f"no Keras 3 equivalent for its config ({type(exc).__name__}: {str(exc)[:120]})"
        if note == "plain":
            return layer.__class__.from_config(layer.get_config())
        why = note if twin is None else None
        if twin is not None:
            try:
                _copy_weights(layer, twin)
                why = _differs(layer, twin)
            except Exception as exc:  # noqa: BLE001 - weights that do not fit: no twin
                why = f"its weights do not fit the Keras 3 layer ({type(exc).__name__}: {exc})"
        if twin is None or why:
            report.needs_legacykeras.append(f"{layer.name} ({type(layer).__name__})" + (f": {why}" if why else ""))
            return layer  # kept as is: a legacykeras layer, serialized by its own config
        if note:
            report.rewritten.append(note)
        return twin

    try:
        if isinstance(model, keras.Sequential):
            layers = list(model.layers)
            if layers and type(layers[0]).__name__ == "Merge" and hdf5_weights.is_container(layers[0]):
                merge = layers.pop(0)
                inputs, branches = [], []
                for branch in merge.layers:
                    branch_model = to_keras3(branch, report)
                    tensor = keras.Input(batch_shape=tuple(branch.inputs[0].shape), dtype=branch.inputs[0].dtype)
                    inputs.append(tensor)
                    branches.append(branch_model(tensor))
                twin, note = _merge_twin(merge, merge.name)
                if twin is None:
                    raise ConversionError(f"Merge layer {merge.name!r}: its mode has no Keras 3 layer.")
                report.rewritten.append(f"{merge.name}: {note}, its Sequential branches as a functional model")
                x = twin(branches)
                for layer in layers:
                    x = clone(layer)(x)
                modern = keras.Model(inputs, x, name=model.name)
            else:
                source_input = model.inputs[0]
                modern = keras.Sequential(
                    [keras.Input(batch_shape=tuple(source_input.shape), dtype=source_input.dtype)]
                    + [clone(layer) for layer in layers], name=model.name)
        else:
            cloned = keras.models.clone_model(model, clone_function=clone)
            # clone_model keeps the legacy Model class; the same graph as a plain Functional model:
            modern = keras.Model(cloned.inputs, cloned.outputs, name=model.name)
    except ConversionError:
        raise
    except Exception as exc:
        raise ConversionError(f"the model graph could not be rebuilt with Keras 3 layers: {type(exc).__name__}: {exc}") from exc
    return modern


def convert(source, target, *, weights=None, source_backend=None, custom_objects=None, safe_mode: bool = True,
            verify: bool = False) -> ConversionReport:
    """Convert a Keras 1 / 0.x model file (and its weights) to a native Keras 3 `.keras` file."""
    source, target = os.fspath(source), os.fspath(target)
    if not target.endswith(".keras"):
        raise ValueError(f"The target must be a `.keras` file, received: {target!r}.")
    _, kind = read_model_config(source)
    model = load_model(source, custom_objects=custom_objects, compile=False, source_backend=source_backend,
                       safe_mode=safe_mode, weights=weights)
    report = ConversionReport(source, target)
    modern = to_keras3(model, report)
    modern.save(target)
    if verify and report.plain_keras:
        report.max_abs_diff = verify_in_subprocess(model.model if _is_graph(model) else model, target)
    return report


def legacy_custom_objects() -> dict:
    """Every legacykeras layer class by name, for reading .keras files that keep legacy layers."""
    import importlib

    objects = {}
    for module_name in ("legacykeras.layers", "legacykeras.engine.topology"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        objects.update({name: cls for name, cls in vars(module).items()
                        if isinstance(cls, type) and issubclass(cls, keras.layers.Layer)})
    return objects


def load_keras(path, custom_objects=None, **kwargs):
    """`keras.saving.load_model` for a converted file that still holds legacykeras layers."""
    return keras.saving.load_model(os.fspath(path), custom_objects={**legacy_custom_objects(), **(custom_objects or {})},
                                   **kwargs)


def sample_inputs(model, batch: int = 2, seed: int = 0):
    rng = np.random.RandomState(seed)
    inputs = model.inputs if isinstance(model.inputs, list) else [model.inputs]
    arrays = []
    for tensor in inputs:
        shape = tuple(batch if i == 0 else (d or 4) for i, d in enumerate(tensor.shape))
        if "int" in str(tensor.dtype):
            arrays.append(rng.randint(0, 3, shape).astype(str(tensor.dtype)))
        else:
            arrays.append(rng.uniform(-1, 1, shape).astype("float32"))
    return arrays


_VERIFY = r"""
import sys, numpy as np
sys.modules["legacykeras"] = None  # any attempt to import legacykeras fails loudly
import keras
model = keras.saving.load_model(sys.argv[1])
data = np.load(sys.argv[2])
xs = [data[k] for k in sorted(data.files)]
out = model.predict(xs[0] if len(xs) == 1 else xs, verbose=0)
outs = out if isinstance(out, (list, tuple)) else [out]
np.savez(sys.argv[3], *[np.asarray(o) for o in outs])
"""


def verify_in_subprocess(legacy_model, target, timeout: float = 300) -> float:
    """Load `target` with plain Keras 3 in a fresh Python (legacykeras blocked); max |difference|."""
    xs = sample_inputs(legacy_model)
    expected = legacy_model.predict(xs[0] if len(xs) == 1 else xs, verbose=0)
    expected = expected if isinstance(expected, (list, tuple)) else [expected]
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "in.npz"), os.path.join(tmp, "out.npz")
        np.savez(inp, **{f"x{i:03d}": x for i, x in enumerate(xs)})
        env = dict(os.environ)
        result = subprocess.run([sys.executable, "-c", _VERIFY, target, inp, out], capture_output=True, text=True,
                                timeout=timeout, env=env, cwd=tmp)
        if result.returncode != 0:
            raise ConversionError(f"plain Keras 3 could not load or run {target}:\n{result.stderr[-2000:]}")
        got = np.load(out)
        got = [got[k] for k in sorted(got.files, key=lambda k: int(k.split("_")[1]))]
    return max(float(np.max(np.abs(np.asarray(a) - np.asarray(b)))) for a, b in zip(expected, got))


__all__ = ["convert", "load_keras", "legacy_custom_objects", "to_keras3", "keras3_twin", "ConversionReport", "ConversionError", "verify_in_subprocess",
           "sample_inputs", "json"]
