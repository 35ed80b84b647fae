"""`LegacyLayerMixin`: the Keras 1 surface every legacy layer shares.

A legacy layer is a Keras 3 layer (the mixin sits first in the MRO) that
- takes Keras 1 arguments, translated by its rules-table row;
- names itself the Keras 1 way (`dense_1`);
- remembers `input_shape` / `batch_input_shape` / `input_dim` so a Sequential
  can start with it, and `weights=` to set after build;
- speaks the Keras 1 weight layout in `get_weights` / `set_weights`;
- answers `get_config()` in Keras 1 form, `output_shape`, `layer.W`, ...
"""

from __future__ import annotations

from legacykeras import config as config_module
from legacykeras import warnings as lk_warnings
from legacykeras.rules import values as rule_values
from legacykeras.rules import weights as weight_layouts
from legacykeras.rules.convert import BASE_ARGS, Translation, modern_call, translate
from legacykeras.rules.schema import CallRule
from legacykeras.runtime import naming, seeding
from legacykeras.runtime.values import instantiate_all, to_legacy_config_value


def batch_input_shape_from(base: dict):
    """Keras 1's ways to give a first layer its input shape, as one batch shape."""
    if base.get("batch_input_shape") is not None:
        return tuple(base["batch_input_shape"])
    batch = base.get("batch_size")
    if base.get("input_shape") is not None:
        return (batch, *tuple(base["input_shape"]))
    if base.get("input_dim") is not None:
        if "input_length" in base:
            return (batch, base.get("input_length"), base["input_dim"])
        return (batch, base["input_dim"])
    return None


