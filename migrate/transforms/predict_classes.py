"""`model.predict_classes(x)` -> `np.argmax(model.predict(x), axis=-1)` or a 0.5 threshold.

Keras 1 took the argmax when the output had more than one unit and
thresholded at 0.5 otherwise. Which one applies is read from the model's last
`Dense` layer (its size, or a softmax after it: a softmax over one unit is
always 1, so a softmax model has more than one) when the module builds the model with `model.add(...)` or
`Sequential([...])`; otherwise the call is left with a TODO.
`predict_proba` is `predict` (a plain row).
"""

from __future__ import annotations

import libcst as cst

from migrate import literals
from migrate.transforms import facts


def convert(m, row, original: cst.Call, updated: cst.Call, known: bool):
    receiver = original.func.value
    units = facts.output_units(m, receiver)
    softmax = facts.ends_in_softmax(m, receiver) and not (isinstance(units, int) and units == 1)
    if (not isinstance(units, int) or units < 1) and not softmax:
        m.todo(original, row.code, "`predict_classes` is gone and the model's output size is unknown here: "
               + row.why.split(": ", 1)[-1])
        return None
    predict = updated.with_changes(func=updated.func.with_changes(attr=cst.Name("predict")))
    if softmax or units > 1:
        argmax = m.expr_for("numpy.argmax", prefer_from=False)
        if argmax is None:
            return None
        why = f"{units} output units" if isinstance(units, int) else "the model ends in a softmax"
        m.fixed(original, row.code, f"`predict_classes` is now `argmax(predict(...))` ({why})")
        return cst.Call(func=argmax, args=[
            cst.Arg(predict, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
            cst.Arg(literals.value_node(-1), keyword=cst.Name("axis"),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))])
    m.fixed(original, row.code, "`predict_classes` is now `(predict(...) > 0.5).astype('int32')` (one output unit)")
    comparison = cst.Comparison(predict, [cst.ComparisonTarget(cst.GreaterThan(), literals.value_node(0.5))],
                                lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.Call(func=cst.Attribute(comparison, cst.Name("astype")), args=[cst.Arg(cst.SimpleString('"int32"'))])
