"""One pass over one module: resolve names, apply the rules table, collect diagnostics.

`migrate_source` parses once, resolves names (`migrate.resolve`: LibCST's
scope and qualified-name metadata, or an equivalent fast path when the file
rebinds no imported name), and runs one `Migrator` transformer that does
everything: import statements, renamed references, every call covered by a
row (the generic engine in `transforms/calls.py`), and the bespoke transforms
listed in `transforms/__init__.py` for what a row cannot say. Imports the
rewritten code needs are added (and unused Keras 1 imports removed) by
`migrate.import_edits` afterwards (LibCST's `AddImportsVisitor` and
`RemoveImportsVisitor` do the same job at several times the cost).

What cannot be converted safely stays as it is, gets a `# TODO(migrate): ...`
line above its statement (once: a second run adds nothing) and a diagnostic.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from typing import Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import MetadataWrapper, ScopeProvider

from migrate import import_edits, positions, pragmas, traversal
from migrate.literals import dotted
from migrate.names import Tables, default_tables, is_method
from migrate.report import Code, Diagnostic, code_matches
from migrate.resolve import ImportFacts, ImportResolver, ScopeResolver

# MIGRATE_NAMES=scope forces LibCST's scope analysis for every file (tests compare both resolvers).
_FORCE_SCOPE = os.environ.get("MIGRATE_NAMES") == "scope"

TODO_PREFIX = "# TODO(migrate): "

# Conventional local names for modules `migrate` has to import itself.
_IMPORT_AS = {"numpy": "np"}

# Keras 1 calls that return a model: a name assigned from one is a model receiver.
MODEL_FACTORIES = frozenset({
    "keras.models.Sequential", "keras.engine.training.Model", "keras.engine.topology.Container",
    "keras.models.load_model", "keras.models.model_from_json", "keras.models.model_from_yaml",
    "keras.models.model_from_config", "keras.Sequential", "keras.Model", "keras.models.Model",
})


@dataclasses.dataclass
class Options:
    """What the user asked for.

    Attributes:
        dim_ordering: 'th' or 'tf' when the code relied on keras.json's
            `image_dim_ordering`; None to leave implicit orderings implicit.
        select, ignore: rule code prefixes (ruff style; `ALL` selects all).
    """

    dim_ordering: str | None = None
    select: Sequence[str] = ("ALL",)
    ignore: Sequence[str] = ()
    locate_fixed: bool = True  # compute line:col of 'fixed' diagnostics too (TODOs always are)

    def enabled(self, code: str) -> bool:
        if code.startswith("LK00"):
            return True  # migrate's own diagnostics (syntax errors, ...) are always on
        return code_matches(code, self.select) and not code_matches(code, self.ignore)


@dataclasses.dataclass
class SourceResult:
    code: str
    diagnostics: list[Diagnostic]
    error: str | None = None

    def changed(self, original: str) -> bool:
        return self.error is None and self.code != original


class MigrateError(Exception):
    """A file `migrate` will not touch, with the diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def migrate_source(source: str, options: Options | None = None, tables: Tables | None = None, *,
                   force_scope: bool | None = None) -> SourceResult:
    """Migrate one module's source text. Never raises for bad input: errors come back in the result.

    `force_scope=True` resolves names with LibCST's scope analysis even where the fast path is exact.
    """
    options = options or Options()
    tables = tables or default_tables()
    if not tables.mentions_any(source):
        return SourceResult(source, [])
    skipped_file = pragmas.skip_file(source)
    if skipped_file is not None:
        return SourceResult(source, [skipped_file])
    try:
        module = parse(source)
    except MigrateError as error:
        return SourceResult(source, [error.diagnostic], error=error.diagnostic.message)
    try:
        _, diagnostics, code = transform(module, source, options, tables, force_scope)
    except Exception as error:  # one bad file must not stop the run
        diagnostic = Diagnostic(Code.INTERNAL.value, 1, 1, f"migrate failed: {type(error).__name__}: {error}",
                                severity="error")
        return SourceResult(source, [diagnostic], error=diagnostic.message)
    return SourceResult(code, diagnostics)


