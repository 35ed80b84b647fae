"""Every public name of Keras 1.2.2's model-side modules exists in legacykeras."""

from __future__ import annotations

import importlib

import pytest

from testlib import load_spec

MODULES = ["keras.models", "keras.engine", "keras.engine.topology", "keras.engine.training", "keras.callbacks",
           "keras.optimizers", "keras.objectives", "keras.metrics", "keras.legacy.models"]


@pytest.mark.parametrize("module", MODULES)
def test_keras1_names_exist(module):
    spec = load_spec()
    names = sorted(spec.get(module, {})) if module in spec else []
    if module == "keras.legacy.models":
        names = ["Graph"]  # Keras 1.0-1.1; 1.2.2 no longer had it
    ours = importlib.import_module("legacykeras" + module[len("keras"):])
    missing = [name for name in names if not hasattr(ours, name)]
    assert not missing, f"{module}: missing {missing}"


def test_custom_objects_resolve_for_metrics_losses_and_optimizers():
    from legacykeras import metrics, objectives, optimizers
    from legacykeras._keras import keras

    def my_metric(y_true, y_pred):
        return keras.ops.mean(y_pred)

    with keras.utils.custom_object_scope({"my_metric": my_metric, "MySGD": optimizers.SGD}):
        assert metrics.get("my_metric") is my_metric and objectives.get("my_metric") is my_metric
        assert isinstance(optimizers.optimizer_from_config({"class_name": "MySGD", "config": {"lr": 0.5}}),
                          optimizers.SGD)
