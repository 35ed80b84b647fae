"""`[tool.migrate]` in pyproject.toml: defaults for the command line's options.

    [tool.migrate]
    select = ["ALL"]                 # rule codes or prefixes, like --select
    ignore = ["LK7"]                 # like --ignore
    exclude = ["vendor", "scripts/old_*.py"]   # like --exclude
    dim-ordering = "th"              # like --dim-ordering
    jobs = 4                         # like -j

The file used is the closest `pyproject.toml` holding a `[tool.migrate]`
table, looking in the current folder and then its parents, and not past the
root of the repository (a folder holding `.git` or `.hg`). A flag given on the
command line replaces the key's value (lists are not merged); `--no-config`
ignores the file. An `exclude` pattern with a `/` is relative to the folder of
the pyproject.toml; a bare name matches any part of a path.
"""

from __future__ import annotations

import dataclasses
import difflib
import os

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: the backport (a dependency there)
    import tomli as tomllib

KEYS = ("dim-ordering", "exclude", "ignore", "jobs", "select")


class ConfigError(Exception):
    """A pyproject.toml `migrate` cannot use: the message names the file and the key."""


@dataclasses.dataclass
class Config:
    path: str | None = None            # the pyproject.toml read; None when there is none
    values: dict = dataclasses.field(default_factory=dict)  # validated keys of [tool.migrate]


def find(start: str | None = None) -> str | None:
    """The closest pyproject.toml with a [tool.migrate] table, from `start` (default: the current folder) up."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate) and _table(candidate) is not None:
            return candidate
        if os.path.exists(os.path.join(folder, ".git")) or os.path.exists(os.path.join(folder, ".hg")):
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load(start: str | None = None) -> Config:
    path = find(start)
    if path is None:
        return Config()
    return Config(path, validate(_table(path), path))


def _table(path: str) -> dict | None:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}); fix it or run with --no-config") from None
    tool = data.get("tool")
    table = tool.get("migrate") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: `tool.migrate` must be a table ([tool.migrate])")
    return table


def validate(table: dict, path: str) -> dict:
    values = {}
    for key, value in table.items():
        where = f"{path}: [tool.migrate] {key}"
        if key not in KEYS:
            close = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f"{path}: [tool.migrate]: unknown key '{key}'{hint}")
        if key in ("select", "ignore", "exclude"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: must be a list of strings, like [\"{'LK1' if key != 'exclude' else 'vendor'}\"]")
            if key == "exclude":
                base = os.path.dirname(os.path.abspath(path))
                value = [v.rstrip("/") or v for v in value]
                value = [os.path.join(base, v) if "/" in v else v for v in value]
            values[key] = list(value)
        elif key == "dim-ordering":
            if value not in ("th", "tf"):
                raise ConfigError(f"{where}: must be \"th\" or \"tf\", not {value!r}")
            values[key] = value
        elif key == "jobs":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(f"{where}: must be a whole number, 0 (all CPUs) or more, not {value!r}")
            values[key] = value
    return values
