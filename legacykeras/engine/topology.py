"""Keras 1.2.2 `keras.engine.topology`: Layer, InputSpec, Input, InputLayer, Merge, merge, Container.

A facade: `Layer` / `InputSpec` live in `legacykeras.engine.base_layer`,
`Input` / `InputLayer` in `legacykeras.runtime.input_layer`, `Merge` / `merge`
in `legacykeras.runtime.merge`, `Container` is the functional `Model` of
`legacykeras.models`. `container_config` writes a functional model's config
in Keras 1 form (layers with `inbound_nodes` as [layer name, node index,
tensor index] triples, node indices counting only nodes inside the model).
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.runtime.input_layer import Input, InputLayer
from legacykeras.runtime.merge import Merge, merge
from legacykeras.utils.generic_utils import func_dump, func_load
from legacykeras.utils.io_utils import ask_to_proceed_with_overwrite

Node = keras.src.ops.node.Node


def get_source_inputs(tensor, layer=None, node_index=None):
    """Keras 1: the input tensors a tensor was computed from (Keras 3: `keras.utils.get_source_inputs`)."""
    return keras.utils.get_source_inputs(tensor)


def to_list(x):
    return x if isinstance(x, list) else [x]


def object_list_uid(object_list):
    return ", ".join(str(abs(id(x))) for x in to_list(object_list))


def _node_key(layer, index):
    # Keras 3's key for a node (`keras.src.ops.function.make_node_key`).
    return f"{id(layer)}_ib-{index}"


def container_config(model) -> dict:
    """Keras 1 `Container.get_config()` of a Keras 3 functional model."""
    from legacykeras.engine.training import legacy_layer_entry

    network_nodes = set(getattr(model, "_nodes", ()))
    # Keras 1 renumbered nodes to count only those inside the model.
    conversion = {}
    for layer in model.layers:
        # Keras 1 containers had a node of their own (input -> output), so their calls count from 1.
        kept = 1 if isinstance(layer, keras.Model) else 0
        for index, _node in enumerate(layer._inbound_nodes):
            key = _node_key(layer, index)
            if key in network_nodes:
                conversion[key] = kept
                kept += 1

    def ref(tensor):
        operation, node_index, tensor_index = tensor._keras_history
        new_index = conversion.get(_node_key(operation, node_index), node_index)
        return [operation.name, new_index, tensor_index]

    layers = []
    for layer in model.layers:
        entry = legacy_layer_entry(layer)
        inbound = []
        if type(layer).__name__ != "InputLayer":
            for index, node in enumerate(layer._inbound_nodes):
                if _node_key(layer, index) not in network_nodes:
                    continue
                inbound.append([ref(t) for t in node.input_tensors])
        layers.append({"name": layer.name, "class_name": entry["class_name"], "config": entry["config"],
                       "inbound_nodes": inbound})
    return {
        "name": model.name,
        "layers": layers,
        "input_layers": [ref(t) for t in model.inputs],
        "output_layers": [ref(t) for t in model.outputs],
    }


def __getattr__(name):
    if name in ("Container", "Model"):
        from legacykeras.models import Model

        return Model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Layer", "InputSpec", "Input", "InputLayer", "Merge", "merge", "Container", "Node", "container_config",
           "get_source_inputs", "to_list", "object_list_uid", "func_dump", "func_load",
           "ask_to_proceed_with_overwrite"]
