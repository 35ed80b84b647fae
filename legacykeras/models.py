"""Keras 1.2.2 `keras.models`: Sequential, Model and the model file functions."""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.engine.training import LegacyModelMixin, legacy_layer_entry
from legacykeras.runtime import naming


class Sequential(LegacyModelMixin, keras.Sequential):
    """Keras 1 `Sequential(layers=None, name=None)`.

    Keras 1: the first layer carries the input shape (`input_shape`,
    `input_dim`, `batch_input_shape`); `model.layers` excludes the input layer.
    """

    def __init__(self, layers=None, name=None):
        super().__init__(name=name or naming.unique_name("Sequential"))
        for layer in layers or ():
            self.add(layer)

    def add(self, layer, rebuild=True):
        if not self._layers:
            batch_shape = getattr(layer, "_legacy_batch_input_shape", None)
            if batch_shape is not None:
                dtype = getattr(layer, "_legacy_input_dtype", "float32")
                super().add(keras.Input(batch_shape=batch_shape, dtype=dtype), rebuild=False)
        return super().add(layer, rebuild=rebuild)

    def get_config(self):
        return [legacy_layer_entry(layer) for layer in self.layers]


from legacykeras.io.loader import load_model, model_from_config, model_from_json, model_from_yaml  # noqa: E402

__all__ = ["Sequential", "load_model", "model_from_config", "model_from_json", "model_from_yaml"]
