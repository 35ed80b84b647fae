"""Keras 1 and Keras 0.x HDF5 weight layouts, read and written.

Layouts read:

- Keras 1 (`Container.save_weights_to_hdf5_group`): root attribute
  `layer_names`; one group per layer named after it, with attribute
  `weight_names`; datasets in that group, in `weight_names` order. A
  `model.save` file holds the same layout under `model_weights`.
- Keras 0.x Sequential: root attribute `nb_layers`; groups `layer_{k}` with
  attribute `nb_params` and datasets `param_{p}`, one group per layer
  (weightless layers included; a `Merge` of Sequentials holds all its
  branches' arrays).
- Keras 0.x Graph: one group `graph` with `nb_params` and `param_{p}`, the
  arrays of all nodes flattened in node order.

Each layer receives its arrays in the Keras 1 layout through its
`set_weights`, which converts them with the layer's rules-table
`WeightLayout` (legacykeras.rules.weights). What only the file knows is
handled here: which layer gets which arrays, and flipping convolution
kernels that Theano trained (see `resolve_source_backend`).

Arrays are read one layer at a time, straight from the file into the layer,
so loading needs little more memory than the model itself (see
benchmarks/bench_loader.py).
"""

from __future__ import annotations

import dataclasses
import os

import h5py
import numpy as np

from legacykeras import warnings as lk_warnings
from legacykeras.io.config_json import decode_attr, decode_names


class WeightFileError(ValueError):
    """A weight file that is missing, not HDF5, not Keras 1, or does not fit the model."""


# --- writing (Keras 1 layout) ---------------------------------------------------------------

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


# --- reading ----------------------------------------------------------------------------------

@dataclasses.dataclass
class SavedLayer:
    """One layer's entry in a weight file; `datasets` are read only when assigned."""

    name: str
    weight_names: list[str]
    datasets: list

    def arrays(self) -> list[np.ndarray]:
        return [d[()] if isinstance(d, h5py.Dataset) else np.asarray(d) for d in self.datasets]

    def shapes(self) -> list[tuple]:
        return [tuple(d.shape) for d in self.datasets]


@dataclasses.dataclass
class SavedWeights:
    """The weights of a file, whatever its layout.

    `kind`: 'keras1' (per-layer groups), 'keras0' (`layer_k/param_p`, one entry
    per layer, weightless layers included) or 'keras0-graph' (one flat entry).
    """

    kind: str
    layers: list[SavedLayer]
    where: str

    def weighted(self) -> list[SavedLayer]:
        return [s for s in self.layers if s.datasets]


def open_h5(filepath: str) -> h5py.File:
    filepath = os.fspath(filepath)
    if not os.path.exists(filepath):
        raise FileNotFoundError(f"No such file: {filepath}")
    try:
        return h5py.File(filepath, "r")
    except OSError as exc:
        size = os.path.getsize(filepath)
        with open(filepath, "rb") as raw:
            head = raw.read(8)
        if head == b"\x89HDF\r\n\x1a\n":
            why = f"it starts like HDF5 but cannot be opened (truncated or damaged? {size} bytes): {exc}"
        else:
            why = f"it is not an HDF5 file (first bytes {head!r})"
        raise WeightFileError(f"{filepath}: {why}.") from None


def open_weights_group(f):
    """The group holding the weights: the root, or `model_weights` of a model.save file."""
    for group in (f, f.get("model_weights")):
        if group is None or not isinstance(group, h5py.Group):
            continue
        if "layer_names" in group.attrs or "nb_layers" in group.attrs or _is_graph_group(group):
            return group
    raise WeightFileError(
        f"{f.file.filename}: no Keras weights found (no `layer_names` attribute at the root or in "
        f"`model_weights`, no Keras 0.x `nb_layers` or `graph` group; top-level keys: "
        f"{sorted(f.keys())[:8]}). Is this a Keras weight file?"
    )


def _is_graph_group(group) -> bool:
    return "graph" in group and isinstance(group["graph"], h5py.Group) and "nb_params" in group["graph"].attrs


