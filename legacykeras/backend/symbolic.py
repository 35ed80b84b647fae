"""Keras 1's symbolic graph (placeholders, `K.function`, `K.gradients`, the learning phase) on Keras 3.

Keras 1 code builds expressions on symbolic tensors and compiles them:

    grads = K.gradients(loss, model.input)[0]
    f = K.function([model.input, K.learning_phase()], [loss, grads])
    loss_value, grads_value = f([img, 0])

Keras 3 has symbolic tensors too (`KerasTensor`, what `keras.Input` and a
functional model's `layer.output` are), but no graph compiler for arbitrary
expressions and no symbolic gradient. This module supplies the missing pieces:

- `lifted(fn)`: a backend function written on TensorFlow tensors also accepts
  KerasTensors; it then records a graph node (a Keras 3 `Operation`) instead
  of computing, exactly like `keras.ops` do.
- `GradientOp`: a graph node whose value is d(loss)/d(x), computed with a
  `tf.GradientTape` when the graph runs.
- `Function`: runs a graph from fed inputs (a `keras.Function` underneath),
  with the learning phase fed as 0/1, and applies `updates`.
- `learning_phase()`: inside a layer call, the call's `training` flag; inside
  a `Function` run, the fed value; elsewhere the symbolic `LEARNING_PHASE`
  placeholder that `K.function` accepts as an input.
"""

from __future__ import annotations

import contextlib
import functools
import threading

import numpy as np

from legacykeras._keras import keras

import tensorflow as tf  # noqa: E402  (after keras pinned the backend)

_state = threading.local()
_learning_phase_override: list = []  # set_learning_phase(): [0] or [1], global like Keras 1


def is_symbolic(x) -> bool:
    return isinstance(x, keras.KerasTensor)


def _flatten(value):
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    else:
        yield value


def any_symbolic(*values) -> bool:
    return any(is_symbolic(v) for v in _flatten(values))


class LiftedOp(keras.Operation):
    """A graph node running a TensorFlow-level backend function when the graph runs."""

    def __init__(self, fn, name=None):
        super().__init__(name=name)
        self.fn = fn

    def call(self, *args, **kwargs):
        return self.fn(*args, **kwargs)

    def compute_output_spec(self, *args, **kwargs):
        # Keras 3 marks `x * 2` as sparse when `x` is a dense Input; trace with dense specs,
        # which is what the values are when the graph runs.
        def dense(value):
            if is_symbolic(value) and getattr(value, "sparse", False) and not _is_input(value):
                return keras.KerasTensor(value.shape, dtype=value.dtype)
            return value

        args, kwargs = keras.tree.map_structure(dense, (args, kwargs))
        return super().compute_output_spec(*args, **kwargs)


def _is_input(tensor) -> bool:
    history = getattr(tensor, "_keras_history", None)
    return history is None or isinstance(history[0], keras.layers.InputLayer)


def lifted(fn):
    """Let `fn` (written on TF tensors) take KerasTensors: it then builds a graph node."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if any_symbolic(args, kwargs):
            return LiftedOp(fn)(*args, **kwargs)
        return fn(*args, **kwargs)

    wrapper.lifted = True
    return wrapper


# --- the learning phase ----------------------------------------------------------------------
class LearningPhase:
    """Keras 1's `K.learning_phase()` placeholder: fed 0 (test) or 1 (train) to a `K.function`."""

    name = "keras_learning_phase"
    dtype = "uint8"
    shape = ()

    def __repr__(self):
        return "<Keras 1 learning phase placeholder: feed 0 (test) or 1 (train) to K.function>"

    def __bool__(self):
        raise TypeError(
            "`K.learning_phase()` is a placeholder here (no layer call or K.function is running), so it "
            "has no truth value. Use `K.in_train_phase(x, alt)` or feed it as an input of `K.function`."
        )


LEARNING_PHASE = LearningPhase()


def _call_context_training():
    from keras.src.backend.common import global_state

    ctx = global_state.get_global_attribute("current_call_ctx")
    return None if ctx is None else getattr(ctx, "training", None)


def current_training():
    """The resolved learning phase (a Python int or a bool tensor), or None when unknown."""
    if _learning_phase_override:
        return _learning_phase_override[0]
    fed = getattr(_state, "phase", None)
    if fed is not None:
        return fed
    training = _call_context_training()
    if training is None:
        return None
    if isinstance(training, bool):
        return int(training)
    return training


def in_call_context() -> bool:
    from keras.src.backend.common import global_state

    return global_state.get_global_attribute("current_call_ctx") is not None


