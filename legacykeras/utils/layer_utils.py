"""Keras 1.2.2 `keras.utils.layer_utils`: layer_from_config, print_summary, count_total_params,
convert_all_kernels_in_model."""

from __future__ import annotations

import numpy as np

from legacykeras.rules import modules as rows
from legacykeras.utils._calls import legacy_module

# Keras 1 layers whose kernel Theano and TensorFlow convolve differently (flipped).
_CONV_CLASSES = ("Convolution1D", "Convolution2D", "Convolution3D", "AtrousConvolution1D",
                 "AtrousConvolution2D", "Deconvolution2D")


def layer_from_config(config, custom_objects=None):
    """A layer or model from a Keras 1 `{'class_name': ..., 'config': ...}` dict."""
    from legacykeras.io import legacy_config

    return legacy_config.build(config, custom_objects=custom_objects)


def _output_shape(layer):
    try:
        shape = layer.output_shape
    except (AttributeError, ValueError, RuntimeError):
        return "multiple"
    if isinstance(shape, list) and len(shape) == 1:
        shape = shape[0]
    return str(tuple(shape)) if isinstance(shape, (tuple, list)) and not isinstance(shape[0], (tuple, list)) \
        else str(shape)


def _inbound_names(layer):
    names = []
    for node in getattr(layer, "_inbound_nodes", []) or []:
        for tensor in getattr(node, "input_tensors", ()) or ():
            history = getattr(tensor, "_keras_history", None)
            if history is None:
                continue
            operation, node_index, tensor_index = history[:3]
            names.append(f"{operation.name}[{node_index}][{tensor_index}]")
    return names


def _count(layer):
    try:
        return int(layer.count_params())
    except (ValueError, AttributeError):
        return 0


def print_summary(layers, relevant_nodes=None, line_length=100, positions=(.33, .55, .67, 1.)):
    """Print Keras 1's table of layers: name (type), output shape, parameters, inputs."""
    legacy_module(rows.PRINT_SUMMARY)
    positions = [int(line_length * p) if p <= 1 else int(p) for p in positions]
    headers = ["Layer (type)", "Output Shape", "Param #", "Connected to"]

    def row(fields):
        line = ""
        for field, stop in zip(fields, positions):
            line = (line + str(field))[:stop].ljust(stop)
        print(line)

    print("_" * line_length)
    row(headers)
    print("=" * line_length)
    for i, layer in enumerate(layers):
        inbound = _inbound_names(layer)
        row([f"{layer.name} ({type(layer).__name__})", _output_shape(layer), _count(layer),
             inbound[0] if inbound else ""])
        for name in inbound[1:]:
            row(["", "", "", name])
        print("=" * line_length if i == len(layers) - 1 else "_" * line_length)
    trainable = count_total_params(layers)
    print(f"Total params: {trainable[0] + trainable[1]:,}")
    print(f"Trainable params: {trainable[0]:,}")
    print(f"Non-trainable params: {trainable[1]:,}")
    print("_" * line_length)


def count_total_params(layers, layer_set=None):
    """(trainable, non-trainable) parameter counts over `layers`, each weight counted once."""
    seen, trainable, frozen = set(), 0, 0
    for layer in layers:
        for weight in getattr(layer, "trainable_weights", []):
            if id(weight) not in seen:
                seen.add(id(weight))
                trainable += int(np.prod(weight.shape))
        for weight in getattr(layer, "non_trainable_weights", []):
            if id(weight) not in seen:
                seen.add(id(weight))
                frozen += int(np.prod(weight.shape))
    return trainable, frozen


def convert_all_kernels_in_model(model):
    """Flip every convolution kernel of `model` (Theano-trained <-> TensorFlow-trained)."""
    from legacykeras.utils.np_utils import convert_kernel

    for layer in model.layers:
        if type(layer).__name__ in _CONV_CLASSES:
            weights = layer.get_weights()
            if not weights:
                continue
            ordering = getattr(layer, "dim_ordering", None)
            if ordering not in ("th", "tf"):
                ordering = "th" if getattr(layer, "data_format", "channels_last") == "channels_first" else "tf"
            if weights[0].ndim == 3:  # Convolution1D keeps Keras 1's 4D kernel in a 3D view here
                weights[0] = weights[0][::-1].copy()
            else:
                weights[0] = convert_kernel(weights[0], ordering)
            layer.set_weights(weights)
        elif hasattr(layer, "layers") and layer is not model:
            convert_all_kernels_in_model(layer)


__all__ = ["layer_from_config", "print_summary", "count_total_params", "convert_all_kernels_in_model"]
