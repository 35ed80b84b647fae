"""Rows for `keras.optimizers` (Keras 1.2.2). Codes LK601-LK649.

Keras 2 renamed `lr` to `learning_rate` (Keras 3 dropped `lr`), Keras 3 dropped
`decay`: Keras 1 computed `lr / (1 + decay * iterations)` each step, which is
`keras.optimizers.schedules.InverseTimeDecay(lr, decay_steps=1, decay_rate=decay)`.
Keras 1's default learning rates differ from Keras 3's for Adagrad (0.01),
Adadelta (1.0), Adamax and Nadam (0.002); its Adagrad started the accumulators
at 0 (Keras 3: 0.1). Keras 1's epsilon was 1e-8 (Keras 3: 1e-7), a difference
left alone: it changes nothing measurable.
"""

from legacykeras.rules.schema import CallRule, Drop, Expr, Fold, MapValue

LR = {"lr": "learning_rate"}


def _decay(default_lr: float) -> Fold:
    return Fold(
        "decay",
        into="learning_rate",
        target="keras.optimizers.schedules.InverseTimeDecay",
        into_keyword="initial_learning_rate",
        arg_keyword="decay_rate",
        kwargs={"decay_steps": 1},
        unless=0.0,
        into_default=default_lr,
        why="Keras 1 `decay` divided the learning rate by (1 + decay * iterations)",
    )


SGD = CallRule(
    code="LK601",
    old="keras.optimizers.SGD",
    new="keras.optimizers.SGD",
    aliases=("keras.optimizers.sgd",),
    positional=("lr", "momentum", "decay", "nesterov"),
    rename=LR,
    fold=[_decay(0.01)],
    kept_positional=2,
    layer=False,
    why="`lr` is `learning_rate`; `decay` is a learning-rate schedule",
)

RMSPROP = CallRule(
    code="LK602",
    old="keras.optimizers.RMSprop",
    new="keras.optimizers.RMSprop",
    aliases=("keras.optimizers.rmsprop",),
    positional=("lr", "rho", "epsilon", "decay"),
    rename=LR,
    fold=[_decay(0.001)],
    kept_positional=2,
    layer=False,
    why="`lr` is `learning_rate`; `decay` is a learning-rate schedule",
)

ADAGRAD = CallRule(
    code="LK603",
    old="keras.optimizers.Adagrad",
    new="keras.optimizers.Adagrad",
    aliases=("keras.optimizers.adagrad",),
    positional=("lr", "epsilon", "decay"),
    rename=LR,
    fold=[_decay(0.01)],
    defaults={"learning_rate": 0.01, "initial_accumulator_value": 0.0},
    kept_positional=1,
    layer=False,
    why="`lr` is `learning_rate` (Keras 1 default 0.01, Keras 3 0.001); accumulators started at 0",
)

ADADELTA = CallRule(
    code="LK604",
    old="keras.optimizers.Adadelta",
    new="keras.optimizers.Adadelta",
    aliases=("keras.optimizers.adadelta",),
    positional=("lr", "rho", "epsilon", "decay"),
    rename=LR,
    fold=[_decay(1.0)],
    defaults={"learning_rate": 1.0},
    kept_positional=3,
    layer=False,
    why="`lr` is `learning_rate` (Keras 1 default 1.0, Keras 3 0.001)",
)

ADAM = CallRule(
    code="LK605",
    old="keras.optimizers.Adam",
    new="keras.optimizers.Adam",
    aliases=("keras.optimizers.adam",),
    positional=("lr", "beta_1", "beta_2", "epsilon", "decay"),
    rename=LR,
    fold=[_decay(0.001)],
    kept_positional=4,
    layer=False,
    why="`lr` is `learning_rate`; `decay` is a learning-rate schedule",
)

ADAMAX = CallRule(
    code="LK606",
    old="keras.optimizers.Adamax",
    new="keras.optimizers.Adamax",
    aliases=("keras.optimizers.adamax",),
    positional=("lr", "beta_1", "beta_2", "epsilon", "decay"),
    rename=LR,
    fold=[_decay(0.002)],
    defaults={"learning_rate": 0.002},
    kept_positional=4,
    layer=False,
    why="`lr` is `learning_rate` (Keras 1 default 0.002, Keras 3 0.001)",
)

NADAM = CallRule(
    code="LK607",
    old="keras.optimizers.Nadam",
    new="keras.optimizers.Nadam",
    aliases=("keras.optimizers.nadam",),
    positional=("lr", "beta_1", "beta_2", "epsilon", "schedule_decay"),
    rename=LR,
    drop=[Drop("schedule_decay", why="Keras 3 Nadam has a fixed momentum schedule")],
    defaults={"learning_rate": 0.002},
    kept_positional=4,
    layer=False,
    why="`lr` is `learning_rate` (Keras 1 default 0.002, Keras 3 0.001)",
)

TF_OPTIMIZER = CallRule(
    code="LK608",
    old="keras.optimizers.TFOptimizer",
    new=None,
    positional=("optimizer",),
    layer=False,
    why="Keras 3 cannot wrap a TensorFlow 1 optimizer: use a `keras.optimizers` optimizer",
)

# `compile(optimizer='adadelta')`: the Keras 1 name meant Keras 1's defaults. The rows for
# `compile` can use this map for their `optimizer` argument.
OPTIMIZER_NAMES = MapValue(
    mapping={
        "adagrad": Expr("keras.optimizers.Adagrad", {"learning_rate": 0.01, "initial_accumulator_value": 0.0}),
        "adadelta": Expr("keras.optimizers.Adadelta", {"learning_rate": 1.0}),
        "adamax": Expr("keras.optimizers.Adamax", {"learning_rate": 0.002}),
        "nadam": Expr("keras.optimizers.Nadam", {"learning_rate": 0.002}),
    },
    why="Keras 1 optimizer names meant Keras 1's default learning rates",
)

RULES = [SGD, RMSPROP, ADAGRAD, ADADELTA, ADAM, ADAMAX, NADAM, TF_OPTIMIZER]
