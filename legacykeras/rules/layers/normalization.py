"""Rows for `keras.layers.normalization` (Keras 1.2.2). Code LK155."""

from legacykeras.rules.schema import CallRule, Drop, NoEquivalent
from legacykeras.rules.values import INIT_NAMES, REGULARIZER_NAMES

BATCH_NORMALIZATION = CallRule(
    code="LK155",
    old="keras.layers.normalization.BatchNormalization",
    new="keras.layers.BatchNormalization",
    positional=("epsilon", "mode", "axis", "momentum", "weights", "beta_init", "gamma_init",
                "gamma_regularizer", "beta_regularizer"),
    rename={"beta_init": "beta_initializer", "gamma_init": "gamma_initializer"},
    values={"beta_init": INIT_NAMES, "gamma_init": INIT_NAMES,
            "gamma_regularizer": REGULARIZER_NAMES, "beta_regularizer": REGULARIZER_NAMES},
    drop=[Drop("mode", when=lambda value: value == 0,
               why="mode=0 (feature-wise, moving statistics at test time) is what Keras 3's layer does")],
    no_equivalent=[NoEquivalent(
        "mode", when=lambda value: value in (1, 2),
        why="Keras 3 has no per-sample (mode=1) or always-batch-statistics (mode=2) normalization",
        instead="keep legacykeras' BatchNormalization, or a custom Layer "
                "(mode=1: gamma * (x - mean) / (std + eps) + beta over the last axis per sample)",
    )],
    weights="batch_normalization",
    kept_positional=0,
    config={"epsilon": 0.001, "mode": 0, "axis": -1, "gamma_regularizer": None,
            "beta_regularizer": None, "momentum": 0.99},
    why="`running_std` holds the moving variance (`moving_variance`)",
)

RULES = [BATCH_NORMALIZATION]