def parse(source: str) -> cst.Module:
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        line, col = error.raw_line, error.raw_column + 1
        python2 = python2_reason(source)
        if python2:
            raise MigrateError(Diagnostic(Code.PYTHON2.value, python2[0], 1,
                                          f"Python 2 source ({python2[1]}): convert it to Python 3 first; "
                                          "the file is left as it is", severity="error")) from None
        message = str(error.message).splitlines()[0] if error.message else "invalid syntax"
        raise MigrateError(Diagnostic(Code.SYNTAX.value, line, col,
                                      f"does not parse as Python 3 ({message}); the file is left as it is",
                                      severity="error")) from None


# What CPython says about Python 2 syntax, and patterns for the failing line when it says less.
_PY2_MESSAGES = [
    ("Missing parentheses in call to 'print'", "print statement"),
    ("Missing parentheses in call to 'exec'", "exec statement"),
    ("multiple exception types must be parenthesized", "`except E, e:`"),
    ("leading zeros in decimal integer literals", "old octal literal"),
]
_PY2_LINES = [
    (re.compile(r"^\s*print\s+(?![\s(=,)\]}.]|$)[^=]"), "print statement"),
    (re.compile(r"^\s*print\s*>>"), "`print >>f, ...`"),
    (re.compile(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:"), "`except E, e:`"),
    (re.compile(r"^\s*raise\s+[\w.]+\s*,"), "`raise E, msg`"),
    (re.compile(r"^\s*exec\s+[\"'\w]"), "exec statement"),
    (re.compile(r"`[^`\n]+`"), "backtick repr"),
    (re.compile(r"<>"), "`<>` operator"),
    (re.compile(r"\bur[\"']"), "`ur''` string"),
    (re.compile(r"\b\d+[lL]\b"), "long integer literal"),
]


def python2_reason(source: str) -> tuple[int, str] | None:
    """(line, what) when the source fails to compile because it is Python 2, else None."""
    try:
        compile(source, "<migrate>", "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as error:
        message = str(error.msg or "")
        line = error.lineno or 1
        for text, reason in _PY2_MESSAGES:
            if text in message:
                return line, reason
        lines = source.splitlines()
        failing = lines[line - 1] if 0 < line <= len(lines) else ""
        for pattern, reason in _PY2_LINES:
            if pattern.search(failing.split("#", 1)[0]):
                return line, reason
    except (ValueError, MemoryError, RecursionError):
        return None
    return None


def transform(module: cst.Module, source: str, options: Options, tables: Tables, force_scope: bool | None = None):
    """The migrated module, its diagnostics (positions refer to `source`) and its code."""
    force_scope = _FORCE_SCOPE if force_scope is None else force_scope
    facts = None
    if not force_scope:
        try:
            facts = ImportFacts(source)
        except (SyntaxError, ValueError, RecursionError):
            facts = None
    keras1 = tables.looks_like_keras1(source)
    if facts is None and "show_accuracy" in source:
        try:
            facts_for_training = ImportFacts(source)
        except (SyntaxError, ValueError, RecursionError):
            facts_for_training = None
    else:
        facts_for_training = facts
    skipped = pragmas.skipped_statements(module, source, _STATEMENTS)
    fast = facts is not None and facts.safe_for(tables.roots)
    resolver = ImportResolver(facts, tables) if fast else ScopeResolver(tables)
    migrator = Migrator(tables, options, keras1_file=keras1, resolver=resolver)
    migrator.facts["show_accuracy"] = facts_for_training.show_accuracy if facts_for_training else set()
    migrator.skipped = skipped
    _note_symbolic_losses(migrator, facts_for_training.tree if facts_for_training else None, source)
    if fast:
        migrator.ast_tree = facts.tree
        new_module = traversal.walk(module, migrator)
    else:
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        with migrator.resolve(wrapper):
            new_module = traversal.walk(wrapper.module, migrator)
    new_module, code = import_edits.finish(new_module, migrator.needed_imports, migrator.unused_imports,
                                           keep=skipped, repeats=migrator.facts.get("rewritten_specs", ()))
    migrator.place_diagnostics(module, everything=options.locate_fixed)
    diagnostics = sorted(migrator.diagnostics, key=lambda d: (d.line, d.col, d.code))
    return new_module, diagnostics, code


def _note_symbolic_losses(migrator, tree, source: str) -> None:
    """Loss functions reading layer outputs (see `transforms.symbolic_losses`): wrong in any Keras 3 file."""
    if "compile" not in source:
        return
    if tree is None:
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return
    migrator.facts["symbolic_losses"] = migrator.transforms.symbolic_losses.analyse(tree)


_STATEMENTS = frozenset({cst.SimpleStatementLine, cst.If, cst.For, cst.While, cst.With, cst.Try, cst.TryStar,
                         cst.FunctionDef, cst.ClassDef, cst.Match})
_SCOPES = frozenset({cst.FunctionDef, cst.ClassDef, cst.Lambda})
# Punctuation and whitespace: nothing below them can need a rewrite, so their children (mostly
# whitespace, about half of all nodes) are not visited.
_INERT = frozenset({
    cst.Comma, cst.AssignEqual, cst.Dot, cst.Colon, cst.Semicolon, cst.LeftParen, cst.RightParen,
    cst.LeftSquareBracket, cst.RightSquareBracket, cst.LeftCurlyBrace, cst.RightCurlyBrace,
    cst.SimpleWhitespace, cst.ParenthesizedWhitespace, cst.TrailingWhitespace, cst.Newline, cst.EmptyLine,
    cst.Comment, cst.ImportStar, cst.AsName,
    cst.Add, cst.Subtract, cst.Multiply, cst.Divide, cst.FloorDivide, cst.Modulo, cst.Power, cst.MatrixMultiply,
    cst.LeftShift, cst.RightShift, cst.BitAnd, cst.BitOr, cst.BitXor, cst.And, cst.Or, cst.Not, cst.BitInvert,
    cst.Minus, cst.Plus, cst.Equal, cst.NotEqual, cst.LessThan, cst.LessThanEqual, cst.GreaterThan,
    cst.GreaterThanEqual, cst.In, cst.NotIn, cst.Is, cst.IsNot, cst.AssignEqual,
    cst.AddAssign, cst.SubtractAssign, cst.MultiplyAssign, cst.DivideAssign, cst.ModuloAssign,
    cst.PowerAssign, cst.FloorDivideAssign,
})


@dataclasses.dataclass
class _Frame:
    """The statement being rewritten: TODO lines to put above it, statements to put before it."""

    todos: list[str] = dataclasses.field(default_factory=list)
    before: list[cst.BaseStatement] = dataclasses.field(default_factory=list)


class Migrator(cst.CSTTransformer):
    """The one transformer. Bespoke transforms are functions in `migrate.transforms` taking it."""

    METADATA_DEPENDENCIES = (*ScopeResolver.METADATA, ScopeProvider)  # resolved only on the scope path

    def __init__(self, tables: Tables, options: Options, keras1_file: bool = False, resolver=None):
        super().__init__()
        self.resolver = resolver or ScopeResolver(tables)
        self.needed_imports: list[tuple] = []   # (module, name, asname) to add at the end
        self.unused_imports: list[tuple] = []   # imports to remove at the end if nothing uses them
        self._pending: list[tuple] = []         # (diagnostic, node, top-level statement index): placed at the end
        self.top_statement: int | None = None   # index in module.body of the statement being visited
        self._top_count = 0
        self.ast_tree = None                    # the module's `ast`, when the fast resolver parsed one
        from migrate import transforms

        self.tables = tables
        self.options = options
        self.keras1_file = keras1_file
        self.transforms = transforms
        self.diagnostics: list[Diagnostic] = []
        self._frames: list[_Frame] = []
        self._not_refs: set[int] = set()   # Names that are not references (attributes, keywords)
        self._callees: set[int] = set()    # original `func` nodes of calls
        self.compared: set[int] = set()     # calls whose result is compared with a literal
        self.star_index: dict[str, str] = {}
        self.local_for: dict[str, str] = {}  # modern qualified name -> module-level local name
        self.from_modules: set[str] = set()  # modules the file imports names from (modern)
        self.import_specs: dict[str, tuple] = {}  # local name -> (module, obj, asname) after rewriting
        self.global_scope = None
        self.header_comments: set[str] = set()
        self.watched_statements: set[int] = set()  # statements whose rewritten form a block rewrite needs
        self.statement_results: dict[int, object] = {}
        self.function_depth = 0
        self.model_names: set[str] = set()
        self.facts: dict = {}                # scratch space for bespoke transforms
        self.position_hint = None            # where to report changes to nodes built by a transform
        self.skipped: frozenset[int] = frozenset()  # statements a `# migrate: skip` leaves as they are
        self._skip_marks: list[int] = []     # len(diagnostics) on entering each skipped statement

    # -- reporting -------------------------------------------------------------------------

    def _report(self, original: cst.CSTNode | None, diagnostic: Diagnostic) -> None:
        # While a transform converts nodes it built itself, report at the source node they replace.
        node = self.position_hint if self.position_hint is not None else original
        self.diagnostics.append(diagnostic)
        if node is not None:
            self._pending.append((diagnostic, node, self.top_statement))

    def place_diagnostics(self, module: cst.Module, everything: bool = True) -> None:
        """Fill in line/column of the diagnostics, in one pass over the original module.

        With `everything` False only those a person must read (TODOs, notes) get a position; the
        others keep line 0 (the CLI only counts them unless asked for `--verbose` or `--report`).
        """
        pending = [(d, n, s) for d, n, s in self._pending if everything or d.severity != "fixed"]
        for diagnostic, _, _ in self._pending:
            diagnostic.line, diagnostic.col = 0, 0
        if not pending:
            return
        lines = positions.first_lines(module, self.ast_tree) if self.ast_tree is not None else None
        if lines is not None and all(s is not None for _, _, s in pending):
            by_statement: dict[int, list] = {}
            for _, node, statement in pending:
                by_statement.setdefault(statement, []).append(node)
            found = positions.starts_in_statements(module, by_statement, lines)
        else:
            found = positions.starts(module, [node for _, node, _ in pending])
        for diagnostic, node, _ in pending:
            diagnostic.line, diagnostic.col = found.get(id(node), (1, 1))

    def fixed(self, original: cst.CSTNode, code: str, message: str) -> None:
        self._report(original, Diagnostic(code, 1, 1, message, "fixed"))

    def info(self, original: cst.CSTNode, code: str, message: str) -> None:
        self._report(original, Diagnostic(code, 1, 1, message, "info"))

    def todo(self, original: cst.CSTNode, code: str, message: str) -> None:
        """Leave a `# TODO(migrate): ...` above the statement and report it."""
        self._report(original, Diagnostic(code, 1, 1, message, "todo"))
        text = f"{message} ({code})"
        if self._frames and text not in self._frames[-1].todos:
            self._frames[-1].todos.append(text)

    def insert_before(self, statement: cst.BaseStatement) -> None:
        if self._frames:
            self._frames[-1].before.append(statement)

    def enabled(self, code: str) -> bool:
        return self.options.enabled(code)

    # -- statements: TODO lines and insertions ---------------------------------------------

    # LibCST's dispatch looks `visit_<Type>` / `leave_<Type>` (and per-attribute hooks, which this
    # class has none of) up by name for every node; a per-class table does it once per type.
    leaf_types = _INERT  # `traversal.walk` passes these over without calling on_visit/on_leave

    def on_visit(self, node: cst.CSTNode) -> bool:
        kind = type(node)
        if kind in _INERT:
            return False
        if kind in _STATEMENTS:
            if not self._frames:
                self.top_statement = self._top_count
                self._top_count += 1
            self._frames.append(_Frame())
            if self.skipped and id(node) in self.skipped:
                self._skip_marks.append(len(self.diagnostics))
        if kind in _SCOPES:
            self.function_depth += 1
        visit, _ = self._dispatch(kind)
        return visit is None or visit(self, node) is not False

    def on_leave(self, original_node, updated_node):
        kind = type(original_node)
        if kind in _INERT:
            return updated_node
        _, leave = self._dispatch(kind)
        result = updated_node if leave is None else leave(self, original_node, updated_node)
        if kind in _SCOPES:
            self.function_depth -= 1
        if kind in _STATEMENTS:
            frame = self._frames.pop()
            if not self._frames:
                self.top_statement = None  # reports made from here on (block rewrites) are placed by scanning
            if self.skipped and id(original_node) in self.skipped:
                result = pragmas.keep_skipped(self, original_node, result, self._skip_marks.pop())
            else:
                result = self._finish_statement(result, frame)
            if id(original_node) in self.watched_statements:
                self.statement_results[id(original_node)] = result
        return result

    def on_visit_attribute(self, node, attribute) -> None:
        pass

    def on_leave_attribute(self, original_node, attribute) -> None:
        pass

    @classmethod
    def _dispatch(cls, kind):
        table = cls.__dict__.get("_dispatch_table")
        if table is None:
            table = {}
            cls._dispatch_table = table
        entry = table.get(kind)
        if entry is None:
            name = kind.__name__
            entry = table[kind] = (getattr(cls, f"visit_{name}", None), getattr(cls, f"leave_{name}", None))
        return entry

    def _finish_statement(self, result, frame: _Frame):
        if isinstance(result, cst.FlattenSentinel) and frame.todos and not frame.before:
            nodes = list(result.nodes)
            nodes[0] = self._finish_statement(nodes[0], frame)
            return cst.FlattenSentinel(nodes)
        if not (frame.todos or frame.before) or not isinstance(
                result, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return result
        existing = {line.comment.value for line in result.leading_lines if line.comment is not None}
        existing |= self.header_comments
        new_lines = [cst.EmptyLine(comment=cst.Comment(TODO_PREFIX + text))
                     for text in frame.todos if TODO_PREFIX + text not in existing]
        if not frame.before:
            return result.with_changes(leading_lines=[*result.leading_lines, *new_lines]) if new_lines else result
        first = frame.before[0].with_changes(leading_lines=result.leading_lines)
        last = result.with_changes(leading_lines=new_lines)
        return cst.FlattenSentinel([first, *frame.before[1:], last])

    # -- module ----------------------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> bool:
        if isinstance(self.resolver, ScopeResolver):
            self.global_scope = self.get_metadata(ScopeProvider, node, None)
        # LibCST keeps the first statement's leading comments in the module header.
        self.header_comments = {line.comment.value for line in node.header if line.comment is not None}
        self._scan_block(node.body)
        return True

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> bool:
        self._scan_block(node.body)
        return True

    def _scan_block(self, body) -> None:
        self.transforms.merge_calls.scan_block(self, body)
        if id(body) in self.facts.get("merge_blocks", {}):
            self.watched_statements.update(id(s) for s in body)

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        body = self.transforms.merge_calls.rebuild_block(self, original.body, self.statement_results)
        return updated if body is None else updated.with_changes(body=body)

    def leave_IndentedBlock(self, original: cst.IndentedBlock, updated: cst.IndentedBlock) -> cst.IndentedBlock:
        body = self.transforms.merge_calls.rebuild_block(self, original.body, self.statement_results)
        return updated if body is None else updated.with_changes(body=body)

    # -- name resolution -------------------------------------------------------------------

    def qualified(self, original: cst.BaseExpression) -> str | None:
        """The Keras 1 qualified name a Name/Attribute refers to (through imports), if one."""
        return self.resolver.qualified(self, original)

    def is_global_name_free(self, name: str) -> bool:
        if name in self.local_for.values():
            return False
        if isinstance(self.resolver, ImportResolver):
            return self.resolver.name_is_free(name)
        return self.resolver.name_is_free(name, self.global_scope)

    def expr_for(self, target: str, *, prefer_from: bool | None = None) -> cst.BaseExpression | None:
        """Source naming the modern `target` (`keras.layers.Dense`), importing it when needed.

        Uses what the module already binds (`Dense`, `layers.Dense`, `np.argmax`); otherwise
        adds `from keras.layers import Dense` when the file imports names from that module,
        else `import keras` and writes the dotted name. None when it cannot be named safely.
        """
        if target.startswith("builtins."):
            return cst.Name(target.split(".", 1)[1])
        if target in self.local_for:
            return dotted(self.local_for[target])
        module, _, name = target.rpartition(".")
        parts = target.split(".")
        for end in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:end])
            if prefix in self.local_for:
                return dotted(self.local_for[prefix] + "." + ".".join(parts[end:]))
        if prefer_from is None:
            prefer_from = module in self.from_modules
        if prefer_from and module and self.is_global_name_free(name):
            self.needed_imports.append((module, name, None))
            self.local_for[target] = name
            return cst.Name(name)
        top = parts[0]
        alias = _IMPORT_AS.get(top)
        if alias and self.is_global_name_free(alias):
            self.needed_imports.append((top, None, alias))
            self.local_for[top] = alias
            return dotted(alias + "." + ".".join(parts[1:]))
        if not self.is_global_name_free(top):
            return None
        needed = top if top == "keras" else module
        self.needed_imports.append((needed, None, None))
        if needed == top:
            self.local_for[top] = top
        return dotted(target)

    # -- visits that collect facts ---------------------------------------------------------

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self._not_refs.add(id(node.attr))
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if node.keyword is not None:
            self._not_refs.add(id(node.keyword))
        return True

    def visit_ImportAlias(self, node: cst.ImportAlias) -> bool:
        return False

    def visit_Call(self, node: cst.Call) -> bool:
        self._callees.add(id(node.func))
        self.transforms.facts.note_call(self, node)
        self.transforms.trainable.note_call(self, node)
        self.transforms.symbolic_losses.check_compile(self, node)
        self.transforms.init_functions.note_call(self, node)
        return True

    def visit_Import(self, node: cst.Import) -> bool:
        self.transforms.imports.record_import(self, node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self.transforms.imports.record_import_from(self, node)
        return False

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        self.transforms.comparisons.note_comparison(self, node)
        return True

    def visit_Assign(self, node: cst.Assign) -> bool:
        self.transforms.facts.note_assign(self, node)
        self.transforms.custom_layers.note_assign(self, node)
        self.transforms.trainable.check_assign(self, node)
        return True

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.transforms.custom_layers.enter_class(self, node)
        return True


    # -- rewrites --------------------------------------------------------------------------

    def leave_SimpleStatementLine(self, original, updated):
        return self.transforms.imports.rewrite_statement(self, original, updated)

    def leave_ClassDef(self, original, updated):
        return self.transforms.custom_layers.leave_class(self, original, updated)

    def leave_FunctionDef(self, original, updated):
        return self.transforms.custom_layers.leave_function(self, original, updated)

    def leave_Assign(self, original, updated):
        return self.transforms.custom_layers.leave_assign(self, original, updated)

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        if id(original) in self._not_refs:
            return updated
        initializer = self.transforms.init_functions.convert_reference(self, original)
        if initializer is not None:
            return initializer
        qualified = self.qualified(original)
        if qualified is None:
            return updated
        target, why = self.tables.target(qualified)
        if why is None or not self.enabled(why.code):
            return updated
        if target is None:
            self._gone_reference(original, qualified, why)
            return updated
        if self.tables.is_module(qualified) or original.value != qualified.rpartition(".")[2]:
            return updated  # a module, or an `as` alias: the import statement keeps the local name
        new_name = target.rpartition(".")[2]
        if qualified in self.star_index.values():
            # A star-imported name: the rewritten star import still provides it unless it moved.
            star_module = qualified.rpartition(".")[0]
            if target == f"{self.tables.map_module(star_module)}.{updated.value}":
                return updated
            rendered = self.expr_for(target, prefer_from=True) or updated
            if id(original) not in self._callees and get_full_name_for_node(rendered) != updated.value:
                self.fixed(original, why.code, f"`{updated.value}` is now `{target}`")
            return rendered
        if new_name != updated.value:
            return updated.with_changes(value=new_name)
        return updated

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.BaseExpression:
        initializer = self.transforms.init_functions.convert_reference(self, original)
        if initializer is not None:
            return initializer
        qualified = self.qualified(original)
        if qualified is None:
            return updated
        target, why = self.tables.target(qualified)
        if why is None or not self.enabled(why.code):
            return updated
        if target is None:
            self._gone_reference(original, qualified, why)
            return updated
        rendered = self.render_reference(original, target)
        if rendered is None:
            self.todo(original, Code.KERAS_SHADOWED.value,
                      f"cannot write `{target}` here: the module binds `{target.split('.')[0]}` to something else")
            return updated
        spelled = get_full_name_for_node(original)
        if get_full_name_for_node(rendered) == spelled:
            return updated
        if id(original) not in self._callees:
            self.fixed(original, why.code, f"`{spelled}` is now `{target}`")
        return rendered

    def render_reference(self, original: cst.Attribute, target: str) -> cst.BaseExpression | None:
        """`target` written from the same root as `original` (`K.sum` -> `keras.ops.sum`)."""
        root = original
        while isinstance(root, cst.Attribute):
            root = root.value
        if isinstance(root, cst.Name):
            root_q = self.qualified(root)
            if root_q is not None:
                new_root = self.tables.map_module(root_q) if self.tables.is_module(root_q) else root_q
                if new_root is not None and (target == new_root or target.startswith(new_root + ".")):
                    return dotted(root.value + target[len(new_root):])
                self.maybe_unused(root.value)
        return self.expr_for(target, prefer_from=False)

    def maybe_unused(self, local: str) -> None:
        """Remove the import binding `local` at the end, if nothing uses it any more."""
        spec = self.import_specs.get(local)
        if spec is not None:
            self.unused_imports.append(spec)

    def _gone_reference(self, original, qualified, why) -> None:
        if id(original) in self._callees:
            return  # the call handler reports it, with the call's context
        if self.tables.is_module(qualified) or getattr(why, "old", None) is None:
            return
        if self.transforms.allowed_bare_reference(self, original, why):
            return
        self.todo(original, why.code, gone_message(why))

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        return self.transforms.dispatch_call(self, original, updated)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self.transforms.init_functions.note_lambda(self, node)
        return True

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.BaseExpression:
        return self.transforms.init_functions.convert_lambda(self, original, updated)

    def leave_Subscript(self, original, updated):
        return self.transforms.metric_names.rewrite_subscript(self, original, updated)

    def leave_Comparison(self, original, updated):
        return self.transforms.comparisons.rewrite_comparison(self, original, updated)


def gone_message(row) -> str:
    name = row.old.rpartition(".")[2]
    what = "no Keras 3 equivalent" if row.old.startswith("keras.") else "no direct modern equivalent"
    return f"`{name}` has {what}: {row.why}" if row.why else f"`{name}` has {what}"


__all__ = ["Options", "SourceResult", "migrate_source", "Migrator", "TODO_PREFIX", "is_method", "dotted"]
