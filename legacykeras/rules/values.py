"""Shared value maps and argument groups, named once and used by many rows."""

from legacykeras import config
from legacykeras.rules.schema import Expr, MapValue, NoEquivalent

# Keras 1 resolved 'default' at construction, from keras.json; so do we.
DIM_ORDERING = MapValue(
    mapping={"th": "channels_first", "tf": "channels_last"},
    resolve={"default": "default_data_format"},
    why="`dim_ordering` 'th'/'tf' is `data_format` 'channels_first'/'channels_last'",
)


def default_data_format() -> str:
    return DIM_ORDERING.mapping[config.image_dim_ordering()]


# Keras 1 initializer names whose distribution differs from the Keras 3 name
# (untruncated normals, orthogonal gain 1.1) or whose name changed.
INIT_NAMES = MapValue(
    mapping={
        "zero": "zeros",
        "one": "ones",
        "uniform": Expr("keras.initializers.RandomUniform", {"minval": -0.05, "maxval": 0.05}),
        "normal": Expr("keras.initializers.RandomNormal", {"stddev": 0.05}),
        "glorot_normal": Expr(
            "keras.initializers.VarianceScaling",
            {"scale": 1.0, "mode": "fan_avg", "distribution": "untruncated_normal"},
        ),
        "he_normal": Expr(
            "keras.initializers.VarianceScaling",
            {"scale": 2.0, "mode": "fan_in", "distribution": "untruncated_normal"},
        ),
        "orthogonal": Expr("keras.initializers.Orthogonal", {"gain": 1.1}),
        "identity": Expr("keras.initializers.Identity", {"gain": 1.0}),
    },
    why="Keras 1 initializer names map to Keras 3 initializers with the same distribution",
)

KERNEL_BIAS_RENAMES = {
    "init": "kernel_initializer",
    "W_regularizer": "kernel_regularizer",
    "b_regularizer": "bias_regularizer",
    "W_constraint": "kernel_constraint",
    "b_constraint": "bias_constraint",
    "bias": "use_bias",
}

BORDER_MODE = {"border_mode": "padding"}

# Keras 1 activation names whose Keras 3 function differs. hard_sigmoid was
# clip(0.2x + 0.5, 0, 1); Keras 3's is relu6(x + 3) / 6 (slope 1/6).
ACTIVATION = MapValue(
    mapping={
        "hard_sigmoid": Expr("legacykeras.activations.get", {"identifier": "hard_sigmoid"}),
    },
    why="Keras 1's hard_sigmoid had slope 0.2; Keras 3's has slope 1/6",
)

# Plain Keras 3 has no 0.2-slope hard sigmoid by name: legacykeras maps it (ACTIVATION), and
# `migrate` leaves a TODO with the expression to write.
HARD_SIGMOID = NoEquivalent(
    "activation", when=lambda value: value == "hard_sigmoid",
    why="Keras 3's 'hard_sigmoid' has slope 1/6; Keras 1's was clip(0.2 * x + 0.5, 0, 1)",
    instead="activation=lambda x: keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)",
)

# Keras 1 regularizer names: `regularizers.get('l1l2')` built l1l2() = 0.01 each, while
# Keras 3 resolves 'l1l2' to L1L2(0, 0).
REGULARIZER_NAMES = MapValue(
    mapping={
        "l1l2": Expr("keras.regularizers.L1L2", {"l1": 0.01, "l2": 0.01}),
        "activity_l1": Expr("keras.regularizers.L1", {"l1": 0.01}),
        "activity_l2": Expr("keras.regularizers.L2", {"l2": 0.01}),
        "activity_l1l2": Expr("keras.regularizers.L1L2", {"l1": 0.01, "l2": 0.01}),
    },
    why="Keras 1 regularizer names defaulted to 0.01",
)


def zero_padding_1d(value):
    """ZeroPadding1D: an int, (left, right), or {'left_pad', 'right_pad'}."""
    if isinstance(value, dict):
        return (int(value.get("left_pad", 0)), int(value.get("right_pad", 0)))
    if isinstance(value, list):
        return tuple(value)
    return value


def zero_padding_2d(value):
    """ZeroPadding2D: (rows, cols), (top, bottom, left, right), or the *_pad dict."""
    if isinstance(value, dict):
        return ((int(value.get("top_pad", 0)), int(value.get("bottom_pad", 0))),
                (int(value.get("left_pad", 0)), int(value.get("right_pad", 0))))
    if isinstance(value, (list, tuple)) and len(value) == 4:
        return ((value[0], value[1]), (value[2], value[3]))
    if isinstance(value, list):
        return tuple(value)
    return value


def nested_tuple(value):
    """Lists (as a JSON config holds them) back to the tuples Keras 3 checks for."""
    if isinstance(value, list):
        return tuple(nested_tuple(v) for v in value)
    return value


ZERO_PADDING_1D = MapValue(mapping={}, function="zero_padding_1d",
                           why="Keras 3 ZeroPadding1D takes an int or (left, right)")
ZERO_PADDING_2D = MapValue(mapping={}, function="zero_padding_2d",
                           why="Keras 3 ZeroPadding2D takes ((top, bottom), (left, right))")
TUPLES = MapValue(mapping={}, function="nested_tuple", why="Keras 3 wants tuples")

CONV_RENAMES = {"nb_filter": "filters", "border_mode": "padding", "subsample": "strides",
                "dim_ordering": "data_format", **KERNEL_BIAS_RENAMES}


def _constraint_names():
    from legacykeras.rules.regularizers import CONSTRAINT_NAMES

    return CONSTRAINT_NAMES


# The value maps of Keras 1's kernel/bias arguments, shared by Dense-like and conv rows.
KERNEL_BIAS_VALUES = {
    "init": INIT_NAMES,
    "activation": ACTIVATION,
    "W_regularizer": REGULARIZER_NAMES,
    "b_regularizer": REGULARIZER_NAMES,
    "activity_regularizer": REGULARIZER_NAMES,
    "W_constraint": _constraint_names(),
    "b_constraint": _constraint_names(),
}

# Keras 1 get_config() entries of the kernel/bias family, with their defaults.
KERNEL_BIAS_CONFIG = {
    "init": "glorot_uniform",
    "activation": "linear",
    "W_regularizer": None,
    "b_regularizer": None,
    "activity_regularizer": None,
    "W_constraint": None,
    "b_constraint": None,
    "bias": True,
}
