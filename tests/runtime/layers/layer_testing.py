"""Shared helpers for the layer tests: the parity cases made by fixtures/make/layers_parity.py.

Each case is one line of Keras 1 source run by the real Keras 1.2.2 (with seeded
random weights) and stored with its input, output, Keras 1 weights and config.
`run_case` evaluates the same line with legacykeras and returns what to compare.
"""

from __future__ import annotations

import contextlib
import json
import pathlib

import numpy as np

from testlib import FIXTURES

THEANO_FLIPPED = {"Convolution1D", "AtrousConvolution1D", "Convolution2D", "AtrousConvolution2D",
                  "Convolution3D", "Deconvolution2D"}


def parity_cases() -> list[pathlib.Path]:
    """Single-layer cases (the parity_train_* ones are training steps)."""
    return sorted(p.parent for p in FIXTURES.glob("*-*/parity_*/meta.json")
                  if not p.parent.name.startswith("parity_train_"))


def training_cases() -> list[pathlib.Path]:
    return sorted(p.parent for p in FIXTURES.glob("*-*/parity_train_*/meta.json"))


def case_id(path: pathlib.Path) -> str:
    return f"{path.parent.name}/{path.name[len('parity_'):]}"


@contextlib.contextmanager
def dim_ordering(ordering: str):
    """Keras 1's keras.json `image_dim_ordering`, for the duration of a block."""
    from legacykeras import config

    saved = config._overrides.get("image_dim_ordering")
    config.set_image_dim_ordering(ordering)
    try:
        yield
    finally:
        if saved is None:
            config._overrides.pop("image_dim_ordering", None)
        else:
            config._overrides["image_dim_ordering"] = saved


def namespace() -> dict:
    """What the fixture script's `src` lines see: Keras 1's layers, regularizers, constraints."""
    from legacykeras import constraints, layers, regularizers

    ns = {}
    for module in (regularizers, constraints, layers):
        ns.update({name: getattr(module, name) for name in dir(module) if not name.startswith("_")})
    return ns


def load_case(path: pathlib.Path) -> dict:
    meta = json.loads((path / "meta.json").read_text())
    weights = np.load(path / "layer_weights.npz")
    return {
        "meta": meta,
        "input": np.load(path / "input.npy"),
        "output": np.load(path / "output.npy"),
        "weights": [weights[f"arr_{i}"] for i in range(len(weights.files))],
        "config": json.loads((path / "config.json").read_text()),
    }


def flip_theano_kernel(arrays, class_name, ordering):
    """Keras 1 `convert_kernel` on the first (kernel) array, for Theano-made fixtures."""
    from legacykeras.io.hdf5_weights import flip_kernel

    if class_name not in THEANO_FLIPPED or not arrays:
        return arrays
    kernel_ordering = "tf" if "1D" in class_name else ordering
    return [flip_kernel(arrays[0], kernel_ordering), *arrays[1:]]


def build_layer(src: str, ordering: str):
    with dim_ordering(ordering):
        return eval(src, namespace())  # noqa: S307  (the fixture's own Keras 1 line)


def run_case(path: pathlib.Path) -> dict:
    """Build the case's layer with legacykeras, give it the Keras 1 weights, run the input."""
    from legacykeras.models import Sequential

    case = load_case(path)
    meta = case["meta"]
    ordering = meta["dim_ordering"]
    with dim_ordering(ordering):
        layer = build_layer(meta["src"], ordering)
        model = Sequential([layer])
        weights = case["weights"]
        if meta["backend"] == "theano":
            weights = flip_theano_kernel(weights, case["config"]["class_name"], ordering)
            if hasattr(layer, "use_theano_padding"):
                layer.use_theano_padding()
        layer.set_weights(weights)
        # Eager: the same Keras 3 computation as predict, without tracing a function per case.
        output = np.asarray(model(case["input"], training=False))
    return {"case": case, "layer": layer, "model": model, "output": output}


def normalize_config(config):
    """JSON form (tuples as lists), floats rounded to float32 precision."""
    def walk(value):
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [walk(v) for v in value]
        if isinstance(value, float):
            return float(np.float32(value))
        return value

    return walk(json.loads(json.dumps(config)))


# Keras 1's Lambda config holds CPython 3.6 bytecode: compared by kind, not by bytes.
BYTECODE_KEYS = {"function", "output_shape"}


def comparable_config(config: dict, class_name: str) -> dict:
    config = normalize_config(config)
    config.pop("name", None)
    if class_name == "Lambda":
        for key in BYTECODE_KEYS:
            if config.get(f"{key}_type") == "lambda":
                config[key] = "<bytecode>"
    return config
