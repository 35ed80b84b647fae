"""Rows for `keras.layers.advanced_activations` (Keras 1.2.2). Codes LK160-LK165."""

from legacykeras.rules.schema import CallRule
from legacykeras.rules.values import INIT_NAMES

_MOD = "keras.layers.advanced_activations."
_CUSTOM = "Keras 3 has no such layer; legacykeras implements it (keras-contrib had it after Keras 2)"

LEAKY_RELU = CallRule(
    code="LK160",
    old=_MOD + "LeakyReLU",
    new="keras.layers.LeakyReLU",
    positional=("alpha",),
    rename={"alpha": "negative_slope"},
    config={"alpha": 0.3},
)

PRELU = CallRule(
    code="LK161",
    old=_MOD + "PReLU",
    new="keras.layers.PReLU",
    positional=("init", "weights", "shared_axes"),
    rename={"init": "alpha_initializer"},
    values={"init": INIT_NAMES},
    weights="prelu",
    kept_positional=0,
    config={"init": "zero"},
)

ELU = CallRule(
    code="LK162",
    old=_MOD + "ELU",
    new="keras.layers.ELU",
    positional=("alpha",),
    config={"alpha": 1.0},
)

PARAMETRIC_SOFTPLUS = CallRule(
    code="LK163",
    old=_MOD + "ParametricSoftplus",
    new=None,
    positional=("alpha_init", "beta_init", "weights", "shared_axes"),
    weights="parametric_softplus",
    config={"alpha_init": 0.2, "beta_init": 5.0},
    why=_CUSTOM + ": alpha * log(1 + exp(beta * x)) with trained alpha, beta",
)

THRESHOLDED_RELU = CallRule(
    code="LK164",
    old=_MOD + "ThresholdedReLU",
    new=None,
    positional=("theta",),
    config={"theta": 1.0},
    why="Keras 3 has no ThresholdedReLU: x * (x > theta), e.g. a Lambda",
)

SRELU = CallRule(
    code="LK165",
    old=_MOD + "SReLU",
    new=None,
    positional=("t_left_init", "a_left_init", "t_right_init", "a_right_init", "shared_axes"),
    values={"t_left_init": INIT_NAMES, "a_left_init": INIT_NAMES, "t_right_init": INIT_NAMES,
            "a_right_init": INIT_NAMES},
    weights="srelu",
    config={"t_left_init": "zero", "a_left_init": "glorot_uniform", "t_right_init": "glorot_uniform",
            "a_right_init": "one"},
    why=_CUSTOM + ": the S-shaped ReLU with four trained parameters",
)

RULES = [LEAKY_RELU, PRELU, ELU, PARAMETRIC_SOFTPLUS, THRESHOLDED_RELU, SRELU]