def learning_phase():
    training = current_training()
    if training is not None:
        return training
    if in_call_context():
        return 0  # a layer call with no training flag: Keras 3 builds or predicts
    return LEARNING_PHASE


def set_learning_phase(value):
    if value not in (0, 1):
        raise ValueError(f"Expected learning phase to be 0 or 1; received {value!r}.")
    _learning_phase_override[:] = [int(value)]


def clear_learning_phase():
    _learning_phase_override.clear()


@contextlib.contextmanager
def fed_phase(value):
    previous = getattr(_state, "phase", None)
    _state.phase = value
    try:
        yield
    finally:
        _state.phase = previous


# --- inputs bound to a value ------------------------------------------------------------------
def bind_value(placeholder, value):
    """Give an input placeholder the concrete tensor or variable it stands for (Keras 1's
    `Input(tensor=K.variable(...))`): `K.function` feeds it when it is not among the fed inputs."""
    placeholder._legacy_bound_value = value
    return placeholder


def bound_value(placeholder):
    return getattr(placeholder, "_legacy_bound_value", None)


# --- gradients -------------------------------------------------------------------------------
def source_inputs(tensor) -> list:
    """The `keras.Input` tensors a KerasTensor depends on, in first-seen order."""
    return list(keras.utils.get_source_inputs(tensor))


class GradientOp(keras.Operation):
    """d(loss)/d(wrt) as a graph node; `wrt` is a KerasTensor of the same graph or a variable."""

    def __init__(self, loss, wrt, sources):
        super().__init__()
        self._sources = sources
        self._wrt = wrt
        self._wrt_is_input = any(wrt is s for s in sources) if is_symbolic(wrt) else False
        self._wrt_is_tensor = is_symbolic(wrt)
        if self._wrt_is_tensor and not self._wrt_is_input:
            self._to_wrt = keras.Function(sources, wrt)
            self._loss = keras.Function([*sources, wrt], loss)
        else:
            self._loss = keras.Function(sources, loss)

    def call(self, *values):
        values = list(values)
        with tf.GradientTape() as tape:
            if not self._wrt_is_tensor:
                target = self._wrt.value if hasattr(self._wrt, "value") else self._wrt
                tape.watch(target)
                loss = run_graph(self._loss, values)
            elif self._wrt_is_input:
                index = next(i for i, s in enumerate(self._sources) if s is self._wrt)
                target = values[index] = tf.convert_to_tensor(values[index])
                tape.watch(target)
                loss = run_graph(self._loss, values)
            else:
                target = tf.convert_to_tensor(run_graph(self._to_wrt, values))
                tape.watch(target)
                loss = run_graph(self._loss, [*values, target])
            loss = tf.reduce_sum(loss)
        grad = tape.gradient(loss, target)
        if grad is None:
            grad = tf.zeros_like(target)
        if isinstance(grad, tf.IndexedSlices):
            grad = tf.convert_to_tensor(grad)
        return grad

    def compute_output_spec(self, *values):
        shape = tuple(self._wrt.shape)
        return keras.KerasTensor(shape, dtype=self._wrt.dtype)


def symbolic_gradients(loss, variables):
    sources = source_inputs(loss)
    if not sources:
        raise ValueError(
            "K.gradients: the loss does not depend on any input placeholder (`keras.Input`, "
            "`K.placeholder` or `model.input`), so it cannot be differentiated symbolically."
        )
    return [GradientOp(loss, v, sources)(*sources) for v in variables]


# --- running a graph ---------------------------------------------------------------------------
def _inject_training(training):
    from keras.src.models.functional import operation_fn

    return lambda op: operation_fn(op, training=training)


def run_graph(function, values):
    training = current_training()
    flag = None if training is None else bool(training) if isinstance(training, int) else None
    return function._run_through_graph(values, operation_fn=_inject_training(flag))


class Update:
    """A pending Keras 1 update `(variable, new_value)` whose new value is symbolic."""

    def __init__(self, variable, value):
        self.variable = variable
        self.value = value

    def __iter__(self):
        return iter((self.variable, self.value))


