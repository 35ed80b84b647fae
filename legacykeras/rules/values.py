"""Shared value maps and argument groups, named once and used by many rows."""

from legacykeras import config
from legacykeras.rules.schema import Expr, MapValue

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
