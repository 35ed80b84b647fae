"""Keras 1's `ConvRecurrent2D`: the base of convolutional RNNs written against Keras 1.

Subclasses define `build` (weights, `self.states`), `step(x, states)` and
usually `get_constants`; inputs are (samples, time, rows, cols, channels) for
'tf' ordering or (samples, time, channels, rows, cols) for 'th'.
"""

from __future__ import annotations

import numpy as np

from legacykeras import backend as K
from legacykeras.engine.base_layer import InputSpec
from legacykeras.runtime.layers.recurrent_base import Recurrent
from legacykeras.utils.np_utils import conv_output_length


class ConvRecurrent2D(Recurrent):
    """Keras 1 `ConvRecurrent2D(weights=None, nb_row=None, nb_col=None, nb_filter=None,
    return_sequences=False, go_backwards=False, stateful=False, dim_ordering=None, **kwargs)`."""

    def __init__(self, weights=None, nb_row=None, nb_col=None, nb_filter=None, return_sequences=False,
                 go_backwards=False, stateful=False, dim_ordering=None, **kwargs):
        self.nb_row = nb_row
        self.nb_col = nb_col
        self.nb_filter = nb_filter
        self.dim_ordering = dim_ordering or K.image_dim_ordering()
        kwargs.setdefault("border_mode", None)
        self.border_mode = kwargs.pop("border_mode") or getattr(self, "border_mode", "valid")
        self.subsample = tuple(kwargs.pop("subsample", getattr(self, "subsample", (1, 1))))
        super().__init__(weights=weights, return_sequences=return_sequences, go_backwards=go_backwards,
                         stateful=stateful, **kwargs)
        self.input_spec = [InputSpec(ndim=5)]

    def get_output_shape_for(self, input_shape):
        if self.dim_ordering == "th":
            rows, cols = input_shape[3], input_shape[4]
        else:
            rows, cols = input_shape[2], input_shape[3]
        rows = conv_output_length(rows, self.nb_row, self.border_mode, self.subsample[0])
        cols = conv_output_length(cols, self.nb_col, self.border_mode, self.subsample[1])
        image = (self.nb_filter, rows, cols) if self.dim_ordering == "th" else (rows, cols, self.nb_filter)
        if self.return_sequences:
            return (input_shape[0], input_shape[1], *image)
        return (input_shape[0], *image)

    def get_initial_states(self, x):
        # An all-zero state shaped like the output of one step: convolve zeros with a zero kernel.
        initial_state = K.zeros_like(x)
        initial_state = K.sum(initial_state, axis=1)
        stack = K.int_shape(x)[2] if self.dim_ordering == "th" else K.int_shape(x)[-1]
        if self.dim_ordering == "th":
            kernel_shape = (self.nb_filter, stack, self.nb_row, self.nb_col)
        else:
            kernel_shape = (self.nb_row, self.nb_col, stack, self.nb_filter)
        zero_kernel = np.zeros(kernel_shape, dtype=K.floatx())  # a constant: no variable inside `call`
        initial_state = K.conv2d(initial_state, zero_kernel, strides=self.subsample,
                                 border_mode=self.border_mode, dim_ordering=self.dim_ordering)
        return [initial_state for _ in range(len(self.states))]

    def compute_mask(self, input, mask=None):
        return mask if self.return_sequences else None

    def get_config(self):
        config = {"nb_filter": self.nb_filter, "nb_row": self.nb_row, "nb_col": self.nb_col,
                  "dim_ordering": self.dim_ordering, "return_sequences": self.return_sequences,
                  "go_backwards": self.go_backwards, "stateful": self.stateful}
        base = Recurrent.get_config(self)
        for key in ("input_dim", "input_length", "unroll", "consume_less"):
            base.pop(key, None)
        return {**base, **config}


__all__ = ["ConvRecurrent2D"]
