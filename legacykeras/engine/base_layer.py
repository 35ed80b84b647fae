"""Keras 1's `Layer` base class for user subclasses, and `InputSpec`, on Keras 3.

Keras 1 code subclasses `keras.engine.topology.Layer` like this:

    class Antirectifier(Layer):
        def __init__(self, alpha=0.1, **kwargs):
            self.init = initializations.get('zero')      # before super().__init__
            super(Antirectifier, self).__init__(**kwargs)

        def build(self, input_shape):
            self.W = self.init((input_shape[1],), name='{}_W'.format(self.name))
            self.trainable_weights = [self.W]               # an assignment

        def call(self, x, mask=None):
            ...

        def get_output_shape_for(self, input_shape):
            return input_shape

This class is a Keras 3 layer that accepts all of it: Keras 1 base arguments
(input_shape, input_dim, batch_input_shape, input_dtype, name, trainable,
weights), `trainable_weights` / `non_trainable_weights` assignment (which
also decides what Keras 3 trains), variables made by `K.variable` or a Keras 1
initializer, Keras 1.2's `add_weight(shape, initializer, name, trainable,
regularizer, constraint)`, `self.constraints[W] = c`, `self.updates`,
`add_update`, `get_output_shape_for`, `compute_mask(x, mask)`, Keras 1 layer
names (`antirectifier_1`) and a Keras 1 `get_config`.
"""

from __future__ import annotations

import functools

from legacykeras import config
from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.backend import symbolic
from legacykeras.runtime import naming, seeding
from legacykeras.runtime.layer import batch_input_shape_from

_BASE_KWARGS = {"input_shape", "batch_input_shape", "batch_size", "input_dtype", "name", "trainable",
                "weights", "input_dim", "input_length", "create_input_layer", "dtype"}

# Attributes Keras 1 code may set before calling `Layer.__init__`, which Keras 3's
# `__init__` would reset.
_KEPT_ACROSS_INIT = ("_supports_masking", "input_spec", "_legacy_trainable", "_legacy_non_trainable")


class InputSpec(keras.InputSpec):
    """Keras 1 `InputSpec(dtype=None, shape=None, ndim=None)`: what a layer accepts.

    Keras 1: layers kept a list of these (`self.input_spec = [InputSpec(ndim=3)]`);
    Keras 3 takes the list too (one spec per input).
    """

    def __init__(self, dtype=None, shape=None, ndim=None, **kwargs):
        super().__init__(dtype=dtype, shape=shape, ndim=ndim, **kwargs)


class _IdentityDict(dict):
    """`{variable: constraint}` keyed by identity (Keras 3 variables are not hashable)."""

    def __setitem__(self, key, value):
        super().__setitem__(_Key(key), value)

    def __getitem__(self, key):
        return super().__getitem__(_Key(key))

    def __contains__(self, key):
        return super().__contains__(_Key(key))

    def get(self, key, default=None):
        return super().get(_Key(key), default)

    def items(self):
        return [(k.obj, v) for k, v in super().items()]

    def keys(self):
        return [k.obj for k in super().keys()]

    def __iter__(self):
        return iter(self.keys())


class _Key:
    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj.obj if isinstance(obj, _Key) else obj

    def __hash__(self):
        return id(self.obj)

    def __eq__(self, other):
        return isinstance(other, _Key) and other.obj is self.obj


def _wrap_build(build):
    @functools.wraps(build)
    def wrapper(self, input_shape):
        with seeding.keras_seeds_from_numpy():
            result = build(self, _legacy_shape(input_shape))
        self._legacy_after_build()
        return result

    wrapper._legacy_wrapped = True
    return wrapper


def _wrap_call(call):
    @functools.wraps(call)
    def wrapper(self, *args, **kwargs):
        outputs = call(self, *args, **kwargs)
        self._legacy_after_call()
        return outputs

    wrapper._legacy_wrapped = True
    return wrapper


def _legacy_shape(shape):
    if isinstance(shape, list) and shape and isinstance(shape[0], (list, tuple)):
        return [tuple(s) for s in shape]
    if isinstance(shape, (list, tuple)):
        return tuple(shape)
    return shape