def read_saved_weights(group) -> SavedWeights:
    """The weight entries of a Keras 1 / 0.x weights group (see the module docstring)."""
    where = group.file.filename + ("" if group.name == "/" else group.name)
    try:
        if "layer_names" in group.attrs:
            return SavedWeights("keras1", _read_keras1(group, where), where)
        if "nb_layers" in group.attrs:
            return SavedWeights("keras0", _read_keras0(group, where), where)
        if _is_graph_group(group):
            return SavedWeights("keras0-graph", [_read_params(group["graph"], "graph", where)], where)
    except KeyError as exc:
        raise WeightFileError(f"{where}: the file is incomplete: {exc}") from None
    raise WeightFileError(f"{where}: not a Keras weights group.")


def _read_keras1(group, where):
    out = []
    for name in decode_names(group.attrs["layer_names"]):
        if name not in group:
            raise WeightFileError(f"{where}: layer {name!r} is listed in `layer_names` but has no group.")
        layer_group = group[name]
        weight_names = decode_names(layer_group.attrs.get("weight_names", []))
        datasets = []
        for weight in weight_names:
            if weight not in layer_group:
                raise WeightFileError(f"{where}: layer {name!r} lists weight {weight!r}, which is missing.")
            datasets.append(layer_group[weight])
        out.append(SavedLayer(name, weight_names, datasets))
    return out


def _read_keras0(group, where):
    count = int(decode_attr(group.attrs["nb_layers"]))
    return [_read_params(group.get(f"layer_{k}"), f"layer_{k}", where) for k in range(count)]


def _read_params(layer_group, name, where):
    if layer_group is None:
        raise WeightFileError(f"{where}: group {name!r} is missing (the file says it has more layers).")
    count = int(decode_attr(layer_group.attrs.get("nb_params", 0)))
    names = [f"param_{p}" for p in range(count)]
    missing = [n for n in names if n not in layer_group]
    if missing:
        raise WeightFileError(f"{where}: {name} lacks {missing[0]} (nb_params={count}).")
    return SavedLayer(name, names, [layer_group[n] for n in names])


# --- which live layers hold weights ---------------------------------------------------------------

def is_container(layer) -> bool:
    """A model used as a layer, or a layer (Keras 1 `Merge`) holding whole models."""
    sub = getattr(layer, "layers", None)
    return isinstance(sub, (list, tuple)) and bool(sub) and getattr(layer, "legacy_layout", None) is None


def flattened_layers(model) -> list:
    """Layers in the order Keras 1 saved them (`flattened_layers` for a Sequential)."""
    if hasattr(model, "flattened_layers"):
        return list(model.flattened_layers)
    if isinstance(model, (list, tuple)):
        return [layer for layer in model if type(layer).__name__ != "InputLayer"]
    layers = [layer for layer in model.layers if type(layer).__name__ != "InputLayer"]
    out: list = []
    # Keras 1 Sequential: a leading Merge of models contributes its branches' layers.
    if layers and type(layers[0]).__name__ == "Merge" and is_container(layers[0]):
        for branch in layers[0].layers:
            for layer in flattened_layers(branch) if hasattr(branch, "layers") else [branch]:
                if layer not in out:
                    out.append(layer)
    for layer in layers:
        if layer not in out:
            out.append(layer)
    return out


def expected_count(layer) -> int:
    """How many arrays the layer takes in the Keras 1 layout."""
    if is_container(layer):
        return sum(expected_count(sub) for sub in _sublayers(layer))
    names = getattr(layer, "legacy_weight_names", None)
    if names is not None and getattr(layer, "legacy_layout", None) is not None:
        return len(names())
    return len(layer.weights)


def _sublayers(layer) -> list:
    nodes = getattr(layer, "nodes", None)
    if isinstance(nodes, dict) and nodes:  # Keras 0.x Graph: node order
        return list(nodes.values())
    return flattened_layers(layer)


def has_weights(layer) -> bool:
    return bool(layer.weights)


# --- the Theano kernel flip -------------------------------------------------------------------------

