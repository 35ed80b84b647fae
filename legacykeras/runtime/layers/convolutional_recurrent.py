"""Keras 1 `ConvLSTM2D` on Keras 3's ConvLSTM2D (see the row for the argument and weight mapping).

Keras 1 'th' ordering runs channels-last inside, transposing inputs and outputs
as Keras 1's TensorFlow backend did: TensorFlow has no channels-first
convolution on CPU. Keras 3 kernels are channels-last either way, so the
weights do not change.
"""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.rules.layers import convolutional_recurrent as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.runtime.layers.recurrent import keras1_activation
from legacykeras.runtime.values import instantiate

_MODULE = "legacykeras.layers.convolutional_recurrent"


def _modern_kwargs(self, translation):
    kwargs = {k: instantiate(v) for k, v in translation.kwargs.items()
              if k not in ("activation", "recurrent_activation")}
    self._legacy_channels_first = kwargs.get("data_format") == "channels_first"
    kwargs["data_format"] = "channels_last"
    for key in ("activation", "recurrent_activation"):
        if key in translation.kwargs:
            kwargs[key] = keras1_activation(translation.kwargs[key])
    return kwargs


def _to_last(shape):
    shape = tuple(shape)
    return shape[:2] + shape[3:] + shape[2:3]


def _to_first(shape):
    shape = tuple(shape)
    return shape[:-3] + shape[-1:] + shape[-3:-1]


def _build(self, input_shape):
    if self._legacy_channels_first:
        input_shape = _to_last(input_shape)
    LegacyLayerMixin.build(self, input_shape)


def _call(self, sequences, initial_state=None, mask=None, training=False):
    if self._legacy_channels_first:
        sequences = keras.ops.transpose(sequences, (0, 1, 3, 4, 2))
    out = keras.layers.ConvLSTM2D.call(self, sequences, initial_state=initial_state, mask=mask, training=training)
    if self._legacy_channels_first:
        perm = (0, 1, 4, 2, 3) if self.return_sequences else (0, 3, 1, 2)
        out = keras.ops.transpose(out, perm)
    return out


def _compute_output_shape(self, sequences_shape, initial_state_shape=None):
    if not self._legacy_channels_first:
        return keras.layers.ConvLSTM2D.compute_output_shape(self, sequences_shape, initial_state_shape)
    shape = keras.layers.ConvLSTM2D.compute_output_shape(self, _to_last(sequences_shape), initial_state_shape)
    return _to_first(shape)


ConvLSTM2D = legacy_layer_class(rows.CONVLSTM2D, keras.layers.ConvLSTM2D, module=_MODULE, extra={
    "_legacy_modern_kwargs": _modern_kwargs,
    "build": _build,
    "call": _call,
    "compute_output_shape": _compute_output_shape,
    "nb_filter": property(lambda self: self.filters, doc="Keras 1 name of `filters`."),
    "W": property(lambda self: self.cell.kernel),
    "U": property(lambda self: self.cell.recurrent_kernel),
    "b": property(lambda self: self.cell.bias),
})

__all__ = ["ConvLSTM2D"]
