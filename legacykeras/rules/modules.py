"""Keras 1 modules that moved or vanished, and the functions that moved with them.

Keras 3 flattened the layer tree (`keras.layers.core` and its siblings are all
`keras.layers`), renamed `objectives` and `initializations`, dropped
`keras.engine` (its public classes live at the top, `keras.Model`,
`keras.Layer`, `keras.Input`) and folded the `keras.utils.*_utils` modules into
`keras.utils`. A module row maps the whole module; a name inside it keeps its
name unless a `CallRule` below (or elsewhere in the table) says otherwise.
`new=None` means Keras 3 has no such module: `migrate` leaves the import with a
TODO. Codes LK010-LK049 are modules, LK050-LK099 the functions that moved.
"""

from legacykeras.rules.schema import CallRule, ModuleRule

_LAYERS = "Keras 3 has one flat `keras.layers` namespace"

MODULE_RULES = [
    ModuleRule("LK010", "keras.layers.core", "keras.layers", why=_LAYERS),
    ModuleRule("LK011", "keras.layers.convolutional", "keras.layers", why=_LAYERS),
    ModuleRule("LK012", "keras.layers.convolutional_recurrent", "keras.layers", why=_LAYERS),
    ModuleRule("LK013", "keras.layers.pooling", "keras.layers", why=_LAYERS),
    ModuleRule("LK014", "keras.layers.recurrent", "keras.layers", why=_LAYERS),
    ModuleRule("LK015", "keras.layers.normalization", "keras.layers", why=_LAYERS),
    ModuleRule("LK016", "keras.layers.embeddings", "keras.layers", why=_LAYERS),
    ModuleRule("LK017", "keras.layers.advanced_activations", "keras.layers", why=_LAYERS),
    ModuleRule("LK018", "keras.layers.noise", "keras.layers", why=_LAYERS),
    ModuleRule("LK019", "keras.layers.local", "keras.layers", why=_LAYERS),
    ModuleRule("LK020", "keras.layers.wrappers", "keras.layers", why=_LAYERS),
    ModuleRule("LK021", "keras.engine", "keras",
               why="Keras 3 has no `keras.engine`; `Model`, `Layer`, `Input`, `InputSpec` are at the top"),
    ModuleRule("LK022", "keras.engine.topology", "keras",
               why="Keras 3 has no `keras.engine`; `Layer`, `Input`, `InputSpec` are at the top"),
    ModuleRule("LK023", "keras.engine.training", "keras",
               why="Keras 3 has no `keras.engine`; `Model` is `keras.Model`"),
    ModuleRule("LK024", "keras.objectives", "keras.losses", why="Keras 2 renamed `objectives` to `losses`"),
    ModuleRule("LK025", "keras.initializations", "keras.initializers",
               why="Keras 2 renamed `initializations` to `initializers`"),
    ModuleRule("LK026", "keras.utils.np_utils", "keras.utils", why="Keras 3 has one `keras.utils` namespace"),
    ModuleRule("LK027", "keras.utils.generic_utils", "keras.utils", why="Keras 3 has one `keras.utils` namespace"),
    ModuleRule("LK028", "keras.utils.data_utils", "keras.utils", why="Keras 3 has one `keras.utils` namespace"),
    ModuleRule("LK029", "keras.utils.io_utils", "keras.utils", why="Keras 3 has one `keras.utils` namespace"),
    ModuleRule("LK030", "keras.utils.layer_utils", "keras.utils", why="Keras 3 has one `keras.utils` namespace"),
    ModuleRule("LK031", "keras.utils.visualize_util", "keras.utils",
               why="Keras 3 has one `keras.utils` namespace; `plot` is `plot_model`"),
    ModuleRule("LK032", "keras.backend.tensorflow_backend", "keras.backend",
               why="Keras 3 has one backend namespace (most functions are `keras.ops`)"),
    ModuleRule("LK033", "keras.backend.theano_backend", "keras.backend",
               why="Keras 3 has no Theano; most backend functions are `keras.ops`"),
    ModuleRule("LK034", "keras.backend.common", "keras.backend", why="Keras 3 has one backend namespace"),
    ModuleRule("LK035", "keras.utils.test_utils", None, why="Keras 1's test helpers are not public in Keras 3"),
    ModuleRule("LK036", "keras.wrappers.scikit_learn", None,
               why="Keras 3 has `keras.wrappers.SKLearnClassifier`/`SKLearnRegressor` with another API "
                   "(or use the scikeras package)"),
    ModuleRule("LK037", "keras.preprocessing.text", None,
               why="Keras 3 has no `Tokenizer`; use `keras.layers.TextVectorization`"),
    ModuleRule("LK038", "keras.legacy", None, why="Keras 3 has no `keras.legacy` models"),
    ModuleRule("LK039", "keras.datasets.cifar", None, why="an internal helper of Keras 1's CIFAR loaders"),
    ModuleRule("LK040", "keras.applications.audio_conv_utils", None, why="Keras 3 dropped the music tagger"),
    ModuleRule("LK041", "keras.applications.music_tagger_crnn", None, why="Keras 3 dropped the music tagger"),
]

