"""Step-based Keras 1 RNNs, for user subclasses of `SimpleRNN` / `GRU` / `LSTM`.

`legacykeras.layers.LSTM` runs on Keras 3's LSTM, which has no `step`. Keras 1
code often subclassed LSTM and overrode `build` / `step` / `get_constants`
(attention LSTMs and the like), calling the parent's versions. Such a subclass
is re-based onto `StepLSTM` here (see `rebase_user_subclass`): a Keras 1
`Recurrent` with the Keras 1 weights (`W_i`, `U_i`, `b_i`, ... per gate, or
`W`, `U`, `b` in 'gpu' mode), `step`, `get_constants` and `preprocess_input`,
the same equations as Keras 1.2.2 and the same weight lists.
"""

from __future__ import annotations

import numpy as np

from legacykeras import backend as K
from legacykeras.engine.base_layer import InputSpec, Layer
from legacykeras.runtime.layers.recurrent_base import Recurrent, time_distributed_dense


def _get(module_name, value):
    import importlib

    module = importlib.import_module(f"legacykeras.{module_name}")
    return module.get(value)


class _StepRNN(Recurrent):
    """Shared machinery: constructor arguments, per-gate weights, dropout masks."""

    gates: tuple = ()
    # Keras 1.2.2 stored LSTM gates in this order (its explicit trainable_weights list).
    stored_order: tuple = ()

    def __init__(self, output_dim, init="glorot_uniform", inner_init="orthogonal", forget_bias_init="one",
                 activation="tanh", inner_activation="hard_sigmoid", W_regularizer=None, U_regularizer=None,
                 b_regularizer=None, dropout_W=0.0, dropout_U=0.0, **kwargs):
        self.output_dim = output_dim
        self.init = _get("initializations", init)
        self.inner_init = _get("initializations", inner_init)
        self.forget_bias_init = _get("initializations", forget_bias_init)
        self.activation = _get("activations", activation)
        self.inner_activation = _get("activations", inner_activation)
        self.W_regularizer = _get("regularizers", W_regularizer)
        self.U_regularizer = _get("regularizers", U_regularizer)
        self.b_regularizer = _get("regularizers", b_regularizer)
        self.dropout_W, self.dropout_U = dropout_W, dropout_U
        if dropout_W or dropout_U:
            self.uses_learning_phase = True
        super().__init__(**kwargs)

    # --- weights ------------------------------------------------------------------------------------
    def _gate_bias_init(self, gate):
        return self.forget_bias_init if gate == "f" else "zero"

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        self.input_dim = input_dim = input_shape[2]
        if self.stateful:
            self.reset_states()
        else:
            self.states = [None] * self._n_states
        units, n = self.output_dim, len(self.gates)
        if self.consume_less == "gpu" or n == 1:
            self.W = self.add_weight((input_dim, n * units), self.init, f"{self.name}_W",
                                     regularizer=self.W_regularizer)
            self.U = self.add_weight((units, n * units), self.inner_init, f"{self.name}_U",
                                     regularizer=self.U_regularizer)
            bias = np.concatenate([K.get_value(_get("initializations", self._gate_bias_init(g))((units,)))
                                   for g in self.gates]) if n > 1 else np.zeros(units)
            self.b = self.add_weight((n * units,), lambda shape, name=None: K.variable(bias, name=name),
                                     f"{self.name}_b", regularizer=self.b_regularizer)
        else:
            made = {}
            for gate in self.stored_order or self.gates:
                # Keras 1.2.2 per-gate modes: U_* used `init` and `W_regularizer` (kept, see the rules row).
                made[gate] = (
                    self.add_weight((input_dim, units), self.init, f"{self.name}_W_{gate}",
                                    regularizer=self.W_regularizer),
                    self.add_weight((units, units), self.init, f"{self.name}_U_{gate}",
                                    regularizer=self.W_regularizer),
                    self.add_weight((units,), self._gate_bias_init(gate), f"{self.name}_b_{gate}",
                                    regularizer=self.b_regularizer),
                )
                setattr(self, f"W_{gate}", made[gate][0])
                setattr(self, f"U_{gate}", made[gate][1])
                setattr(self, f"b_{gate}", made[gate][2])
            self.trainable_weights = [w for gate in (self.stored_order or self.gates) for w in made[gate]]
        self.built = True

    @property
    def _per_gate(self):
        return self.consume_less != "gpu" and len(self.gates) > 1

    def _gate_weights(self, kind):
        """[W_z, W_r, W_h]-style list in computation order, from per-gate variables or slices."""
        if self._per_gate:
            return [getattr(self, f"{kind}_{g}") for g in self.gates]
        whole = getattr(self, kind)
        u = self.output_dim
        return [whole[..., i * u:(i + 1) * u] for i in range(len(self.gates))]

    # --- Keras 1 Recurrent hooks ----------------------------------------------------------------------
    def get_constants(self, x):
        n = max(len(self.gates), 1)

        def masks(rate, width):
            if 0 < rate < 1:
                ones = K.ones_like(K.reshape(x[:, 0, 0], (-1, 1)))
                ones = K.tile(ones, (1, int(width)))
                return [K.in_train_phase(K.dropout(ones, rate), ones) for _ in range(n)]
            return [K.cast_to_floatx(1.0) for _ in range(n)]

        B_U, B_W = masks(self.dropout_U, self.output_dim), masks(self.dropout_W, K.int_shape(x)[-1])
        if not self._per_gate:  # Keras 1 'gpu' mode shared one mask between the gates
            B_U, B_W = [B_U[0]] * n, [B_W[0]] * n
        return [B_U, B_W]

    def preprocess_input(self, x):
        if self.consume_less != "cpu":
            return x
        dropout = self.dropout_W if 0 < self.dropout_W < 1 else 0
        W, b = self._gate_weights("W"), self._gate_weights("b")
        steps = K.int_shape(x)[1]
        parts = [time_distributed_dense(x, w, bias, dropout, K.int_shape(x)[2], self.output_dim, steps)
                 for w, bias in zip(W, b)]
        return parts[0] if len(parts) == 1 else K.concatenate(parts, axis=2)

    def _inputs_per_gate(self, x, B_W):
        """x W + b for every gate: precomputed ('cpu'), or computed here ('mem', 'gpu')."""
        u, n = self.output_dim, len(self.gates)
        if self.consume_less == "cpu":
            return [x[:, i * u:(i + 1) * u] for i in range(n)]
        if self._per_gate:
            return [K.dot(x * B_W[i], w) + b for i, (w, b) in
                    enumerate(zip(self._gate_weights("W"), self._gate_weights("b")))]
        z = K.dot(x * B_W[0], self.W) + self.b
        return [z[:, i * u:(i + 1) * u] for i in range(n)]

    def get_config(self):
        config = {"output_dim": self.output_dim, "init": self.init.__name__,
                  "inner_init": self.inner_init.__name__, "activation": self.activation.__name__,
                  "W_regularizer": _reg_config(self.W_regularizer), "U_regularizer": _reg_config(self.U_regularizer),
                  "b_regularizer": _reg_config(self.b_regularizer), "dropout_W": self.dropout_W,
                  "dropout_U": self.dropout_U}
        if len(self.gates) > 1:
            config["inner_activation"] = self.inner_activation.__name__
        return {**super().get_config(), **config}

    def reset_states(self):
        Recurrent.reset_states(self)


