"""Keras 1's `Recurrent` base class, for user RNNs written against it, and `time_distributed_dense`.

A Keras 1 user RNN subclasses `Recurrent` and overrides `build` (making its
weights and `self.states`), `step(x, states)`, and optionally
`get_initial_states`, `preprocess_input`, `get_constants`, `reset_states`.
`call` then runs `K.rnn(self.step, ...)` with Keras 1's masking semantics
(a masked step repeats the previous output and keeps the states), as in
Keras 1.2.2. Keras 3 spells this `keras.layers.RNN(cell)`.

Keras 1: stateful layers keep their states in variables (`self.states`),
updated after every batch in training and in prediction alike.
"""

from __future__ import annotations

import numpy as np

from legacykeras import backend as K
from legacykeras.engine.base_layer import InputSpec, Layer


def time_distributed_dense(x, w, b=None, dropout=None, input_dim=None, output_dim=None, timesteps=None):
    """Keras 1 helper: `y . w + b` for every temporal slice `y` of `x` (same dropout mask each step)."""
    if not input_dim:
        input_dim = K.shape(x)[2]
    if not timesteps:
        timesteps = K.shape(x)[1]
    if not output_dim:
        output_dim = K.int_shape(w)[1]
    if dropout is not None and 0.0 < dropout < 1.0:
        ones = K.ones_like(K.reshape(x[:, 0, :], (-1, input_dim)))
        mask = K.repeat(K.dropout(ones, dropout), timesteps)
        x = K.in_train_phase(x * mask, x)
    out = K.dot(x, w)
    if b is not None:
        out = out + b
    return out


class Recurrent(Layer):
    """Keras 1 `Recurrent(weights=None, return_sequences=False, go_backwards=False, stateful=False,
    unroll=False, consume_less='cpu', input_dim=None, input_length=None, **kwargs)`.

    The abstract base of Keras 1 RNNs: subclasses define `build`, `step` and `self.states`.
    """

    def __init__(self, weights=None, return_sequences=False, go_backwards=False, stateful=False,
                 unroll=False, consume_less="cpu", input_dim=None, input_length=None, **kwargs):
        self.return_sequences = return_sequences
        self.initial_weights = weights
        self.go_backwards = go_backwards
        self.stateful = stateful
        self.unroll = unroll
        self.consume_less = consume_less
        self.supports_masking = True
        self.input_spec = [InputSpec(ndim=3)]
        self.input_dim = input_dim
        self.input_length = input_length
        if self.input_dim:
            kwargs["input_shape"] = (self.input_length, self.input_dim)
        if weights is not None:
            kwargs["weights"] = weights
        super().__init__(**kwargs)

    def get_output_shape_for(self, input_shape):
        if self.return_sequences:
            return (input_shape[0], input_shape[1], self.output_dim)
        return (input_shape[0], self.output_dim)

    def compute_mask(self, input, mask=None):
        return mask if self.return_sequences else None

    def step(self, x, states):
        raise NotImplementedError(f"{type(self).__name__} must define `step(self, x, states)`.")

    def get_constants(self, x):
        return []

    def get_initial_states(self, x):
        # (samples, timesteps, input_dim) -> zeros of (samples, output_dim), one per state.
        initial_state = K.zeros_like(x)
        initial_state = K.sum(initial_state, axis=(1, 2))
        initial_state = K.expand_dims(initial_state)
        initial_state = K.tile(initial_state, [1, self.output_dim])
        return [initial_state for _ in range(len(self.states))]

    def preprocess_input(self, x):
        return x

    def reset_states(self):
        if not self.stateful:
            raise AttributeError("Layer must be stateful.")
        batch = self._stateful_batch_size()
        if getattr(self, "states", None) and all(s is not None and hasattr(s, "assign") for s in self.states):
            for state in self.states:
                K.set_value(state, np.zeros(K.int_shape(state)))
        else:
            self.states = [K.zeros((batch, self.output_dim)) for _ in range(len(getattr(self, "states", [None])))]
            for state in self.states:
                state.trainable = False
                self._legacy_untrack(state)

    def _stateful_batch_size(self):
        spec = self.input_spec[0] if isinstance(self.input_spec, list) else self.input_spec
        shape = getattr(spec, "shape", None) or self._legacy_batch_input_shape
        if not shape or not shape[0]:
            raise ValueError(
                "If a RNN is stateful, it needs to know its batch size. Specify the batch size of your "
                "input tensors: pass `batch_input_shape` to the first layer of a Sequential model, or "
                "`batch_shape` to keras.Input."
            )
        return shape[0]

    def call(self, x, mask=None):
        input_shape = K.int_shape(x)
        if self.unroll and input_shape[1] is None:
            raise ValueError(
                "Cannot unroll a RNN if the time dimension is undefined: pass `input_shape` or "
                "`batch_input_shape` (or `input_length` to an Embedding) with the number of timesteps."
            )
        if self.stateful:
            initial_states = [K.cast(s, K.floatx()) * 1.0 for s in self.states]
        else:
            initial_states = self.get_initial_states(x)
        constants = self.get_constants(x)
        preprocessed_input = self.preprocess_input(x)
        last_output, outputs, states = K.rnn(
            self.step, preprocessed_input, initial_states, go_backwards=self.go_backwards, mask=mask,
            constants=constants, unroll=self.unroll, input_length=input_shape[1],
        )
        if self.stateful:
            for state, new_state in zip(self.states, states):
                state.assign(new_state)
        return outputs if self.return_sequences else last_output

    def get_config(self):
        config = {
            "return_sequences": self.return_sequences,
            "go_backwards": self.go_backwards,
            "stateful": self.stateful,
            "unroll": self.unroll,
            "consume_less": self.consume_less,
        }
        spec = self.input_spec[0] if isinstance(self.input_spec, list) and self.input_spec else None
        if self.stateful and spec is not None and spec.shape:
            config["batch_input_shape"] = list(spec.shape)
        else:
            config["input_dim"] = self.input_dim
            config["input_length"] = self.input_length
        base = super().get_config()
        return {**base, **config}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        if config.get("input_dim") is None:
            config.pop("input_dim", None)
            config.pop("input_length", None)
        return cls(**config)


__all__ = ["Recurrent", "time_distributed_dense"]
