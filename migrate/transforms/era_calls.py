"""`scipy.misc.imresize(arr, (rows, cols))` -> `numpy.array(PIL.Image.fromarray(arr).resize((cols, rows)))`.

SciPy's own advice when it removed `imresize`. Only the form with an explicit
(rows, cols) size is rewritten (PIL wants (width, height)); a scale factor or
`mode=` is left with the row's TODO. `imresize` returned uint8 (it rescaled
other dtypes first), which `fromarray` does not do: the report says so.
"""

from __future__ import annotations

import libcst as cst

from migrate import literals
from migrate.transforms.calls import keyword_arg, with_commas
from migrate.transforms.binding import bind_args

_RESAMPLE = {"nearest": "NEAREST", "lanczos": "LANCZOS", "bilinear": "BILINEAR", "bicubic": "BICUBIC",
             "cubic": "BICUBIC"}


def convert_imresize(m, row, original: cst.Call, updated: cst.Call, qualified):
    args = bind_args(row, updated)
    if args is None:
        return None
    bound = {name: arg.value for name, arg in args.items()}
    size, array = bound.get("size"), bound.get("arr")
    if array is None or "mode" in bound or not isinstance(size, (cst.Tuple, cst.List)) or len(size.elements) != 2:
        return None
    interp = literals.literal(bound["interp"]) if "interp" in bound else "bilinear"
    if interp not in _RESAMPLE:
        return None
    rows, cols = (e.value for e in size.elements)
    to_array = m.expr_for("numpy.array", prefer_from=False)
    from_array = m.expr_for("PIL.Image.fromarray", prefer_from=False)
    resample = m.expr_for(f"PIL.Image.{_RESAMPLE[interp]}", prefer_from=False)
    if None in (to_array, from_array, resample):
        return None
    image = cst.Call(func=from_array, args=[cst.Arg(array)])
    resized = cst.Call(func=cst.Attribute(image, cst.Name("resize")), args=with_commas(
        [cst.Arg(literals.tuple_node([cols, rows])), keyword_arg("resample", resample)]))
    m.fixed(original, row.code, "`imresize` is now PIL's `resize` with (width, height); it no longer converts "
                                "to uint8, so pass uint8 arrays")
    return cst.Call(func=to_array, args=[cst.Arg(resized)])


def convert_re_split(m, row, original: cst.Call, updated: cst.Call, qualified):
    """`re.split` with a pattern that can match empty splits differently since Python 3.7.

    The bAbI examples' `'(\\W+)?'` shape, one optional group around a pattern that cannot match
    empty, is rewritten without the `?`: Python 3.6 never split on the empty matches, so `'(\\W+)'`
    gives its pieces exactly. Any other such pattern gets a TODO.
    """
    m.facts[("handled", id(original))] = True
    args = bind_args(row, updated)
    if args is None or "pattern" not in args:
        return None
    node = args["pattern"].value
    pattern = literals.literal(node)
    empty = row.no_equivalent[0]
    if not isinstance(pattern, str) or not empty.applies(pattern):
        return None
    inner = _optional_group(pattern)
    if inner is not None and isinstance(node, cst.SimpleString) and node.value.endswith(")?" + node.quote) \
            and not empty.applies(inner):
        new = node.with_changes(value=node.value[: -len(node.quote) - 1] + node.quote)
        if literals.literal(new) == inner:
            m.fixed(original, row.code, f"`re.split({pattern!r})` is now `re.split({inner!r})`: the same "
                                        "pieces Python 3.6 gave (3.7 also splits on empty matches)")
            return updated.with_changes(args=[a.with_changes(value=new) if a.value is node else a
                                              for a in updated.args])
    m.todo(original, row.code, f"`re.split({pattern!r}, ...)`: {empty.why}; instead: {empty.instead}")
    return None


def _optional_group(pattern: str) -> str | None:
    """`'(X)?'` -> `'(X)'` when the outer parentheses are one group around the whole pattern."""
    if not (pattern.startswith("(") and pattern.endswith(")?")) or pattern.startswith("(?"):
        return None
    depth, escaped, in_class = 0, False, False
    body = pattern[:-1]
    for index, char in enumerate(body):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0 and index != len(body) - 1:
                return None  # `(a)|(b)?`: the first group closes early
    return body if depth == 0 else None
