"""Rows for `keras.layers.embeddings` (Keras 1.2.2). Code LK156."""

from legacykeras.rules.schema import CallRule, NoEquivalent
from legacykeras.rules.values import INIT_NAMES, REGULARIZER_NAMES, _constraint_names

EMBEDDING = CallRule(
    code="LK156",
    old="keras.layers.embeddings.Embedding",
    new="keras.layers.Embedding",
    positional=("input_dim", "output_dim", "init", "input_length", "W_regularizer",
                "activity_regularizer", "W_constraint", "mask_zero", "weights", "dropout"),
    rename={"init": "embeddings_initializer", "W_regularizer": "embeddings_regularizer",
            "W_constraint": "embeddings_constraint"},
    values={"init": INIT_NAMES, "W_regularizer": REGULARIZER_NAMES,
            "activity_regularizer": REGULARIZER_NAMES, "W_constraint": _constraint_names()},
    no_equivalent=[NoEquivalent(
        "dropout", when=lambda value: bool(value),
        why="Keras 3's Embedding has no dropout of whole embedding rows",
        instead="keep legacykeras' Embedding, or a SpatialDropout1D after the Embedding (close, not equal)",
    )],
    # Embedding's input_dim is the vocabulary size and input_length its input shape.
    own_args=("input_dim", "input_length"),
    weights="embedding",
    kept_positional=2,
    config={"input_dim": None, "output_dim": None, "init": "uniform", "input_length": None,
            "mask_zero": False, "activity_regularizer": None, "W_regularizer": None,
            "W_constraint": None, "dropout": 0.0},
    why="the weight arguments are named after `embeddings`",
)

RULES = [EMBEDDING]
