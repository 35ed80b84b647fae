"""`# migrate: skip` and `# migrate: skip-file`: code a person wants left exactly as it is.

- `# migrate: skip-file` as a comment in the module's header (the comments,
  blank lines and docstring before its first statement; in a notebook, the top
  of the first code cell) leaves the whole file untouched.
- `# migrate: skip` as a comment on a line of a statement (for a compound
  statement: a line of its header, decorators included), or on its own line in
  the comment block directly above a statement (no blank line between), leaves
  that statement exactly as it is: no rewrite, no TODO line. For `def`,
  `class`, `if`, `for`, `with`, `try`, ... that is the whole block.

The rest of the module is still analysed with the skipped statements in it (a
model they create is still a model); what `migrate` would have done to them is
reported with severity `skipped`. A skipped import stays as it is; when the
rewritten code refers to a name that only the rewritten import would bind,
that import is added beside it.

Cost: files without the word `migrate: skip` pay one regular-expression
search; the others one `tokenize` pass and LibCST's positions.
"""

from __future__ import annotations

import io
import re
import tokenize

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from migrate.import_edits import import_specs, local_name
from migrate.report import Code, Diagnostic

SKIP = re.compile(r"#[ \t]*migrate:[ \t]*skip(?![\w-])")
SKIP_FILE = re.compile(r"#[ \t]*migrate:[ \t]*skip-file(?![\w-])")
_CELL_MARKER = re.compile(r"^[ \t]*# migrate:cell:\d+:")     # notebooks.py joins cells with these
_MAGIC = re.compile(r"^[ \t]*pass  # migrate:magic:\d+:")    # ... and masks IPython magics so


# -- the whole file -------------------------------------------------------------------------

def skip_file(source: str) -> Diagnostic | None:
    """The diagnostic saying the file is skipped, when its header holds `# migrate: skip-file`."""
    if SKIP_FILE.search(source) is None:
        return None
    line = _header_pragma_line(source)
    if line is None:
        return None
    return Diagnostic(Code.SKIPPED.value, line, 1, "`# migrate: skip-file`: the file is left as it is",
                      severity="skipped")


def _header_pragma_line(source: str) -> int | None:
    docstring_seen = False
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            kind = token.type
            if kind == tokenize.COMMENT:
                if SKIP_FILE.search(token.string):
                    return token.start[0]
            elif kind in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
                continue
            elif kind == tokenize.STRING and not docstring_seen:
                docstring_seen = True
            elif kind == tokenize.NAME and token.string == "pass" and _MAGIC.match(token.line):
                continue  # a notebook magic line (`%matplotlib inline`), masked
            else:
                return None
    except (tokenize.TokenError, SyntaxError):
        return None
    return None


# -- statements -----------------------------------------------------------------------------

def skipped_statements(module: cst.Module, source: str, kinds) -> frozenset[int]:
    """ids of the statements of `module` (nodes of the types in `kinds`) a `# migrate: skip` leaves alone."""
    if SKIP.search(source) is None:
        return frozenset()
    pragma_lines, comment_lines, barriers = _comment_lines(source)
    if not pragma_lines:
        return frozenset()
    positions = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    skipped = set()
    for node, where in positions.items():
        if type(node) not in kinds:
            continue
        first = min([where.start.line, *(positions[d].start.line for d in getattr(node, "decorators", ()))])
        last = where.end.line if isinstance(node, cst.SimpleStatementLine) else _header_end(node, positions)
        if any(first <= line <= last for line in pragma_lines):
            skipped.add(id(node))
            continue
        line = first - 1
        while line in comment_lines and line not in barriers:
            if line in pragma_lines:
                skipped.add(id(node))
                break
            line -= 1
    return frozenset(skipped)


def _header_end(node, positions) -> int:
    """The last line of a compound statement's header (the line of its colon)."""
    body = getattr(node, "body", None)
    if isinstance(body, cst.IndentedBlock):
        return positions[body.header].start.line
    if isinstance(body, cst.SimpleStatementSuite):
        return positions[body].end.line
    colon = getattr(node, "whitespace_after_colon", None)  # `match`
    if isinstance(colon, cst.TrailingWhitespace):
        return positions[colon].start.line
    return positions[node].start.line


def _comment_lines(source: str) -> tuple[set[int], set[int], set[int]]:
    """(lines with a skip pragma comment, lines holding only a comment, notebook cell marker lines)."""
    pragmas, alone, barriers = set(), set(), set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type != tokenize.COMMENT:
                continue
            line = token.start[0]
            if SKIP.search(token.string):
                pragmas.add(line)
            if not token.line[: token.start[1]].strip():
                alone.add(line)
                if _CELL_MARKER.match(token.line):
                    barriers.add(line)
    except (tokenize.TokenError, SyntaxError):  # LibCST parsed it, tokenize did not: read lines instead
        pragmas, alone, barriers = set(), set(), set()
        for number, text in enumerate(source.splitlines(), 1):
            stripped = text.lstrip()
            if stripped.startswith("#"):
                alone.add(number)
                if _CELL_MARKER.match(text):
                    barriers.add(number)
            if SKIP.search(text):
                pragmas.add(number)
    return pragmas, alone, barriers


def keep_skipped(m, original: cst.CSTNode, result, first_diagnostic: int) -> cst.CSTNode:
    """Called by the `Migrator` when it leaves a skipped statement: the statement as it was.

    Diagnostics made inside it become `skipped`; names the discarded rewrite of an import
    would have bound (and the original does not) are imported beside it, for the rewritten
    code that uses them.
    """
    for diagnostic in m.diagnostics[first_diagnostic:]:
        if diagnostic.severity != "error":
            diagnostic.severity = "skipped"
    if isinstance(original, cst.SimpleStatementLine):
        bound = set(_bindings(original))
        nodes = result.nodes if isinstance(result, cst.FlattenSentinel) else [result]
        for node in nodes:
            if isinstance(node, cst.SimpleStatementLine):
                for local, spec in _bindings(node).items():
                    if local not in bound:
                        m.needed_imports.append(spec)
    return original


def _bindings(statement: cst.SimpleStatementLine) -> dict[str, tuple]:
    """local name -> (module, name, alias) for the import statements in `statement`."""
    return {local_name(spec): spec for small in statement.body for spec in import_specs(small)}