class Layer(keras.layers.Layer):
    """Keras 1 `Layer(**kwargs)`: the base class of Keras 1 user layers, running on Keras 3."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Keras 1 subclasses override build/call without calling the base; wrap them so that
        # `weights=`, constraints, `self.updates` and `self.regularizers` are honoured.
        # `build` also runs under NumPy-drawn Keras 3 seeds, as Keras 1 drew from `np.random`
        # (runtime/seeding.py); not `__init__`, whose argument names Keras 3 reads for the config.
        for name, wrap in (("build", _wrap_build), ("call", _wrap_call)):
            method = cls.__dict__.get(name)
            if method is not None and not getattr(method, "_legacy_wrapped", False):
                setattr(cls, name, wrap(method))

    def __init__(self, **kwargs):
        unknown = set(kwargs) - _BASE_KWARGS
        if unknown:
            raise TypeError(f"Keyword argument not understood: {sorted(unknown)[0]!r}")
        kept = {k: self.__dict__[k] for k in _KEPT_ACROSS_INIT if k in self.__dict__}
        name = kwargs.get("name") or naming.unique_name(type(self).__name__)
        dtype = kwargs.get("dtype")
        super().__init__(name=name, trainable=kwargs.get("trainable", True), dtype=dtype)
        self.__dict__.update(kept)
        if "_supports_masking" not in kept:
            self._supports_masking = False  # Keras 1 default, whatever compute_mask does
        if "input_spec" in kept:
            self.input_spec = kept["input_spec"]
        self._legacy_batch_input_shape = batch_input_shape_from(kwargs)
        self._legacy_input_dtype = kwargs.get("input_dtype") or config.floatx()
        self._legacy_initial_weights = kwargs.get("weights")
        self.__dict__.setdefault("_legacy_trainable", None)
        self.__dict__.setdefault("_legacy_non_trainable", None)
        # Plain containers: Keras 3 would wrap attribute dicts/lists in tracking containers.
        self.__dict__["_legacy_constraints"] = _IdentityDict()
        self.__dict__["_legacy_regularizers"] = []
        self.updates = []
        if not hasattr(self, "uses_learning_phase"):
            self.uses_learning_phase = False

    # --- weights ----------------------------------------------------------------------------
    def _legacy_track(self, variable, trainable: bool) -> None:
        if isinstance(variable, keras.Variable):
            variable.trainable = trainable
            source, target = (
                (self._non_trainable_variables, self._trainable_variables)
                if trainable else (self._trainable_variables, self._non_trainable_variables)
            )
            for i, v in enumerate(list(source)):
                if v is variable:
                    del source[i]
            if not any(v is variable for v in target):
                target.append(variable)

    def _legacy_untrack(self, variable) -> None:
        """Keep a variable out of the layer's weights (Keras 1 RNN states are not weights)."""
        for pool in (self._trainable_variables, self._non_trainable_variables):
            for i, v in enumerate(list(pool)):
                if v is variable:
                    del pool[i]

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        if self.__dict__.get("_legacy_trainable") is not None:
            return list(self._legacy_trainable)
        return [v for v in self._trainable_variables if v.trainable] + [
            v for layer in self._layers for v in layer.trainable_weights
        ]

    @trainable_weights.setter
    def trainable_weights(self, weights):
        weights = list(weights)
        if "_trainable_variables" in self.__dict__:
            for w in weights:
                self._legacy_track(w, True)
        self.__dict__["_legacy_trainable"] = weights

    @property
    def non_trainable_weights(self):
        explicit = self.__dict__.get("_legacy_non_trainable")
        own = list(explicit) if explicit is not None else [
            v for v in self._non_trainable_variables + self._trainable_variables if not v.trainable
        ] + [v for layer in self._layers for v in layer.non_trainable_weights]
        if not self.trainable:
            trainable = self.__dict__.get("_legacy_trainable")
            if trainable is None:
                trainable = [v for v in self._trainable_variables if v.trainable]
            return list(trainable) + own
        return own

    @non_trainable_weights.setter
    def non_trainable_weights(self, weights):
        weights = list(weights)
        if "_trainable_variables" in self.__dict__:
            for w in weights:
                self._legacy_track(w, False)
        self.__dict__["_legacy_non_trainable"] = weights

    @property
    def weights(self):
        """Keras 1 order: trainable weights, then non-trainable ones."""
        if not self.trainable:
            return self.non_trainable_weights
        return self.trainable_weights + self.non_trainable_weights

    def get_weights(self):
        self._ensure_built()
        return [keras.ops.convert_to_numpy(w) for w in self.weights]

    def set_weights(self, weights):
        self._ensure_built()
        params = self.weights
        if len(params) != len(weights):
            raise ValueError(
                f"You called `set_weights(weights)` on layer {self.name!r} with a weight list of length "
                f"{len(weights)}, but the layer was expecting {len(params)} weights."
            )
        for p, w in zip(params, weights):
            if tuple(p.shape) != tuple(getattr(w, "shape", ())):
                raise ValueError(
                    f"Layer weight shape {tuple(p.shape)} not compatible with provided weight shape "
                    f"{tuple(getattr(w, 'shape', ()))} (layer {self.name!r})."
                )
            p.assign(w)

    def legacy_weight_names(self) -> list[str]:
        names, seen = [], set()
        for i, w in enumerate(self.weights):
            name = (getattr(w, "name", None) or f"param_{i}").split(":")[0]
            if name in seen:
                name = f"{name}_{i}"
            seen.add(name)
            names.append(name)
        return names

    def add_weight(self, shape=None, initializer="glorot_uniform", name=None, trainable=True,
                   regularizer=None, constraint=None, **kwargs):
        """Keras 1.2: `add_weight(shape, initializer, name=None, trainable=True, regularizer=None,
        constraint=None)`; `initializer` is a Keras 1 name or function `(shape, name) -> variable`."""
        if kwargs:  # a Keras 3 style call (dtype=, autocast=, ...)
            return super().add_weight(shape=shape, initializer=seeding.fresh_initializer(initializer), name=name,
                                      trainable=trainable, regularizer=regularizer, constraint=constraint, **kwargs)
        init = _keras3_initializer(initializer, name)
        variable = super().add_weight(shape=tuple(shape), initializer=init, name=name, trainable=trainable,
                                      regularizer=regularizer, constraint=constraint)
        if constraint is not None:
            self._legacy_constraints[variable] = constraint
        return variable

    def _ensure_built(self):
        if not self.built and self._legacy_batch_input_shape is not None:
            self.build(self._legacy_batch_input_shape)
            self.built = True

    def build(self, input_shape):
        self.built = True

    def _legacy_after_build(self):
        self.built = True
        for variable, constraint in self._legacy_constraints.items():
            variable.constraint = constraint
        initial = self.__dict__.get("_legacy_initial_weights")
        if initial is not None:
            self._legacy_initial_weights = None
            self.set_weights(initial)

    # --- Keras 1 attributes --------------------------------------------------------------------
    @property
    def constraints(self):
        return self._legacy_constraints

    @constraints.setter
    def constraints(self, value):
        table = _IdentityDict()
        for k, v in dict.items(value) if isinstance(value, _IdentityDict) else value.items():
            table[k] = v
        self.__dict__["_legacy_constraints"] = table
        for variable, constraint in table.items():
            if isinstance(variable, keras.Variable):
                variable.constraint = constraint

    @property
    def regularizers(self):
        return self._legacy_regularizers

    @regularizers.setter
    def regularizers(self, value):
        lk_warnings.warn_legacy(
            "keras.engine.topology.Layer.regularizers",
            "Keras 1.0 `layer.regularizers = [...]` (with `regularizer.set_param(W)`) is "
            "`self.add_weight(..., regularizer=...)` in Keras 1.2 and Keras 3",
        )
        self.__dict__["_legacy_regularizers"] = list(value)

    def add_update(self, updates, inputs=None):
        """Keras 1: updates `(variable, new_value)` run at each training step."""
        if not isinstance(updates, (list, tuple)) or (len(updates) == 2 and isinstance(updates[0], keras.Variable)):
            updates = [updates]
        self.updates = list(self.updates) + list(updates)

    def add_loss(self, losses, inputs=None):
        for loss in losses if isinstance(losses, (list, tuple)) else [losses]:
            if loss is not None and not (isinstance(loss, (int, float)) and loss == 0):
                super().add_loss(loss)

    def _legacy_after_call(self):
        pending, self.updates = list(self.updates), []
        if pending and symbolic.current_training():
            for update in pending:
                if isinstance(update, (list, tuple)) and len(update) == 2:
                    variable, value = update
                    variable.assign(keras.ops.cast(value, variable.dtype))
        for regularizer in self._legacy_regularizers:
            param = getattr(regularizer, "p", None)
            if param is not None:
                super().add_loss(regularizer(param))

    # --- shapes and masks ------------------------------------------------------------------------
    def get_output_shape_for(self, input_shape):
        return input_shape

    def compute_output_shape(self, input_shape):
        shape = self.get_output_shape_for(_legacy_shape(input_shape))
        return _legacy_shape(shape)

    def compute_output_spec(self, *args, **kwargs):
        if type(self).get_output_shape_for is Layer.get_output_shape_for:
            # No Keras 1 shape function: trace `call`, as Keras 3 does.
            return keras.Operation.compute_output_spec(self, *args, **kwargs)
        return super().compute_output_spec(*args, **kwargs)

    def compute_mask(self, input, input_mask=None):
        if not self.supports_masking:
            if input_mask is not None and any(m is not None for m in (input_mask if isinstance(input_mask, list) else [input_mask])):
                raise TypeError(
                    f"Layer {self.name} does not support masking, but was passed an input_mask: {input_mask}"
                )
            return None
        return input_mask

    @property
    def input_shape(self):
        if getattr(self, "_inbound_nodes", None):
            return _tensor_shape(self.input)
        if self._legacy_batch_input_shape is not None:
            return tuple(self._legacy_batch_input_shape)
        raise AttributeError(f"The layer {self.name!r} has never been called and thus has no defined input shape.")

    @property
    def output_shape(self):
        if getattr(self, "_inbound_nodes", None):
            return _tensor_shape(self.output)
        if self._legacy_batch_input_shape is not None:
            return self.compute_output_shape(self._legacy_batch_input_shape)
        raise AttributeError(f"The layer {self.name!r} has never been called and thus has no defined output shape.")

    @property
    def inbound_nodes(self):
        return self._inbound_nodes

    @property
    def outbound_nodes(self):
        return self._outbound_nodes

    def get_output_shape_at(self, node_index):
        return _tensor_shape(self.get_output_at(node_index))

    def get_input_shape_at(self, node_index):
        return _tensor_shape(self.get_input_at(node_index))

    # --- config ----------------------------------------------------------------------------------
    def get_config(self):
        config_ = {"name": self.name, "trainable": self.trainable}
        if self._legacy_batch_input_shape is not None:
            config_["batch_input_shape"] = list(self._legacy_batch_input_shape)
            config_["input_dtype"] = self._legacy_input_dtype
        return config_

    @classmethod
    def from_config(cls, config_):
        return cls(**config_)


