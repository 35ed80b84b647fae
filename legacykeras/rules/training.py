"""Rows for model methods (`keras.engine.training.Model.*`, Keras 1.2.2)."""

from legacykeras.rules.schema import CallRule, Drop

FIT = CallRule(
    code="LK501",
    old="keras.engine.training.Model.fit",
    new="keras.Model.fit",
    positional=("x", "y", "batch_size", "nb_epoch", "verbose", "callbacks", "validation_split",
                "validation_data", "shuffle", "class_weight", "sample_weight", "initial_epoch"),
    rename={"nb_epoch": "epochs"},
    drop=[Drop("show_accuracy", why="Keras 1.0 removed it; pass metrics=['accuracy'] to compile()")],
    defaults={"batch_size": 32, "epochs": 10},
    kept_positional=12,
    why="`nb_epoch` became `epochs`; Keras 1's default was 10 epochs",
)

COMPILE = CallRule(
    code="LK502",
    old="keras.engine.training.Model.compile",
    new="keras.Model.compile",
    positional=("optimizer", "loss", "metrics", "loss_weights", "sample_weight_mode"),
    kept_positional=2,
    drop=[Drop("class_mode", why="Keras 1.0 removed it; the loss decides binary vs categorical")],
)

EVALUATE = CallRule(
    code="LK503",
    old="keras.engine.training.Model.evaluate",
    new="keras.Model.evaluate",
    positional=("x", "y", "batch_size", "verbose", "sample_weight"),
    kept_positional=5,
    drop=[Drop("show_accuracy", why="Keras 1.0 removed it; pass metrics=['accuracy'] to compile()")],
    defaults={"batch_size": 32},
)

PREDICT = CallRule(
    code="LK504",
    old="keras.engine.training.Model.predict",
    new="keras.Model.predict",
    positional=("x", "batch_size", "verbose"),
    kept_positional=3,
    defaults={"batch_size": 32},
)

GRAPH = CallRule(
    code="LK505",
    old="keras.legacy.models.Graph",
    new="keras.Model",
    aliases=("keras.models.Graph",),
    layer=False,
    why="Keras 1.1 removed the `Graph` container (add_input / add_node / add_output, dict data); Keras 3 builds "
        "the same model with `keras.Input` and `keras.Model(inputs={...}, outputs={...})`",
)

RULES = [FIT, COMPILE, EVALUATE, PREDICT, GRAPH]
