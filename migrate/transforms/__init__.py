"""The codemod's transforms: the generic row engine plus bespoke transforms where rows fall short.

Order matters in `dispatch_call`: a bespoke handler registered for a row's
Keras 1 name runs first (it may finish the call itself, or deal with some
arguments and hand the rest to the generic engine); rows without a handler go
straight to `calls.convert_call`. One file per bespoke transform:

- `imports`: import statements (module moves, renamed names).
- `calls`: the generic engine, any `CallRule`.
- `merge_calls`: `merge(mode=...)` / `Merge(mode=...)` -> `concatenate`/`add`/... and the layer classes.
- `time_distributed`: `TimeDistributedDense(n)` -> `TimeDistributed(Dense(n))`.
- `generators`: `fit_generator`/`evaluate_generator`/`predict_generator` -> `fit`/`evaluate`/`predict`,
  samples -> steps when the batch size is known.
- `predict_classes`: `predict_classes` -> `argmax(predict)` / threshold, from the model's last layer.
- `input_shape`: `batch_input_shape=` / `input_dtype=` on a Sequential's first layer -> `keras.Input`.
- `comparisons`: `K.image_dim_ordering() == 'th'` -> `keras.config.image_data_format() == 'channels_first'`.
- `custom_layers`: Keras 1 `Layer` subclasses (`get_output_shape_for`, `self.init(...)` weights,
  `trainable_weights` assignment).
- `facts`: what the module says about its names (models, generators' batch sizes).
- `metric_names`: Keras 1 log keys ('acc' -> 'accuracy') in `compile` and `history.history[...]`.
- `callbacks`: `ModelCheckpoint` file names Keras 3 accepts.
- `era_calls`: `scipy.misc.imresize` -> PIL's `resize`; `re.split` on patterns that match empty
  (`'(X)?'` -> `'(X)'`, else a TODO).
- `trainable`: `model.trainable = False` after `model.compile` (the GAN idiom) gets a TODO.
- `symbolic_losses`: a loss function reading the model's intermediate tensors (the VAE idiom) gets a TODO.
- `init_functions`: `init=lambda shape, name: normal(shape, scale=0.01, name=name)` ->
  `keras.initializers.RandomNormal(stddev=0.01)`; other calls of `keras.initializations` functions.
"""

from __future__ import annotations

import libcst as cst

from migrate.names import is_method
from migrate.transforms import (callbacks, calls, comparisons, custom_layers, era_calls, facts, generators,
                                imports, init_functions, input_shape, merge_calls, metric_names, predict_classes,
                                time_distributed, symbolic_losses, trainable)

# Keras 1 qualified name (a row's `old`) -> handler(m, row, original, updated, qualified) -> node | None.
CALL_HANDLERS = {
    "keras.engine.topology.merge": merge_calls.convert_merge_function,
    "keras.engine.topology.Merge": merge_calls.convert_merge_layer,
    "keras.layers.core.TimeDistributedDense": time_distributed.convert,
    "keras.models.Sequential": input_shape.convert_sequential_list,
    "keras.callbacks.ModelCheckpoint": callbacks.convert_checkpoint,
    "scipy.misc.imresize": era_calls.convert_imresize,
    "re.split": era_calls.convert_re_split,
    **init_functions.handlers(),
}
METHOD_HANDLERS = {
    "keras.engine.training.Model.fit_generator": generators.convert,
    "keras.engine.training.Model.evaluate_generator": generators.convert,
    "keras.engine.training.Model.predict_generator": generators.convert,
    "keras.models.Sequential.predict_classes": predict_classes.convert,
    "keras.engine.training.Model.compile": metric_names.convert_compile,
}


def dispatch_call(m, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
    if id(original) in m.facts.get("skip_calls", ()):
        return updated  # a bespoke transform rewrites the statement around this call
    func = original.func
    qualified = m.qualified(func) if isinstance(func, (cst.Name, cst.Attribute)) else None
    if qualified is not None:
        row = m.tables.row(qualified)
        result = None
        if row is not None and not is_method(row.old) and m.enabled(row.code):
            handler = CALL_HANDLERS.get(row.old)
            if handler is not None:
                result = handler(m, row, original, updated, qualified)
            if result is None and row.new is None:
                if handler is None or not m.facts.get(("handled", id(original))):
                    from migrate.engine import gone_message

                    m.todo(original, row.code, gone_message(row))
            elif result is None:
                result = calls.convert_call(m, row, original, updated, spelled=qualified,
                                            keras1=calls.keras1_spelling(m.tables, row, qualified))
        elif row is None:
            handler = CALL_HANDLERS.get(m.tables.canonical(qualified))
            if handler is not None:
                result = handler(m, None, original, updated, qualified)
        result = comparisons.check_returns(m, row, original, result if result is not None else updated)
        return updated if result is None else result
    if isinstance(func, cst.Attribute):
        return _dispatch_method(m, original, updated)
    return updated


def _dispatch_method(m, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
    method = original.func.attr.value
    rows = m.tables.methods.get(method)
    if not rows:
        if method == "add":
            return input_shape.convert_add(m, original, updated)
        if method == "get":
            return metric_names.rewrite_get(m, original, updated)
        return updated
    row = rows[0]
    if not m.enabled(row.code):
        return updated
    known = facts.is_model(m, original.func.value)
    handler = METHOD_HANDLERS.get(row.old)
    if handler is not None:
        result = handler(m, row, original, updated, known)
        return updated if result is None else result
    if row.new is None:
        if known:  # a Keras model's method that Keras 3 models lack (`model.reset_states()`)
            from migrate.engine import gone_message

            m.todo(original, row.code, gone_message(row))
        return updated
    result = calls.convert_call(m, row, original, updated, keras1=method != row.new_name, method=True,
                                known_receiver=known)
    return updated if result is None else result


def allowed_bare_reference(m, original, row) -> bool:
    """References to gone names that a bespoke transform deals with elsewhere (not worth a TODO)."""
    return row.old in CALL_HANDLERS


__all__ = ["dispatch_call", "allowed_bare_reference", "calls", "imports", "comparisons", "custom_layers", "facts",
           "init_functions"]