# Keras 1.2.2 `convert_all_kernels_in_model` (utils/layer_utils.py) flips these;
# AtrousConvolution1D runs through the same Theano conv2d. SeparableConvolution2D
# never ran on Theano.
THEANO_FLIPPED = {"Convolution1D", "Convolution2D", "Convolution3D", "AtrousConvolution1D",
                  "AtrousConvolution2D", "Deconvolution2D", "ConvLSTM2D"}

SOURCE_BACKENDS = ("theano", "tensorflow")


def conv_layers(model) -> list:
    found = []
    for layer in flattened_layers(model) if hasattr(model, "layers") or isinstance(model, (list, tuple)) else [model]:
        inner = getattr(layer, "layer", None)
        if type(layer).__name__ in THEANO_FLIPPED:
            found.append(layer)
        elif inner is not None and type(inner).__name__ in THEANO_FLIPPED:
            found.append(inner)
        elif is_container(layer):
            found.extend(conv_layers(layer))
    return found


def _dim_ordering(layer) -> str:
    if type(layer).__name__ in ("Convolution1D", "AtrousConvolution1D"):
        return "tf"  # Keras 1 stored 1D kernels as (length, 1, input_dim, nb_filter)
    config = layer.legacy_config() if hasattr(layer, "legacy_config") else {}
    ordering = config.get("dim_ordering")
    if ordering in ("th", "tf"):
        return ordering
    return "th" if getattr(layer, "data_format", "channels_last") == "channels_first" else "tf"


def resolve_source_backend(source_backend, model, where: str = "") -> str:
    """Which backend trained the file's convolution kernels.

    Keras 1 weight files do not record it. `None` (the default) guesses from
    the convolutions' `dim_ordering`: 'th' files come from Theano and 'tf'
    files from TensorFlow, because Keras 1 paired the two in keras.json
    (`"backend": "theano"` with `"image_dim_ordering": "th"` was the 1.0/1.1
    default, TensorFlow with 'tf' the 1.2 one). A wrong guess gives plausible
    but wrong predictions, so the guess is announced with a warning whenever
    the model has convolution kernels; pass `source_backend='theano'` or
    `'tensorflow'` to say what you know.
    """
    if source_backend is not None:
        if source_backend not in SOURCE_BACKENDS:
            raise ValueError(f"`source_backend` must be 'theano' or 'tensorflow' (or None to guess), "
                             f"received: source_backend={source_backend!r}.")
        return source_backend
    convs = conv_layers(model)
    if not convs:
        return "tensorflow"
    orderings = {_dim_ordering(layer) for layer in convs if type(layer).__name__ not in ("Convolution1D", "AtrousConvolution1D")}
    guess = "theano" if orderings == {"th"} else "tensorflow"
    lk_warnings.warn_legacy(
        "LK-IO-BACKEND",
        f"{where or 'weights'}: Keras 1 files do not record which backend trained them; the convolution "
        f"kernels are read as {guess}-trained (guessed from dim_ordering {sorted(orderings) or ['tf']}). "
        f"Pass source_backend='theano' or 'tensorflow' to say which: Theano kernels are flipped, and "
        f"the wrong choice gives plausible but wrong predictions.",
    )
    return guess


def flip_kernel(kernel: np.ndarray, dim_ordering: str) -> np.ndarray:
    """Keras 1 `convert_kernel`: flip the spatial axes (Theano convolves, TensorFlow correlates)."""
    kernel = np.asarray(kernel)
    slices = [slice(None, None, -1)] * kernel.ndim
    if dim_ordering == "th":  # (out, in, *spatial)
        slices[:2] = [slice(None)] * 2
    else:  # (*spatial, in, out)
        slices[-2:] = [slice(None)] * 2
    return kernel[tuple(slices)]  # a view: the one copy happens when the variable is assigned


def use_theano_padding(model) -> None:
    """Theano-trained weights learned with Theano's 'same' padding of convolutions and poolings
    (see legacykeras.runtime.layers.full_border / theano_pooling): switch every such layer to it."""
    for layer in getattr(model, "layers", None) or ():
        if hasattr(layer, "use_theano_padding"):
            layer.use_theano_padding()
        inner = getattr(layer, "layer", None)
        if inner is not None and hasattr(inner, "use_theano_padding"):
            inner.use_theano_padding()
        if getattr(layer, "layers", None):
            use_theano_padding(layer)


