"""`TimeDistributedDense(n, ...)` -> `TimeDistributed(Dense(n, ...))`.

The Dense arguments go through the `Dense` row (so `output_dim`, `init`, ...
are converted as for any Dense); the layer-level ones (`name`, `input_shape`,
`input_dim` + `input_length`, `trainable`) stay on the wrapper, where Keras 3
reads them. Keras 1's W and b fit `TimeDistributed(Dense)` as they are.
"""

from __future__ import annotations

import libcst as cst

from migrate import literals
from migrate.transforms import calls
from migrate.transforms.binding import bind_args

_WRAPPER_ARGS = ("name", "trainable", "input_shape", "batch_input_shape", "input_dim", "input_length",
                 "input_dtype")


def convert(m, row, original: cst.Call, updated: cst.Call, qualified):
    dense_row = m.tables.row("keras.layers.core.Dense")
    if dense_row is None:
        return None
    dense_args, wrapper = [], {}
    bound = bind_args(row, updated)
    if bound is None:
        return None
    for name, arg in bound.items():
        if name in _WRAPPER_ARGS:
            wrapper[name] = arg.value
        else:
            dense_args.append(arg)  # Dense has TimeDistributedDense's positional order
    if "batch_input_shape" in wrapper or "input_dtype" in wrapper:
        return None
    dense_func = m.expr_for("keras.layers.Dense")
    wrapper_func = m.expr_for("keras.layers.TimeDistributed")
    if dense_func is None or wrapper_func is None:
        return None
    synthetic = cst.Call(func=dense_func, args=calls.with_commas(dense_args))
    m.position_hint = original
    try:
        dense = calls.convert_call(m, dense_row, synthetic, synthetic, keras1=True) or synthetic
    finally:
        m.position_hint = None
    wrapper_args = [cst.Arg(dense)]
    if "input_dim" in wrapper:
        length = wrapper.pop("input_length", None)
        shape = literals.tuple_node([length if length is not None else cst.Name("None"), wrapper.pop("input_dim")])
        wrapper["input_shape"] = shape
    elif "input_length" in wrapper:
        return None
    for name in ("input_shape", "name", "trainable"):
        if name in wrapper:
            wrapper_args.append(calls.keyword_arg(name, wrapper[name]))
    m.fixed(original, row.code, "`TimeDistributedDense` is now `TimeDistributed(Dense(...))`")
    return cst.Call(func=wrapper_func, args=calls.with_commas(wrapper_args))
