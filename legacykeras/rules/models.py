"""Keras 1 model-level API: `Model(input=, output=)`, `merge`/`Merge`, generator methods, predict_classes.

Codes LK511-LK549. Rows whose change is more than argument spelling name what
the codemod's bespoke transforms read (`MERGE_MODES`, the generator rows'
`NoEquivalent` entries, which say what `migrate` builds when it knows the batch
size); the shim has its own adapters for the same rows.
"""

from legacykeras.rules.schema import CallRule, Drop, NoEquivalent

MODEL = CallRule(
    code="LK511",
    old="keras.engine.training.Model",
    new="keras.models.Model",
    aliases=("keras.models.Model", "keras.engine.Model", "keras.engine.topology.Container",
             "keras.engine.training.Container"),
    positional=("input", "output", "name"),
    rename={"input": "inputs", "output": "outputs"},
    kept_positional=3,
    layer=False,
    why="`Model(input=, output=)` became `Model(inputs=, outputs=)`",
)

INPUT = CallRule(
    code="LK512",
    old="keras.engine.topology.Input",
    new="keras.layers.Input",
    aliases=("keras.layers.Input", "keras.engine.Input", "keras.models.Input"),
    positional=("shape", "batch_shape", "name", "dtype", "sparse", "tensor"),
    kept_positional=1,
    layer=False,
)

INPUT_LAYER = CallRule(
    code="LK513",
    old="keras.engine.topology.InputLayer",
    new="keras.layers.InputLayer",
    aliases=("keras.layers.InputLayer", "keras.engine.InputLayer"),
    positional=("input_shape", "batch_input_shape", "input_dtype", "input_tensor", "sparse", "name"),
    rename={"input_shape": "shape", "batch_input_shape": "batch_shape", "input_dtype": "dtype"},
    kept_positional=0,
    layer=False,
    why="`InputLayer` arguments lost their `input_` prefix",
)

# Keras 1 `merge(mode=...)` / `Merge(mode=...)` -> the Keras 3 function / layer per mode.
# "cos" is a normalized dot product; Keras 1 returned it with an extra axis.
MERGE_MODES = {
    "sum": ("keras.layers.add", "keras.layers.Add"),
    "mul": ("keras.layers.multiply", "keras.layers.Multiply"),
    "ave": ("keras.layers.average", "keras.layers.Average"),
    "max": ("keras.layers.maximum", "keras.layers.Maximum"),
    "concat": ("keras.layers.concatenate", "keras.layers.Concatenate"),
    "dot": ("keras.layers.dot", "keras.layers.Dot"),
    "cos": ("keras.layers.dot", "keras.layers.Dot"),
}

MERGE_FUNCTION = CallRule(
    code="LK514",
    old="keras.engine.topology.merge",
    new=None,
    aliases=("keras.layers.merge", "keras.engine.merge"),
    positional=("inputs", "mode", "concat_axis", "dot_axes", "output_shape", "output_mask", "arguments",
                "name"),
    layer=False,
    why="`merge(mode=...)` became one function per mode: `concatenate`, `add`, `multiply`, `average`, "
        "`maximum`, `dot`",
)

MERGE_LAYER = CallRule(
    code="LK515",
    old="keras.engine.topology.Merge",
    new=None,
    aliases=("keras.layers.Merge", "keras.engine.Merge", "keras.models.Merge", "keras.layers.core.Merge"),
    positional=("layers", "mode", "concat_axis", "dot_axes", "output_shape", "output_mask", "arguments",
                "node_indices", "tensor_indices", "name"),
    layer=False,
    why="the `Merge` layer became one layer per mode: `Concatenate`, `Add`, `Multiply`, `Average`, "
        "`Maximum`, `Dot`; a `Merge` of Sequential models is a functional model now",
)

_GENERATOR_WORKERS = [
    Drop("max_q_size", why="Keras 3 `fit` takes no queue size; set it on a `keras.utils.PyDataset`"),
    Drop("nb_worker", why="Keras 3 `fit` takes no workers; set `workers=` on a `keras.utils.PyDataset`"),
    Drop("pickle_safe", why="Keras 3 `fit` takes no `pickle_safe`; set `use_multiprocessing=` on a "
                            "`keras.utils.PyDataset`"),
]

_STEPS = ("Keras 3 counts batches, not samples: steps = ceil(samples / batch size), and `migrate` could "
          "not tell the generator's batch size")

