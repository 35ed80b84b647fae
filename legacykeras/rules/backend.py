"""Rows for `keras.backend` (`K.*`, Keras 1.2.2). Codes LK701-LK799.

Keras 3 keeps a small `keras.backend`; the tensor functions moved to
`keras.ops` (NumPy names: `permute_dimensions` is `transpose`, `pow` is
`power`, `lesser` is `less`, `gather` is `take`), the settings to
`keras.config`, the random functions to `keras.random`. Where Keras 1's
argument order differs (`categorical_crossentropy(output, target)` vs
`(target, output)`) the row keeps no positionals, so the codemod writes
keywords. `new=None` rows (sessions, placeholders, `K.function`, learning
phase, Theano-era helpers) have no Keras 3 spelling: `migrate` leaves a TODO
with the row's `why`.
"""

import dataclasses

from legacykeras.rules.schema import CallRule, Drop
from legacykeras.rules.values import DIM_ORDERING


def _fn(code, name, new, positional=("x",), kept=None, rename=None, defaults=None, drop=(), values=None,
        returns=None, why=""):
    return CallRule(
        code=code,
        old=f"keras.backend.{name}",
        new=new,
        positional=tuple(positional),
        kept_positional=len(positional) if kept is None else kept,
        rename=rename or {},
        defaults=defaults or {},
        drop=list(drop),
        values=values or {},
        returns=returns,
        layer=False,
        why=why,
    )


_REDUCE = ("x", "axis", "keepdims")
_PAIR = ("x", "y")
_NAME = [Drop("name", why="Keras 3 tensors have no name")]
_OPS = "keras.ops."

# Same name in `keras.ops`; codes are fixed per name (never renumber).
_UNARY = {"abs": 701, "exp": 702, "log": 703, "sqrt": 704, "square": 705, "sign": 706, "round": 707, "cos": 708,
          "sin": 709, "tanh": 710, "sigmoid": 711, "softplus": 712, "softsign": 713, "softmax": 714,
          "transpose": 715, "shape": 716, "ndim": 717}
_REDUCTIONS = {"sum": 720, "mean": 721, "max": 722, "min": 723, "prod": 724, "std": 725, "var": 726, "any": 727,
               "all": 728}
_BINARY = {"equal": ("equal", 730), "not_equal": ("not_equal", 731), "greater": ("greater", 732),
           "greater_equal": ("greater_equal", 733), "lesser": ("less", 734), "lesser_equal": ("less_equal", 735),
           "maximum": ("maximum", 736), "minimum": ("minimum", 737), "dot": ("dot", 738)}

RULES = []
RULES += [_fn(f"LK{code}", name, _OPS + name, why=f"`K.{name}` is `keras.ops.{name}`")
          for name, code in _UNARY.items()]
RULES += [_fn(f"LK{code}", name, _OPS + name, positional=_REDUCE, why=f"`K.{name}` is `keras.ops.{name}`")
          for name, code in _REDUCTIONS.items()]
RULES += [_fn(f"LK{code}", old, _OPS + new, positional=_PAIR, rename={"x": "x1", "y": "x2"},
              why=f"`K.{old}` is `keras.ops.{new}`")
          for old, (new, code) in _BINARY.items()]

