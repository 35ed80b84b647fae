"""The README's mapping tables are generated from the rules table and must not go stale."""

from legacykeras import rules
from legacykeras.rules import docs
from testlib import ROOT


def test_readme_mapping_tables_are_current():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.splice(readme, docs.render()) == readme, "README mapping tables are stale: run `make docs`"


def test_every_row_appears_in_the_rendered_tables():
    table = docs.render()
    for row in rules.ALL_RULES:
        assert f"| {row.code} | `{row.old_name}` |" in table
