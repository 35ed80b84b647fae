"""Adding the imports rewritten code needs, removing the Keras 1 ones nothing uses any more.

The same job as LibCST's `AddImportsVisitor` / `RemoveImportsVisitor`, done on
the module's top-level statements only (where `migrate` puts and finds
imports), deciding "unused" from the words of the generated code: those
visitors re-run scope analysis on a deep copy, which cost more than the whole
migration.
"""

from __future__ import annotations

import re

import libcst as cst
from libcst.helpers import get_full_name_for_node

from migrate.codegen import new_state, node_code
from migrate.literals import dotted


def finish(module: cst.Module, needed: list[tuple], unused: list[tuple],
           keep=frozenset(), repeats=frozenset()) -> tuple[cst.Module, str]:
    """The module with `needed` imports added and `unused` ones removed, and its code.

    `needed`/`unused`: (module, name or None, local alias or None) triples. `keep`: ids of
    statements (`# migrate: skip`) that must stay exactly as they are. `repeats`: triples a
    rewritten import now binds, which an earlier import may bind already (kept once).
    """
    cache: dict[int, str] = {}
    if repeats:
        module = _drop_repeats(module, set(repeats), keep)
    code = module_code(module, cache)
    if not needed and not unused:
        return module, code
    used = _used_names(module, cache)
    # A transform may have asked for a name it did not end up writing: add only what is used.
    needed = [spec for spec in needed if local_name(spec) in used]
    if unused:
        module = _remove_unused(module, used, unused, keep)
    if needed:
        module = _add_needed(module, needed, keep)
    return module, module_code(module, cache)


def module_code(module: cst.Module, cache: dict[int, str]) -> str:
    """`module.code`, generating each top-level statement once (`cache`: id -> its code).

    Removing an import changes one statement; the others keep their text.
    """
    state = new_state(module)
    for line in module.header:
        line._codegen(state)
    for statement in module.body:
        text = cache.get(id(statement))
        if text is None:
            text = cache[id(statement)] = node_code(statement, module)
        state.tokens.append(text)
    for line in module.footer:
        line._codegen(state)
    code = "".join(state.tokens)
    if module.has_trailing_newline:
        return code or module.default_newline
    for newline in ("\r\n", "\n", "\r"):
        if code.endswith(newline):
            return code[: -len(newline)]
    return code


# -- removing ---------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _used_names(module: cst.Module, cache: dict[int, str]) -> set[str]:
    """Every identifier-like word outside the module's import statements (top level, or in a
    top-level `try`).

    A superset of the names the code uses (words in strings and comments count too), so an
    import is removed only when its name appears nowhere else: never wrongly.
    """
    words: set[str] = set()

    def add(statements, top: bool) -> None:
        for statement in statements:
            if _is_import(statement):
                continue
            if isinstance(statement, cst.Try):
                blocks = [statement.body, *(h.body for h in statement.handlers)]
                blocks += [b.body for b in (statement.orelse, statement.finalbody) if b is not None]
                for block in blocks:
                    add(block.body, False)
                for handler in statement.handlers:
                    if handler.type is not None:
                        words.update(_WORD.findall(node_code(handler.type, module)))
                continue
            text = cache.get(id(statement)) if top else None
            words.update(_WORD.findall(text if text is not None else node_code(statement, module)))

    add(module.body, True)
    for line in module.footer:
        if line.comment is not None:
            words.update(_WORD.findall(line.comment.value))
    return words


def local_name(spec) -> str:
    """The name an import spec (module, name or None, alias or None) binds."""
    module, name, asname = spec
    if asname:
        return asname
    return name if name else module.split(".")[0]


def _remove_unused(module: cst.Module, used: set[str], unused: list[tuple], keep=frozenset()) -> cst.Module:
    doomed = {spec for spec in unused if local_name(spec) not in used}
    if not doomed:
        return module
    return module.with_changes(body=_filter_body(module.body, doomed, keep))


def _filter_body(body, doomed, keep=frozenset(), per_statement=None):
    """`body` without the `doomed` import specs (`per_statement`: id -> the specs to drop from that
    statement only, instead)."""
    out = []
    carry = []  # leading lines (comments) of removed statements go to the next statement
    for statement in body:
        here = doomed if per_statement is None else per_statement.get(id(statement))
        if id(statement) in keep or not here:
            pass
        elif isinstance(statement, cst.SimpleStatementLine):
            kept = []
            for small in statement.body:
                small = _without(small, here)
                if small is not None:
                    kept.append(small)
            if not kept:
                carry.extend(line for line in statement.leading_lines)
                continue
            if len(kept) != len(statement.body):
                kept[-1] = kept[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
            statement = statement.with_changes(body=kept)
        elif isinstance(statement, cst.Try):
            statement = _filter_try(statement, here, keep)
            if statement is None:
                continue
        if carry:
            statement = statement.with_changes(leading_lines=[*carry, *statement.leading_lines])
            carry = []
        out.append(statement)
    return out


def _filter_try(statement: cst.Try, doomed, keep=frozenset()):
    """The `try` without the doomed imports; None when only `pass` would be left in it."""
    def block(body):
        kept = _filter_body(body.body, doomed, keep)
        return body.with_changes(body=kept or [cst.SimpleStatementLine([cst.Pass()])]), bool(kept)

    body, body_left = block(statement.body)
    handlers = []
    left = body_left
    for handler in statement.handlers:
        new_body, handler_left = block(handler.body)
        left = left or handler_left
        handlers.append(handler.with_changes(body=new_body))
    if not left and statement.orelse is None and statement.finalbody is None:
        return None
    return statement.with_changes(body=body, handlers=handlers)


def _without(small, doomed):
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar) and not small.relative:
        module = get_full_name_for_node(small.module)
        names = [a for a in small.names
                 if (module, a.evaluated_name, a.evaluated_alias) not in doomed]
        if len(names) == len(small.names):
            return small
        if not names:
            return None
        names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return small.with_changes(names=names, lpar=small.lpar if len(names) > 1 else None,
                                  rpar=small.rpar if len(names) > 1 else None)
    if isinstance(small, cst.Import):
        names = [a for a in small.names if (a.evaluated_name, None, a.evaluated_alias) not in doomed]
        if len(names) == len(small.names):
            return small
        if not names:
            return None
        names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return small.with_changes(names=names)
    return small


