"""Rows for `keras.layers.convolutional_recurrent` (Keras 1.2.2). Codes LK320-LK329.

ConvLSTM2D takes the convolution renames (`nb_filter`, `nb_row, nb_col` ->
`kernel_size`, `subsample`, `border_mode`, `dim_ordering`) and the recurrent
ones. Keras 1 stored 12 arrays (W, U, b per gate, in i, c, f, o order), kernels
in the Keras 1 layout of its `dim_ordering`; Theano ran true convolutions, so a
Theano-trained file also needs its kernels flipped (the loader knows).

Keras 1.2.2 quirk: its ConvLSTM2D registered W/U/b_regularizer through the
deprecated `regularizers` list, so they had no effect; Keras 3 applies them.
"""

from legacykeras.rules.layers.recurrent import (
    FORGET_BIAS,
    FORGET_BIAS_OTHER,
    KERAS1_HARD_SIGMOID,
    KERAS1_ORTHOGONAL,
    RECURRENT_RENAMES,
    RECURRENT_VALUES,
)
from legacykeras.rules.schema import CallRule, MergeArgs
from legacykeras.rules.values import DIM_ORDERING, TUPLES

_MOD = "keras.layers.convolutional_recurrent."

CONVLSTM2D = CallRule(
    code="LK320",
    old=_MOD + "ConvLSTM2D",
    new="keras.layers.ConvLSTM2D",
    positional=("nb_filter", "nb_row", "nb_col", "init", "inner_init", "forget_bias_init", "activation",
                "inner_activation", "dim_ordering", "border_mode", "subsample", "W_regularizer",
                "U_regularizer", "b_regularizer", "dropout_W", "dropout_U"),
    rename={**{k: v for k, v in RECURRENT_RENAMES.items() if k != "output_dim"},
            "nb_filter": "filters", "border_mode": "padding", "subsample": "strides",
            "dim_ordering": "data_format", "forget_bias_init": "unit_forget_bias"},
    merge=[MergeArgs(("nb_row", "nb_col"), into="kernel_size")],
    values={**RECURRENT_VALUES, "forget_bias_init": FORGET_BIAS, "dim_ordering": DIM_ORDERING,
            "subsample": TUPLES},
    refuse=[FORGET_BIAS_OTHER],
    defaults={"recurrent_activation": KERAS1_HARD_SIGMOID, "recurrent_initializer": KERAS1_ORTHOGONAL},
    weights="conv_lstm2d",
    # Keras 1.2.2's ConvLSTM2D.get_config() left out subsample, the regularizers and the dropouts.
    config={"nb_filter": None, "nb_row": None, "nb_col": None, "init": "glorot_uniform",
            "inner_init": "orthogonal", "forget_bias_init": "one", "activation": "tanh",
            "inner_activation": "hard_sigmoid", "dim_ordering": "default", "border_mode": "valid",
            "return_sequences": False, "go_backwards": False, "stateful": False},
    why="Keras 2 renamed the convolution and recurrent arguments; Keras 1 stored 12 per-gate arrays",
)

CONV_RECURRENT2D = CallRule(
    code="LK321",
    old=_MOD + "ConvRecurrent2D",
    new=None,
    positional=(),
    why="the abstract Keras 1 base of ConvLSTM2D; Keras 3's is internal (ConvLSTM)",
)

RULES = [CONVLSTM2D, CONV_RECURRENT2D]
