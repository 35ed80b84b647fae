"""Rows for `keras.layers.convolutional` (Keras 1.2.2). Codes LK120-LK139.

UpSampling, ZeroPadding and Cropping did not write `dim_ordering` into their
Keras 1 configs (a reloaded one took the default ordering); neither do we.

Keras 1 kernels: `nb_filter` -> `filters`, `nb_row, nb_col` -> `kernel_size`,
`subsample` -> `strides`, `border_mode` -> `padding`, `dim_ordering` ->
`data_format`. `border_mode='full'` ran only on Theano in Keras 1; legacykeras
runs it everywhere by padding `dilation * (kernel - 1)` on each side and
convolving 'valid', which Keras 3 cannot spell in one argument.
"""

from legacykeras.rules.schema import CallRule, MergeArgs, NoEquivalent
from legacykeras.rules.values import (
    CONV_RENAMES,
    DIM_ORDERING,
    INIT_NAMES,
    KERNEL_BIAS_CONFIG,
    KERNEL_BIAS_RENAMES,
    KERNEL_BIAS_VALUES,
    REGULARIZER_NAMES,
    TUPLES,
    ZERO_PADDING_1D,
    ZERO_PADDING_2D,
    ACTIVATION,
    HARD_SIGMOID,
)

_MOD = "keras.layers.convolutional."
_WEIGHT_ARGS = ("W_regularizer", "b_regularizer", "activity_regularizer", "W_constraint",
                "b_constraint", "bias")
_VALUES_2D = {**KERNEL_BIAS_VALUES, "dim_ordering": DIM_ORDERING}

FULL_BORDER = NoEquivalent(
    "border_mode", when=lambda value: value == "full",
    why="Keras 3 has no 'full' padding (Keras 1 had it on Theano only)",
    instead="ZeroPadding by dilation * (kernel_size - 1) on each side, then padding='valid'",
)


def _conv1d_config(extra=()):
    return {"nb_filter": None, "filter_length": None, "init": "glorot_uniform", "activation": "linear",
            "border_mode": "valid", "subsample_length": 1, **dict(extra),
            "W_regularizer": None, "b_regularizer": None, "activity_regularizer": None,
            "W_constraint": None, "b_constraint": None, "bias": True,
            "input_dim": None, "input_length": None}


def _conv2d_config(kernel=("nb_row", "nb_col"), subsample=(1, 1), extra=()):
    return {"nb_filter": None, **{k: None for k in kernel}, "init": "glorot_uniform",
            "activation": "linear", "border_mode": "valid", "subsample": subsample, **dict(extra),
            "dim_ordering": "default", **{k: v for k, v in KERNEL_BIAS_CONFIG.items()
                                            if k not in ("init", "activation")}}


_CONV1D_RENAMES = {"nb_filter": "filters", "filter_length": "kernel_size", "border_mode": "padding",
                   "subsample_length": "strides", **KERNEL_BIAS_RENAMES}

CONVOLUTION1D = CallRule(
    code="LK120",
    old=_MOD + "Convolution1D",
    new="keras.layers.Conv1D",
    aliases=(_MOD + "Conv1D",),
    positional=("nb_filter", "filter_length", "init", "activation", "weights", "border_mode",
                "subsample_length", *_WEIGHT_ARGS, "input_dim", "input_length"),
    rename=_CONV1D_RENAMES,
    values=KERNEL_BIAS_VALUES,
    no_equivalent=[FULL_BORDER, HARD_SIGMOID],
    weights="conv1d",
    kept_positional=2,
    config=_conv1d_config(),
)

ATROUS_CONVOLUTION1D = CallRule(
    code="LK121",
    old=_MOD + "AtrousConvolution1D",
    new="keras.layers.Conv1D",
    aliases=(_MOD + "AtrousConv1D",),
    positional=("nb_filter", "filter_length", "init", "activation", "weights", "border_mode",
                "subsample_length", "atrous_rate", *_WEIGHT_ARGS),
    rename={**_CONV1D_RENAMES, "atrous_rate": "dilation_rate"},
    values=KERNEL_BIAS_VALUES,
    no_equivalent=[FULL_BORDER, HARD_SIGMOID],
    weights="conv1d",
    kept_positional=2,
    config=_conv1d_config({"atrous_rate": 1}),
    why="Atrous convolution is `Conv1D(dilation_rate=...)`",
)

