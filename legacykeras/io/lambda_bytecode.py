"""Lambda layers saved as marshalled bytecode, restored without running the file's code.

Keras 1 saved `Lambda(function)` as `marshal.dumps(function.__code__)`,
decoded with 'raw_unicode_escape', plus defaults and closure values. That
bytecode belongs to the Python that wrote it (2.7 or 3.5 for most real
files), which no current Python can run; and running it would execute code
from a file. Instead:

1. The code object is read with a cross-version bytecode reader (`xdis`);
   the writing Python version is found by which versions' instruction sets
   decode the bytes cleanly.
2. The instructions are evaluated *symbolically*: each stack value is a piece
   of Python expression. Only the function's own arguments, plain constants
   (numbers, strings, None, tuples of them), arithmetic, comparisons,
   subscripts/slices and calls to a fixed allow-list (`ALLOWED`: Keras 1
   backend `K.*` functions, `math`, a few `tensorflow` image functions and
   pure builtins like `tuple`/`len`) are accepted.
3. A new function is compiled from that expression, in a namespace holding
   only the allow-listed functions. The stored code is never executed.

Anything else (loops, other globals, attribute access on tensors, closures
over objects) is refused with `LambdaRebuildError`: it names the layer, shows
the disassembly and gives the ways out: `custom_objects={'<layer name>': fn}`
to supply the function, or `safe_mode=False` to execute bytecode written by
the running Python version, as Keras 1 did.
"""

from __future__ import annotations

import contextlib
import io
import keyword
import marshal
import math
import sys
import types

from legacykeras.io.legacy_config import LegacyModelError

