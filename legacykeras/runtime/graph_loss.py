"""Keras 1 losses that close over intermediate tensors of the model.

Keras 1 built one symbolic graph for the whole training step, so a loss could use
any tensor of the model, not just its `(y_true, y_pred)` arguments. The
variational autoencoder example does:

    def vae_loss(x, x_decoded_mean):
        xent_loss = original_dim * objectives.binary_crossentropy(x, x_decoded_mean)
        kl_loss = - 0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var), axis=-1)
        return xent_loss + kl_loss

Keras 3 calls the loss on concrete values, where `z_mean` (a KerasTensor) cannot
be used. Here, at compile time, a custom loss is traced once on the model's
symbolic output (the backend lifts its ops into graph nodes). When the traced
loss reaches tensors of the model other than `y_pred`, the loss becomes a graph
from `[y_true, y_pred, *those tensors]`; the model's forward pass then also
computes those tensors (one pass, so dropout and sampling agree with `y_pred`),
and the loss graph runs on the values of that pass.
"""

from __future__ import annotations

import functools
import threading

from legacykeras._keras import keras
from legacykeras.backend import symbolic


def _history_inputs(tensor):
    history = getattr(tensor, "_keras_history", None)
    if history is None:
        return []
    operation, node_index, _ = history
    nodes = getattr(operation, "_inbound_nodes", None) or []
    if node_index >= len(nodes):
        return []
    return [t for t in keras.tree.flatten(nodes[node_index].input_tensors) if symbolic.is_symbolic(t)]


def _model_tensors(model) -> dict:
    """id -> KerasTensor for every tensor of the model's graph (inputs to outputs)."""
    found = {}
    stack = list(model.outputs)
    while stack:
        tensor = stack.pop()
        if id(tensor) in found:
            continue
        found[id(tensor)] = tensor
        stack.extend(_history_inputs(tensor))
    return found


def _referenced(loss_tensor, model_tensors, stop_ids) -> list:
    """The model tensors the traced loss reads, other than those in `stop_ids`, in first-seen order."""
    seen, referenced = set(), []
    stack = [loss_tensor]
    while stack:
        tensor = stack.pop()
        if id(tensor) in seen:
            continue
        seen.add(id(tensor))
        if id(tensor) in stop_ids:
            continue
        if id(tensor) in model_tensors:
            referenced.append(tensor)
            continue
        stack.extend(_history_inputs(tensor))
    return referenced


def _is_builtin(fn) -> bool:
    return (getattr(fn, "__module__", "") or "").startswith(("legacykeras.", "keras."))


class GraphLossFunction:
    """A Keras 1 loss function evaluated as a graph on `y_true`, `y_pred` and intermediate tensors."""

    def __init__(self, fn, state, y_true, y_pred, loss_tensor, extras):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "loss")
        self._state = state
        self._extras = extras
        self._graph = keras.Function([y_true, y_pred, *extras], loss_tensor)

    def __call__(self, y_true, y_pred):
        values = getattr(self._state.local, "values", None)
        if values is None or any(id(t) not in values for t in self._extras):
            raise RuntimeError(
                f"The Keras 1 loss {self.__name__!r} uses intermediate tensors of the model; it can only be "
                "evaluated inside the model's own fit/train_on_batch/evaluate (the values come from the "
                "model's forward pass)."
            )
        feeds = [y_true, y_pred, *(values[id(t)] for t in self._extras)]
        return symbolic.run_graph(self._graph, feeds)


class GraphLossState:
    """What a model with intermediate-tensor losses computes in its forward pass."""

    def __init__(self, model, extras):
        self.extras = extras
        self.local = threading.local()
        self.function = keras.Function(list(model.inputs), [*model.outputs, *extras])
        self.n_outputs = len(model.outputs)


def bind(model, losses, loss_fns):
    """After compile: make custom losses that read intermediate model tensors graph losses.

    `losses` are the Keras 3 loss objects (`LegacyLoss`, changed in place), `loss_fns` the
    Keras 1 functions; both are per model output. Sets (or clears) `model._legacy_graph_loss`.
    """
    from legacykeras.runtime.compile import LegacyLoss

    model._legacy_graph_loss = None
    if not hasattr(model, "_run_through_graph") or not getattr(model, "outputs", None):
        return
    candidates = [i for i, (obj, fn) in enumerate(zip(losses, loss_fns))
                  if isinstance(obj, LegacyLoss) and fn is not None and not _is_builtin(fn)]
    if not candidates:
        return
    model_tensors = _model_tensors(model)
    traced = {}
    for i in candidates:
        y_pred = model.outputs[i]
        y_true = keras.Input(batch_shape=tuple(y_pred.shape), dtype=y_pred.dtype)
        try:
            loss_tensor = loss_fns[i](y_true, y_pred)
        except Exception:  # noqa: BLE001 (a loss written on concrete tensors only: left as is)
            continue
        if not symbolic.is_symbolic(loss_tensor):
            continue
        extras = _referenced(loss_tensor, model_tensors, {id(y_pred), id(y_true)})
        if extras:
            traced[i] = (y_true, y_pred, loss_tensor, extras)
    if not traced:
        return
    all_extras = {}
    for _, _, _, extras in traced.values():
        for tensor in extras:
            all_extras.setdefault(id(tensor), tensor)
    state = GraphLossState(model, list(all_extras.values()))
    for i, (y_true, y_pred, loss_tensor, extras) in traced.items():
        losses[i].fn = GraphLossFunction(loss_fns[i], state, y_true, y_pred, loss_tensor, extras)
    model._legacy_graph_loss = state


def call(model, inputs, training=None, mask=None, **kwargs):
    """The model's forward pass that also records the tensors its losses read; None when not needed."""
    state = getattr(model, "_legacy_graph_loss", None)
    if state is None:
        return None
    from keras.src import backend
    from keras.src.models.functional import operation_fn

    inputs = model._standardize_inputs(inputs)
    if mask is not None:
        for x, m in zip(inputs, keras.tree.flatten(mask)):
            if m is not None:
                backend.set_keras_mask(x, m)
    values = state.function._run_through_graph(
        inputs, operation_fn=functools.partial(_op_fn, operation_fn, training, kwargs))
    values = list(values)
    state.local.values = {id(t): v for t, v in zip(state.extras, values[state.n_outputs:])}
    outputs = values[:state.n_outputs]
    return outputs[0] if len(outputs) == 1 else outputs


def _op_fn(operation_fn, training, kwargs, op):
    return operation_fn(op, training=training, **kwargs)
