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
    PYTHON2 = "LK001"
    STAR_IMPORT = "LK002"
    NOT_IN_KERAS3 = "LK003"
    UNREADABLE = "LK004"
    INTERNAL = "LK005"
    KERAS_SHADOWED = "LK006"
    LOG_KEYS = "LK007"
    SKIPPED = "LK008"
    TRAINABLE_AT_COMPILE = "LK009"
    SYMBOLIC_LOSS = "LK048"  # LK010-LK057 are module rows; this one was free


DESCRIPTIONS = {
    Code.SYNTAX: "the file does not parse as Python 3; it is left as it is",
    Code.PYTHON2: "Python 2 syntax (print statement, `except E, e`, ...): convert to Python 3 first",
    Code.STAR_IMPORT: "`from keras.X import *`: names resolved from Keras 1's export list, best effort",
    Code.NOT_IN_KERAS3: "a name the code imports does not exist in Keras 3 and no rule says what replaces it",
    Code.UNREADABLE: "the file could not be read or decoded (encoding, permissions, notebook JSON)",
    Code.INTERNAL: "migrate failed on this file (a bug: please report it); the file is left as it is",
    Code.KERAS_SHADOWED: "the module binds `keras` to something else, so `keras.` names cannot be written",
    Code.LOG_KEYS: "Keras 1 log keys 'acc'/'val_acc' are 'accuracy'/'val_accuracy' (compile metrics, history keys)",
    Code.TRAINABLE_AT_COMPILE: "`model.trainable = ...` after `model.compile`: Keras 1 froze the flag at compile "
                               "time, Keras 3 reads it at every training step (the GAN idiom)",
    Code.SYMBOLIC_LOSS: "a loss function reads the model's intermediate tensors (the Keras 1 VAE idiom); "
                        "Keras 3 losses see only y_true and y_pred",
    Code.SKIPPED: "`# migrate: skip-file` in the file's header: the file is left as it is",
}


SEVERITIES = ("fixed", "info", "todo", "error", "skipped")


@dataclasses.dataclass
class Diagnostic:
    """One finding.

    Attributes:
        code: rule code (`LK101`) or a `Code`.
        line, col: 1-based line and column in the original file (in the cell, for notebooks).
        message: what changed or what to do, in one line.
        severity: 'fixed' (rewritten), 'info' (a note, nothing changed), 'todo' (left for a
            person, with a TODO comment), 'error' (the file was not processed), 'skipped' (what
            would have been done to a statement or file a `# migrate: skip` pragma leaves alone).
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
