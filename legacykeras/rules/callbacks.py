"""Rows for `keras.callbacks` and Keras 1's log keys. Codes LK530-LK549.

Keras 1 logged accuracy as 'acc' / 'val_acc' whatever the metric was called in
`compile`; Keras 3 logs the name given (`metrics=['accuracy']` -> 'accuracy').
`migrate` spells the metric 'accuracy' in `compile` and maps 'acc' / 'val_acc'
in callback `monitor=` arguments and `history.history[...]` keys to match.
Keras 3's ModelCheckpoint wants `.weights.h5` files for weights and `.keras`
or `.h5` for models (Keras 1 wrote any name, usually `.hdf5`).
"""

from legacykeras.rules.schema import CallRule, Drop, MapValue, NoEquivalent

LOG_KEYS = MapValue(
    mapping={"acc": "accuracy", "val_acc": "val_accuracy"},
    why="Keras 1 logged accuracy as 'acc'; Keras 3 logs the metric's name, 'accuracy'",
)

MODEL_CHECKPOINT = CallRule(
    code="LK530",
    old="keras.callbacks.ModelCheckpoint",
    new="keras.callbacks.ModelCheckpoint",
    positional=("filepath", "monitor", "verbose", "save_best_only", "save_weights_only", "mode", "period"),
    values={"monitor": LOG_KEYS},
    drop=[Drop("period", why="Keras 3 saves every epoch by default", when=lambda v: v == 1)],
    no_equivalent=[NoEquivalent("period", why="Keras 3 counts `save_freq` in batches",
                                instead="save_freq=<period * steps per epoch>", when=lambda v: v != 1)],
    kept_positional=6,
    layer=False,
    why="`period` is gone; file names need `.weights.h5` (weights) or `.keras`/`.h5` (models)",
)

EARLY_STOPPING = CallRule(
    code="LK531",
    old="keras.callbacks.EarlyStopping",
    new="keras.callbacks.EarlyStopping",
    positional=("monitor", "min_delta", "patience", "verbose", "mode"),
    values={"monitor": LOG_KEYS},
    kept_positional=5,
    layer=False,
    why="Keras 3 logs accuracy as 'accuracy'",
)

REDUCE_LR_ON_PLATEAU = CallRule(
    code="LK532",
    old="keras.callbacks.ReduceLROnPlateau",
    new="keras.callbacks.ReduceLROnPlateau",
    positional=("monitor", "factor", "patience", "verbose", "mode", "epsilon", "cooldown", "min_lr"),
    rename={"epsilon": "min_delta"},
    values={"monitor": LOG_KEYS},
    kept_positional=8,
    layer=False,
    why="`epsilon` is `min_delta`",
)

TENSORBOARD = CallRule(
    code="LK533",
    old="keras.callbacks.TensorBoard",
    new="keras.callbacks.TensorBoard",
    positional=("log_dir", "histogram_freq", "write_graph", "write_images"),
    kept_positional=4,
    layer=False,
)

RULES = [MODEL_CHECKPOINT, EARLY_STOPPING, REDUCE_LR_ON_PLATEAU, TENSORBOARD]
