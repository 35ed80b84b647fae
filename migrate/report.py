"""What `migrate` tells the user: one `Diagnostic` per change or leftover, per file.

Rule codes come from the rules table (`LK101` is `Dense`, ...); the codes below
belong to `migrate` itself (reading files, names it could not resolve). The
text form is `path:line:col CODE message` like ruff; notebooks say
`path:cell N:line:col`. `--report FILE.json` writes all of it.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from typing import Iterable


class Code(str, enum.Enum):
    """Diagnostics of `migrate` itself (the rules table owns every other `LKnnn`)."""

    SYNTAX = "LK000"
    """The file does not parse as Python 3; it is left as it is."""
    PYTHON2 = "LK001"
    """Python 2 syntax (print statement, `except E, e`, ...): convert to Python 3 first."""
    STAR_IMPORT = "LK002"
    """`from keras.X import *`: names were resolved from Keras 1's export list, best effort."""
    NOT_IN_KERAS3 = "LK003"
    """A name the migrated code imports does not exist in Keras 3 (no rule says what replaces it)."""
    UNREADABLE = "LK004"
    """The file could not be read or decoded (encoding, permissions, notebook JSON)."""
    INTERNAL = "LK005"
    """`migrate` failed on this file (a bug: please report it); the file is left as it is."""
    KERAS_SHADOWED = "LK006"
    """The module binds `keras` to something else; `migrate` cannot write `keras.` names."""


SEVERITIES = ("fixed", "todo", "error")


@dataclasses.dataclass
class Diagnostic:
    """One finding.

    Attributes:
        code: rule code (`LK101`) or a `Code`.
        line, col: 1-based line and column in the original file (in the cell, for notebooks).
        message: what changed or what to do, in one line.
        severity: 'fixed' (rewritten), 'todo' (left for a person, with a TODO comment),
            'error' (the file was not processed).
        cell: notebook cell index (0-based), None for .py files.
    """

    code: str
    line: int
    col: int
    message: str
    severity: str = "fixed"
    cell: int | None = None

    def location(self, path: str) -> str:
        where = f"{path}:cell {self.cell + 1}" if self.cell is not None else path
        return f"{where}:{self.line}:{self.col}"

    def render(self, path: str) -> str:
        tag = "" if self.severity == "fixed" else f" [{self.severity}]"
        return f"{self.location(path)} {self.code}{tag} {self.message}"

    def as_json(self, path: str) -> dict:
        return {"path": path, "cell": self.cell, "line": self.line, "col": self.col, "code": self.code,
                "severity": self.severity, "message": self.message}


@dataclasses.dataclass
class FileReport:
    """The outcome for one file."""

    path: str
    changed: bool = False
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    error: str | None = None

    @property
    def todos(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "todo")


def write_json(path: str, reports: Iterable[FileReport], summary: dict) -> None:
    entries = []
    files = []
    for report in reports:
        files.append({"path": report.path, "changed": report.changed, "error": report.error,
                      "todos": report.todos})
        entries.extend(d.as_json(report.path) for d in report.diagnostics)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"summary": summary, "files": files, "diagnostics": entries}, f, indent=2)
        f.write("\n")


def code_matches(code: str, patterns: Iterable[str]) -> bool:
    """ruff-style selection: `LK1` selects LK100-LK199, `LK101` only itself, `ALL` everything."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)