# --- assigning -----------------------------------------------------------------------------------

def _generic_set_weights(layer) -> bool:
    from legacykeras.runtime.layer import LegacyLayerMixin

    return getattr(type(layer), "set_weights", None) is LegacyLayerMixin.set_weights


def assign(layer, arrays: list, *, source_backend: str, where: str, saved_name: str, names=None) -> None:
    """Give `layer` its Keras 1 arrays; containers spread them over their layers."""
    if is_container(layer):
        _assign_container(layer, arrays, source_backend=source_backend, where=where, saved_name=saved_name,
                          names=names)
        return
    arrays = [_read_aligned(a) if isinstance(a, h5py.Dataset) else a for a in arrays]
    if source_backend == "theano" and arrays:
        target = getattr(layer, "layer", None) if type(layer).__name__ not in THEANO_FLIPPED else layer
        if target is not None and type(target).__name__ in THEANO_FLIPPED:
            ordering = _dim_ordering(target)
            if type(target).__name__ == "ConvLSTM2D":
                # Every input and recurrent kernel went through Theano's conv2d (not in Keras 1's
                # convert_all_kernels_in_model, but the layer convolves all the same).
                arrays = [flip_kernel(a, ordering) if np.ndim(a) >= 4 else a for a in arrays]
            elif np.ndim(arrays[0]) >= 3:
                arrays = [flip_kernel(arrays[0], ordering), *arrays[1:]]
    try:
        _set_layer_weights(layer, arrays)
    except (ValueError, TypeError, IndexError) as exc:
        shapes = [tuple(np.shape(a)) for a in arrays]
        raise WeightFileError(
            f"{where}: saved layer {saved_name!r} ({len(arrays)} arrays, shapes {shapes}) does not fit "
            f"model layer {layer.name!r} ({type(layer).__name__}): {exc}"
        ) from None


def _set_layer_weights(layer, arrays) -> None:
    """`layer.set_weights(arrays)` (Keras 1 layout), without the extra copies of large arrays.

    For layers that keep the generic Keras 1 `set_weights` (rules-table layers), this converts with
    the row's WeightLayout, checks shapes against the variables, and hands each array to its variable
    without TensorFlow's constant copy (see `_assign_variable`): loading then needs about one layer's
    arrays on top of the model (benchmarks/bench_loader.py). Other layers use their own set_weights.
    """
    if not _generic_set_weights(layer):
        layer.set_weights(arrays)
        return
    layer._ensure_built()
    layout = layer.legacy_layout
    modern = layout.to_modern(list(arrays), layer.legacy_config()) if layout else list(arrays)
    variables = list(layer.weights)
    if len(modern) != len(variables):
        raise ValueError(f"Layer {layer.name!r} ({type(layer).__name__}) expects {len(variables)} weight arrays "
                         f"in the Keras 1 layout, but received {len(arrays)}.")
    for array, variable in zip(modern, variables):
        if tuple(np.shape(array)) != tuple(variable.shape):
            raise ValueError(f"Layer {layer.name!r} ({type(layer).__name__}): a weight of shape "
                             f"{tuple(np.shape(array))} does not fit the expected shape {tuple(variable.shape)} "
                             "(Keras 3 layout).")
    for array, variable in zip(modern, variables):
        _assign_variable(variable, array)


_ZERO_COPY_MIN_BYTES = 1 << 20
# TensorFlow's CPU kernels (Eigen, oneDNN) assume 64-byte aligned buffers; NumPy only promises 16.
_ALIGN = 64


def _aligned_empty(shape, dtype) -> np.ndarray:
    dtype = np.dtype(dtype)
    nbytes = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    raw = np.empty(nbytes + _ALIGN, np.uint8)
    start = (-raw.ctypes.data) % _ALIGN
    return raw[start:start + nbytes].view(dtype).reshape(shape)


