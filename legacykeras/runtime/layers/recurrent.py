"""Keras 1 `SimpleRNN`, `GRU`, `LSTM` on Keras 3's recurrent layers.

The rows in `legacykeras.rules.layers.recurrent` do the argument work; this
module adds what a row cannot say:
- Keras 1's 'cpu'/'mem' modes initialised and regularised the recurrent
  kernels of GRU/LSTM with `init` / `W_regularizer` (1.2.2 `GRU.build`,
  `LSTM.build`), so those modes get the same here;
- Keras 1 attributes: `output_dim`, `W`/`U`/`b` (the gates side by side, as
  Keras 1 concatenated them), `consume_less`, `inner_activation`, `states`;
- user subclasses that override Keras 1 hooks (`step`, `build`, `get_constants`,
  ...) are re-based onto the step-based classes of `step_recurrent`, since
  Keras 3's cell would ignore them.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.rules.layers import recurrent as rows
from legacykeras.rules.schema import Expr
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.runtime.values import instantiate

_MODULE = "legacykeras.layers.recurrent"


def keras1_activation(value):
    """A Keras 1 activation (name or function) as a Keras 3 one; 'hard_sigmoid' keeps slope 0.2."""
    if isinstance(value, Expr) and value.target == "legacykeras.activations.get":
        value = value.kwargs["identifier"]
    if value == "hard_sigmoid":
        try:
            from legacykeras import activations
        except ImportError:  # the activations module is optional for the recurrent layers
            from legacykeras.backend import hard_sigmoid

            return hard_sigmoid
        return activations.get("hard_sigmoid")
    return instantiate(value)


def _modern_kwargs(self, translation):
    kwargs = dict(translation.kwargs)
    for key in ("activation", "recurrent_activation"):
        if key in kwargs:
            kwargs[key] = keras1_activation(kwargs[key])
    legacy = translation.legacy
    if self.legacy_rule is not rows.SIMPLERNN and legacy.get("consume_less", "cpu") != "gpu":
        # Keras 1.2.2 per-gate modes: U_* used `init` and `W_regularizer` (a Keras 1 quirk we keep).
        kwargs["recurrent_initializer"] = kwargs.get("kernel_initializer", "glorot_uniform")
        kwargs["recurrent_regularizer"] = kwargs.get("kernel_regularizer")
        if isinstance(kwargs["recurrent_initializer"], Expr):
            kwargs["recurrent_initializer"] = Expr(kwargs["recurrent_initializer"].target,
                                                   dict(kwargs["recurrent_initializer"].kwargs))
    return {k: instantiate(v) for k, v in kwargs.items()}


def _finish(self, translation):
    LegacyLayerMixin._legacy_finish(self, translation)
    base = translation.base
    if base.get("input_dim") and base.get("input_shape") is None and base.get("batch_input_shape") is None:
        # Keras 1 Recurrent: input_dim means input_shape=(input_length, input_dim), length or not.
        self._legacy_batch_input_shape = (base.get("batch_size"), base.get("input_length"), base["input_dim"])


_GATES = {"GRU": 3, "LSTM": 4}


def _build(self, input_shape):
    initial = self.__dict__.get("_legacy_initial_weights")
    LegacyLayerMixin.build(self, input_shape)
    gates = _GATES.get(type(self).__name__)
    if gates and initial is None and self.legacy_config().get("consume_less", "cpu") != "gpu":
        # Keras 1 'cpu'/'mem' modes drew each gate's W and U on its own (in, units) / (units, units)
        # shape, so fan-based initializers (glorot, he, lecun) had per-gate fans; do the same.
        cell = self.cell
        for variable, initializer in ((cell.kernel, cell.kernel_initializer),
                                      (cell.recurrent_kernel, cell.recurrent_initializer)):
            rows, cols = variable.shape
            parts = [_fresh(initializer)((rows, cols // gates), dtype=variable.dtype) for _ in range(gates)]
            variable.assign(keras.ops.concatenate(parts, axis=-1))


def _fresh(initializer):
    """A new instance (an unseeded Keras 3 initializer repeats its values on every call)."""
    try:
        return type(initializer).from_config(initializer.get_config())
    except Exception:  # a plain function
        return initializer


def _get_config(self):
    """Keras 1 `Recurrent.get_config()`: a stateful layer records its full batch input shape; any
    other records `input_dim` (the built one) and `input_length`."""
    config = LegacyLayerMixin.get_config(self)
    legacy = self.legacy_config()
    batch_shape = self._legacy_batch_input_shape
    if batch_shape is None and getattr(self, "_inbound_nodes", None):
        batch_shape = tuple(self._inbound_nodes[0].input_tensors[0].shape)  # [x, mask] when masked
    if self.stateful and batch_shape is not None:
        config.pop("input_dim", None)
        config.pop("input_length", None)
        config["batch_input_shape"] = list(batch_shape)
    else:
        input_dim = legacy.get("input_dim")
        if self.built:
            input_dim = int(self.cell.kernel.shape[0])
        config["input_dim"] = input_dim
        config["input_length"] = legacy.get("input_length")
    return config


def _cell_attr(name):
    return property(lambda self: getattr(self.cell, name), doc=f"Keras 1 name of `cell.{name}`.")


def _rebasing(keras1_name):
    def __init_subclass__(cls, **kwargs):
        # A user subclass overriding Keras 1 hooks (step, build, ...) runs on the step-based class.
        from legacykeras.runtime.layers.step_recurrent import rebase_user_subclass

        rebase_user_subclass(cls, keras1_name)

    return classmethod(__init_subclass__)


_EXTRA = {
    "_legacy_modern_kwargs": _modern_kwargs,
    "_legacy_finish": _finish,
    "build": _build,
    "get_config": _get_config,
    "output_dim": property(lambda self: self.units, doc="Keras 1 name of `units`."),
    "consume_less": property(lambda self: self.legacy_config().get("consume_less", "cpu")),
    "inner_activation": property(lambda self: getattr(self.cell, "recurrent_activation", None)),
    "W": _cell_attr("kernel"),
    "U": _cell_attr("recurrent_kernel"),
    "b": _cell_attr("bias"),
}

SimpleRNN = legacy_layer_class(rows.SIMPLERNN, keras.layers.SimpleRNN, module=_MODULE,
                               extra={**_EXTRA, "__init_subclass__": _rebasing("SimpleRNN")})
GRU = legacy_layer_class(rows.GRU, keras.layers.GRU, module=_MODULE,
                         extra={**_EXTRA, "__init_subclass__": _rebasing("GRU")})
LSTM = legacy_layer_class(rows.LSTM, keras.layers.LSTM, module=_MODULE,
                          extra={**_EXTRA, "__init_subclass__": _rebasing("LSTM")})

__all__ = ["GRU", "LSTM", "SimpleRNN", "keras1_activation"]