_CONV2D_POSITIONAL = ("nb_filter", "nb_row", "nb_col", "init", "activation", "weights",
                      "border_mode", "subsample")

CONVOLUTION2D = CallRule(
    code="LK122",
    old=_MOD + "Convolution2D",
    new="keras.layers.Conv2D",
    aliases=(_MOD + "Conv2D",),
    positional=(*_CONV2D_POSITIONAL, "dim_ordering", *_WEIGHT_ARGS),
    rename=CONV_RENAMES,
    merge=[MergeArgs(("nb_row", "nb_col"), into="kernel_size")],
    values=_VALUES_2D,
    no_equivalent=[FULL_BORDER, HARD_SIGMOID],
    weights="conv2d",
    config=_conv2d_config(),
)

ATROUS_CONVOLUTION2D = CallRule(
    code="LK123",
    old=_MOD + "AtrousConvolution2D",
    new="keras.layers.Conv2D",
    aliases=(_MOD + "AtrousConv2D",),
    positional=(*_CONV2D_POSITIONAL, "atrous_rate", "dim_ordering", *_WEIGHT_ARGS),
    rename={**CONV_RENAMES, "atrous_rate": "dilation_rate"},
    merge=[MergeArgs(("nb_row", "nb_col"), into="kernel_size")],
    values={**_VALUES_2D, "atrous_rate": TUPLES},
    no_equivalent=[FULL_BORDER, HARD_SIGMOID],
    weights="conv2d",
    config=_conv2d_config(extra={"atrous_rate": (1, 1)}),
    why="Atrous convolution is `Conv2D(dilation_rate=...)`",
)

SEPARABLE_CONVOLUTION2D = CallRule(
    code="LK124",
    old=_MOD + "SeparableConvolution2D",
    new="keras.layers.SeparableConv2D",
    aliases=(_MOD + "SeparableConv2D",),
    positional=(*_CONV2D_POSITIONAL, "depth_multiplier", "dim_ordering", "depthwise_regularizer",
                "pointwise_regularizer", "b_regularizer", "activity_regularizer",
                "depthwise_constraint", "pointwise_constraint", "b_constraint", "bias"),
    # Keras 1's `init` initialised both kernels; the runtime passes it to both.
    rename={"nb_filter": "filters", "border_mode": "padding", "subsample": "strides",
            "dim_ordering": "data_format", "init": "depthwise_initializer",
            "b_regularizer": "bias_regularizer", "b_constraint": "bias_constraint", "bias": "use_bias"},
    merge=[MergeArgs(("nb_row", "nb_col"), into="kernel_size")],
    values={"init": INIT_NAMES, "activation": ACTIVATION, "dim_ordering": DIM_ORDERING,
            "depthwise_regularizer": REGULARIZER_NAMES, "pointwise_regularizer": REGULARIZER_NAMES,
            "b_regularizer": REGULARIZER_NAMES, "activity_regularizer": REGULARIZER_NAMES},
    weights="separable_conv2d",
    config={"nb_filter": None, "nb_row": None, "nb_col": None, "init": "glorot_uniform",
            "activation": "linear", "border_mode": "valid", "subsample": (1, 1),
            "depth_multiplier": 1, "dim_ordering": "default", "depthwise_regularizer": None,
            "pointwise_regularizer": None, "b_regularizer": None, "activity_regularizer": None,
            "depthwise_constraint": None, "pointwise_constraint": None, "b_constraint": None,
            "bias": True},
    why="`init` is `depthwise_initializer` and `pointwise_initializer`",
    no_equivalent=[HARD_SIGMOID],
)

DECONVOLUTION2D = CallRule(
    code="LK125",
    old=_MOD + "Deconvolution2D",
    new="keras.layers.Conv2DTranspose",
    aliases=(_MOD + "Deconv2D",),
    positional=("nb_filter", "nb_row", "nb_col", "output_shape", "init", "activation", "weights",
                "border_mode", "subsample", "dim_ordering", *_WEIGHT_ARGS),
    rename=CONV_RENAMES,
    merge=[MergeArgs(("nb_row", "nb_col"), into="kernel_size")],
    values=_VALUES_2D,
    no_equivalent=[NoEquivalent(
        "output_shape",
        why="Keras 3 infers the output size; an ambiguous one (strides > 1) is chosen with output_padding",
        instead="output_padding = output_size - ((input_size - 1) * stride + kernel - 2 * pad)",
    ), HARD_SIGMOID],
    weights="deconv2d",
    config=_conv2d_config(extra={"output_shape": None}),
    why="`Deconvolution2D` is `Conv2DTranspose`; its kernel is (rows, cols, filters, stack)",
)