def _read_aligned(dataset) -> np.ndarray:
    """A dataset read straight into 64-byte aligned memory (so TensorFlow may adopt it)."""
    if dataset.dtype.kind not in "fiu" or dataset.shape == () or dataset.size * dataset.dtype.itemsize < _ZERO_COPY_MIN_BYTES:
        return dataset[()]
    out = _aligned_empty(dataset.shape, dataset.dtype)
    dataset.read_direct(out)
    return out


def _assign_variable(variable, array) -> None:
    """Give `array` to `variable` without copying it when it is large.

    Large arrays reach TensorFlow through DLPack, and TensorFlow's assign then adopts the buffer
    instead of copying it: the arrays passed here are the loader's own (read from the file for this
    assignment, referenced nowhere else), so the variable may own their memory from now on.
    """
    array = np.asarray(array)
    dtype = np.dtype(str(variable.dtype))
    if array.nbytes >= _ZERO_COPY_MIN_BYTES and (
            array.dtype != dtype or not array.flags.c_contiguous or array.ctypes.data % _ALIGN):
        # A transposed kernel, another dtype, or unaligned memory: one copy here instead of in TensorFlow.
        aligned = _aligned_empty(array.shape, dtype)
        np.copyto(aligned, array, casting="unsafe")
        array = aligned
    elif array.dtype != dtype:
        array = array.astype(dtype)
    if (array.nbytes >= _ZERO_COPY_MIN_BYTES and array.flags.c_contiguous and array.flags.writeable
            and array.ctypes.data % _ALIGN == 0):
        try:
            import tensorflow as tf

            variable.assign(tf.experimental.dlpack.from_dlpack(array.__dlpack__()))
            return
        except Exception:  # noqa: BLE001 - any DLPack limitation: fall back to the ordinary copy
            pass
    variable.assign(array)


def _assign_container(layer, arrays, *, source_backend, where, saved_name, names=None):
    subs = [s for s in _sublayers(layer) if expected_count(s)]
    total = sum(expected_count(s) for s in subs)
    if total != len(arrays):
        raise WeightFileError(
            f"{where}: saved layer {saved_name!r} holds {len(arrays)} arrays, but model layer "
            f"{layer.name!r} ({type(layer).__name__}) has {total} weights in its layers "
            f"{[s.name for s in subs]}."
        )
    for sub, part in zip(subs, _split_container(subs, arrays, names)):
        assign(sub, part, source_backend=source_backend, where=where, saved_name=f"{saved_name}/{sub.name}")


def _split_container(subs, arrays, names):
    """Arrays of a nested model, per sublayer.

    Keras 1 saved a nested model's `weights`: all trainable weights, then all non-trainable ones
    (BatchNormalization's running statistics come last). Weight names (`dense_1_W:0`) say which
    layer owns an array; without usable names, the trainable-first order is undone by counts.
    """
    by_name = _split_by_names(subs, arrays, names) if names else None
    if by_name is not None:
        return by_name
    counts = []
    for sub in subs:
        n = expected_count(sub)
        frozen = n if not sub.trainable else min(n, len(getattr(sub, "non_trainable_weights", []) or []))
        if is_container(sub):
            frozen = 0
        counts.append((n - frozen, frozen))
    parts, start = [], 0
    for trainable, _ in counts:
        parts.append(list(arrays[start:start + trainable]))
        start += trainable
    for part, (_, frozen) in zip(parts, counts):
        part.extend(arrays[start:start + frozen])
        start += frozen
    return parts


def _split_by_names(subs, arrays, names):
    owners = []
    for name in names:
        stem = name.split(":")[0]
        candidates = [i for i, sub in enumerate(subs) if stem.startswith(sub.name + "_")]
        if not candidates:
            return None
        owners.append(max(candidates, key=lambda i: len(subs[i].name)))
    parts = [[] for _ in subs]
    for owner, array in zip(owners, arrays):
        parts[owner].append(array)
    if any(len(part) != expected_count(sub) for part, sub in zip(parts, subs)):
        return None
    return parts