FIT_GENERATOR = CallRule(
    code="LK517",
    old="keras.engine.training.Model.fit_generator",
    new="keras.Model.fit",
    aliases=("keras.models.Sequential.fit_generator",),
    positional=("generator", "samples_per_epoch", "nb_epoch", "verbose", "callbacks", "validation_data",
                "nb_val_samples", "class_weight", "max_q_size", "nb_worker", "pickle_safe", "initial_epoch"),
    rename={"generator": "x", "nb_epoch": "epochs"},
    drop=_GENERATOR_WORKERS,
    no_equivalent=[
        NoEquivalent("samples_per_epoch", why=_STEPS, instead="steps_per_epoch=ceil(samples_per_epoch / batch_size)"),
        NoEquivalent("nb_val_samples", why=_STEPS, instead="validation_steps=ceil(nb_val_samples / batch_size)"),
    ],
    kept_positional=1,
    layer=False,
    why="`fit_generator` became `fit`, which takes generators; it counts steps, not samples",
)

EVALUATE_GENERATOR = CallRule(
    code="LK518",
    old="keras.engine.training.Model.evaluate_generator",
    new="keras.Model.evaluate",
    aliases=("keras.models.Sequential.evaluate_generator",),
    positional=("generator", "val_samples", "max_q_size", "nb_worker", "pickle_safe"),
    rename={"generator": "x"},
    drop=_GENERATOR_WORKERS,
    no_equivalent=[NoEquivalent("val_samples", why=_STEPS, instead="steps=ceil(val_samples / batch_size)")],
    kept_positional=1,
    layer=False,
    why="`evaluate_generator` became `evaluate`, which takes generators; it counts steps, not samples",
)

PREDICT_GENERATOR = CallRule(
    code="LK519",
    old="keras.engine.training.Model.predict_generator",
    new="keras.Model.predict",
    aliases=("keras.models.Sequential.predict_generator",),
    positional=("generator", "val_samples", "max_q_size", "nb_worker", "pickle_safe"),
    rename={"generator": "x"},
    drop=_GENERATOR_WORKERS,
    no_equivalent=[NoEquivalent("val_samples", why=_STEPS, instead="steps=ceil(val_samples / batch_size)")],
    kept_positional=1,
    layer=False,
    why="`predict_generator` became `predict`, which takes generators; it counts steps, not samples",
)

PREDICT_CLASSES = CallRule(
    code="LK520",
    old="keras.models.Sequential.predict_classes",
    new=None,
    positional=("x", "batch_size", "verbose"),
    layer=False,
    why="Keras 3 has no `predict_classes`: `numpy.argmax(model.predict(x), axis=-1)` for softmax outputs, "
        "`(model.predict(x) > 0.5).astype('int32')` for one sigmoid unit",
)

PREDICT_PROBA = CallRule(
    code="LK521",
    old="keras.models.Sequential.predict_proba",
    new="keras.Model.predict",
    positional=("x", "batch_size", "verbose"),
    kept_positional=3,
    layer=False,
    why="Keras 3 has no `predict_proba`: `predict` returns the same probabilities",
)

RESET_STATES = CallRule(
    code="LK523",
    old="keras.engine.training.Model.reset_states",
    new=None,
    aliases=("keras.models.Sequential.reset_states",),
    layer=False,
    why="Keras 3 models have no `reset_states`: call `layer.reset_state()` on each stateful RNN layer "
        "(`for layer in model.layers: if getattr(layer, 'stateful', False): layer.reset_state()`)",
)

# The arguments every Keras 1 layer took (`keras.engine.topology.Layer.__init__`) and what a
# Keras 3 layer does with them. Keras 3 layers accept `name`, `trainable`, `input_shape`,
# `input_dim` and `dtype` (the compute dtype, not Keras 1's `input_dtype`).
LAYER = CallRule(
    code="LK522",
    old="keras.engine.topology.Layer",
    new="keras.layers.Layer",
    aliases=("keras.layers.Layer", "keras.engine.Layer", "keras.layers.core.Layer", "keras.models.Layer"),
    drop=[Drop("create_input_layer", why="Keras 3 builds input layers itself")],
    no_equivalent=[
        NoEquivalent("batch_input_shape", why="Keras 3 layers take no batch shape",
                     instead="start the model with `keras.Input(batch_shape=...)`"),
        NoEquivalent("input_dtype", why="Keras 3 layers take no input dtype",
                     instead="start the model with `keras.Input(shape=..., dtype=...)`"),
        NoEquivalent("batch_size", why="Keras 3 layers take no batch size",
                     instead="start the model with `keras.Input(batch_size=...)`"),
        NoEquivalent("weights", why="Keras 3 layers take no initial weights (and Keras 1 weight lists may be "
                                    "laid out differently)",
                     instead="call `layer.set_weights(...)` once the layer is built"),
    ],
    layer=False,
    why="custom layers: `get_output_shape_for` is `compute_output_shape`, weights come from `add_weight`",
)

RULES = [MODEL, INPUT, INPUT_LAYER, MERGE_FUNCTION, MERGE_LAYER, FIT_GENERATOR,
         EVALUATE_GENERATOR, PREDICT_GENERATOR, PREDICT_CLASSES, PREDICT_PROBA, RESET_STATES, LAYER]
