"""Rows for `keras.regularizers` and `keras.constraints` (Keras 1.2.2). Codes LK801-LK849.

Keras 1's helpers defaulted to 0.01 (`l1l2()` is L1 0.01 + L2 0.01); Keras 3's
`l1_l2()` defaults to 0 and 0, so the codemod writes Keras 1's defaults out.
The `activity_*` helpers were the same penalties, meant for
`activity_regularizer=`. Constraint helpers lost their short names
(`maxnorm` is `max_norm`/`MaxNorm`), and `MaxNorm(m=)` is `MaxNorm(max_value=)`.
"""

from legacykeras.rules.schema import CallRule, MapValue

L1 = CallRule(
    code="LK801",
    old="keras.regularizers.l1",
    new="keras.regularizers.l1",
    aliases=("keras.regularizers.activity_l1",),
    positional=("l",),
    rename={"l": "l1"},
    layer=False,
    why="`l1(l=)` is `l1(l1=)`",
)

L2 = CallRule(
    code="LK802",
    old="keras.regularizers.l2",
    new="keras.regularizers.l2",
    aliases=("keras.regularizers.activity_l2",),
    positional=("l",),
    rename={"l": "l2"},
    layer=False,
    why="`l2(l=)` is `l2(l2=)`",
)

L1L2 = CallRule(
    code="LK803",
    old="keras.regularizers.l1l2",
    new="keras.regularizers.l1_l2",
    aliases=("keras.regularizers.activity_l1l2",),
    positional=("l1", "l2"),
    defaults={"l1": 0.01, "l2": 0.01},
    kept_positional=2,
    layer=False,
    why="`l1l2` is `l1_l2`, whose defaults are 0 (Keras 1: 0.01 each)",
)

L1L2_CLASS = CallRule(
    code="LK804",
    old="keras.regularizers.L1L2Regularizer",
    new="keras.regularizers.L1L2",
    aliases=("keras.regularizers.WeightRegularizer", "keras.regularizers.ActivityRegularizer"),
    positional=("l1", "l2"),
    kept_positional=2,
    layer=False,
    why="Keras 1's regularizer classes are all `L1L2`",
)

EIGENVALUE = CallRule(
    code="LK805",
    old="keras.regularizers.EigenvalueRegularizer",
    new=None,
    positional=("k",),
    layer=False,
    why="Keras 3 has no eigenvalue regularizer: subclass `keras.regularizers.Regularizer`",
)

MAX_NORM = CallRule(
    code="LK821",
    old="keras.constraints.MaxNorm",
    new="keras.constraints.MaxNorm",
    aliases=("keras.constraints.maxnorm",),
    positional=("m", "axis"),
    rename={"m": "max_value"},
    kept_positional=2,
    layer=False,
    why="`maxnorm(m=)` is `MaxNorm(max_value=)`",
)

NON_NEG = CallRule(
    code="LK822",
    old="keras.constraints.NonNeg",
    new="keras.constraints.NonNeg",
    aliases=("keras.constraints.nonneg",),
    layer=False,
    why="`nonneg` is `NonNeg`",
)

UNIT_NORM = CallRule(
    code="LK823",
    old="keras.constraints.UnitNorm",
    new="keras.constraints.UnitNorm",
    aliases=("keras.constraints.unitnorm",),
    positional=("axis",),
    layer=False,
    why="`unitnorm` is `UnitNorm`",
)

MIN_MAX_NORM = CallRule(
    code="LK824",
    old="keras.constraints.MinMaxNorm",
    new="keras.constraints.MinMaxNorm",
    positional=("low", "high", "rate", "axis"),
    rename={"low": "min_value", "high": "max_value"},
    kept_positional=4,
    layer=False,
    why="`MinMaxNorm(low=, high=)` is `MinMaxNorm(min_value=, max_value=)`",
)

# String spellings of constraints in layer arguments (`W_constraint='maxnorm'`);
# Keras 3 resolves only the new names. Layer rows can use this for their constraint arguments.
CONSTRAINT_NAMES = MapValue(
    mapping={"maxnorm": "max_norm", "nonneg": "non_neg", "unitnorm": "unit_norm"},
    why="Keras 3 spells the constraint names with an underscore",
)

RULES = [L1, L2, L1L2, L1L2_CLASS, EIGENVALUE, MAX_NORM, NON_NEG, UNIT_NORM, MIN_MAX_NORM]
