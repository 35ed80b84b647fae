"""Every non-recurrent Keras 1.2.2 layer against the real Keras 1.2.2 (fixtures/*/parity_*).

For each case: the same Keras 1 source line, the Keras 1 weights set through
`set_weights` in the Keras 1 layout (Theano kernels flipped first), the same
input (Theano cases also with Theano's 'same' padding, `use_theano_padding()`); the
output must match within 1e-5, and `get_config()`, `get_weights()`
shapes and `output_shape` must be Keras 1's.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.runtime.layers.layer_testing import case_id, comparable_config, parity_cases, run_case

CASES = parity_cases()
_RUNS: dict = {}


def _run(path):
    if path not in _RUNS:
        _RUNS[path] = run_case(path)
    return _RUNS[path]


def test_every_layer_has_cases():
    import json

    from legacykeras.rules.layers import (advanced_activations, convolutional, core, embeddings, local,
                                          noise, normalization, pooling)

    covered = {json.loads((p / "meta.json").read_text())["layer"] for p in CASES}
    modules = (core, convolutional, pooling, normalization, embeddings, advanced_activations, noise, local)
    missing = [row.old_name for m in modules for row in m.RULES if row.old_name not in covered]
    assert not missing, f"no parity fixture for {missing}"


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_output_matches_keras1(path):
    run = _run(path)
    expected = run["case"]["output"]
    np.testing.assert_allclose(run["output"], expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("path", CASES, ids=case_id)
def test_config_weights_and_shape_are_keras1(path):
    run = _run(path)
    case, layer = run["case"], run["layer"]
    class_name = case["config"]["class_name"]
    assert type(layer).__name__ == class_name
    assert comparable_config(layer.get_config(), class_name) == comparable_config(case["config"]["config"], class_name)
    assert [list(w.shape) for w in layer.get_weights()] == case["config"]["weight_shapes"]
    assert list(layer.output_shape) == case["meta"]["output_shape"]


@pytest.mark.parametrize("path", [p for p in CASES if "lambda" not in p.name], ids=case_id)
def test_from_config_round_trips_the_keras1_config(path):
    """`cls.from_config(layer.get_config())` rebuilds the layer (lambdas are the loader's)."""
    from tests.runtime.layers.layer_testing import dim_ordering

    layer = _run(path)["layer"]
    config = layer.get_config()
    with dim_ordering("th" if path.parent.name.endswith("-tf") else "tf"):  # the other ordering
        clone = type(layer).from_config(dict(config, name=config["name"] + "_clone"))
    clone_config = clone.get_config()
    assert clone_config.pop("name") == config.pop("name") + "_clone"
    assert clone_config == config
