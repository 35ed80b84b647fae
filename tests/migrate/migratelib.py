"""Helpers for the `migrate` tests: before/after checks that also prove idempotency."""

from __future__ import annotations

import textwrap

from libcst.codemod import CodemodTest

from migrate.command import MigrateCommand
from migrate.engine import Options, migrate_source


def dedent(code: str) -> str:
    return CodemodTest.make_fixture_data(code)


def migrate_text(code: str, options: Options | None = None, tables=None):
    return migrate_source(dedent(code), options, tables)


def check(before: str, after: str, *, todo=(), fixed=None, options: Options | None = None, tables=None,
          info=None):
    """`before` migrates to `after` (both dedented); a second run changes nothing.

    Args:
        todo: the codes of the TODO diagnostics, in order.
        fixed: if given, the codes of the 'fixed' diagnostics, in order.
        info: if given, the codes of the 'info' diagnostics.
    """
    source = dedent(before)
    result = migrate_source(source, options, tables)
    assert result.error is None, result.error
    expected = dedent(after)
    assert result.code == expected, "\n--- got ---\n" + result.code + "\n--- expected ---\n" + expected
    got_todo = [d.code for d in result.diagnostics if d.severity == "todo"]
    assert got_todo == list(todo), [d.render("t.py") for d in result.diagnostics]
    if fixed is not None:
        got_fixed = [d.code for d in result.diagnostics if d.severity == "fixed"]
        assert got_fixed == list(fixed), [d.render("t.py") for d in result.diagnostics]
    if info is not None:
        assert [d.code for d in result.diagnostics if d.severity == "info"] == list(info)
    again = migrate_source(result.code, options, tables)
    assert again.code == result.code, "not idempotent:\n" + again.code
    scoped = migrate_source(source, options, tables, force_scope=True)
    assert scoped.code == result.code, "LibCST scope analysis disagrees:\n" + scoped.code
    assert [d.render("t") for d in scoped.diagnostics] == [d.render("t") for d in result.diagnostics]
    return result


def unchanged(code: str, options: Options | None = None, tables=None):
    """Code that must stay exactly as it is, with no TODO."""
    return check(code, code, options=options, tables=tables)


class MigrateTest(CodemodTest):
    """LibCST's CodemodTest, running the whole migration (`assertCodemod(before, after)`)."""

    TRANSFORM = MigrateCommand

    def assertMigrates(self, before: str, after: str, **kwargs):
        return check(before, after, **kwargs)


__all__ = ["check", "unchanged", "dedent", "migrate_text", "MigrateTest", "Options", "textwrap"]
