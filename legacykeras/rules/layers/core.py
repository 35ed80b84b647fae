"""Rows for `keras.layers.core` (Keras 1.2.2)."""

from legacykeras.rules.schema import CallRule, Drop
from legacykeras.rules.values import INIT_NAMES, KERNEL_BIAS_RENAMES

DENSE = CallRule(
    code="LK101",
    old="keras.layers.core.Dense",
    new="keras.layers.Dense",
    positional=("output_dim", "init", "activation", "weights", "W_regularizer", "b_regularizer",
                "activity_regularizer", "W_constraint", "b_constraint", "bias", "input_dim"),
    rename={"output_dim": "units", **KERNEL_BIAS_RENAMES},
    values={"init": INIT_NAMES},
    weights="dense",
    why="Keras 2 renamed the weight arguments after kernel/bias",
)

ACTIVATION = CallRule(
    code="LK102",
    old="keras.layers.core.Activation",
    new="keras.layers.Activation",
    positional=("activation",),
)

DROPOUT = CallRule(
    code="LK103",
    old="keras.layers.core.Dropout",
    new="keras.layers.Dropout",
    positional=("p", "noise_shape", "seed"),
    rename={"p": "rate"},
    kept_positional=3,
)

FLATTEN = CallRule(
    code="LK104",
    old="keras.layers.core.Flatten",
    new="keras.layers.Flatten",
)

RULES = [DENSE, ACTIVATION, DROPOUT, FLATTEN]
