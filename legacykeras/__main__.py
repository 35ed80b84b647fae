"""`python -m legacykeras`: run an unmodified Keras 1 program on Keras 3.

    python -m legacykeras [--no-era-shims] script.py [args ...]
    python -m legacykeras [--no-era-shims] -m package.module [args ...]
    python -m legacykeras [--no-era-shims] -c "code" [args ...]
    python -m legacykeras inspect|convert ...   (the `legacykeras` command's subcommands)

Same meaning as `python`: `sys.argv` is what the program would see, its folder
comes first on `sys.path`, and it runs as `__main__`. For the run, `import
keras` and every `keras.*` import in the program (and in its own modules)
gives legacykeras, Keras 1.2.2's API (see `legacykeras.importhook`); NumPy,
SciPy and scikit-learn names removed since 2016 come back too (see
`legacykeras.era`; `--no-era-shims` or LEGACYKERAS_ERA_SHIMS=0 turns that off).
"""

from __future__ import annotations

import os
import re
import runpy
import sys

USAGE = __doc__.split("\n\n")[1]

# Source patterns that only Python 2 accepted, with what they are.
_PY2_MARKERS = [
    (re.compile(r"^\s*print\s+(?![\s(=.,)\[]|$)[^\n]", re.M), "a print statement"),
    (re.compile(r"^\s*print\s*>>", re.M), "`print >>f, ...`"),
    (re.compile(r"^\s*exec\s+[\"'\w]", re.M), "an exec statement"),
    (re.compile(r"except\s+[\w.]+\s*,\s*\w+\s*:"), "`except Error, e:`"),
    (re.compile(r"^\s*raise\s+[\w.]+\s*,", re.M), "`raise Error, message`"),
    (re.compile(r"`[^`\n]+`"), "backquotes"),
    (re.compile(r"\b0\d+\b"), "an old octal literal"),
    (re.compile(r"\b\d+[lL]\b"), "a long literal"),
    (re.compile(r"\bur[\"']"), "a ur'' string"),
    (re.compile(r"<>"), "the <> operator"),
]



def python2_reason(error: SyntaxError) -> str | None:
    """What in the failing line is Python 2-only syntax, or None if it is not that."""
    message = str(error.msg or "")
    if "Missing parentheses in call to 'print'" in message:
        return "a print statement"
    if "Missing parentheses in call to 'exec'" in message:
        return "an exec statement"
    if "multiple exception types must be parenthesized" in message:
        return "`except Error, e:`"
    if "leading zeros in decimal integer literals" in message:
        return "an old octal literal"
    line = error.text or ""
    if not line and error.filename and os.path.exists(error.filename) and error.lineno:
        with open(error.filename, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
        line = lines[error.lineno - 1] if error.lineno <= len(lines) else ""
    for pattern, what in _PY2_MARKERS:
        if pattern.search(line):
            return what
    return None


def python2_message(error: SyntaxError, reason: str) -> str:
    where = f"{error.filename}, line {error.lineno}"
    code = (error.text or "").strip()
    return (
        f"legacykeras: {where} is Python 2 syntax ({reason}):\n    {code}\n"
        f"Python 3 cannot run Python 2 code, so legacykeras cannot either. Convert the file "
        f"first: `migrate {error.filename}` rewrites it to Python 3 and Keras 3 (or port the "
        f"Python 2 syntax by hand and run it again with `python -m legacykeras`)."
    )


def _parse(argv):
    era_shims = None
    args = list(argv)
    while args and args[0].startswith("--"):
        flag = args.pop(0)
        if flag == "--no-era-shims":
            era_shims = False
        elif flag == "--era-shims":
            era_shims = True
        elif flag in ("--help",):
            print(USAGE)
            raise SystemExit(0)
        elif flag == "--version":
            from legacykeras.version import VERSION

            print(f"legacykeras {VERSION} (Keras 1.2.2 API)")
            raise SystemExit(0)
        elif flag == "--":
            break
        else:
            raise SystemExit(f"legacykeras: unknown option {flag!r}\n{USAGE}")
    if not args or args[0] in ("-h",):
        print(USAGE)
        raise SystemExit(0 if args else 2)
    return era_shims, args


def main(argv=None) -> None:
    era_shims, args = _parse(sys.argv[1:] if argv is None else argv)
    first = args[0]
    if first not in ("-m", "-c") and not os.path.exists(first):
        other = _other_command(first)
        if other is not None:
            raise SystemExit(other(args))
        raise SystemExit(f"legacykeras: can't open file {os.path.abspath(first)!r}: No such file or directory")

    try:
        if first not in ("-m", "-c"):
            # Compile before the (slow) Keras import, so Python 2 syntax fails at once.
            with open(first, "rb") as f:
                compile(f.read(), first, "exec")
        from legacykeras import importhook

        importhook.install(era_shims=era_shims)
        if first == "-m":
            if len(args) < 2:
                raise SystemExit("legacykeras: -m needs a module name")
            sys.argv = [args[1], *args[2:]]
            sys.path.insert(0, os.getcwd())
            runpy.run_module(args[1], run_name="__main__", alter_sys=True)
        elif first == "-c":
            if len(args) < 2:
                raise SystemExit("legacykeras: -c needs a command")
            sys.argv = ["-c", *args[2:]]
            sys.path.insert(0, "")
            code = compile(args[1], "<string>", "exec")
            main_module = sys.modules["__main__"]
            namespace = {"__name__": "__main__", "__builtins__": __builtins__, "__doc__": None}
            sys.modules["__main__"] = type(sys)("__main__")
            sys.modules["__main__"].__dict__.update(namespace)
            try:
                exec(code, sys.modules["__main__"].__dict__)
            finally:
                sys.modules["__main__"] = main_module
        else:
            sys.argv = list(args)
            sys.path.insert(0, os.path.dirname(os.path.abspath(first)))
            runpy.run_path(first, run_name="__main__")
    except SyntaxError as error:
        reason = python2_reason(error)
        if reason is None:
            raise
        print(python2_message(error, reason), file=sys.stderr)
        raise SystemExit(1) from None


def _other_command(name):
    """A `legacykeras` CLI subcommand (e.g. convert), when the package has one."""
    try:
        from legacykeras import cli
    except ImportError:
        return None
    commands = getattr(cli, "COMMANDS", ("inspect", "convert"))
    if name in commands:
        return cli.main
    return None


if __name__ == "__main__":
    main()
