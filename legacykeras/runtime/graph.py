"""The legacy `Graph` container (Keras 0.3 `keras.models.Graph`, Keras 1.0-1.1 `keras.legacy.models.Graph`).

A Graph names its inputs, nodes and outputs, and takes and returns *dicts* of
arrays keyed by those names. Here it builds a functional legacy `Model` from
its nodes (rebuilt when nodes are added) and translates the dicts, so it
trains with the Keras 1 loop, callbacks and optimizers:

    graph = Graph()
    graph.add_input(name='input', input_shape=(4,))
    graph.add_node(Dense(5), name='hidden', input='input')
    graph.add_node(Dense(3), name='a', inputs=['hidden', 'input'], merge_mode='concat')
    graph.add_output(name='output', input='a')
    graph.compile('sgd', {'output': 'mse'})
    graph.fit({'input': X, 'output': y}, nb_epoch=10)
    graph.predict({'input': X})['output']

Keras 0.3 semantics kept: `fit` defaults `batch_size=128, nb_epoch=100`;
History keys 'loss' / 'val_loss' (plus Keras 1 metric names when `metrics=`
is given); `evaluate` returns the total loss; `train_on_batch` /
`test_on_batch` return `[loss]`; `predict` / `predict_on_batch` return a dict.
Keras 3: a functional `keras.Model` with named inputs and outputs.
"""

from __future__ import annotations

import collections
import json

import numpy as np

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.runtime import naming

from legacykeras.rules import training as rows

_WARNING = rows.GRAPH.code


def _listify(value):
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


