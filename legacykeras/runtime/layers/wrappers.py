"""Keras 1 `TimeDistributed` and `Bidirectional`.

`TimeDistributed` is Keras 3's, with the Keras 1 surface (name, input shape,
weights = the wrapped layer's, in its Keras 1 layout).

`Bidirectional` is written here rather than taken from Keras 3 because Keras 1
semantics differ where users see them: on masked steps Keras 1 repeated the
previous output (Keras 3 writes zeros), the halves are named `forward_<name>`
and `backward_<name>` and rebuilt from the wrapped layer's Keras 1 config, and
`get_weights()` is the forward layer's Keras 1 list followed by the backward
layer's.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.rules.layers import wrappers as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin

_MODULE = "legacykeras.layers.wrappers"


def layer_entry(layer) -> dict:
    """How Keras 1 configs hold a nested layer: {'class_name': ..., 'config': ...}."""
    return {"class_name": type(layer).__name__, "config": layer.get_config()}


def layer_from_entry(entry, custom_objects=None):
    """A live legacy layer from a Keras 1 {'class_name', 'config'} entry (or a layer itself)."""
    if not isinstance(entry, dict):
        return entry
    import legacykeras.layers as layers_module

    name = entry["class_name"]
    cls = (custom_objects or {}).get(name) or getattr(layers_module, name, None)
    if cls is None:
        raise ValueError(f"Unknown Keras 1 layer {name!r} inside a wrapper; pass it in custom_objects.")
    return cls.from_config(dict(entry["config"]))


def _wrapper_config(self):
    config = LegacyLayerMixin.get_config(self)
    config["layer"] = layer_entry(self.layer)
    return config


@classmethod
def _wrapper_from_config(cls, config, custom_objects=None):
    config = dict(config)
    config["layer"] = layer_from_entry(config["layer"], custom_objects)
    return cls(**config)


def _td_get_weights(self):
    self._ensure_built()
    return self.layer.get_weights()


def _td_set_weights(self, weights):
    self._ensure_built()
    self.layer.set_weights(weights)


def _td_weight_names(self):
    names = getattr(self.layer, "legacy_weight_names", None)
    return names() if names else [w.name for w in self.layer.weights]


TimeDistributed = legacy_layer_class(rows.TIME_DISTRIBUTED, keras.layers.TimeDistributed, module=_MODULE, extra={
    "get_config": _wrapper_config,
    "from_config": _wrapper_from_config,
    "get_weights": _td_get_weights,
    "set_weights": _td_set_weights,
    "legacy_weight_names": _td_weight_names,
})


class Bidirectional(LegacyLayerMixin, keras.layers.Layer):
    """Keras 1 `Bidirectional(layer, merge_mode='concat', weights=None)`.

    Args:
        layer: a recurrent layer instance (SimpleRNN, GRU, LSTM, or a Keras 1 `Recurrent` subclass).
        merge_mode: 'sum', 'mul', 'concat', 'ave' or None (a list of both outputs).
        weights: Keras 1 weights, forward layer's then backward layer's.
    """

    legacy_rule = rows.BIDIRECTIONAL

    def __init__(self, *args, **kwargs):
        translation = self._legacy_translate(args, kwargs)
        layer = translation.kwargs["layer"]
        merge_mode = translation.kwargs.get("merge_mode", "concat")
        if merge_mode not in ("sum", "mul", "ave", "concat", None):
            raise ValueError(
                f"Invalid merge mode. Merge mode should be one of {{'sum', 'mul', 'ave', 'concat', None}}; "
                f"received merge_mode={merge_mode!r}."
            )
        super().__init__(**self._legacy_base_kwargs(translation))
        self._legacy_finish(translation)
        weights = translation.kwargs.get("weights")
        if weights is not None:
            self._legacy_initial_weights = weights
        self.layer = layer
        config = layer.get_config()
        self.forward_layer = type(layer).from_config({**config, "name": "forward_" + layer.name})
        self.backward_layer = type(layer).from_config(
            {**config, "name": "backward_" + layer.name, "go_backwards": not layer.go_backwards})
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.stateful = layer.stateful
        self.supports_masking = True

    def build(self, input_shape):
        self.forward_layer.build(input_shape)
        self.backward_layer.build(input_shape)
        self.built = True
        initial = self._legacy_initial_weights
        if initial is not None:
            self._legacy_initial_weights = None
            self.set_weights(initial)

    def call(self, inputs, mask=None, training=None):
        kwargs = {"mask": mask} if mask is not None else {}
        if training is not None:
            kwargs["training"] = training
        y = self.forward_layer(inputs, **kwargs)
        y_rev = self.backward_layer(inputs, **kwargs)
        if self.return_sequences:
            y_rev = keras.ops.flip(y_rev, axis=1)
        if self.merge_mode == "concat":
            return keras.ops.concatenate([y, y_rev], axis=-1)
        if self.merge_mode == "sum":
            return y + y_rev
        if self.merge_mode == "ave":
            return (y + y_rev) / 2
        if self.merge_mode == "mul":
            return y * y_rev
        return [y, y_rev]

    def compute_output_shape(self, input_shape):
        shape = tuple(self.forward_layer.compute_output_shape(input_shape))
        if self.merge_mode == "concat":
            return shape[:-1] + (shape[-1] * 2,)
        if self.merge_mode is None:
            return [shape, shape]
        return shape

    def compute_mask(self, inputs, mask=None):
        if self.return_sequences:
            return mask if self.merge_mode is not None else [mask, mask]
        return None

    def reset_states(self):
        self.forward_layer.reset_states()
        self.backward_layer.reset_states()

    def get_weights(self):
        self._ensure_built()
        return self.forward_layer.get_weights() + self.backward_layer.get_weights()

    def set_weights(self, weights):
        self._ensure_built()
        weights = list(weights)
        half = len(weights) // 2
        self.forward_layer.set_weights(weights[:half])
        self.backward_layer.set_weights(weights[half:])

    def legacy_weight_names(self):
        names = []
        for sub in (self.forward_layer, self.backward_layer):
            own = getattr(sub, "legacy_weight_names", None)
            names += own() if own else [w.name for w in sub.weights]
        return names

    def get_config(self):
        config = LegacyLayerMixin.get_config(self)
        config.pop("weights", None)
        config["layer"] = layer_entry(self.layer)
        config["merge_mode"] = self.merge_mode
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        config["layer"] = layer_from_entry(config["layer"], custom_objects)
        return cls(**config)


__all__ = ["Bidirectional", "TimeDistributed", "layer_entry", "layer_from_entry"]