CONVOLUTION3D = CallRule(
    code="LK126",
    old=_MOD + "Convolution3D",
    new="keras.layers.Conv3D",
    aliases=(_MOD + "Conv3D",),
    positional=("nb_filter", "kernel_dim1", "kernel_dim2", "kernel_dim3", "init", "activation",
                "weights", "border_mode", "subsample", "dim_ordering", *_WEIGHT_ARGS),
    rename=CONV_RENAMES,
    merge=[MergeArgs(("kernel_dim1", "kernel_dim2", "kernel_dim3"), into="kernel_size")],
    values=_VALUES_2D,
    no_equivalent=[FULL_BORDER, HARD_SIGMOID],
    weights="conv3d",
    config=_conv2d_config(("kernel_dim1", "kernel_dim2", "kernel_dim3"), (1, 1, 1)),
)

UPSAMPLING1D = CallRule(
    code="LK127",
    old=_MOD + "UpSampling1D",
    new="keras.layers.UpSampling1D",
    positional=("length",),
    rename={"length": "size"},
    config={"length": 2},
)

UPSAMPLING2D = CallRule(
    code="LK128",
    old=_MOD + "UpSampling2D",
    new="keras.layers.UpSampling2D",
    positional=("size", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING, "size": TUPLES},
    config={"size": (2, 2)},
)

UPSAMPLING3D = CallRule(
    code="LK129",
    old=_MOD + "UpSampling3D",
    new="keras.layers.UpSampling3D",
    positional=("size", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING, "size": TUPLES},
    config={"size": (2, 2, 2)},
)

ZEROPADDING1D = CallRule(
    code="LK130",
    old=_MOD + "ZeroPadding1D",
    new="keras.layers.ZeroPadding1D",
    positional=("padding",),
    values={"padding": ZERO_PADDING_1D},
    config={"padding": 1},
)

ZEROPADDING2D = CallRule(
    code="LK131",
    old=_MOD + "ZeroPadding2D",
    new="keras.layers.ZeroPadding2D",
    positional=("padding", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"padding": ZERO_PADDING_2D, "dim_ordering": DIM_ORDERING},
    config={"padding": (1, 1)},
    why="(top, bottom, left, right) and the *_pad dict are ((top, bottom), (left, right))",
)

ZEROPADDING3D = CallRule(
    code="LK132",
    old=_MOD + "ZeroPadding3D",
    new="keras.layers.ZeroPadding3D",
    positional=("padding", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"padding": TUPLES, "dim_ordering": DIM_ORDERING},
    config={"padding": (1, 1, 1)},
)

CROPPING1D = CallRule(
    code="LK133",
    old=_MOD + "Cropping1D",
    new="keras.layers.Cropping1D",
    positional=("cropping",),
    values={"cropping": TUPLES},
    config={"cropping": (1, 1)},
)

CROPPING2D = CallRule(
    code="LK134",
    old=_MOD + "Cropping2D",
    new="keras.layers.Cropping2D",
    positional=("cropping", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"cropping": TUPLES, "dim_ordering": DIM_ORDERING},
    config={"cropping": ((0, 0), (0, 0))},
)

CROPPING3D = CallRule(
    code="LK135",
    old=_MOD + "Cropping3D",
    new="keras.layers.Cropping3D",
    positional=("cropping", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"cropping": TUPLES, "dim_ordering": DIM_ORDERING},
    config={"cropping": ((1, 1), (1, 1), (1, 1))},
)

RULES = [CONVOLUTION1D, ATROUS_CONVOLUTION1D, CONVOLUTION2D, ATROUS_CONVOLUTION2D,
         SEPARABLE_CONVOLUTION2D, DECONVOLUTION2D, CONVOLUTION3D, UPSAMPLING1D, UPSAMPLING2D,
         UPSAMPLING3D, ZEROPADDING1D, ZEROPADDING2D, ZEROPADDING3D, CROPPING1D, CROPPING2D,
         CROPPING3D]