class Graph:
    """Keras 0.3 / 1.0 `Graph()`: add_input / add_node / add_shared_node / add_output, dict data."""

    def __init__(self, name=None):
        lk_warnings.warn_legacy(_WARNING, f"Keras 0.3 / 1.0 `Graph()`: {rows.GRAPH.why}.")
        self.name = name or naming.unique_name("Graph")
        self.namespace: set[str] = set()
        self.nodes: collections.OrderedDict = collections.OrderedDict()
        self.input_order: list[str] = []
        self.output_order: list[str] = []
        self.input_config: list[dict] = []
        self.node_config: list[dict] = []
        self.output_config: list[dict] = []
        self._tensors: dict[str, object] = {}
        self._inputs: dict[str, object] = {}
        self._outputs: dict[str, object] = {}
        self._model = None
        self._compile_args = None

    # --- building ---------------------------------------------------------------------
    def _claim(self, name):
        if name in self.namespace:
            raise ValueError(f"Duplicate node identifier: {name}")
        self.namespace.add(name)

    def _tensor(self, name):
        if name not in self._tensors:
            raise ValueError(f"Unknown node/input identifier: {name}")
        return self._tensors[name]

    def _merged(self, input, inputs, merge_mode, concat_axis, dot_axes):
        if input:
            return self._tensor(input)
        tensors = [self._tensor(n) for n in inputs]
        if len(tensors) == 1:
            return tensors[0]
        from legacykeras.runtime.merge import Merge

        return Merge(mode=merge_mode, concat_axis=concat_axis, dot_axes=dot_axes, _row=_MERGE_ROW)(tensors)

    def add_input(self, name, input_shape=None, batch_input_shape=None, dtype="float"):
        from legacykeras.runtime.input_layer import Input

        self._claim(name)
        if batch_input_shape is None:
            if input_shape is None:
                raise ValueError(f"Graph input {name!r} needs `input_shape` or `batch_input_shape`.")
            batch_input_shape = (None, *tuple(input_shape))
        if dtype == "int" and len(batch_input_shape) != 2:
            raise ValueError('Type "int" can only be used with ndim==2 (Embedding).')
        tensor = Input(batch_shape=tuple(batch_input_shape), name=name,
                       dtype="int32" if dtype == "int" else keras.config.floatx())
        self.input_order.append(name)
        self._tensors[name] = self._inputs[name] = tensor
        config = {"name": name, "dtype": dtype}
        if input_shape is not None:
            config["input_shape"] = list(input_shape)
        else:
            config["batch_input_shape"] = list(batch_input_shape)
        self.input_config.append(config)
        self._model = None

    def add_node(self, layer, name, input=None, inputs=(), merge_mode="concat", concat_axis=-1, dot_axes=-1,
                 create_output=False):
        self._claim(name)
        inputs = list(inputs or [])
        if not input and not inputs:
            raise ValueError(f"Graph node {name!r} needs `input` or `inputs`.")
        if not layer.built and not getattr(layer, "_inbound_nodes", None):
            layer.name = name  # Keras 0.3 renamed the layer after its node
        self._tensors[name] = layer(self._merged(input, inputs, merge_mode, concat_axis, dot_axes))
        self.nodes[name] = layer
        self.node_config.append({"name": name, "input": input, "inputs": inputs, "merge_mode": merge_mode,
                                 "concat_axis": concat_axis, "dot_axes": dot_axes, "create_output": create_output})
        self._model = None
        if create_output:
            self.add_output(name, input=name)

    def add_shared_node(self, layer, name, inputs=(), merge_mode=None, concat_axis=-1, dot_axes=-1, outputs=(),
                        create_output=False):
        self._claim(name)
        results = [layer(self._tensor(n)) for n in inputs]
        self.nodes[name] = layer
        if merge_mode:
            from legacykeras.runtime.merge import Merge

            self._tensors[name] = Merge(mode=merge_mode, concat_axis=concat_axis, dot_axes=dot_axes,
                                        _row=_MERGE_ROW)(results)
        else:
            if len(outputs) != len(results):
                raise ValueError("add_shared_node without merge_mode needs one name in `outputs` per input.")
            for out_name, tensor in zip(outputs, results):
                self._claim(out_name)
                self._tensors[out_name] = tensor
        self.node_config.append({"name": name, "inputs": list(inputs), "merge_mode": merge_mode,
                                 "concat_axis": concat_axis, "dot_axes": dot_axes, "outputs": list(outputs),
                                 "create_output": create_output if merge_mode else False})
        self._model = None
        if create_output and merge_mode:
            self.add_output(name, input=name)

    def add_output(self, name, input=None, inputs=(), merge_mode="concat", concat_axis=-1, dot_axes=-1):
        if name in self.output_order:
            raise ValueError(f"Duplicate output identifier: {name}")
        if name in self.namespace and name != input:
            raise ValueError(f"Duplicate node identifier: {name}")
        inputs = list(inputs or [])
        self.namespace.add(name)
        self._outputs[name] = self._merged(input, inputs, merge_mode, concat_axis, dot_axes)
        self.output_order.append(name)
        self.output_config.append({"name": name, "input": input, "inputs": inputs, "merge_mode": merge_mode,
                                   "concat_axis": concat_axis, "dot_axes": dot_axes})
        self._model = None

    @property
    def model(self):
        """The functional legacy `Model` this Graph runs as."""
        if self._model is None:
            from legacykeras.models import Model

            if not self.input_order or not self.output_order:
                raise RuntimeError("A Graph needs at least one input and one output before it can run.")
            self._model = Model(input=[self._inputs[n] for n in self.input_order],
                                output=[self._outputs[n] for n in self.output_order], name=self.name)
            if self._compile_args is not None:
                self._model.compile(**self._compile_args)
        return self._model

    # --- layers and weights -----------------------------------------------------------
    @property
    def layers(self):
        return self.model.layers

    @property
    def flattened_layers(self):
        seen = []
        for layer in self.nodes.values():
            if not any(layer is s for s in seen):
                seen.append(layer)
        return seen

    def get_weights(self):
        return [w for layer in self.flattened_layers for w in layer.get_weights()]

    def set_weights(self, weights):
        weights, start = list(weights), 0
        for layer in self.flattened_layers:
            count = len(layer.get_weights())
            layer.set_weights(weights[start:start + count])
            start += count

    def count_params(self):
        return self.model.count_params()

    def save_weights(self, filepath, overwrite=True):
        self.model.save_weights(filepath, overwrite=overwrite)

    def load_weights(self, filepath, by_name=False, source_backend=None):
        from legacykeras.io import hdf5_weights

        hdf5_weights.load_weights(self, str(filepath), by_name=by_name, source_backend=source_backend)

    # --- training ---------------------------------------------------------------------
    def compile(self, optimizer, loss, metrics=None, sample_weight_modes=None, loss_weights=None, **kwargs):
        if not isinstance(loss, dict):
            raise TypeError('The "loss" argument of a Graph should be a dictionary {output name: loss}.')
        missing = [n for n in self.output_order if n not in loss]
        if missing:
            raise ValueError(f"Graph output {missing[0]!r} has no loss in the loss dictionary.")
        modes = sample_weight_modes or {}
        weights = loss_weights or {}
        self._metrics = list(metrics or [])
        self._compile_args = dict(
            optimizer=optimizer, loss=[loss[n] for n in self.output_order],
            metrics=self._metrics,
            sample_weight_mode=[modes.get(n) for n in self.output_order],
            loss_weights=[float(weights.get(n, 1.0)) for n in self.output_order], **kwargs)
        self._model = None
        self.model  # noqa: B018  (builds and compiles)

    @property
    def optimizer(self):
        return self.model.optimizer

    def _x(self, data):
        missing = [n for n in self.input_order if n not in data]
        if missing:
            raise ValueError(f"No data provided for Graph input {missing[0]!r}.")
        return [np.asarray(data[n]) for n in self.input_order]

    def _y(self, data):
        missing = [n for n in self.output_order if n not in data]
        if missing:
            raise ValueError(f"No data provided for Graph output {missing[0]!r}.")
        return [np.asarray(data[n]) for n in self.output_order]

    def _per_output(self, mapping):
        if not mapping:
            return None
        return [mapping.get(n) for n in self.output_order]

    def _history(self, history):
        keep = {"loss", "val_loss"}
        if self._metrics:
            renames = {}
            for layer_name, out_name in zip(self.model.output_names, self.output_order):
                renames[layer_name] = out_name
            out = {}
            for key, values in history.history.items():
                bare = key[4:] if key.startswith("val_") else key
                prefix = "val_" if key.startswith("val_") else ""
                if bare in keep:
                    out[key] = values
                    continue
                for layer_name, out_name in renames.items():
                    if bare.startswith(layer_name + "_") and not bare.endswith("_loss"):
                        out[prefix + out_name + bare[len(layer_name):]] = values
            history.history = out
        else:
            history.history = {k: v for k, v in history.history.items() if k in keep}
        return history

    def fit(self, data, batch_size=128, nb_epoch=100, verbose=1, callbacks=None, validation_split=0.0,
            validation_data=None, shuffle=True, class_weight=None, sample_weight=None, **kwargs):
        """Keras 0.3 `Graph.fit(data, ...)`: `data` maps every input and output name to an array."""
        if "epochs" in kwargs:
            nb_epoch = kwargs.pop("epochs")
        if kwargs:
            raise TypeError(f"Unrecognized keyword arguments: {kwargs}")
        val = None
        if validation_data is not None:
            val = (self._x(validation_data), self._y(validation_data))
        history = self.model.fit(self._x(data), self._y(data), batch_size=batch_size, nb_epoch=nb_epoch,
                                 verbose=verbose, callbacks=callbacks, validation_split=validation_split,
                                 validation_data=val, shuffle=shuffle,
                                 class_weight=self._per_output(class_weight),
                                 sample_weight=self._per_output(sample_weight))
        return self._history(history)

    def evaluate(self, data, batch_size=128, verbose=0, sample_weight=None):
        """The total loss (Keras 0.3 returned no metrics from a Graph)."""
        outs = self.model.evaluate(self._x(data), self._y(data), batch_size=batch_size, verbose=verbose,
                                   sample_weight=self._per_output(sample_weight))
        return outs[0] if isinstance(outs, list) else outs

    def predict(self, data, batch_size=128, verbose=0):
        outs = self.model.predict(self._x(data), batch_size=batch_size, verbose=verbose)
        outs = outs if isinstance(outs, list) else [outs]
        return dict(zip(self.output_order, outs))

    def train_on_batch(self, data, class_weight=None, sample_weight=None):
        outs = self.model.train_on_batch(self._x(data), self._y(data), class_weight=self._per_output(class_weight),
                                         sample_weight=self._per_output(sample_weight))
        return [outs[0] if isinstance(outs, list) else outs]

    def test_on_batch(self, data, sample_weight=None):
        outs = self.model.test_on_batch(self._x(data), self._y(data), sample_weight=self._per_output(sample_weight))
        return [outs[0] if isinstance(outs, list) else outs]

    def predict_on_batch(self, data):
        outs = self.model.predict_on_batch(self._x(data))
        outs = outs if isinstance(outs, list) else [outs]
        return dict(zip(self.output_order, [np.asarray(o) for o in outs]))

    def _generator(self, generator):
        for item in generator:
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], dict) and \
                    not set(item[1]) & set(self.input_order):
                data, weights = item
                yield self._x(data), self._y(data), self._per_output(weights)
            else:
                yield self._x(item), self._y(item)

    def fit_generator(self, generator, samples_per_epoch, nb_epoch, verbose=1, callbacks=None, validation_data=None,
                      nb_val_samples=None, class_weight=None, **kwargs):
        """Keras 0.3: the generator yields data dicts (or `(data, sample_weight_dict)`)."""
        if validation_data is not None and isinstance(validation_data, dict):
            validation_data = (self._x(validation_data), self._y(validation_data))
        elif validation_data is not None:
            validation_data = self._generator(validation_data)
        history = self.model.fit_generator(self._generator(generator), samples_per_epoch, nb_epoch, verbose=verbose,
                                           callbacks=callbacks, validation_data=validation_data,
                                           nb_val_samples=nb_val_samples, class_weight=self._per_output(class_weight))
        return self._history(history)

    def evaluate_generator(self, generator, nb_val_samples, verbose=0, **kwargs):
        outs = self.model.evaluate_generator(self._generator(generator), nb_val_samples)
        return outs[0] if isinstance(outs, list) else outs

    # --- config -----------------------------------------------------------------------
    def get_config(self):
        from legacykeras.engine.training import legacy_layer_entry

        return {"name": self.name, "input_config": self.input_config, "node_config": self.node_config,
                "output_config": self.output_config, "input_order": self.input_order,
                "output_order": self.output_order,
                "nodes": {name: legacy_layer_entry(layer) for name, layer in self.nodes.items()}}

    def to_json(self, **kwargs):
        return json.dumps({"class_name": "Graph", "config": self.get_config(), "keras_version": "1.2.2"}, **kwargs)

    def to_yaml(self, **kwargs):
        import yaml

        return yaml.dump({"class_name": "Graph", "config": self.get_config(), "keras_version": "1.2.2"}, **kwargs)

    def summary(self):
        return self.model.summary()


class _MergeRow:
    """Graph merges warn under the Graph's code, not `merge()`'s."""

    code = _WARNING
    old_name = "Graph merge"
    why = "Graph nodes with several inputs merge them; Keras 3: `keras.layers.concatenate` and friends"


_MERGE_ROW = _MergeRow()

__all__ = ["Graph"]
