"""`fit_generator` / `evaluate_generator` / `predict_generator` -> `fit` / `evaluate` / `predict`.

Keras 3's `fit` takes generators, and counts batches where Keras 1 counted
samples: `samples_per_epoch=N` is `steps_per_epoch=ceil(N / batch_size)`
(`nb_val_samples` -> `validation_steps`, `val_samples` -> `steps`). The batch
size is known when the generator expression says it: `datagen.flow(X, y,
batch_size=32)` (32 by default), any call with `batch_size=`, or a name
assigned from one. Otherwise the argument is left with the row's TODO. An
`nb_val_samples` next to array validation data meant nothing in Keras 1 and
is dropped. Worker arguments are dropped by the rows (they live on
`keras.utils.PyDataset` now).
"""

from __future__ import annotations

import math

import libcst as cst

from migrate import literals
from migrate.transforms import calls, facts
from migrate.transforms.binding import bind_args

# Keras 1 samples argument -> (Keras 3 steps argument, the argument holding its generator).
_STEPS = {
    "samples_per_epoch": ("steps_per_epoch", "generator"),
    "nb_val_samples": ("validation_steps", "validation_data"),
    "val_samples": ("steps", "generator"),
}
_NEEDS_PARENS = (cst.BinaryOperation, cst.BooleanOperation, cst.UnaryOperation, cst.IfExp, cst.Lambda,
                 cst.Comparison, cst.NamedExpr)


def convert(m, row, original: cst.Call, updated: cst.Call, known: bool):
    bound = bind_args(row, updated)
    if bound is None:
        return calls.convert_call(m, row, original, updated, keras1=True, method=True, known_receiver=known)
    handled: dict[str, cst.Arg | None] = {}
    changes = []
    for samples_name, (steps_name, generator_name) in _STEPS.items():
        if samples_name not in row.positional or samples_name not in bound:
            continue
        samples = bound[samples_name].value
        generator = bound.get(generator_name)
        if samples_name == "nb_val_samples" and (generator is None or isinstance(generator.value, (cst.Tuple,
                                                                                                    cst.List))):
            handled[samples_name] = None
            changes.append("`nb_val_samples` removed: Keras 1 ignored it for array validation data")
            continue
        batch_size = facts.batch_size_of(m, generator.value) if generator is not None else None
        if batch_size is None:
            continue  # the row's NoEquivalent leaves it with a TODO
        steps = _ceil_div(m, samples, batch_size)
        if steps is None:
            continue
        handled[samples_name] = calls.keyword_arg(steps_name, steps)
        changes.append(f"`{samples_name}` is now `{steps_name}` (samples / batch size {literals.code(batch_size)})")
    if row.old.endswith(".predict_generator") and "generator" in bound:
        # Keras 1 accepted bare arrays from a prediction generator; Keras 3 wants tuples.
        generator = bound["generator"]
        adapter = cst.parse_expression(
            f"(batch if isinstance(batch, tuple) else (batch,) for batch in {literals.code(generator.value)})")
        handled["generator"] = generator.with_changes(value=adapter, keyword=None, equal=cst.MaybeSentinel.DEFAULT) \
            if generator.keyword is None else calls.keyword_arg("x", adapter)
        changes.append("the generator's batches are wrapped in tuples (Keras 3 wants `(inputs,)`)")
    return calls.convert_call(m, row, original, updated, keras1=True, method=True, known_receiver=known,
                              handled=handled, changes=changes)




def _ceil_div(m, samples: cst.BaseExpression, batch_size: cst.BaseExpression) -> cst.BaseExpression | None:
    a, b = literals.literal(samples), literals.literal(batch_size)
    if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and b > 0:
        return literals.value_node(math.ceil(a / b))
    ceil = m.expr_for("math.ceil", prefer_from=False)
    if ceil is None:
        return None
    division = cst.BinaryOperation(left=_parens(samples), operator=cst.Divide(), right=_parens(batch_size))
    return cst.Call(func=ceil, args=[cst.Arg(division)])


def _parens(node: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(node, _NEEDS_PARENS) and not node.lpar:
        return node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return node
