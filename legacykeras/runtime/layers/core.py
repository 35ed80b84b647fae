"""Keras 1 `keras.layers.core` layers, built from their rows."""

from legacykeras._keras import keras
from legacykeras.rules.layers import core as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.runtime.layers.highway import Highway as _Highway
from legacykeras.runtime.layers.lambda_layer import Lambda
from legacykeras.runtime.layers.maxout_dense import MaxoutDense as _MaxoutDense

_MODULE = "legacykeras.layers.core"


def _input_dim_from_kernel(self, config):
    """Keras 1's Dense recorded the input size it was built with (MaxoutDense and
    TimeDistributedDense did not)."""
    config = LegacyLayerMixin._legacy_complete_config(self, config)
    if config.get("input_dim") is None and self.built:
        kernel = self.weights[0] if self.weights else None
        if kernel is not None:
            config["input_dim"] = int(kernel.shape[-2])
    return config


_BUILT_INPUT_DIM = {"_legacy_complete_config": _input_dim_from_kernel}

Dense = legacy_layer_class(rows.DENSE, keras.layers.Dense, module=_MODULE, extra=_BUILT_INPUT_DIM)
Activation = legacy_layer_class(rows.ACTIVATION_LAYER, keras.layers.Activation, module=_MODULE)
Dropout = legacy_layer_class(rows.DROPOUT, keras.layers.Dropout, module=_MODULE)
SpatialDropout1D = legacy_layer_class(rows.SPATIAL_DROPOUT_1D, keras.layers.SpatialDropout1D, module=_MODULE)
SpatialDropout2D = legacy_layer_class(rows.SPATIAL_DROPOUT_2D, keras.layers.SpatialDropout2D, module=_MODULE)
SpatialDropout3D = legacy_layer_class(rows.SPATIAL_DROPOUT_3D, keras.layers.SpatialDropout3D, module=_MODULE)
Flatten = legacy_layer_class(rows.FLATTEN, keras.layers.Flatten, module=_MODULE)
Reshape = legacy_layer_class(rows.RESHAPE, keras.layers.Reshape, module=_MODULE)
Permute = legacy_layer_class(rows.PERMUTE, keras.layers.Permute, module=_MODULE)
RepeatVector = legacy_layer_class(rows.REPEAT_VECTOR, keras.layers.RepeatVector, module=_MODULE)
ActivityRegularization = legacy_layer_class(
    rows.ACTIVITY_REGULARIZATION, keras.layers.ActivityRegularization, module=_MODULE)
Masking = legacy_layer_class(rows.MASKING, keras.layers.Masking, module=_MODULE)
Highway = legacy_layer_class(rows.HIGHWAY, _Highway, module=_MODULE)
MaxoutDense = legacy_layer_class(rows.MAXOUT_DENSE, _MaxoutDense, module=_MODULE)
TimeDistributedDense = legacy_layer_class(
    rows.TIME_DISTRIBUTED_DENSE, keras.layers.Dense, module=_MODULE)

__all__ = ["Dense", "Activation", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D",
           "Flatten", "Reshape", "Permute", "RepeatVector", "Lambda", "ActivityRegularization", "Masking",
           "Highway", "MaxoutDense", "TimeDistributedDense"]