# Python versions tried, in order, by the first marshal byte: 'c' = code (Python 2 and
# 3.0-3.3), 0xe3 = code with the FLAG_REF bit (3.4+). Keras 1 ran on 2.7 and 3.4-3.6.
_CANDIDATES = {
    0x63: ("2.7", "2.6", "3.3"),
    0xE3: ("3.5", "3.6", "3.4", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"),
}

_BINARY = {
    "ADD": "+", "SUBTRACT": "-", "MULTIPLY": "*", "TRUE_DIVIDE": "/", "FLOOR_DIVIDE": "//",
    "MODULO": "%", "POWER": "**", "MATRIX_MULTIPLY": "@", "DIVIDE": "/",
}
# CPython 3.11+ BINARY_OP argument -> operator (Include/opcode.h NB_*).
_NB_OPS = {0: "+", 2: "//", 4: "@", 5: "*", 6: "%", 8: "**", 10: "-", 11: "/"}
_COMPARE = {"<", "<=", "==", "!=", ">", ">="}


class LambdaRebuildError(LegacyModelError):
    """A Lambda function that cannot be restored safely: names the layer and the options."""


# --- the allow-list ----------------------------------------------------------------------

def _keras_ops():
    from legacykeras._keras import keras

    return keras.ops


def _backend_table():
    """Keras 1 backend functions by name, with Keras 1 signatures, on Keras 3 ops."""
    ops = _keras_ops()

    def reduce(fn):
        return lambda x, axis=None, keepdims=False: fn(x, axis=axis, keepdims=keepdims)

    def l2_normalize(x, axis):
        # Keras 1 TF backend: tf.nn.l2_normalize, epsilon 1e-12 on the squared norm.
        return x * ops.rsqrt(ops.maximum(ops.sum(ops.square(x), axis=axis, keepdims=True), 1e-12))

    def relu(x, alpha=0.0, max_value=None):
        y = ops.relu(x)
        if alpha:
            y = y - alpha * ops.relu(-x)
        if max_value is not None:
            y = ops.minimum(y, max_value)
        return y

    def batch_flatten(x):
        return ops.reshape(x, (-1, int(math.prod(x.shape[1:]))))

    def resize_images(x, height_factor, width_factor, dim_ordering):
        axes = (2, 3) if dim_ordering == "th" else (1, 2)
        return ops.repeat(ops.repeat(x, height_factor, axis=axes[0]), width_factor, axis=axes[1])

    table = {
        "mean": reduce(ops.mean), "sum": reduce(ops.sum), "max": reduce(ops.max), "min": reduce(ops.min),
        "prod": reduce(ops.prod), "std": reduce(ops.std), "var": reduce(ops.var),
        "any": reduce(ops.any), "all": reduce(ops.all),
        "abs": ops.abs, "sqrt": ops.sqrt, "square": ops.square, "exp": ops.exp, "log": ops.log,
        "round": ops.round, "sign": ops.sign, "sin": ops.sin, "cos": ops.cos, "tanh": ops.tanh,
        "sigmoid": ops.sigmoid, "softplus": ops.softplus, "softsign": ops.softsign, "softmax": ops.softmax,
        "hard_sigmoid": lambda x: ops.clip(0.2 * x + 0.5, 0.0, 1.0), "relu": relu,
        "clip": lambda x, min_value, max_value: ops.clip(x, min_value, max_value),
        "pow": ops.power, "maximum": ops.maximum, "minimum": ops.minimum,
        "equal": ops.equal, "not_equal": ops.not_equal, "greater": ops.greater,
        "greater_equal": ops.greater_equal, "less": ops.less, "less_equal": ops.less_equal,
        "concatenate": lambda tensors, axis=-1: ops.concatenate(list(tensors), axis=axis),
        "reshape": ops.reshape, "expand_dims": lambda x, dim=-1: ops.expand_dims(x, dim),
        "squeeze": ops.squeeze, "permute_dimensions": ops.transpose, "transpose": ops.transpose,
        "dot": ops.matmul, "batch_flatten": batch_flatten, "flatten": lambda x: ops.reshape(x, (-1,)),
        "cast": ops.cast, "l2_normalize": l2_normalize,
        "argmax": lambda x, axis=-1: ops.argmax(x, axis=axis), "argmin": lambda x, axis=-1: ops.argmin(x, axis=axis),
        "ones_like": ops.ones_like, "zeros_like": ops.zeros_like, "tile": ops.tile,
        "repeat_elements": lambda x, rep, axis: ops.repeat(x, rep, axis=axis),
        "resize_images": resize_images,
        "epsilon": lambda: 1e-7, "floatx": lambda: "float32",
    }
    try:  # the Keras 1 backend module, where it exists, has the exact Keras 1 semantics
        from legacykeras import backend as legacy_backend
    except ImportError:
        legacy_backend = None
    if legacy_backend is not None:
        for name in list(table):
            fn = getattr(legacy_backend, name, None)
            if callable(fn):
                table[name] = fn
    return table


def _tf_image_table():
    import tensorflow as tf

    return {
        # TF 1 semantics (align_corners=False, no half-pixel centres), as Keras 1 users ran it.
        "resize_images": lambda images, size, method=0, align_corners=False: tf.compat.v1.image.resize(
            images, size, method=method, align_corners=align_corners),
        "rgb_to_grayscale": tf.image.rgb_to_grayscale,
        "rgb_to_hsv": tf.image.rgb_to_hsv,
    }


# Allowed dotted names. Values: where to find the implementation.
ALLOWED_BUILTINS = {"tuple": tuple, "list": list, "len": len, "int": int, "float": float, "abs": abs,
                    "min": min, "max": max, "round": round}
_MATH_NAMES = ("pi", "e", "sqrt", "exp", "log", "log10", "cos", "sin", "tan", "floor", "ceil")
_MODULE_ALIASES = {"K": "K", "backend": "K", "keras.backend": "K", "math": "math", "tf": "tf",
                   "tensorflow": "tf"}


def _allowed(path: str) -> bool:
    root, _, rest = path.partition(".")
    if root == "K":
        return rest == "" or rest in _BACKEND_NAMES
    if root == "math":
        return rest == "" or rest in _MATH_NAMES
    if root == "tf":
        return rest in ("", "image") or (rest.startswith("image.") and rest[6:] in _TF_IMAGE_NAMES)
    return path in ALLOWED_BUILTINS


_BACKEND_NAMES = {
    "mean", "sum", "max", "min", "prod", "std", "var", "any", "all", "abs", "sqrt", "square", "exp", "log",
    "round", "sign", "sin", "cos", "tanh", "sigmoid", "softplus", "softsign", "softmax", "hard_sigmoid", "relu",
    "clip", "pow", "maximum", "minimum", "equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
    "concatenate", "reshape", "expand_dims", "squeeze", "permute_dimensions", "transpose", "dot",
    "batch_flatten", "flatten", "cast", "l2_normalize", "argmax", "argmin", "ones_like", "zeros_like", "tile",
    "repeat_elements", "resize_images", "epsilon", "floatx",
}
_TF_IMAGE_NAMES = {"resize_images", "rgb_to_grayscale", "rgb_to_hsv"}


def _namespace(sources: set[str]) -> dict:
    """Only the allow-listed objects the rebuilt source uses."""
    ns: dict = {"__builtins__": {}}
    roots = {s.split(".", 1)[0] for s in sources}
    if "K" in roots:
        ns["K"] = types.SimpleNamespace(**_backend_table())
    if "math" in roots:
        ns["math"] = types.SimpleNamespace(**{n: getattr(math, n) for n in _MATH_NAMES})
    if "tf" in roots:
        ns["tf"] = types.SimpleNamespace(image=types.SimpleNamespace(**_tf_image_table()))
    for name in roots & set(ALLOWED_BUILTINS):
        ns[name] = ALLOWED_BUILTINS[name]
    return ns


# --- decoding ------------------------------------------------------------------------------

class Decoded:
    """A stored function's code object, read by xdis, and the Python version that wrote it."""

    def __init__(self, code, version: str, instructions: list, defaults, closure):
        self.code = code
        self.version = version
        self.instructions = instructions
        self.defaults = tuple(defaults) if defaults else ()
        self.closure = tuple(closure) if closure else ()

    @property
    def version_tuple(self):
        return tuple(int(p) for p in self.version.split("."))

    def disassembly(self) -> str:
        lines = [f"  (Python {self.version} bytecode; arguments {list(self.code.co_varnames[:self.code.co_argcount])})"]
        for ins in self.instructions:
            if ins.opname == "CACHE":
                continue
            arg = "" if ins.arg is None else f" {ins.argrepr or ins.argval!r}"
            lines.append(f"  {ins.offset:4d} {ins.opname}{arg}")
        return "\n".join(lines)


def split_spec(spec):
    """Keras 1 `function` config value -> (marshalled bytes, defaults, closure)."""
    if isinstance(spec, (list, tuple)):
        code = spec[0]
        defaults = spec[1] if len(spec) > 1 else None
        closure = spec[2] if len(spec) > 2 else None
    else:
        code, defaults, closure = spec, None, None
    if isinstance(code, str):
        code = code.encode("raw_unicode_escape")
    if not isinstance(code, (bytes, bytearray)):
        raise TypeError(f"not marshalled bytecode: {type(code).__name__}")
    return bytes(code), defaults, closure


def decode(spec) -> Decoded:
    """Read a stored function with xdis, finding the Python version that wrote it."""
    try:
        import xdis
        from xdis import magics, unmarshal
        from xdis.op_imports import get_opcode_module
    except ImportError:
        raise ValueError("reading Lambda bytecode needs the `xdis` package (pip install xdis)") from None

    raw, defaults, closure = split_spec(spec)
    if not raw:
        raise ValueError("empty bytecode")
    candidates = _CANDIDATES.get(raw[0], ())
    problems = []
    for version in candidates:
        if version not in magics.by_version:
            continue
        try:
            # xdis prints notes on stdout while it tries a layout that turns out wrong.
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = unmarshal.load_code(io.BytesIO(raw), magics.magic2int(magics.by_version[version]))
            opc = get_opcode_module(tuple(int(p) for p in version.split(".")), "CPython")
            instructions = list(xdis.get_instructions_bytes(code, opc))
        except Exception as exc:  # noqa: BLE001 - each candidate version may fail in its own way
            problems.append(f"{version}: {type(exc).__name__}")
            continue
        if _plausible(instructions):
            return Decoded(code, version, instructions, defaults, closure)
        problems.append(f"{version}: instructions do not decode")
    raise ValueError(f"not Python bytecode of any known version (tried {', '.join(problems) or 'none'})")


def _plausible(instructions) -> bool:
    names = [i.opname for i in instructions if i.opname != "CACHE"]
    if not names or any(n.startswith("<") for n in names):
        return False
    return names[-1] in ("RETURN_VALUE", "RETURN_CONST")


# --- symbolic evaluation ---------------------------------------------------------------------

class _Val:
    """A stack value: Python source text, and the constant / namespace it denotes if any."""

    __slots__ = ("src", "kind", "const", "path")

    def __init__(self, src, kind, const=None, path=None):
        self.src, self.kind, self.const, self.path = src, kind, const, path


_NULL = _Val("<NULL>", "null")


class _Refused(Exception):
    pass


def _const(value) -> _Val:
    if not _plain(value):
        raise _Refused(f"constant of type {type(value).__name__} ({value!r:.60})")
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return _Val(f"float({str(value)!r})", "const", value)
    return _Val(repr(value), "const", value)


def _plain(value) -> bool:
    if value is None or isinstance(value, (bool, int, float, complex, str)):
        return True
    if isinstance(value, (tuple, list)):
        return all(_plain(v) for v in value)
    return False


def _name(path: str) -> _Val:
    if not _allowed(path):
        raise _Refused(f"`{path}` is not in the allow-list")
    if path in ("K", "math", "tf", "tf.image"):
        return _Val(path, "ns", path=path)
    if path in ("math.pi", "math.e"):
        return _Val(path, "expr", path=path)
    return _Val(path, "func", path=path)


def _global(name: str, argnames, custom_objects=None) -> _Val:
    if custom_objects and name in custom_objects and _plain(custom_objects[name]):
        # Keras 1 resolved a Lambda's globals in custom_objects; a plain value is safe to inline.
        return _const(custom_objects[name])
    if name in ("True", "False", "None"):  # names, not constants, in Python 2 bytecode
        return _const({"True": True, "False": False, "None": None}[name])
    alias = _MODULE_ALIASES.get(name)
    if alias is not None:
        return _Val(alias, "ns", path=alias)
    if name in ALLOWED_BUILTINS:
        return _Val(name, "func", path=name)
    raise _Refused(f"global name `{name}` is not in the allow-list")


def _binop(op, a, b) -> _Val:
    if a.kind in ("ns", "func", "null") or b.kind in ("ns", "func", "null"):
        raise _Refused(f"`{op}` applied to a function or module")
    return _Val(f"({a.src} {op} {b.src})", "expr")


def rebuild_source(decoded: Decoded, arg_values: dict | None = None, custom_objects=None) -> tuple[str, set[str]]:
    """The function as Python source made of allow-listed names only, and those names."""
    code = decoded.code
    argcount = code.co_argcount
    argnames = list(code.co_varnames[:argcount])
    for name in argnames:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise _Refused(f"argument name {name!r}")
    if code.co_flags & 0x0C:  # CO_VARARGS | CO_VARKEYWORDS
        raise _Refused("*args / **kwargs")
    py2 = decoded.version_tuple < (3, 0)
    v311 = decoded.version_tuple >= (3, 11)
    local: dict[str, _Val] = {n: _Val(n, "arg") for n in argnames}
    stack: list[_Val] = []
    used: set[str] = set()
    kw_names: tuple = ()

    def pop(n=1):
        if len(stack) < n:
            raise _Refused("stack underflow (unsupported control flow)")
        items = stack[-n:]
        del stack[-n:]
        return items

    def call(n_pos, kwnames=()):
        n_total = n_pos
        args = pop(n_total) if n_total else []
        fn = pop()[0]
        if stack and stack[-1] is _NULL:
            stack.pop()
        if fn.kind != "func":
            raise _Refused(f"call of `{fn.src}`, which is not an allow-listed function")
        used.add(fn.path)
        n_kw = len(kwnames)
        positional = args[: len(args) - n_kw] if n_kw else args
        keywords = list(zip(kwnames, args[len(args) - n_kw:])) if n_kw else []
        parts = [a.src for a in positional] + [f"{k}={v.src}" for k, v in keywords]
        if any(a.kind in ("ns", "null") for a in args):
            raise _Refused(f"a module passed to `{fn.src}`")
        return _Val(f"{fn.src}({', '.join(parts)})", "expr")

    result = None
    for ins in decoded.instructions:
        op, arg, val = ins.opname, ins.arg, ins.argval
        if op in ("NOP", "RESUME", "CACHE", "PRECALL", "EXTENDED_ARG", "COPY_FREE_VARS", "MAKE_CELL"):
            continue
        if op == "PUSH_NULL":
            stack.append(_NULL)
        elif op in ("LOAD_FAST", "LOAD_FAST_CHECK", "LOAD_FAST_BORROW"):
            if val not in local:
                raise _Refused(f"local `{val}` read before it is set")
            stack.append(local[val])
        elif op in ("LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW"):
            for name in val:
                stack.append(local[name])
        elif op == "STORE_FAST":
            local[val] = pop()[0]
        elif op == "LOAD_CONST":
            stack.append(_const(val))
        elif op == "RETURN_CONST":
            result = _const(val)
            break
        elif op == "LOAD_DEREF":
            index = list(code.co_cellvars + code.co_freevars).index(val) - len(code.co_cellvars)
            if index < 0 or index >= len(decoded.closure):
                raise _Refused(f"closure variable `{val}`")
            stack.append(_const(decoded.closure[index]))
        elif op in ("LOAD_GLOBAL", "LOAD_NAME"):
            if v311 and op == "LOAD_GLOBAL" and arg is not None and arg & 1:
                stack.append(_NULL)
            stack.append(_global(val, argnames, custom_objects))
            if stack[-1].path:
                used.add(stack[-1].path)
        elif op in ("LOAD_ATTR", "LOAD_METHOD"):
            obj = pop()[0]
            if obj.kind != "ns":
                raise _Refused(f"attribute `.{val}` of `{obj.src}` (only allow-listed module functions may be used)")
            target = _name(f"{obj.path}.{val}")
            used.add(target.path)
            method = op == "LOAD_METHOD" or (decoded.version_tuple >= (3, 12) and arg is not None and arg & 1)
            if method:
                stack.append(_NULL)
            stack.append(target)
        elif op == "IMPORT_NAME":
            pop(2)  # level, fromlist
            alias = _MODULE_ALIASES.get(val)
            if alias is None and val != "keras":
                raise _Refused(f"import of `{val}`")
            stack.append(_Val(alias or "keras", "ns", path=alias or "keras"))
        elif op == "IMPORT_FROM":
            module = stack[-1]
            alias = _MODULE_ALIASES.get(f"{module.path}.{val}") or _MODULE_ALIASES.get(val)
            if alias is None:
                raise _Refused(f"`from {module.path} import {val}`")
            stack.append(_Val(alias, "ns", path=alias))
        elif op == "POP_TOP":
            pop()
        elif op == "KW_NAMES":
            kw_names = tuple(val)
        elif op in ("CALL_FUNCTION", "CALL_METHOD", "CALL"):
            if py2 or decoded.version_tuple < (3, 6):
                n_pos, n_kw = arg & 0xFF, (arg >> 8) & 0xFF
                pairs = pop(2 * n_kw) if n_kw else []
                positional = pop(n_pos) if n_pos else []
                names = []
                for k in range(n_kw):
                    key = pairs[2 * k]
                    if key.kind != "const" or not isinstance(key.const, str):
                        raise _Refused("computed keyword name")
                    names.append(key.const)
                stack.extend(positional + [pairs[2 * k + 1] for k in range(n_kw)])
                stack.append(call(n_pos + n_kw, tuple(names)))
            else:
                stack.append(call(arg, kw_names))
                kw_names = ()
        elif op == "CALL_FUNCTION_KW":
            names = pop()[0]
            if names.kind != "const" or not isinstance(names.const, tuple):
                raise _Refused("computed keyword names")
            stack.append(call(arg, names.const))
        elif op.startswith(("BINARY_", "INPLACE_")) and op not in ("BINARY_SUBSCR", "BINARY_OP", "BINARY_SLICE"):
            kind = op.split("_", 1)[1]
            if kind not in _BINARY:
                raise _Refused(f"operator {op}")
            b, = pop()
            a, = pop()
            symbol = _BINARY[kind]
            if kind == "DIVIDE" and py2 and isinstance(a.const, int) and isinstance(b.const, int):
                symbol = "//"  # Python 2 `/` on two ints
            stack.append(_binop(symbol, a, b))
        elif op == "BINARY_OP":
            symbol = _NB_OPS.get(arg if arg < 13 else arg - 13)
            if symbol is None:
                raise _Refused(f"operator {ins.argrepr}")
            a, b = pop(2)
            stack.append(_binop(symbol, a, b))
        elif op == "BINARY_SUBSCR":
            a, b = pop(2)
            if a.kind in ("ns", "func"):
                raise _Refused("subscript of a module or function")
            stack.append(_Val(f"{a.src}[{b.src}]", "expr"))
        elif op == "BINARY_SLICE":
            a, lo, hi = pop(3)
            stack.append(_Val(f"{a.src}[{lo.src}:{hi.src}]", "expr"))
        elif op.startswith("SLICE+"):
            k = int(op[-1])
            hi = pop()[0].src if k in (2, 3) else ""
            lo = pop()[0].src if k in (1, 3) else ""
            a = pop()[0]
            stack.append(_Val(f"{a.src}[{lo}:{hi}]", "expr"))
        elif op == "BUILD_SLICE":
            parts = pop(arg)
            stack.append(_Val(f"slice({', '.join(p.src for p in parts)})", "expr"))
            used.add("slice")
        elif op in ("BUILD_TUPLE", "BUILD_LIST"):
            items = pop(arg) if arg else []
            inner = ", ".join(i.src for i in items)
            stack.append(_Val(f"({inner},)" if op == "BUILD_TUPLE" and len(items) == 1 else
                              (f"({inner})" if op == "BUILD_TUPLE" else f"[{inner}]"), "expr"))
        elif op == "LIST_EXTEND":
            extra = pop()[0]
            base = stack[-1]
            if extra.kind != "const" or not base.src.startswith("["):
                raise _Refused("list unpacking")
            items = base.src[1:-1]
            more = ", ".join(repr(v) for v in extra.const)
            stack[-1] = _Val(f"[{items + ', ' if items else ''}{more}]", "expr")
        elif op == "LIST_TO_TUPLE":
            a = pop()[0]
            stack.append(_Val(f"tuple({a.src})", "expr"))
            used.add("tuple")
        elif op in ("UNARY_NEGATIVE", "UNARY_POSITIVE"):
            a = pop()[0]
            stack.append(_Val(f"({'-' if op == 'UNARY_NEGATIVE' else '+'}{a.src})", "expr"))
        elif op == "COMPARE_OP":
            symbol = str(ins.argrepr or val).replace("bool(", "").rstrip(")")
            if symbol not in _COMPARE:
                raise _Refused(f"comparison {symbol!r}")
            a, b = pop(2)
            stack.append(_binop(symbol, a, b))
        elif op == "RETURN_VALUE":
            result = pop()[0]
            break
        else:
            raise _Refused(f"instruction {op}")
    if result is None or result.kind in ("ns", "func", "null"):
        raise _Refused("the function does not return a value computed from its arguments")
    params = []
    defaults = list(decoded.defaults)
    first_default = argcount - len(defaults)
    for i, name in enumerate(argnames):
        if arg_values and name in arg_values and i > 0:
            default = arg_values[name]
        elif i >= first_default:
            default = defaults[i - first_default]
        else:
            params.append(name)
            continue
        if not _plain(default):
            raise _Refused(f"default value of `{name}` is a {type(default).__name__}")
        params.append(f"{name}={default!r}")
    source = f"lambda {', '.join(params)}: {result.src}"
    return source, used


def rebuild(decoded: Decoded, arg_values: dict | None = None, custom_objects=None):
    """A function equivalent to the stored one, built from the allow-list only."""
    source, used = rebuild_source(decoded, arg_values, custom_objects)
    namespace = _namespace(used)
    if "slice" in used:
        namespace["slice"] = slice
    if "tuple" in used:
        namespace["tuple"] = tuple
    fn = eval(compile(source, "<legacykeras rebuilt lambda>", "eval"), namespace)  # noqa: S307 - our own source
    fn.__legacykeras_source__ = source
    fn.__name__ = decoded.code.co_name if decoded.code.co_name.isidentifier() else "rebuilt_lambda"
    return fn


# --- unsafe mode: run bytecode of this very Python ------------------------------------------------

def load_native(spec, globs: dict):
    """Keras 1 `func_load`, for `safe_mode=False`: only for bytecode of the running Python."""
    raw, defaults, closure = split_spec(spec)
    code = marshal.loads(raw)
    cells = tuple(types.CellType(v) for v in closure) if closure else None
    return types.FunctionType(code, globs, name=code.co_name, argdefs=tuple(defaults) if defaults else None,
                              closure=cells)


def _unsafe_globals(custom_objects):
    globs = {"__builtins__": __builtins__}
    try:
        from legacykeras import backend as legacy_backend
    except ImportError:
        legacy_backend = types.SimpleNamespace(**_backend_table())
    globs["K"] = legacy_backend
    globs.update(custom_objects or {})
    return globs


# --- config entry point ------------------------------------------------------------------------

def restore_function(spec, *, layer_name: str, class_name: str, what: str, custom_objects, safe_mode: bool,
                     arg_values=None):
    """A stored Keras 1 function (Lambda `function` / `output_shape`, Merge `mode`) as a callable."""
    try:
        decoded = decode(spec)
    except (ValueError, TypeError, EOFError) as exc:
        raise LambdaRebuildError(
            f"{class_name} layer {layer_name!r}: its `{what}` is stored as marshalled Python bytecode that "
            f"cannot be read ({exc}). Options: pass custom_objects={{{layer_name!r}: your_function}}."
        ) from None
    running = f"{sys.version_info[0]}.{sys.version_info[1]}"
    if not safe_mode:
        if decoded.version != running:
            raise LambdaRebuildError(
                f"{class_name} layer {layer_name!r}: safe_mode=False runs stored bytecode, but its `{what}` was "
                f"written by Python {decoded.version} and this is Python {running}, which cannot run it. "
                f"Options: safe mode (the default) rebuilds simple functions; or pass "
                f"custom_objects={{{layer_name!r}: your_function}}.\nDisassembly:\n{decoded.disassembly()}"
            )
        return load_native(spec, _unsafe_globals(custom_objects))
    try:
        return rebuild(decoded, arg_values, custom_objects)
    except _Refused as why:
        raise LambdaRebuildError(
            f"{class_name} layer {layer_name!r}: its `{what}` (Python {decoded.version} bytecode) cannot be rebuilt "
            f"safely: {why}. legacykeras never executes code from a model file unless asked. Options:\n"
            f"  - custom_objects={{{layer_name!r}: your_function}} to supply the function yourself;\n"
            f"  - safe_mode=False to execute the stored bytecode (only possible when it was written by this Python "
            f"version, {running}; this file's is {decoded.version}).\nDisassembly:\n{decoded.disassembly()}"
        ) from None


def resolve_functions(class_name: str, config: dict, context) -> dict:
    """Replace a Lambda's / Merge's stored functions in `config` by callables."""
    config = dict(config)
    layer_name = config.get("name", "?")
    custom = context.custom_objects
    pairs = [("function", "function_type"), ("output_shape", "output_shape_type"),
             ("mode", "mode_type"), ("output_mask", "output_mask_type")]
    for key, type_key in pairs:
        if type_key not in config:
            continue
        kind = config.pop(type_key)
        value = config.get(key)
        if key in ("function", "mode") and layer_name in custom and callable(custom[layer_name]):
            config[key] = custom[layer_name]
        elif kind == "lambda" and value is not None:
            arg_values = config.get("arguments") if key == "function" else None
            config[key] = restore_function(value, layer_name=layer_name, class_name=class_name, what=key,
                                           custom_objects=custom, safe_mode=context.safe_mode,
                                           arg_values=arg_values)
        elif kind == "function" and isinstance(value, str):
            if value in custom:
                config[key] = custom[value]
            elif value.startswith("K.") is False and _allowed(f"K.{value}"):
                config[key] = getattr(types.SimpleNamespace(**_backend_table()), value)
            else:
                raise LambdaRebuildError(
                    f"{class_name} layer {layer_name!r}: its `{key}` is the function `{value}`, saved by name "
                    f"only. Pass custom_objects={{{value!r}: {value}}}."
                )
    if config.get("output_mask") is None:
        config.pop("output_mask", None)
    return config


__all__ = ["LambdaRebuildError", "ALLOWED_BUILTINS", "Decoded", "decode", "rebuild", "rebuild_source",
           "restore_function", "resolve_functions", "load_native"]