def load_weights_from_group(model, group, *, by_name: bool = False, source_backend=None) -> None:
    """Set the weights of `model` (a model or a list of layers) from a Keras 1 / 0.x group."""
    saved = read_saved_weights(group)
    where = saved.where
    backend = resolve_source_backend(source_backend, model, where)
    if backend == "theano":
        use_theano_padding(model)
    layers = flattened_layers(model)

    if saved.kind == "keras0-graph":
        if by_name:
            raise WeightFileError(f"{where}: a Keras 0.x Graph weight file has no layer names; load it with by_name=False.")
        entry = saved.layers[0]
        graph_layers = _sublayers(model) if not isinstance(model, (list, tuple)) else layers
        _spread(graph_layers, entry.datasets, backend, where, entry.name)
        return

    if saved.kind == "keras0":
        if by_name:
            raise WeightFileError(f"{where}: the Keras 0.x weight layout (`layer_k/param_p`) has no layer names; "
                                  "load it with by_name=False.")
        top = [layer for layer in (model if isinstance(model, (list, tuple)) else model.layers)
               if type(layer).__name__ != "InputLayer"]
        if len(top) != len(saved.layers):
            raise WeightFileError(
                f"{where}: the file holds {len(saved.layers)} layers (Keras 0.x counts weightless ones too), "
                f"but the model has {len(top)}: {[layer.name for layer in top]}."
            )
        for layer, entry in zip(top, saved.layers):
            if entry.datasets or expected_count(layer):
                assign(layer, entry.datasets, source_backend=backend, where=where, saved_name=entry.name)
        return

    if by_name:
        index: dict[str, list] = {}
        for layer in layers:
            index.setdefault(layer.name, []).append(layer)
        for entry in saved.layers:
            for layer in index.get(entry.name, []):
                if entry.datasets:
                    assign(layer, entry.datasets, source_backend=backend, where=where, saved_name=entry.name,
                           names=entry.weight_names)
        return

    entries = saved.weighted()
    targets = [layer for layer in layers if expected_count(layer)]
    names = [layer.name for layer in targets]
    if sorted(names) == sorted(e.name for e in entries) and len(set(names)) == len(names):
        # Same names (a model rebuilt from the file's own config): pair by name, which does not
        # depend on how Keras 3 orders layers of equal depth.
        by_layer = {layer.name: layer for layer in targets}
        pairs = [(by_layer[e.name], e) for e in entries]
    else:
        if len(entries) != len(targets):
            raise WeightFileError(
                f"{where}: the file holds weights for {len(entries)} layers "
                f"({', '.join(e.name for e in entries)}), but the model has {len(targets)} layers with "
                f"weights ({', '.join(names)})."
            )
        pairs = list(zip(targets, entries))
    for layer, entry in pairs:
        assign(layer, entry.datasets, source_backend=backend, where=where, saved_name=entry.name,
               names=entry.weight_names)


def _spread(layers, datasets, backend, where, saved_name):
    subs = [layer for layer in layers if expected_count(layer)]
    total = sum(expected_count(layer) for layer in subs)
    if total != len(datasets):
        raise WeightFileError(f"{where}: {saved_name} holds {len(datasets)} arrays, but the model's layers "
                              f"take {total} ({[layer.name for layer in subs]}).")
    start = 0
    for layer in subs:
        n = expected_count(layer)
        assign(layer, datasets[start:start + n], source_backend=backend, where=where, saved_name=f"{saved_name}[{layer.name}]")
        start += n


def load_weights(model, filepath, by_name: bool = False, source_backend=None) -> None:
    """Set the weights of `model` (a model, or a list of its layers) from a Keras 1 / 0.x HDF5 file."""
    with open_h5(os.fspath(filepath)) as f:
        load_weights_from_group(model, open_weights_group(f), by_name=by_name, source_backend=source_backend)


# Kept for callers of the first slice.
def read_weights_group(group) -> list[tuple[str, list[np.ndarray]]]:
    """[(layer name, [arrays in weight_names order])] for every layer in the file."""
    return [(entry.name, entry.arrays()) for entry in read_saved_weights(group).layers]
