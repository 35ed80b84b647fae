"""Keras 1.2.2 `keras.models`: Sequential, Model, save_model, load_model, model_from_*."""

from __future__ import annotations

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.engine.training import LegacyModelMixin, legacy_layer_entry
from legacykeras.rules import models as rows
from legacykeras.rules.convert import modern_call, translate
from legacykeras.runtime import graph_loss, naming
from legacykeras.runtime.merge import Merge

_Functional = keras.src.models.functional.Functional


def _is_branch_merge(layer) -> bool:
    return isinstance(layer, Merge) and layer.branches is not None


class ModelWeightsMixin:
    """Keras 1 `get_weights` / `set_weights` of a whole model: each layer's Keras 1 layout, in order."""

    @property
    def flattened_layers(self):
        """Layers in Keras 1's weight-file order (a leading Merge contributes its branches' layers)."""
        out = []
        layers = [layer for layer in self.layers if type(layer).__name__ != "InputLayer"]
        if layers and _is_branch_merge(layers[0]):
            for branch in layers[0].branches:
                for layer in getattr(branch, "flattened_layers", branch.layers):
                    if not any(layer is seen for seen in out):
                        out.append(layer)
            layers = layers[1:]
        for layer in layers:
            if not any(layer is seen for seen in out):
                out.append(layer)
        return out

    def get_weights(self):
        arrays = []
        for layer in self.flattened_layers:
            arrays.extend(layer.get_weights())
        return arrays

    def set_weights(self, weights):
        weights = list(weights)
        start = 0
        for layer in self.flattened_layers:
            count = len(layer.get_weights())
            layer.set_weights(weights[start:start + count])
            start += count
        if start != len(weights):
            raise ValueError(f"You called `set_weights(weights)` on model {self.name!r} with a weight list of length "
                             f"{len(weights)}, but the model expects {start} weights (Keras 1 layout).")

    def legacy_weight_names(self):
        names = []
        for layer in self.flattened_layers:
            own = getattr(layer, "legacy_weight_names", None)
            names.extend(own() if own is not None else [w.path.replace("/", "_") for w in layer.weights])
        return names

    def count_params(self):
        return int(sum(int(keras.ops.size(w)) for w in self.weights))


class Sequential(ModelWeightsMixin, LegacyModelMixin, keras.Sequential):
    """Keras 1 `Sequential(layers=None, name=None)`.

    Keras 1: the first layer carries the input shape (`input_shape`,
    `input_dim`, `batch_input_shape`); `model.layers` excludes the input layer;
    a first `Merge([seq_a, seq_b], mode=...)` makes a multi-input model fed a
    list of arrays; a Sequential can be a layer of another.
    """

    def __init__(self, layers=None, name=None):
        super().__init__(name=name or naming.unique_name("Sequential"))
        for layer in layers or ():
            self.add(layer)

    def add(self, layer, rebuild=True):
        if not self._layers:
            if _is_branch_merge(layer):
                self._layers.append(layer)
                return None
            batch_shape = getattr(layer, "_legacy_batch_input_shape", None)
            if batch_shape is None and isinstance(layer, keras.Model):
                try:
                    inputs = layer.inputs
                except (AttributeError, ValueError):
                    inputs = None
                if inputs and len(inputs) == 1:
                    batch_shape, dtype = tuple(inputs[0].shape), inputs[0].dtype
                    super().add(keras.layers.InputLayer(batch_shape=batch_shape, dtype=dtype,
                                                        name=layer.name + "_input"), rebuild=False)
            elif batch_shape is not None:
                dtype = getattr(layer, "_legacy_input_dtype", "float32")
                super().add(keras.layers.InputLayer(batch_shape=batch_shape, dtype=dtype,
                                                    name=layer.name + "_input"), rebuild=False)
        return super().add(layer, rebuild=rebuild)

    def _maybe_rebuild(self):
        if self._layers and _is_branch_merge(self._layers[0]):
            self.built = False
            self._functional = None
            self.build()
            return
        super()._maybe_rebuild()

    def build(self, input_shape=None):
        if not (self._layers and _is_branch_merge(self._layers[0])):
            return super().build(input_shape)
        merge = self._layers[0]
        inputs = [keras.layers.InputLayer(batch_shape=tuple(t.shape), dtype=t.dtype,
                                          name=f"{merge.name}_input_{i + 1}").output
                  for i, t in enumerate(merge.branch_inputs())]
        x = merge(inputs)
        for layer in self._layers[1:]:
            x = layer(x)
        self._functional = _Functional(inputs=inputs, outputs=x)
        self.built = True

    def pop(self, rebuild=True):
        if not self.layers:
            raise TypeError("There are no layers in the model.")
        return super().pop(rebuild=rebuild)

    @property
    def model(self):
        """Keras 1 `Sequential.model`: the inner functional model (here, the Sequential itself)."""
        return self

    @property
    def input(self):
        """Keras 1 `model.input`: the input placeholder (a list when there are several), e.g. for
        `K.gradients(loss, model.input)`; Keras 3's Sequential only has `inputs`."""
        inputs = self.inputs
        return inputs[0] if len(inputs) == 1 else list(inputs)

    @property
    def output(self):
        """Keras 1 `model.output` (a list when there are several)."""
        outputs = self.outputs
        return outputs[0] if len(outputs) == 1 else list(outputs)

    def get_config(self):
        return [legacy_layer_entry(layer) for layer in self.layers]

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from legacykeras.io.loader import model_from_config

        return model_from_config({"class_name": "Sequential", "config": config}, custom_objects=custom_objects)