class LegacyLayerMixin:
    """Keras 1 behaviour on top of a Keras 3 layer class."""

    legacy_rule: CallRule | None = None
    _legacy_default_input_dtype = "float32"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Keras 1 drew initial weights from NumPy's global RNG: the Keras 3 seeds a legacy layer
        # draws while constructed or built follow `np.random.seed` (runtime/seeding.py).
        for name in ("__init__", "build"):
            method = cls.__dict__.get(name)
            if method is not None:
                setattr(cls, name, seeding.seeded_from_numpy(method))

    # --- construction -------------------------------------------------------------------
    def _legacy_translate(self, args, kwargs, rule: CallRule | None = None) -> Translation:
        rule = rule or self.legacy_rule
        translation = translate(rule, args, kwargs)
        if "dim_ordering" in rule.positional and "dim_ordering" in rule.rename:
            # Keras 1 read 'default' (or nothing) from keras.json at construction; Keras 3
            # would read its own image_data_format instead.
            modern = rule.rename["dim_ordering"]
            if translation.kwargs.get(modern) is None:
                translation.kwargs[modern] = rule_values.default_data_format()
        if translation.changes:
            lk_warnings.warn_legacy(
                rule.code,
                f"Keras 1 call `{rule.old_name}(...)`: {'; '.join(translation.changes)}. "
                f"Keras 3: {modern_call(rule, translation)}",
            )
        return translation

    def _legacy_base_kwargs(self, translation: Translation) -> dict:
        """Keras 3 base-layer keywords from Keras 1's base arguments."""
        base = translation.base
        # `trainable` is set after construction (`_legacy_finish`): some Keras 3 layers
        # (SpatialDropout*) take no `trainable` keyword.
        out = {"name": base.get("name") or naming.unique_name(type(self).__name__)}
        if base.get("input_dtype") is not None and "float" in str(base["input_dtype"]):
            # An integer input_dtype (Embedding ids in 1.2.2 configs) types the input, not the weights.
            out["dtype"] = base["input_dtype"]
        return out

    def _legacy_finish(self, translation: Translation) -> None:
        base = dict(translation.base)
        rule = self.legacy_rule
        self._legacy_config = dict(translation.legacy)
        if rule is not None and "dim_ordering" in rule.positional:
            ordering = self._legacy_config.get("dim_ordering", "default")
            if ordering in (None, "default"):
                self._legacy_config["dim_ordering"] = config_module.image_dim_ordering()
        if rule is not None and "input_dim" in base and ("input_length" in rule.positional
                                                         or "input_length" in rule.config):
            # Keras 1 sequence layers (Convolution1D, TimeDistributedDense, ...) turned
            # input_dim alone into input_shape=(input_length or None, input_dim).
            base.setdefault("input_length", None)
        self._legacy_batch_input_shape = batch_input_shape_from(base)
        self._legacy_input_dtype = base.get("input_dtype") or self._legacy_default_input_dtype
        self._legacy_initial_weights = base.get("weights")
        if "trainable" in base:
            self.trainable = base["trainable"]
        regularizer = getattr(self, "activity_regularizer", None)
        if regularizer is not None and not isinstance(regularizer, _SummedOverBatch):
            self.activity_regularizer = _SummedOverBatch(regularizer)

    def _legacy_modern_kwargs(self, translation: Translation) -> dict:
        return live_values(instantiate_all(translation.kwargs))

    # --- weights ------------------------------------------------------------------------
    @property
    def legacy_layout(self):
        return weight_layouts.get(self.legacy_rule.weights) if self.legacy_rule else None

    def legacy_config(self) -> dict:
        """The Keras 1 arguments, as converters and configs need them.

        Rows that list Keras 1's `get_config()` keys (`CallRule.config`) give every
        key, defaults filled in and `dim_ordering` resolved, as Keras 1 did.
        """
        given = dict(getattr(self, "_legacy_config", {}))
        rule = self.legacy_rule
        if rule is not None and rule.config:
            config = {key: given.get(key, default) for key, default in rule.config.items()}
            config = self._legacy_complete_config(config)
        else:
            config = given
        config.setdefault("name", self.name)
        return config

    def _legacy_complete_config(self, config: dict) -> dict:
        """Values Keras 1 knew only once built or resolved itself (overridden by adapters)."""
        if "activation" in config and config["activation"] is None:
            config["activation"] = "linear"
        return config

    @seeding.seeded_from_numpy
    def build(self, input_shape):
        super().build(input_shape)
        self._legacy_remap_constraint_axes()
        initial = getattr(self, "_legacy_initial_weights", None)
        if initial is not None:
            self._legacy_initial_weights = None
            self.set_weights(initial)

    def add_weight(self, shape=None, initializer=None, *args, **kwargs):
        # Each weight draws its own seed, as Keras 1 did, even from a shared initializer.
        return super().add_weight(shape, seeding.fresh_initializer(initializer), *args, **kwargs)

    def _legacy_remap_constraint_axes(self):
        """A Keras 1 `maxnorm(axis=...)` counted axes of the Keras 1 array; point it at the same
        axes of the Keras 3 array (a 'th' kernel is (out, in, rows, cols) in Keras 1)."""
        layout = self.legacy_layout
        if layout is None or layout.axis_maps is None:
            return
        for variable, axis_map in zip(self.weights, layout.axis_maps(self.legacy_config())):
            constraint = getattr(variable, "constraint", None)
            if not axis_map or constraint is None or getattr(constraint, "axis", None) is None:
                continue
            variable.constraint = _with_axis(constraint, axis_map)

    def _ensure_built(self):
        if not self.built and getattr(self, "_legacy_batch_input_shape", None) is not None:
            self.build(self._legacy_batch_input_shape)

    def get_weights(self):
        self._ensure_built()
        arrays = super().get_weights()
        layout = self.legacy_layout
        return layout.to_legacy(arrays, self.legacy_config()) if layout else arrays

    def set_weights(self, weights):
        self._ensure_built()
        layout = self.legacy_layout
        arrays = layout.to_modern(list(weights), self.legacy_config()) if layout else list(weights)
        expected = super().get_weights()
        if len(arrays) != len(expected):
            raise ValueError(
                f"Layer {self.name!r} ({type(self).__name__}) expects {len(expected)} weight arrays "
                f"in the Keras 1 layout, but received {len(weights)}."
            )
        for new, old in zip(arrays, expected):
            if tuple(new.shape) != tuple(old.shape):
                raise ValueError(
                    f"Layer {self.name!r} ({type(self).__name__}): a weight of shape {tuple(new.shape)} "
                    f"does not fit the expected shape {tuple(old.shape)} (Keras 3 layout)."
                )
        super().set_weights(arrays)

    def legacy_weight_names(self) -> list[str]:
        """Keras 1 variable names (`dense_1_W`), as HDF5 files store them."""
        layout = self.legacy_layout
        if layout is None:
            return [f"param_{i}" for i in range(len(super().get_weights()))]
        return [f"{self.name}_{suffix}" for suffix in layout.names(self.legacy_config())]

    def __getattr__(self, name):
        # Only reached when normal lookup fails: Keras 1 weight attributes (`W`, `b`, ...).
        layout = type(self).__dict__.get("_legacy_attribute_map") or _attribute_map(type(self))
        if name in layout:
            return getattr(self, layout[name])
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # --- shapes -------------------------------------------------------------------------
    @property
    def output_shape(self):
        if getattr(self, "_inbound_nodes", None):
            return _shape(self.output)
        if getattr(self, "_legacy_batch_input_shape", None) is not None:
            return tuple(self.compute_output_shape(self._legacy_batch_input_shape))
        raise AttributeError(f"The layer {self.name!r} has never been called and thus has no defined output shape.")

    @property
    def input_shape(self):
        if getattr(self, "_inbound_nodes", None):
            return _shape(self.input)
        if getattr(self, "_legacy_batch_input_shape", None) is not None:
            return tuple(self._legacy_batch_input_shape)
        raise AttributeError(f"The layer {self.name!r} has never been called and thus has no defined input shape.")

    def get_output_shape_for(self, input_shape):
        return tuple(self.compute_output_shape(input_shape))

    # --- config -------------------------------------------------------------------------
    def get_config(self):
        """Keras 1 form: Keras 1 argument names and values, plus name/trainable/input shape."""
        config = {"name": self.name, "trainable": self.trainable}
        if getattr(self, "_legacy_batch_input_shape", None) is not None:
            config["batch_input_shape"] = list(self._legacy_batch_input_shape)
            config["input_dtype"] = self._legacy_input_dtype
        rule = self.legacy_rule
        keep = set(rule.config) if rule is not None else set()
        for key, value in self.legacy_config().items():
            if key == "name" or (key in BASE_ARGS and key not in keep):
                continue
            config[key] = to_legacy_config_value(value)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _with_axis(constraint, axis_map: dict):
    import copy

    axes = constraint.axis if isinstance(constraint.axis, (list, tuple)) else [constraint.axis]
    moved = sorted(axis_map[a % len(axis_map)] for a in axes if axis_map.get(a % len(axis_map)) is not None)
    remapped = copy.copy(constraint)
    remapped.axis = moved if isinstance(constraint.axis, (list, tuple)) or len(moved) != 1 else moved[0]
    return remapped


