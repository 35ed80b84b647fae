"""Rows for `keras.layers.noise` (Keras 1.2.2). Codes LK166-LK167."""

from legacykeras.rules.schema import CallRule

GAUSSIAN_NOISE = CallRule(
    code="LK166",
    old="keras.layers.noise.GaussianNoise",
    new="keras.layers.GaussianNoise",
    positional=("sigma",),
    rename={"sigma": "stddev"},
    config={"sigma": None},
)

GAUSSIAN_DROPOUT = CallRule(
    code="LK167",
    old="keras.layers.noise.GaussianDropout",
    new="keras.layers.GaussianDropout",
    positional=("p",),
    rename={"p": "rate"},
    config={"p": None},
)

RULES = [GAUSSIAN_NOISE, GAUSSIAN_DROPOUT]