def _reg_config(regularizer):
    if regularizer is None:
        return None
    legacy = getattr(regularizer, "get_legacy_config", None)
    return legacy() if legacy else regularizer.get_config()


class StepSimpleRNN(_StepRNN):
    """Keras 1 SimpleRNN with `step`: h = activation(x W + b + h_prev U)."""

    gates = ("",)
    _n_states = 1

    def build(self, input_shape):
        _StepRNN.build(self, input_shape)

    def get_constants(self, x):
        # Keras 1 SimpleRNN passed the two masks themselves, not one-element lists.
        return [masks[0] for masks in _StepRNN.get_constants(self, x)]

    def step(self, x, states):
        prev, B_U, B_W = states[0], states[1], states[2]
        h = x if self.consume_less == "cpu" else K.dot(x * B_W, self.W) + self.b
        output = self.activation(h + K.dot(prev * B_U, self.U))
        return output, [output]

    def _gate_weights(self, kind):
        return [getattr(self, kind)]


class StepGRU(_StepRNN):
    """Keras 1 GRU with `step` (reset gate applied before the recurrent product)."""

    gates = ("z", "r", "h")
    _n_states = 1

    def step(self, x, states):
        h_tm1, B_U, B_W = states[0], states[1], states[2]
        x_z, x_r, x_h = self._inputs_per_gate(x, B_W)
        U_z, U_r, U_h = self._gate_weights("U")
        z = self.inner_activation(x_z + K.dot(h_tm1 * B_U[0], U_z))
        r = self.inner_activation(x_r + K.dot(h_tm1 * B_U[1], U_r))
        hh = self.activation(x_h + K.dot(r * h_tm1 * B_U[2], U_h))
        h = z * h_tm1 + (1 - z) * hh
        return h, [h]


class StepLSTM(_StepRNN):
    """Keras 1 LSTM with `step`; per-gate weights stored i, c, f, o as in Keras 1.2.2."""

    gates = ("i", "f", "c", "o")
    stored_order = ("i", "c", "f", "o")
    _n_states = 2

    def step(self, x, states):
        h_tm1, c_tm1, B_U, B_W = states[0], states[1], states[2], states[3]
        x_i, x_f, x_c, x_o = self._inputs_per_gate(x, B_W)
        U_i, U_f, U_c, U_o = self._gate_weights("U")
        i = self.inner_activation(x_i + K.dot(h_tm1 * B_U[0], U_i))
        f = self.inner_activation(x_f + K.dot(h_tm1 * B_U[1], U_f))
        c = f * c_tm1 + i * self.activation(x_c + K.dot(h_tm1 * B_U[2], U_c))
        o = self.inner_activation(x_o + K.dot(h_tm1 * B_U[3], U_o))
        h = o * self.activation(c)
        return h, [h, c]

    def get_config(self):
        return {**_StepRNN.get_config(self), "forget_bias_init": self.forget_bias_init.__name__}


STEP_BASES = {"SimpleRNN": StepSimpleRNN, "GRU": StepGRU, "LSTM": StepLSTM}
_HOOKS = ("step", "get_constants", "preprocess_input", "get_initial_states", "build", "call")


def rebase_user_subclass(cls, keras1_name: str) -> None:
    """A user subclass of SimpleRNN/GRU/LSTM that overrides Keras 1 hooks runs on the step-based class.

    Without this, Keras 3's cell would silently ignore the overridden `step`.
    """
    if not any(name in cls.__dict__ for name in _HOOKS):
        return
    cls.__bases__ = (STEP_BASES[keras1_name],)
    Layer.__init_subclass__.__func__(cls)  # wrap the user's build/call like any Keras 1 Layer subclass


__all__ = ["StepGRU", "StepLSTM", "StepSimpleRNN", "rebase_user_subclass"]