def live_values(kwargs: dict) -> dict:
    """Keras 3 keywords with Keras 1 values made live (idempotent; see `_live_value`)."""
    return {key: _live_value(key, value) for key, value in kwargs.items()}


def _live_value(key: str, value):
    """Keras 1 forms Keras 3 cannot read: `{"name": "L1L2Regularizer", ...}` config dicts
    (as Keras 1 files hold them) and `init(shape, name=None)` callables."""
    if key.endswith("_regularizer") and isinstance(value, dict) and "name" in value:
        from legacykeras import regularizers

        return regularizers.get(value)
    if key.endswith("_constraint") and isinstance(value, dict) and "name" in value:
        from legacykeras import constraints

        return constraints.get(value)
    if key.endswith("_initializer") and callable(value):
        from legacykeras import initializations

        return initializations.legacy_initializer(value)
    return value


class _SummedOverBatch:
    """Keras 1 added an activity penalty summed over the batch; Keras 3 divides it by the
    batch size (its layers take the mean). Multiplying back keeps Keras 1's loss values."""

    def __init__(self, regularizer):
        self.regularizer = regularizer

    def __call__(self, x):
        from legacykeras._keras import keras

        return self.regularizer(x) * keras.ops.cast(keras.ops.shape(x)[0], x.dtype)

    def get_legacy_config(self):
        return to_legacy_config_value(self.regularizer)

    def get_config(self):
        return self.regularizer.get_config()


def _attribute_map(cls) -> dict:
    rule = getattr(cls, "legacy_rule", None)
    layout = weight_layouts.get(rule.weights) if rule is not None and rule.weights else None
    return layout.attributes if layout else {}


def _shape(tensor):
    if isinstance(tensor, (list, tuple)):
        return [_shape(t) for t in tensor]
    return tuple(tensor.shape)
