"""The non-recurrent layer rows against the Keras 1.2.2 API spec and the live facades."""

from __future__ import annotations

import importlib

import pytest

from legacykeras.rules import weights
from legacykeras.rules.layers import (advanced_activations, convolutional, core, embeddings, local, noise,
                                      normalization, pooling)
from testlib import load_spec

MODULES = (core, convolutional, pooling, normalization, embeddings, advanced_activations, noise, local)
ROWS = [row for module in MODULES for row in module.RULES]


def _parameters(signature: str) -> list[str]:
    names, depth, token = [], 0, ""
    for ch in signature.strip()[1:-1] + ",":
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            name = token.strip().split("=")[0].strip()
            if name and not name.startswith("*"):
                names.append(name)
            token = ""
        else:
            token += ch
    return names


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.old_name)
def test_positional_order_is_the_1_2_2_signature(row):
    spec = load_spec()
    module, _, name = row.old.rpartition(".")
    entry = spec[module][name]
    assert row.positional == tuple(_parameters(entry["signature"])), entry["signature"]
    for alias in row.aliases:
        module, _, name = alias.rpartition(".")
        assert spec[module][name]["signature"] == entry["signature"]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.old_name)
def test_config_keys_are_keras1_arguments(row):
    for key in row.config:
        assert key in row.positional or key in ("input_dim", "input_length"), key
    assert "weights" not in row.config


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.old_name)
def test_row_has_a_live_class_in_its_keras1_module(row):
    module, _, name = row.old.rpartition(".")
    facade = importlib.import_module(module.replace("keras.", "legacykeras.", 1))
    cls = getattr(facade, name)
    assert cls.__name__ == name
    assert getattr(importlib.import_module("legacykeras.layers"), name) is cls
    for alias in row.aliases:
        alias_module, _, alias_name = alias.rpartition(".")
        assert getattr(importlib.import_module(alias_module.replace("keras.", "legacykeras.", 1)), alias_name) is cls
    if row.weights is not None:
        assert weights.get(row.weights) is not None


def test_every_keras1_layer_outside_recurrent_has_a_row():
    spec = load_spec()
    covered = {row.old for row in ROWS} | {alias for row in ROWS for alias in row.aliases}
    for module in ("core", "convolutional", "pooling", "normalization", "embeddings", "advanced_activations",
                   "noise", "local"):
        qualified = f"keras.layers.{module}"
        for name, entry in spec[qualified].items():
            if entry.get("kind") != "class" or not entry.get("defined_in", "").startswith("keras.layers"):
                continue
            assert f"{qualified}.{name}" in covered, f"{qualified}.{name} has no row"
