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


def flag_re_split(m, row, original: cst.Call, updated: cst.Call, qualified):
    """`re.split` with a pattern that can match empty splits differently since Python 3.7: a TODO.

    No rewrite keeps the old pieces in every case (the caller may rely on the None groups too).
    """
    m.facts[("handled", id(original))] = True
    args = bind_args(row, updated)
    if args is None or "pattern" not in args:
        return None
    pattern = literals.literal(args["pattern"].value)
    empty = row.no_equivalent[0]
    if isinstance(pattern, str) and empty.applies(pattern):
        m.todo(original, row.code, f"`re.split({pattern!r}, ...)`: {empty.why}; instead: {empty.instead}")
    return None
