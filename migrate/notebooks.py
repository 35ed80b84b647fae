"""Jupyter notebooks: migrate the code cells together, write back only their `source`.

All code cells are joined into one module (separated by marker comments) so a
name imported in the first cell resolves in the others; IPython magics (`%`,
`!`, `?`) are masked as `pass` lines and put back afterwards; `%%` cell magics
are skipped. Only changed cells get a new `source` (list or string, as they
were); outputs, metadata, key order, indentation and the trailing newline of
the file are kept (the JSON is written with the settings that reproduce the
original file byte for byte).
"""

from __future__ import annotations

import dataclasses
import json
import re
import secrets

from migrate.engine import Options, migrate_source
from migrate.report import Code, Diagnostic


@dataclasses.dataclass
class NotebookResult:
    text: str
    diagnostics: list[Diagnostic]
    error: str | None = None
    cells: list[tuple[int, str, str]] = dataclasses.field(default_factory=list)  # (index, old, new)


def _magic(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("%", "!", "?")) or (stripped.endswith("?") and not stripped.startswith("#"))


def migrate_notebook(text: str, options: Options | None = None, tables=None) -> NotebookResult:
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
    except (ValueError, KeyError, TypeError) as error:
        diagnostic = Diagnostic(Code.UNREADABLE.value, 1, 1, f"not a notebook ({error})", severity="error")
        return NotebookResult(text, [diagnostic], error=diagnostic.message)
    language = (notebook.get("metadata", {}).get("kernelspec", {}) or {}).get("language", "python")
    if str(language).lower() != "python":
        return NotebookResult(text, [])

    token = secrets.token_hex(4)
    parts: list[str] = []
    starts: dict[int, int] = {}   # cell index -> first line (1-based) of its code in the joined module
    magics: list[str] = []
    originals: dict[int, str] = {}
    line = 1
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = _source_text(cell.get("source", ""))
        if source.lstrip().startswith("%%"):
            continue
        originals[index] = source
        masked_lines = []
        for raw in source.splitlines(keepends=True):
            if _magic(raw):
                indent = raw[: len(raw) - len(raw.lstrip())]
                ending = "\n" if raw.endswith("\n") else ""
                masked_lines.append(f"{indent}pass  # migrate:magic:{len(magics)}:{token}{ending}")
                magics.append(raw.rstrip("\r\n"))
            else:
                masked_lines.append(raw)
        body = "".join(masked_lines)
        if body and not body.endswith("\n"):
            body += "\n"
        parts.append(f"# migrate:cell:{index}:{token}\n")
        starts[index] = line + 1
        parts.append(body)
        line += 1 + body.count("\n")
    if not originals:
        return NotebookResult(text, [])

    result = migrate_source("".join(parts), options, tables)
    diagnostics = [_locate(d, starts) for d in result.diagnostics]
    if result.error is not None:
        return NotebookResult(text, diagnostics, error=result.error)

    new_sources = _split(result.code, token)
    changed_cells = []
    for index, old in originals.items():
        new = new_sources.get(index)
        if new is None:
            continue
        new = re.sub(rf"^([ \t]*)pass  # migrate:magic:(\d+):{token}$",
                     lambda match: magics[int(match.group(2))], new, flags=re.M)
        if not old.endswith("\n") and new.endswith("\n"):
            new = new[:-1]
        if new != old:
            changed_cells.append((index, old, new))
            cells[index]["source"] = _like(cells[index].get("source", ""), new)
    if not changed_cells:
        return NotebookResult(text, diagnostics)
    return NotebookResult(dump_like(notebook, text), diagnostics, cells=changed_cells)


def _source_text(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source)


def _like(old, text: str):
    return text.splitlines(keepends=True) if isinstance(old, list) else text


def _split(code: str, token: str) -> dict[int, str]:
    out: dict[int, str] = {}
    current = None
    lines: list[str] = []
    prefix: list[str] = []
    marker = re.compile(rf"^# migrate:cell:(\d+):{token}\r?\n?$")
    for raw in code.splitlines(keepends=True):
        match = marker.match(raw)
        if match:
            if current is not None:
                out[current] = "".join(lines)
            current = int(match.group(1))
            lines = []
            if prefix:  # imports added above the first marker belong to the first cell
                lines.extend(prefix)
                prefix = []
            continue
        (lines if current is not None else prefix).append(raw)
    if current is not None:
        out[current] = "".join(lines)
    return out


def _locate(diagnostic: Diagnostic, starts: dict[int, int]) -> Diagnostic:
    cell, first = None, 1
    for index, start in starts.items():
        if start <= diagnostic.line:
            cell, first = index, start
    if cell is None:
        return diagnostic
    return dataclasses.replace(diagnostic, cell=cell, line=diagnostic.line - first + 1)


def dump_like(notebook: dict, original: str) -> str:
    """JSON text for `notebook` written the way `original` was (indent, escaping, final newline)."""
    reference = json.loads(original)
    newline = "\n" if original.endswith("\n") else ""
    for indent in (1, 2, 4, None, 3):
        for ensure_ascii in (False, True):
            for separators in ((",", ": "), (", ", ": ")):
                if indent is None and separators == (",", ": "):
                    continue
                attempt = json.dumps(reference, indent=indent, ensure_ascii=ensure_ascii, separators=separators)
                if attempt + newline == original:
                    return json.dumps(notebook, indent=indent, ensure_ascii=ensure_ascii,
                                      separators=separators) + newline
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
