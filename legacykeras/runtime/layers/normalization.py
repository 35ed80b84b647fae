"""Keras 1 `keras.layers.normalization`: BatchNormalization with its three modes."""

from legacykeras.rules.layers import normalization as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layers.batch_normalization import BatchNormalizationCore

BatchNormalization = legacy_layer_class(
    rows.BATCH_NORMALIZATION, BatchNormalizationCore, module="legacykeras.layers.normalization")

__all__ = ["BatchNormalization"]
