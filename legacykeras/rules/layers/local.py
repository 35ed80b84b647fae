"""Rows for `keras.layers.local` (Keras 1.2.2). Codes LK168-LK169.

Keras 3 removed the locally connected layers; legacykeras implements them with
Keras 1's weight layout: W (output positions, patch size, nb_filter).
"""

from legacykeras.rules.schema import CallRule, MergeArgs
from legacykeras.rules.values import CONV_RENAMES, DIM_ORDERING, HARD_SIGMOID, KERNEL_BIAS_VALUES, TUPLES

_MOD = "keras.layers.local."
_WEIGHT_ARGS = ("W_regularizer", "b_regularizer", "activity_regularizer", "W_constraint",
                "b_constraint", "bias")
_WHY = "Keras 3 removed locally connected layers; legacykeras implements them"

LOCALLY_CONNECTED1D = CallRule(
    code="LK168",
    old=_MOD + "LocallyConnected1D",
    new=None,
    positional=("nb_filter", "filter_length", "init", "activation", "weights", "border_mode",
                "subsample_length", *_WEIGHT_ARGS, "input_dim", "input_length"),
    rename={"nb_filter": "filters", "filter_length": "kernel_size", "border_mode": "padding",
            "subsample_length": "strides", **{k: v for k, v in CONV_RENAMES.items()
                                               if k not in ("nb_filter", "border_mode", "subsample",
                                                            "dim_ordering")}},
    values=KERNEL_BIAS_VALUES,
    weights="locally_connected",
    kept_positional=2,
    config={"nb_filter": None, "filter_length": None, "init": "glorot_uniform", "activation": "linear",
            "border_mode": "valid", "subsample_length": 1, "W_regularizer": None, "b_regularizer": None,
            "activity_regularizer": None, "W_constraint": None, "b_constraint": None, "bias": True,
            "input_dim": None, "input_length": None},
    why=_WHY,
    no_equivalent=[HARD_SIGMOID],
)

LOCALLY_CONNECTED2D = CallRule(
    code="LK169",
    old=_MOD + "LocallyConnected2D",
    new=None,
    positional=("nb_filter", "nb_row", "nb_col", "init", "activation", "weights", "border_mode",
                "subsample", "dim_ordering", *_WEIGHT_ARGS),
    rename=CONV_RENAMES,
    merge=[MergeArgs(("nb_row", "nb_col"), into="kernel_size")],
    values={**KERNEL_BIAS_VALUES, "dim_ordering": DIM_ORDERING, "subsample": TUPLES},
    weights="locally_connected",
    config={"nb_filter": None, "nb_row": None, "nb_col": None, "init": "glorot_uniform",
            "activation": "linear", "border_mode": "valid", "subsample": (1, 1),
            "dim_ordering": "default", "W_regularizer": None, "b_regularizer": None,
            "activity_regularizer": None, "W_constraint": None, "b_constraint": None, "bias": True},
    why=_WHY,
    no_equivalent=[HARD_SIGMOID],
)

RULES = [LOCALLY_CONNECTED1D, LOCALLY_CONNECTED2D]