class Model(ModelWeightsMixin, LegacyModelMixin, _Functional):
    """Keras 1 functional `Model(input=..., output=..., name=None)` (Keras 3: `inputs=`, `outputs=`)."""

    def __init__(self, *args, **kwargs):
        translation = translate(rows.MODEL, args, kwargs)
        if translation.changes:
            lk_warnings.warn_legacy(rows.MODEL.code, f"Keras 1 call `Model(...)`: {'; '.join(translation.changes)}. "
                                    f"Keras 3: {modern_call(rows.MODEL, translation)}")
        kw = translation.kwargs
        if "inputs" not in kw or "outputs" not in kw:
            raise TypeError("Model needs `input` and `output` (Keras 3: `inputs`, `outputs`).")
        inputs, outputs = kw.pop("inputs"), kw.pop("outputs")
        if isinstance(inputs, tuple):
            inputs = list(inputs)
        if isinstance(outputs, tuple):
            outputs = list(outputs)
        name = kw.pop("name", None) or naming.unique_name("Model")
        super().__init__(inputs, outputs, name=name, **kw)

    def compile(self, *args, **kwargs):
        result = super().compile(*args, **kwargs)
        # Keras 1 losses may read intermediate tensors of the model (the VAE's z_mean): runtime/graph_loss.
        losses = self.loss if isinstance(self.loss, (list, tuple)) else [self.loss]
        graph_loss.bind(self, list(losses), list(self._legacy_loss_fns))
        return result

    def call(self, inputs, training=None, mask=None, **kwargs):
        outputs = graph_loss.call(self, inputs, training=training, mask=mask, **kwargs)
        return super().call(inputs, training=training, mask=mask, **kwargs) if outputs is None else outputs

    def get_config(self):
        from legacykeras.engine.topology import container_config

        return container_config(self)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from legacykeras.io.loader import model_from_config

        return model_from_config({"class_name": "Model", "config": config}, custom_objects=custom_objects)


def save_model(model, filepath, overwrite=True):
    """Keras 1 `save_model(model, filepath, overwrite=True)`: one HDF5 file in the Keras 1 layout."""
    from legacykeras.engine.saving import save_model as _save

    return _save(model, filepath, overwrite=overwrite)


from legacykeras.engine.topology import Layer, Node, get_source_inputs  # noqa: E402
from legacykeras.io.loader import load_model, model_from_config, model_from_json, model_from_yaml  # noqa: E402
from legacykeras.optimizers import optimizer_from_config  # noqa: E402
from legacykeras.utils.io_utils import ask_to_proceed_with_overwrite  # noqa: E402

__all__ = ["Sequential", "Model", "Merge", "Layer", "Node", "get_source_inputs", "save_model", "load_model",
           "model_from_config", "model_from_json", "model_from_yaml", "optimizer_from_config",
           "ask_to_proceed_with_overwrite"]