class Function:
    """Keras 1 `K.function(inputs, outputs, updates)`: call with a list of arrays, get a list back."""

    def __init__(self, inputs, outputs, updates=None, name=None, **kwargs):
        unknown = set(kwargs) - {"givens", "mode", "on_unused_input", "allow_input_downcast"}
        if unknown:
            raise ValueError(f"Invalid argument(s) for K.function: {sorted(unknown)}.")
        if not isinstance(inputs, (list, tuple)):
            raise TypeError("`inputs` to a Keras backend function should be a list or tuple.")
        self.inputs = list(inputs)
        self._single = not isinstance(outputs, (list, tuple))
        self.outputs = [outputs] if self._single else list(outputs)
        self.updates = [self._as_update(u) for u in (updates or [])]
        self.name = name
        self._phase_index = [i for i, x in enumerate(self.inputs) if isinstance(x, LearningPhase)]
        self._graph_inputs = [x for x in self.inputs if not isinstance(x, LearningPhase)]
        for x in self._graph_inputs:
            if not is_symbolic(x):
                raise TypeError(
                    f"K.function inputs must be placeholders (K.placeholder, keras.Input, model.input) "
                    f"or K.learning_phase(); received {type(x).__name__}."
                )
        symbolic = [t for t in [*self.outputs, *(u.value for u in self.updates)] if is_symbolic(t)]
        self._symbolic = symbolic
        # Inputs bound to a concrete value (Keras 1 `Input(tensor=K.variable(...))`) that are not fed
        # take their value (read at each call) as Keras 1's graph did.
        fed = {id(x) for x in self._graph_inputs}
        sources = {id(s): s for t in symbolic for s in source_inputs(t)}
        self._bound = [s for s in sources.values() if id(s) not in fed and bound_value(s) is not None]
        graph_inputs = [*self._graph_inputs, *self._bound]
        self._graph = keras.Function(graph_inputs, symbolic) if symbolic and graph_inputs else None
        if symbolic and self._graph is None:
            raise ValueError("K.function: symbolic outputs need at least one input placeholder.")

    @staticmethod
    def _as_update(update):
        if isinstance(update, Update):
            return update
        if isinstance(update, (list, tuple)) and len(update) == 2:
            return Update(*update)
        raise TypeError(f"K.function updates must be (variable, new_value) pairs; received {update!r}.")

    def __call__(self, inputs):
        if not isinstance(inputs, (list, tuple)):
            raise TypeError("A Keras backend function is called with a list of input values.")
        if len(inputs) != len(self.inputs):
            raise ValueError(f"This function takes {len(self.inputs)} inputs; received {len(inputs)}.")
        phase = None
        feeds = []
        for i, (placeholder, value) in enumerate(zip(self.inputs, inputs)):
            if i in self._phase_index:
                phase = int(np.asarray(value))
                continue
            feeds.append(tf.convert_to_tensor(value, dtype=placeholder.dtype))
        for placeholder in self._bound:
            value = bound_value(placeholder)
            feeds.append(tf.cast(value.value if isinstance(value, keras.Variable) else value, placeholder.dtype))
        with fed_phase(phase if phase is not None else getattr(_state, "phase", None)):
            computed = run_graph(self._graph, feeds) if self._graph is not None else []
        computed = dict(zip([id(t) for t in self._symbolic], computed))
        results = [computed[id(t)] if id(t) in computed else t for t in self.outputs]
        for update in self.updates:
            value = computed[id(update.value)] if id(update.value) in computed else update.value
            update.variable.assign(tf.cast(value, update.variable.dtype))
        results = [_to_numpy(r) for r in results]
        return results[0] if self._single else results


def _to_numpy(value):
    if hasattr(value, "numpy"):
        return value.numpy()
    if isinstance(value, keras.Variable):
        return keras.ops.convert_to_numpy(value)
    return np.asarray(value)


# --- variables that combine with symbolic tensors ------------------------------------------------------
def _symbolic_aware(op_name, reflected=False):
    base = getattr(keras.Variable, f"__{'r' if reflected else ''}{op_name}__")
    keras_op = {"add": "add", "sub": "subtract", "mul": "multiply", "truediv": "divide",
                "floordiv": "floor_divide", "mod": "mod", "pow": "power", "matmul": "matmul",
                "lt": "less", "le": "less_equal", "gt": "greater", "ge": "greater_equal"}[op_name]

    def method(self, other):
        if is_symbolic(other):
            fn = getattr(keras.ops, keras_op)
            return fn(other, self) if reflected else fn(self, other)
        return base(self, other)

    method.__name__ = f"__{'r' if reflected else ''}{op_name}__"
    return method


class LegacyVariable(keras.Variable):
    """A Keras 3 variable that, like a Keras 1 one, also combines with symbolic tensors
    (`v + K.sum(model.input)` builds a graph node instead of failing)."""


for _op in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul"):
    setattr(LegacyVariable, f"__{_op}__", _symbolic_aware(_op))
    setattr(LegacyVariable, f"__r{_op}__", _symbolic_aware(_op, reflected=True))
for _op in ("lt", "le", "gt", "ge"):
    setattr(LegacyVariable, f"__{_op}__", _symbolic_aware(_op))
