"""Rows for `keras.layers.wrappers` (Keras 1.2.2). Codes LK310-LK319.

The wrappers kept their Keras 1 arguments; their weights are the wrapped
layers' (Keras 1 layout and names, `dense_1_W` inside `timedistributed_1`). What differs is underneath:
Keras 1 `Bidirectional` names its halves `forward_<name>` / `backward_<name>`
and lists the forward layer's weights (Keras 1 layout) then the backward
layer's; on masked steps it repeats the previous output where Keras 3's
Bidirectional writes zeros (`zero_output_for_mask`), which the shim undoes.
"""

from legacykeras.rules.schema import CallRule

_MOD = "keras.layers.wrappers."

TIME_DISTRIBUTED = CallRule(
    code="LK310",
    old=_MOD + "TimeDistributed",
    new="keras.layers.TimeDistributed",
    positional=("layer",),
    config={"layer": None},
)

BIDIRECTIONAL = CallRule(
    code="LK311",
    old=_MOD + "Bidirectional",
    new="keras.layers.Bidirectional",
    positional=("layer", "merge_mode", "weights"),
    kept_positional=2,
    config={"layer": None, "merge_mode": "concat"},
    why="Keras 1 repeated the previous output on masked steps; Keras 3's Bidirectional zeroes them",
)

WRAPPER = CallRule(
    code="LK312",
    old=_MOD + "Wrapper",
    new="keras.layers.Wrapper",
    positional=("layer",),
    config={"layer": None},
)

RULES = [TIME_DISTRIBUTED, BIDIRECTIONAL, WRAPPER]
