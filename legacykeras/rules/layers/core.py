"""Rows for `keras.layers.core` (Keras 1.2.2). Codes LK101-LK119."""

from legacykeras.rules.schema import CallRule, Drop
from legacykeras.rules.values import (
    ACTIVATION,
    HARD_SIGMOID,
    DIM_ORDERING,
    KERNEL_BIAS_CONFIG,
    KERNEL_BIAS_RENAMES,
    KERNEL_BIAS_VALUES,
    TUPLES,
)

_DENSE_POSITIONAL = ("init", "activation", "weights", "W_regularizer", "b_regularizer",
                     "activity_regularizer", "W_constraint", "b_constraint", "bias", "input_dim")

DENSE = CallRule(
    code="LK101",
    old="keras.layers.core.Dense",
    new="keras.layers.Dense",
    positional=("output_dim", *_DENSE_POSITIONAL),
    rename={"output_dim": "units", **KERNEL_BIAS_RENAMES},
    values=KERNEL_BIAS_VALUES,
    weights="dense",
    config={"output_dim": None, **KERNEL_BIAS_CONFIG, "input_dim": None},
    why="Keras 2 renamed the weight arguments after kernel/bias",
    no_equivalent=[HARD_SIGMOID],
)

ACTIVATION_LAYER = CallRule(
    code="LK102",
    old="keras.layers.core.Activation",
    new="keras.layers.Activation",
    positional=("activation",),
    values={"activation": ACTIVATION},
    config={"activation": "linear"},
    no_equivalent=[HARD_SIGMOID],
)
ACTIVATION = ACTIVATION_LAYER  # the name the first slice used

DROPOUT = CallRule(
    code="LK103",
    old="keras.layers.core.Dropout",
    new="keras.layers.Dropout",
    positional=("p", "noise_shape", "seed"),
    rename={"p": "rate"},
    kept_positional=3,
    config={"p": None},
)

FLATTEN = CallRule(
    code="LK104",
    old="keras.layers.core.Flatten",
    new="keras.layers.Flatten",
    # Keras 1 flattened the tensor as laid out; Keras 3 first moves channels last when the
    # global image_data_format is channels_first.
    defaults={"data_format": "channels_last"},
)

SPATIAL_DROPOUT_1D = CallRule(
    code="LK105",
    old="keras.layers.core.SpatialDropout1D",
    new="keras.layers.SpatialDropout1D",
    positional=("p",),
    rename={"p": "rate"},
    config={"p": None},
)

SPATIAL_DROPOUT_2D = CallRule(
    code="LK106",
    old="keras.layers.core.SpatialDropout2D",
    new="keras.layers.SpatialDropout2D",
    positional=("p", "dim_ordering"),
    rename={"p": "rate", "dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING},
    config={"p": None},
)

SPATIAL_DROPOUT_3D = CallRule(
    code="LK107",
    old="keras.layers.core.SpatialDropout3D",
    new="keras.layers.SpatialDropout3D",
    positional=("p", "dim_ordering"),
    rename={"p": "rate", "dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING},
    config={"p": None},
)

RESHAPE = CallRule(
    code="LK108",
    old="keras.layers.core.Reshape",
    new="keras.layers.Reshape",
    positional=("target_shape",),
    values={"target_shape": TUPLES},
    config={"target_shape": None},
)

PERMUTE = CallRule(
    code="LK109",
    old="keras.layers.core.Permute",
    new="keras.layers.Permute",
    positional=("dims",),
    values={"dims": TUPLES},
    config={"dims": None},
)

REPEAT_VECTOR = CallRule(
    code="LK110",
    old="keras.layers.core.RepeatVector",
    new="keras.layers.RepeatVector",
    positional=("n",),
    config={"n": None},
)

LAMBDA = CallRule(
    code="LK111",
    old="keras.layers.core.Lambda",
    new="keras.layers.Lambda",
    positional=("function", "output_shape", "arguments"),
    kept_positional=2,
    why="Keras 1 saved lambdas as marshalled bytecode; Keras 3 as base64 and only with safe_mode off",
)

ACTIVITY_REGULARIZATION = CallRule(
    code="LK112",
    old="keras.layers.core.ActivityRegularization",
    new="keras.layers.ActivityRegularization",
    positional=("l1", "l2"),
    kept_positional=2,
    config={"l1": 0.0, "l2": 0.0},
)

MASKING = CallRule(
    code="LK113",
    old="keras.layers.core.Masking",
    new="keras.layers.Masking",
    positional=("mask_value",),
    config={"mask_value": 0.0},
)

_NO_DENSE_VARIANT = "Keras 3 has no such layer; legacykeras implements it"

HIGHWAY = CallRule(
    code="LK114",
    old="keras.layers.core.Highway",
    new=None,
    positional=_DENSE_POSITIONAL,
    rename=KERNEL_BIAS_RENAMES,
    values=KERNEL_BIAS_VALUES,
    drop=[Drop("transform_bias", why="Keras 1.2 already ignored it (the carry bias starts at 1)")],
    weights="highway",
    config={**KERNEL_BIAS_CONFIG, "input_dim": None},
    why="Keras 3 has no Highway layer: write y = T * H(x) + (1 - T) * x with two Dense layers",
    no_equivalent=[HARD_SIGMOID],
)

MAXOUT_DENSE = CallRule(
    code="LK115",
    old="keras.layers.core.MaxoutDense",
    new=None,
    positional=("output_dim", "nb_feature", "init", "weights", "W_regularizer", "b_regularizer",
                "activity_regularizer", "W_constraint", "b_constraint", "bias", "input_dim"),
    rename={"output_dim": "units", **KERNEL_BIAS_RENAMES},
    values=KERNEL_BIAS_VALUES,
    weights="maxout_dense",
    config={"output_dim": None, "init": "glorot_uniform", "nb_feature": 4, "W_regularizer": None,
            "b_regularizer": None, "activity_regularizer": None, "W_constraint": None,
            "b_constraint": None, "bias": True, "input_dim": None},
    why="Keras 3 has no MaxoutDense: a Dense of units * nb_feature, reshaped, then a max",
)

TIME_DISTRIBUTED_DENSE = CallRule(
    code="LK116",
    old="keras.layers.core.TimeDistributedDense",
    new="keras.layers.Dense",
    positional=("output_dim", *_DENSE_POSITIONAL, "input_length"),
    rename={"output_dim": "units", **KERNEL_BIAS_RENAMES},
    values=KERNEL_BIAS_VALUES,
    weights="dense",
    config={"output_dim": None, **KERNEL_BIAS_CONFIG, "input_dim": None, "input_length": None},
    why="`TimeDistributedDense` is `Dense`, which applies to the last axis of any input",
    no_equivalent=[HARD_SIGMOID],
)

RULES = [DENSE, ACTIVATION_LAYER, DROPOUT, FLATTEN, SPATIAL_DROPOUT_1D, SPATIAL_DROPOUT_2D,
         SPATIAL_DROPOUT_3D, RESHAPE, PERMUTE, REPEAT_VECTOR, LAMBDA, ACTIVITY_REGULARIZATION,
         MASKING, HIGHWAY, MAXOUT_DENSE, TIME_DISTRIBUTED_DENSE]

