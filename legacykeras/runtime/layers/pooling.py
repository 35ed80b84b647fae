"""Keras 1 `keras.layers.pooling` layers, built from their rows."""

from legacykeras._keras import keras
from legacykeras.rules.layers import pooling as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.runtime.layers.theano_pooling import TheanoPaddingPooling

_MODULE = "legacykeras.layers.pooling"


def _stride_from_pool(self, config):
    """Keras 1 resolved a missing stride to the pool size and wrote it into its config."""
    config = LegacyLayerMixin._legacy_complete_config(self, config)
    if "stride" in config and config["stride"] is None:
        config["stride"] = config["pool_length"]
    if "strides" in config and config["strides"] is None:
        config["strides"] = config["pool_size"]
    return config


def _pool(row, modern, *, is_max):
    core = type(modern.__name__, (TheanoPaddingPooling, modern), {"_is_max": is_max, "__module__": __name__})
    return legacy_layer_class(row, core, module=_MODULE, extra={"_legacy_complete_config": _stride_from_pool})


MaxPooling1D = _pool(rows.MAX_POOLING1D, keras.layers.MaxPooling1D, is_max=True)
AveragePooling1D = _pool(rows.AVERAGE_POOLING1D, keras.layers.AveragePooling1D, is_max=False)
MaxPooling2D = _pool(rows.MAX_POOLING2D, keras.layers.MaxPooling2D, is_max=True)
AveragePooling2D = _pool(rows.AVERAGE_POOLING2D, keras.layers.AveragePooling2D, is_max=False)
MaxPooling3D = _pool(rows.MAX_POOLING3D, keras.layers.MaxPooling3D, is_max=True)
AveragePooling3D = _pool(rows.AVERAGE_POOLING3D, keras.layers.AveragePooling3D, is_max=False)
GlobalMaxPooling1D = legacy_layer_class(rows.GLOBAL_MAX_POOLING1D, keras.layers.GlobalMaxPooling1D, module=_MODULE)
GlobalAveragePooling1D = legacy_layer_class(
    rows.GLOBAL_AVERAGE_POOLING1D, keras.layers.GlobalAveragePooling1D, module=_MODULE)
GlobalMaxPooling2D = legacy_layer_class(rows.GLOBAL_MAX_POOLING2D, keras.layers.GlobalMaxPooling2D, module=_MODULE)
GlobalAveragePooling2D = legacy_layer_class(
    rows.GLOBAL_AVERAGE_POOLING2D, keras.layers.GlobalAveragePooling2D, module=_MODULE)
GlobalMaxPooling3D = legacy_layer_class(rows.GLOBAL_MAX_POOLING3D, keras.layers.GlobalMaxPooling3D, module=_MODULE)
GlobalAveragePooling3D = legacy_layer_class(
    rows.GLOBAL_AVERAGE_POOLING3D, keras.layers.GlobalAveragePooling3D, module=_MODULE)

__all__ = ["MaxPooling1D", "AveragePooling1D", "MaxPooling2D", "AveragePooling2D", "MaxPooling3D",
           "AveragePooling3D", "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D",
           "GlobalAveragePooling2D", "GlobalMaxPooling3D", "GlobalAveragePooling3D"]
