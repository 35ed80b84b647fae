"""`keras.initializations` functions -> Keras 3 initializer objects (rows LK850-LK860).

Keras 1's custom-initialization idiom wraps a function in a lambda (or a def)
that passes the layer's shape through:

    init=lambda shape, name: normal(shape, scale=0.01, name=name)

That lambda is exactly `keras.initializers.RandomNormal(stddev=0.01)`, which
is written in its place. Any other call, `normal(shape, scale=0.01)`, made a
variable in Keras 1; it becomes the initializer called with the shape
(`RandomNormal(stddev=0.01)(shape)`, a tensor), with a TODO: a function used as
a Keras 3 initializer is called as `f(shape, dtype=None)`.
"""

from __future__ import annotations

import libcst as cst

from legacykeras.rules import initializations as rows
from legacykeras.rules.values import INIT_NAMES
from migrate import literals
from migrate.report import Code
from migrate.transforms import calls
from migrate.transforms.binding import bind_args, mentions

MODULE = "keras.initializations."


def is_init_row(row) -> bool:
    return row is not None and row.old.startswith(MODULE)


# -- the lambda idiom -------------------------------------------------------------------------

def note_lambda(m, node: cst.Lambda) -> None:
    """Before the walk enters `node`: remember its body call when the lambda is the idiom."""
    found = _idiom(m, node)
    if found is not None:
        m.facts.setdefault("init_lambdas", {})[id(node)] = found
        m.facts.setdefault("skip_calls", set()).add(id(node.body))
        # The callee goes with the lambda: its module (`keras.initializations`) is not reported as renamed.
        callee = node.body.func
        while isinstance(callee, cst.Attribute):
            callee = callee.value
            m._callees.add(id(callee))


def convert_lambda(m, original: cst.Lambda, updated: cst.Lambda) -> cst.BaseExpression:
    found = m.facts.get("init_lambdas", {}).get(id(original))
    if found is None:
        return updated
    row, scale_position = found
    scale = _updated_argument(updated.body, scale_position)
    initializer = _initializer(m, row, scale)
    if initializer is None:
        _cannot_name(m, original, row)
        return updated
    m.fixed(original, row.code, f"the `{row.old_name}` wrapper lambda is now "
                                f"`{literals.code(initializer)}`: {row.why}")
    return initializer.with_changes(lpar=updated.lpar, rpar=updated.rpar)


def _idiom(m, node: cst.Lambda):
    """(row, where the scale argument is) when `node` is `lambda shape[, name]: f(shape, ...)`."""
    body = node.body
    if not isinstance(body, cst.Call) or not isinstance(body.func, (cst.Name, cst.Attribute)):
        return None
    qualified = m.qualified(body.func)
    row = m.tables.row(qualified) if qualified else None
    if not is_init_row(row) or not m.enabled(row.code):
        return None
    params = node.params
    if not isinstance(params.star_arg, cst.MaybeSentinel) or params.kwonly_params or params.star_kwarg \
            or params.posonly_params or not 1 <= len(params.params) <= 2:
        return None
    names = [p.name.value for p in params.params]
    bound = _bind(row, body)
    if bound is None:
        return None
    shape = bound["shape"].value if "shape" in bound else None
    if not (isinstance(shape, cst.Name) and shape.value == names[0]):
        return None
    name = bound["name"].value if "name" in bound else None
    if name is not None and not (len(names) == 2 and isinstance(name, cst.Name) and name.value == names[1]):
        return None
    for keyword in ("scale", "dim_ordering"):
        if keyword in bound and mentions(bound[keyword].value, names):
            return None
    return row, body.args.index(bound["scale"]) if "scale" in bound else None


def _bind(row, call: cst.Call) -> dict[str, cst.Arg] | None:
    """`bind_args`, refusing what Keras 1's function did not take: unknown keywords, a parameter
    given twice."""
    bound = bind_args(row, call)
    if bound is None or len(bound) != len(call.args) or not set(bound) <= set(row.positional):
        return None
    return bound


