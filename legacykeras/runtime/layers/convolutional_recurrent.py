"""Keras 1 `ConvLSTM2D` on Keras 3's ConvLSTM2D (see the row for the argument and weight mapping)."""

from __future__ import annotations

from legacykeras._keras import keras
from legacykeras.rules.layers import convolutional_recurrent as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layers.recurrent import keras1_activation
from legacykeras.runtime.values import instantiate

_MODULE = "legacykeras.layers.convolutional_recurrent"


def _modern_kwargs(self, translation):
    kwargs = {k: instantiate(v) for k, v in translation.kwargs.items()
              if k not in ("activation", "recurrent_activation")}
    for key in ("activation", "recurrent_activation"):
        if key in translation.kwargs:
            kwargs[key] = keras1_activation(translation.kwargs[key])
    return kwargs


ConvLSTM2D = legacy_layer_class(rows.CONVLSTM2D, keras.layers.ConvLSTM2D, module=_MODULE, extra={
    "_legacy_modern_kwargs": _modern_kwargs,
    "nb_filter": property(lambda self: self.filters, doc="Keras 1 name of `filters`."),
    "W": property(lambda self: self.cell.kernel),
    "U": property(lambda self: self.cell.recurrent_kernel),
    "b": property(lambda self: self.cell.bias),
})

__all__ = ["ConvLSTM2D"]