TO_CATEGORICAL = CallRule(
    code="LK050",
    old="keras.utils.np_utils.to_categorical",
    new="keras.utils.to_categorical",
    aliases=("keras.wrappers.scikit_learn.to_categorical",),
    positional=("y", "nb_classes"),
    rename={"y": "x", "nb_classes": "num_classes"},
    kept_positional=2,
    why="`nb_classes` became `num_classes`",
)

PLOT = CallRule(
    code="LK051",
    old="keras.utils.visualize_util.plot",
    new="keras.utils.plot_model",
    positional=("model", "to_file", "show_shapes", "show_layer_names"),
    kept_positional=4,
    why="`keras.utils.visualize_util.plot` became `keras.utils.plot_model`",
)

CONVERT_KERNEL = CallRule(
    code="LK052",
    old="keras.utils.np_utils.convert_kernel",
    new=None,
    positional=("kernel", "dim_ordering"),
    why="Keras 3 has no `convert_kernel`: flip the spatial axes with `numpy.flip(kernel, axis=(0, 1))`"
        " (Theano-trained weights load through `legacykeras convert`)",
)

PROBAS_TO_CLASSES = CallRule(
    code="LK053",
    old="keras.utils.np_utils.probas_to_classes",
    new=None,
    aliases=("keras.utils.np_utils.categorical_probas_to_classes",),
    positional=("y_pred",),
    why="Keras 3 has no `probas_to_classes`: use `numpy.argmax(y_pred, axis=-1)` (or `> 0.5` for one unit)",
)

PRINT_SUMMARY = CallRule(
    code="LK054",
    old="keras.utils.layer_utils.print_summary",
    new=None,
    positional=("layers", "relevant_nodes", "line_length", "positions"),
    why="Keras 3 has no `print_summary`: call `model.summary()`",
)

HDF5_MATRIX = CallRule(
    code="LK055",
    old="keras.utils.io_utils.HDF5Matrix",
    new=None,
    positional=("datapath", "dataset", "start", "end", "normalizer"),
    why="Keras 3 has no `HDF5Matrix`: read the arrays with h5py or wrap them in a `keras.utils.PyDataset`",
)

MODEL_FROM_YAML = CallRule(
    code="LK056",
    old="keras.models.model_from_yaml",
    new=None,
    positional=("yaml_string", "custom_objects"),
    why="Keras 3 reads no YAML: convert the file once with `legacykeras convert`, then `keras.models.load_model`",
)

GET_SOURCE_INPUTS = CallRule(
    code="LK057",
    old="keras.engine.topology.get_source_inputs",
    new="keras.utils.get_source_inputs",
    positional=("tensor", "layer", "node_index"),
    kept_positional=1,
    why="`get_source_inputs` moved to `keras.utils`",
)

RULES = [TO_CATEGORICAL, PLOT, CONVERT_KERNEL, PROBAS_TO_CLASSES, PRINT_SUMMARY, HDF5_MATRIX,
         MODEL_FROM_YAML, GET_SOURCE_INPUTS]
