"""Keras 1's `Wrapper` base class (for user wrappers): a layer that holds another layer.

Keras 1: its weights are the wrapped layer's; `get_config()` nests the wrapped
layer as {'class_name', 'config'}.
"""

from __future__ import annotations

from legacykeras.engine.base_layer import Layer
from legacykeras.runtime.layers.wrappers import layer_entry, layer_from_entry


class Wrapper(Layer):
    """Keras 1 `Wrapper(layer, **kwargs)`."""

    def __init__(self, layer, **kwargs):
        self.layer = layer
        self.uses_learning_phase = getattr(layer, "uses_learning_phase", False)
        super().__init__(**kwargs)

    def build(self, input_shape=None):
        self.built = True

    @property
    def trainable_weights(self):
        return list(self.layer.trainable_weights) if self.trainable else []

    @trainable_weights.setter
    def trainable_weights(self, weights):
        Layer.trainable_weights.fset(self, weights)

    @property
    def non_trainable_weights(self):
        return list(self.layer.non_trainable_weights)

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        Layer.non_trainable_weights.fset(self, weights)

    def get_weights(self):
        return self.layer.get_weights()

    def set_weights(self, weights):
        self.layer.set_weights(weights)

    def legacy_weight_names(self):
        names = getattr(self.layer, "legacy_weight_names", None)
        return names() if names else [w.name for w in self.layer.weights]

    def get_config(self):
        return {**super().get_config(), "layer": layer_entry(self.layer)}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        layer = layer_from_entry(config.pop("layer"), custom_objects)
        return cls(layer, **config)


__all__ = ["Wrapper"]