def _updated_argument(call: cst.Call, position):
    return None if position is None else call.args[position].value


def _initializer(m, row, scale: cst.BaseExpression | None) -> cst.Call | None:
    """`keras.initializers.X(...)` for `row`, with Keras 1's `scale` (an expression) when given."""
    func = m.expr_for(row.new, prefer_from=False)
    if func is None:
        return None
    args = []
    if scale is not None:
        negated = rows.NEGATED_SCALE.get(row.old)
        if negated is not None:
            args.append(calls.keyword_arg(negated, _negative(scale)))
        args.append(calls.keyword_arg(row.rename["scale"], scale))
    given = {a.keyword.value for a in args}
    args += [calls.keyword_arg(k, literals.value_node(v)) for k, v in row.defaults.items() if k not in given]
    return cst.Call(func=func, args=calls.with_commas(args))


def _cannot_name(m, original, row) -> None:
    m.todo(original, Code.KERAS_SHADOWED.value,
           f"cannot write `{row.new}` here: the module binds `{row.new.split('.')[0]}` to something else")


def _negative(value: cst.BaseExpression) -> cst.BaseExpression:
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus) and not value.lpar:
        return value.expression
    if not isinstance(value, (cst.Name, cst.Attribute, cst.Integer, cst.Float, cst.Call, cst.Subscript)) \
            and not value.lpar:
        value = value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.UnaryOperation(operator=cst.Minus(), expression=value)


# -- `init=normal`: the function itself, given to a layer ---------------------------------------

def note_call(m, node: cst.Call) -> None:
    """Before the walk enters `node`: its initializer arguments naming a Keras 1 function."""
    if not isinstance(node.func, (cst.Name, cst.Attribute)):
        return
    qualified = m.qualified(node.func)
    row = m.tables.row(qualified) if qualified else None
    if row is None or not row.values:
        return
    for arg in node.args:
        if arg.keyword is None or not isinstance(arg.value, (cst.Name, cst.Attribute)):
            continue
        if row.values.get(arg.keyword.value) is not INIT_NAMES:
            continue
        target = m.qualified(arg.value)
        init_row = m.tables.row(target) if target else None
        if is_init_row(init_row) and m.enabled(init_row.code):
            m.facts.setdefault("init_references", {})[id(arg.value)] = init_row


def convert_reference(m, original: cst.CSTNode) -> cst.BaseExpression | None:
    """`normal` given as a layer's `init`: the layer called it with the shape, so it is `RandomNormal()`."""
    row = m.facts.get("init_references", {}).get(id(original))
    if row is None:
        return None
    initializer = _initializer(m, row, None)
    if initializer is None:
        _cannot_name(m, original, row)
    else:
        m.fixed(original, row.code, f"`{row.old_name}` is now `{literals.code(initializer)}`: {row.why}")
    return initializer


# -- any other call ---------------------------------------------------------------------------

def convert_call(m, row, original: cst.Call, updated: cst.Call, qualified: str):
    """`normal(shape, scale=s, name=n)` -> `RandomNormal(stddev=s)(shape)` and a TODO."""
    bound = _bind(row, updated)
    if bound is None or "shape" not in bound:
        m.todo(original, row.code, f"cannot read the arguments of `{row.old_name}(...)`: {row.why}")
        m.facts[("handled", id(original))] = True
        return updated
    initializer = _initializer(m, row, bound["scale"].value if "scale" in bound else None)
    if initializer is None:
        _cannot_name(m, original, row)
        return updated
    m.todo(original, row.code, f"Keras 1's `{row.old_name}(shape, ...)` made a variable; this makes a tensor "
                               "(`keras.Variable(...)` makes a variable), and a function given to a layer as "
                               "its initializer is called as `f(shape, dtype=None)` in Keras 3")
    return cst.Call(func=initializer, args=[cst.Arg(value=bound["shape"].value)], lpar=updated.lpar, rpar=updated.rpar)


def handlers() -> dict:
    """CALL_HANDLERS entries: every row of `keras.initializations`."""
    return {row.old: convert_call for row in rows.RULES}