def _drop_repeats(module: cst.Module, repeats: set, keep) -> cst.Module:
    """Each of `repeats` imported once: `from keras.layers import Dense` plus the rewritten
    `from keras.layers.core import TimeDistributedDense` would bind `Dense` twice."""
    seen: set = set()
    doomed_here: dict[int, set] = {}
    for statement in module.body:
        if not _is_import(statement):
            continue
        for small in statement.body:
            for spec in import_specs(small):
                if spec in seen and spec in repeats and id(statement) not in keep:
                    doomed_here.setdefault(id(statement), set()).add(spec)
                seen.add(spec)
    if not doomed_here:
        return module
    return module.with_changes(body=_filter_body(module.body, None, per_statement=doomed_here))


def import_specs(small) -> list[tuple]:
    """The (module, name or None, alias or None) specs an `import` / `from ... import` binds."""
    if isinstance(small, cst.Import):
        return [(a.evaluated_name, None, a.evaluated_alias) for a in small.names]
    if isinstance(small, cst.ImportFrom) and not small.relative and not isinstance(small.names, cst.ImportStar):
        module = get_full_name_for_node(small.module)
        return [(module, a.evaluated_name, a.evaluated_alias) for a in small.names]
    return []


# -- adding -----------------------------------------------------------------------------------

def _add_needed(module: cst.Module, needed: list[tuple], keep=frozenset()) -> cst.Module:
    body = list(module.body)
    present = _present(body)
    insert_at = _insertion_point(body)
    if insert_at == 0:  # a `# migrate: skip` in the module header must stay right above its statement
        while insert_at < len(body) and id(body[insert_at]) in keep:
            insert_at += 1
    new_statements = []
    new_from: dict[str, int] = {}
    for spec in dict.fromkeys(needed):
        if spec in present:
            continue
        name_module, name, asname = spec
        if name is not None:
            index = _from_statement(body, name_module, keep)
            if index is not None:
                body[index] = _append_alias(body[index], name, asname)
                present.add(spec)
                continue
            if name_module in new_from:
                position = new_from[name_module]
                new_statements[position] = _append_alias(new_statements[position], name, asname)
                present.add(spec)
                continue
            new_from[name_module] = len(new_statements)
            statement = cst.SimpleStatementLine([cst.ImportFrom(module=dotted(name_module), names=[_alias(name, asname)])])
        else:
            statement = cst.SimpleStatementLine([cst.Import(names=[_alias(name_module, asname)])])
        present.add(spec)
        new_statements.append(statement)
    if not new_statements:
        return module.with_changes(body=body)
    body[insert_at:insert_at] = new_statements
    return module.with_changes(body=body)


def _alias(name: str, asname: str | None) -> cst.ImportAlias:
    return cst.ImportAlias(name=dotted(name), asname=cst.AsName(cst.Name(asname)) if asname and asname != name
                           else None)


def _is_import(statement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body)


def _present(body) -> set[tuple]:
    return {spec for statement in body if _is_import(statement) for small in statement.body
            for spec in import_specs(small)}


def _from_statement(body, module: str, keep=frozenset()) -> int | None:
    for index, statement in enumerate(body):
        if not _is_import(statement) or len(statement.body) != 1 or id(statement) in keep:
            continue
        small = statement.body[0]
        if isinstance(small, cst.ImportFrom) and not small.relative and not isinstance(small.names, cst.ImportStar) \
                and get_full_name_for_node(small.module) == module:
            return index
    return None


def _append_alias(statement, name, asname):
    small = statement.body[0]
    names = list(small.names)
    names[-1] = names[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    names.append(_alias(name, asname))
    return statement.with_changes(body=[small.with_changes(names=names)])


def _insertion_point(body) -> int:
    """After the leading docstring, `__future__` imports and the first run of imports."""
    index = 0
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1 and isinstance(
            body[0].body[0], cst.Expr) and isinstance(body[0].body[0].value, (cst.SimpleString,
                                                                                cst.ConcatenatedString)):
        index = 1
    last_import = None
    for position in range(index, len(body)):
        if _is_import(body[position]):
            last_import = position
        elif last_import is not None:
            break
        elif not _is_import(body[position]):
            break
    return index if last_import is None else last_import + 1