def _tensor_shape(tensor):
    if isinstance(tensor, (list, tuple)):
        return [tuple(t.shape) for t in tensor]
    return tuple(tensor.shape)


def _keras3_initializer(initializer, name):
    """A Keras 3 initializer for a Keras 1 one (a name or a `(shape, name) -> variable` function)."""
    if isinstance(initializer, keras.initializers.Initializer):
        return initializer
    if isinstance(initializer, str):
        try:
            from legacykeras import initializations
        except ImportError:
            initializations = None
        if initializations is not None:
            initializer = initializations.get(initializer)
        else:
            from legacykeras.rules.values import INIT_NAMES
            from legacykeras.runtime.values import instantiate

            return keras.initializers.get(instantiate(INIT_NAMES.convert(initializer)))
        if isinstance(initializer, (str, keras.initializers.Initializer)):
            return keras.initializers.get(initializer)
    if callable(initializer):
        legacy = initializer

        def init(shape, dtype=None):
            try:
                value = legacy(tuple(shape), name=name)
            except TypeError:
                value = legacy(tuple(shape))
            return keras.ops.cast(keras.ops.convert_to_tensor(value.value if isinstance(value, keras.Variable) else value),
                                  dtype or config.floatx())

        return init
    raise ValueError(f"Could not interpret initializer: {initializer!r}")


__all__ = ["InputSpec", "Layer"]