RULES += [
    _fn("LK740", "argmax", _OPS + "argmax", positional=("x", "axis"), defaults={"axis": -1},
        why="`K.argmax` is `keras.ops.argmax`, whose default axis is None (Keras 1: -1)"),
    _fn("LK741", "argmin", _OPS + "argmin", positional=("x", "axis"), defaults={"axis": -1},
        why="`K.argmin` is `keras.ops.argmin`, whose default axis is None (Keras 1: -1)"),
    _fn("LK742", "concatenate", _OPS + "concatenate", positional=("tensors", "axis"), rename={"tensors": "xs"},
        defaults={"axis": -1}, why="`K.concatenate` is `keras.ops.concatenate`, whose default axis is 0 (Keras 1: -1)"),
    _fn("LK743", "reshape", _OPS + "reshape", positional=("x", "shape"), rename={"shape": "newshape"},
        why="`K.reshape` is `keras.ops.reshape`"),
    _fn("LK744", "permute_dimensions", _OPS + "transpose", positional=("x", "pattern"), rename={"pattern": "axes"},
        why="`K.permute_dimensions` is `keras.ops.transpose`"),
    _fn("LK745", "expand_dims", _OPS + "expand_dims", positional=("x", "dim"), rename={"dim": "axis"},
        defaults={"axis": -1}, why="`K.expand_dims(x, dim=-1)` is `keras.ops.expand_dims(x, axis)`"),
    _fn("LK746", "squeeze", _OPS + "squeeze", positional=("x", "axis"), why="`K.squeeze` is `keras.ops.squeeze`"),
    _fn("LK747", "tile", _OPS + "tile", positional=("x", "n"), rename={"n": "repeats"},
        why="`K.tile` is `keras.ops.tile`"),
    _fn("LK748", "repeat_elements", _OPS + "repeat", positional=("x", "rep", "axis"),
        rename={"rep": "repeats"}, why="`K.repeat_elements` is `keras.ops.repeat`"),
    _fn("LK749", "flatten", _OPS + "ravel", why="`K.flatten` is `keras.ops.ravel`"),
    _fn("LK750", "gather", _OPS + "take", positional=("reference", "indices"), rename={"reference": "x"},
        defaults={"axis": 0}, why="`K.gather` is `keras.ops.take(x, indices, axis=0)`"),
    _fn("LK751", "pow", _OPS + "power", positional=("x", "a"), rename={"x": "x1", "a": "x2"},
        why="`K.pow` is `keras.ops.power`"),
    _fn("LK752", "clip", _OPS + "clip", positional=("x", "min_value", "max_value"),
        rename={"min_value": "x_min", "max_value": "x_max"}, why="`K.clip` is `keras.ops.clip`"),
    _fn("LK753", "cast", _OPS + "cast", positional=("x", "dtype"), why="`K.cast` is `keras.ops.cast`"),
    _fn("LK754", "elu", _OPS + "elu", positional=("x", "alpha"), why="`K.elu` is `keras.ops.elu`"),
    _fn("LK755", "relu", "keras.activations.relu", positional=("x", "alpha", "max_value"),
        rename={"alpha": "negative_slope"}, kept=1, why="`K.relu(x, alpha)` is `keras.activations.relu(x, negative_slope)`"),
    _fn("LK756", "switch", _OPS + "where", positional=("condition", "then_expression", "else_expression"),
        rename={"then_expression": "x1", "else_expression": "x2"}, why="`K.switch` is `keras.ops.where`"),
    _fn("LK757", "l2_normalize", _OPS + "normalize", positional=("x", "axis"),
        why="`K.l2_normalize` is `keras.ops.normalize`"),
    _fn("LK758", "one_hot", _OPS + "one_hot", positional=("indices", "nb_classes"),
        rename={"indices": "x", "nb_classes": "num_classes"}, why="`K.one_hot` is `keras.ops.one_hot`"),
    _fn("LK759", "reverse", _OPS + "flip", positional=("x", "axes"), rename={"axes": "axis"},
        why="`K.reverse` is `keras.ops.flip`"),
    _fn("LK760", "stack", _OPS + "stack", why="`K.stack` is `keras.ops.stack`"),
    _fn("LK761", "map_fn", _OPS + "map", positional=("fn", "elems", "name"), rename={"fn": "f", "elems": "xs"},
        kept=2, drop=_NAME, why="`K.map_fn` is `keras.ops.map`"),
    _fn("LK762", "arange", _OPS + "arange", positional=("start", "stop", "step", "dtype"),
        why="`K.arange` is `keras.ops.arange`"),
    _fn("LK763", "in_top_k", _OPS + "in_top_k", positional=("predictions", "targets", "k"), kept=0,
        why="`K.in_top_k(predictions, targets, k)` is `keras.ops.in_top_k(targets, predictions, k)`"),
    _fn("LK764", "categorical_crossentropy", _OPS + "categorical_crossentropy",
        positional=("output", "target", "from_logits"), kept=0,
        why="`K.categorical_crossentropy(output, target)` is `keras.ops.categorical_crossentropy(target, output)`"),
    _fn("LK765", "binary_crossentropy", _OPS + "binary_crossentropy",
        positional=("output", "target", "from_logits"), kept=0,
        why="`K.binary_crossentropy(output, target)` is `keras.ops.binary_crossentropy(target, output)`"),
    _fn("LK766", "sparse_categorical_crossentropy", _OPS + "sparse_categorical_crossentropy",
        positional=("output", "target", "from_logits"), kept=0,
        why="`K.sparse_categorical_crossentropy(output, target)` is "
            "`keras.ops.sparse_categorical_crossentropy(target, output)`"),
    _fn("LK767", "zeros", _OPS + "zeros", positional=("shape", "dtype", "name"), kept=2, drop=_NAME,
        why="`K.zeros` is `keras.ops.zeros` (a tensor; weights come from `add_weight`)"),
    _fn("LK768", "ones", _OPS + "ones", positional=("shape", "dtype", "name"), kept=2, drop=_NAME,
        why="`K.ones` is `keras.ops.ones` (a tensor; weights come from `add_weight`)"),
    _fn("LK769", "zeros_like", _OPS + "zeros_like", positional=("x", "dtype", "name"), kept=2, drop=_NAME,
        why="`K.zeros_like` is `keras.ops.zeros_like`"),
    _fn("LK770", "ones_like", _OPS + "ones_like", positional=("x", "dtype", "name"), kept=2, drop=_NAME,
        why="`K.ones_like` is `keras.ops.ones_like`"),
    _fn("LK771", "eye", _OPS + "eye", positional=("size", "dtype", "name"), rename={"size": "N"}, kept=1,
        drop=_NAME, why="`K.eye` is `keras.ops.eye`"),
    _fn("LK772", "variable", "keras.Variable", positional=("value", "dtype", "name"), rename={"value": "initializer"},
        kept=1, why="`K.variable` is `keras.Variable`"),
    _fn("LK773", "get_value", _OPS + "convert_to_numpy", why="`K.get_value` is `keras.ops.convert_to_numpy`"),
    _fn("LK774", "eval", _OPS + "convert_to_numpy", why="`K.eval` is `keras.ops.convert_to_numpy`"),
    _fn("LK775", "int_shape", _OPS + "shape", why="`K.int_shape` is `keras.ops.shape` (static where known)"),
    _fn("LK776", "stop_gradient", _OPS + "stop_gradient", positional=("variables",),
        rename={"variables": "variable"}, why="`K.stop_gradient` is `keras.ops.stop_gradient`"),
    _fn("LK777", "dropout", "keras.random.dropout", positional=("x", "level", "noise_shape", "seed"),
        rename={"x": "inputs", "level": "rate"}, why="`K.dropout` is `keras.random.dropout`"),
    _fn("LK778", "random_normal", "keras.random.normal", positional=("shape", "mean", "std", "dtype", "seed"),
        rename={"std": "stddev"}, why="`K.random_normal` is `keras.random.normal`"),
    _fn("LK779", "random_uniform", "keras.random.uniform", positional=("shape", "low", "high", "dtype", "seed"),
        rename={"low": "minval", "high": "maxval"}, why="`K.random_uniform` is `keras.random.uniform`"),
    _fn("LK780", "epsilon", "keras.config.epsilon", positional=(), why="`K.epsilon` is `keras.config.epsilon`"),
    _fn("LK781", "set_epsilon", "keras.config.set_epsilon", positional=("e",), rename={"e": "value"},
        why="`K.set_epsilon` is `keras.config.set_epsilon`"),
    _fn("LK782", "floatx", "keras.config.floatx", positional=(), why="`K.floatx` is `keras.config.floatx`"),
    _fn("LK783", "set_floatx", "keras.config.set_floatx", positional=("floatx",), rename={"floatx": "value"},
        why="`K.set_floatx` is `keras.config.set_floatx`"),
    _fn("LK784", "image_dim_ordering", "keras.config.image_data_format", positional=(),
        returns=DIM_ORDERING,
        why="`K.image_dim_ordering()` ('th'/'tf') is `keras.config.image_data_format()` "
            "('channels_first'/'channels_last')"),
    _fn("LK785", "set_image_dim_ordering", "keras.config.set_image_data_format", positional=("dim_ordering",),
        rename={"dim_ordering": "data_format"}, values={"dim_ordering": DIM_ORDERING},
        why="`K.set_image_dim_ordering('th')` is `keras.config.set_image_data_format('channels_first')`"),
    _fn("LK786", "backend", "keras.backend.backend", positional=(), why="`K.backend()` says 'tensorflow' today"),
    _fn("LK787", "clear_session", "keras.backend.clear_session", positional=(),
        why="`K.clear_session` is `keras.backend.clear_session`"),
    _fn("LK788", "is_keras_tensor", "keras.backend.is_keras_tensor",
        why="`K.is_keras_tensor` is `keras.backend.is_keras_tensor`"),
]

