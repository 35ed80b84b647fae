"""Files: finding them, reading them in their own encoding, migrating one, writing atomically.

A file is decoded the way Python would (PEP 263 cookie or BOM, else UTF-8),
never with the locale's encoding, and written back in the same encoding with
the same line endings. Writes go to a temporary file beside the target, which
then replaces it (`os.replace`), keeping the file's mode; a symlink is written
through (the link stays a link). A file that fails to read, parse or transform
is never written.
"""

from __future__ import annotations

import dataclasses
import difflib
import fnmatch
import io
import os
import stat
import tempfile
import tokenize

from migrate.engine import Options, migrate_source
from migrate.notebooks import migrate_notebook
from migrate.report import Code, Diagnostic, FileReport

SUFFIXES = (".py", ".ipynb")
DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "build", "dist",
                    "site-packages", "node_modules", ".ipynb_checkpoints", ".mypy_cache", ".pytest_cache")


def find_files(paths, excludes=()) -> tuple[list[str], list[str]]:
    """(files to process, paths that do not exist), sorted, without duplicates."""
    found: list[str] = []
    missing: list[str] = []
    for path in paths:
        if os.path.isfile(path):
            if not _excluded(path, excludes):
                found.append(path)
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in DEFAULT_EXCLUDES
                                 and not os.path.islink(os.path.join(root, d))
                                 and not _excluded(os.path.join(root, d), excludes))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.endswith(SUFFIXES) and not os.path.islink(full) and not _excluded(full, excludes):
                        found.append(full)
        else:
            missing.append(path)
    seen = set()
    unique = []
    for path in found:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return sorted(unique), missing


def _excluded(path: str, patterns) -> bool:
    normalized = os.path.normpath(path)
    parts = normalized.split(os.sep)
    absolute = None
    for pattern in patterns:
        if os.path.isabs(pattern):  # from pyproject.toml: anchored at its folder; matches the path or a folder of it
            if absolute is None:
                absolute = [os.path.abspath(normalized)]
                while os.path.dirname(absolute[-1]) != absolute[-1]:
                    absolute.append(os.path.dirname(absolute[-1]))
            if any(fnmatch.fnmatch(prefix, pattern) for prefix in absolute):
                return True
            continue
        if fnmatch.fnmatch(normalized, pattern) or fnmatch.fnmatch(os.path.basename(normalized), pattern):
            return True
        if any(fnmatch.fnmatch(part, pattern) for part in parts):
            return True
    return False


@dataclasses.dataclass
class Outcome:
    """What happened to one file (picklable: workers send it back)."""

    report: FileReport
    new_bytes: bytes | None = None   # None when unchanged or failed
    diff: str = ""


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) the way Python reads source: BOM or coding cookie, else UTF-8."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding), encoding


def process(path: str, options: Options, *, want_diff: bool = True) -> Outcome:
    report = FileReport(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as error:
        return _failed(report, f"cannot read: {error.strerror or error}")
    if path.endswith(".ipynb"):
        return _process_notebook(path, data, options, report, want_diff)
    try:
        text, encoding = decode(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        return _failed(report, f"cannot decode: {error}")
    result = migrate_source(text, options)
    report.diagnostics = result.diagnostics
    if result.error is not None:
        report.error = result.error
        return Outcome(report)
    if result.code == text:
        return Outcome(report)
    report.changed = True
    diff = "".join(difflib.unified_diff(text.splitlines(keepends=True), result.code.splitlines(keepends=True),
                                        *_labels(path))) if want_diff else ""
    return Outcome(report, result.code.encode(encoding), diff)


def _process_notebook(path, data, options, report, want_diff) -> Outcome:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _failed(report, f"cannot decode notebook as UTF-8: {error}")
    result = migrate_notebook(text, options)
    report.diagnostics = result.diagnostics
    if result.error is not None:
        report.error = result.error
        return Outcome(report)
    if result.text == text:
        return Outcome(report)
    report.changed = True
    diff = ""
    if want_diff:
        for index, old, new in result.cells:
            label = f"{path} (cell {index + 1})"
            diff += "".join(difflib.unified_diff(old.splitlines(keepends=True), _ended(new).splitlines(keepends=True),
                                                 *_labels(label)))
    return Outcome(report, result.text.encode("utf-8"), diff)


def _labels(path: str) -> tuple[str, str]:
    """git-style diff labels (`a/x.py`, `b/x.py`); absolute paths stay as they are."""
    return (path, path) if os.path.isabs(path) else (f"a/{path}", f"b/{path}")


def _ended(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


def _failed(report: FileReport, message: str) -> Outcome:
    report.error = message
    report.diagnostics = [Diagnostic(Code.UNREADABLE.value, 1, 1, message, severity="error")]
    return Outcome(report)


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path`'s content with `data` in one step; the mode and a symlink survive."""
    target = os.path.realpath(path)
    replace_atomically(target, lambda temporary: write_bytes(temporary, data), stat.S_IMODE(os.stat(target).st_mode))


def replace_atomically(destination: str, fill, mode: int | None) -> None:
    """Make a temporary file beside `destination`, `fill(path)` it, then put it in place in one step
    (`os.replace`: a symlink at `destination` is replaced, never written through)."""
    directory = os.path.dirname(destination) or "."
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="." + os.path.basename(destination) + ".", suffix=".migrate",
                                         dir=directory)
    os.close(handle)
    try:
        fill(temporary)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, destination)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_bytes(path: str, data: bytes) -> None:
    with open(path, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