# No Keras 3 function: `migrate` leaves a TODO with the row's advice. One row per theme.
def _gone(code, names, why):
    first, *rest = names
    row = _fn(code, first, None, positional=(), why=why)
    return dataclasses.replace(row, aliases=tuple(f"keras.backend.{n}" for n in rest))


RULES += [
    _gone("LK790", ["learning_phase", "set_learning_phase", "in_train_phase", "in_test_phase"],
          "Keras 3 has no global learning phase: pass `training=` to layer calls and branch on it in `call`"),
    _gone("LK791", ["function", "placeholder", "gradients", "get_session", "set_session"],
          "Keras 3 has no graph-mode API: build a `keras.Model(inputs, outputs)` for `K.function`, use "
          "`keras.Input` for placeholders and `tf.GradientTape` for gradients"),
    _gone("LK792", ["set_value", "batch_set_value", "update", "update_add", "update_sub", "moving_average_update"],
          "Keras 3 variables change with `variable.assign(value)`, `assign_add`, `assign_sub`"),
    _gone("LK793", ["batch_get_value", "get_variable_shape", "count_params", "dtype", "cast_to_floatx"],
          "Keras 3: read `variable.shape`, `variable.dtype`, `keras.ops.convert_to_numpy(variable)`"),
    _gone("LK794", ["conv1d", "conv2d", "conv3d", "deconv2d", "atrous_conv2d", "separable_conv2d", "pool2d", "pool3d"],
          "Keras 3: `keras.ops.conv`, `conv_transpose`, `separable_conv`, `max_pool`, `average_pool` "
          "(kernels are channels-last, `border_mode` is `padding`, `dim_ordering` is `data_format`)"),
    _gone("LK795", ["temporal_padding", "spatial_2d_padding", "spatial_3d_padding", "asymmetric_temporal_padding",
                    "asymmetric_spatial_2d_padding", "resize_images", "resize_volumes"],
          "Keras 3: `keras.ops.pad`, `keras.ops.image.resize`, or the ZeroPadding / UpSampling layers"),
    _gone("LK796", ["batch_dot"], "Keras 3 has no `batch_dot`: use `keras.ops.einsum` or the `keras.layers.Dot` layer"),
    _gone("LK797", ["batch_flatten", "repeat"],
          "Keras 3: `keras.ops.reshape(x, (keras.ops.shape(x)[0], -1))` for `batch_flatten`, "
          "`keras.ops.repeat(keras.ops.expand_dims(x, 1), n, axis=1)` for `repeat`"),
    _gone("LK798", ["hard_sigmoid"],
          "Keras 3's `hard_sigmoid` has slope 1/6; Keras 1's was `keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)`"),
    _gone("LK799", ["rnn", "batch_normalization", "normalize_batch_in_training", "ctc_batch_cost", "print_tensor",
                    "random_binomial", "random_normal_variable", "random_uniform_variable", "foldl", "foldr",
                    "to_dense", "is_sparse", "legacy_weight_ordering", "set_legacy_weight_ordering",
                    "pattern_broadcast"],
          "no Keras 3 function with this meaning: see `keras.layers.RNN`, `keras.ops.batch_normalization`, "
          "`keras.ops.ctc_loss`, `keras.random`, `keras.ops.scan` for the nearest replacements"),
]
