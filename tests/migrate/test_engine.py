"""The generic engine, on tiny made-up rows (not the real table): every action of the schema."""

from __future__ import annotations

import pytest

from legacykeras.rules.schema import CallRule, Drop, Expr, Fold, MapValue, MergeArgs, ModuleRule, NoEquivalent, Refuse
from migrate.engine import Options
from migrate.names import Tables
from tests.migrate.migratelib import check, migrate_text, unchanged

WIDGET = CallRule(
    code="LK991",
    old="oldlib.things.Widget",
    new="newlib.Gadget",
    positional=("size", "nb_a", "nb_b", "mode", "colour", "flag"),
    rename={"colour": "color", "flag": "enabled"},
    merge=[MergeArgs(("nb_a", "nb_b"), into="shape")],
    values={"mode": MapValue({"old": "new", "zero": Expr("newlib.Zeros", {"k": 1})})},
    drop=[Drop("flag", why="does nothing now", when=lambda v: v is True)],
    refuse=[Refuse("colour", why="no colours", instead="paint it", when=lambda v: v == "red")],
    no_equivalent=[NoEquivalent("mode", why="no such mode", instead="write a class", when=lambda v: v == "odd")],
    kept_positional=1,
    layer=False,
)
SAME = CallRule(code="LK992", old="newlib.Thing", new="newlib.Thing", positional=("a", "b", "c"),
                rename={"c_old": "c"}, kept_positional=1, layer=False)
FOLDED = CallRule(code="LK993", old="oldlib.things.Opt", new="newlib.Opt", positional=("lr", "decay"),
                  rename={"lr": "rate"},
                  fold=[Fold("decay", into="rate", target="newlib.Schedule", into_keyword="start",
                             arg_keyword="speed", kwargs={"steps": 1}, unless=0.0, into_default=0.5)],
                  defaults={"rate": 0.5}, layer=False)
GONE = CallRule(code="LK994", old="oldlib.things.gone", new=None, layer=False, why="use `newlib.other`")
TABLES = Tables([WIDGET, SAME, FOLDED, GONE], [ModuleRule("LK995", "oldlib.things", "newlib.things"),
                                               ModuleRule("LK996", "oldlib.dead", None, why="it died")])


def run(before, after, **kwargs):
    return check(before, after, tables=TABLES, **kwargs)


def test_positionals_past_kept_become_keywords_merged_and_renamed():
    run(
        """
        from oldlib.things import Widget
        Widget(3, 4, 5, "old", "blue")
        """,
        """
        from newlib import Gadget
        Gadget(3, shape=(4, 5), mode="new", color="blue")
        """,
        fixed=["LK991", "LK991"],
    )


def test_expr_values_are_rendered_and_imported():
    run(
        """
        import oldlib.things
        oldlib.things.Widget(1, mode='zero')
        """,
        """
        import newlib.things
        newlib.Gadget(1, mode=newlib.Zeros(k=1))
        """,
    )


def test_drop_only_when_the_predicate_holds():
    run("from oldlib.things import Widget\nWidget(1, flag=True)\nWidget(1, flag=False)\n",
        "from newlib import Gadget\nGadget(1)\nGadget(1, enabled=False)\n")


def test_refused_value_leaves_the_argument_with_a_todo():
    run(
        """
        from oldlib.things import Widget
        Widget(1, colour="red", nb_a=2, nb_b=3)
        """,
        """
        from newlib import Gadget
        # TODO(migrate): `Widget(colour='red')`: no colours; instead: paint it (LK991)
        Gadget(1, colour="red", shape=(2, 3))
        """,
        todo=["LK991"],
    )


def test_no_equivalent_value_gives_a_todo_and_keeps_the_old_keyword():
    run(
        "from oldlib.things import Widget\nWidget(1, 2, 3, 'odd')\n",
        "from newlib import Gadget\n# TODO(migrate): `Widget(mode='odd')`: no such mode; instead: write a class (LK991)\n"
        "Gadget(1, shape=(2, 3), mode='odd')\n",
        todo=["LK991"],
    )


def test_half_a_merge_is_a_todo():
    run(
        "from oldlib.things import Widget\nWidget(1, nb_a=2)\n",
        "from newlib import Gadget\n# TODO(migrate): `nb_a, nb_b` make `shape` together; missing nb_b (LK991)\n"
        "Gadget(1, nb_a=2)\n",
        todo=["LK991"],
    )


def test_non_literal_mapped_value_keeps_the_keyword_and_says_so():
    result = run(
        "from oldlib.things import Widget\nWidget(1, mode=m)\n",
        "from newlib import Gadget\n# TODO(migrate): `mode` is not a literal: Keras 3 cannot honour some of its "
        "values (no such mode) (LK991)\nGadget(1, mode=m)\n",
        todo=["LK991"],
    )
    assert [d.line for d in result.diagnostics if d.severity == "todo"] == [2]


def test_too_many_positionals_is_a_todo_and_nothing_changes_in_the_call():
    run(
        "from oldlib.things import Widget\nWidget(1, 2, 3, 4, 5, 6, 7)\n",
        "from newlib import Gadget\n# TODO(migrate): `Widget` takes at most 6 positional arguments in Keras 1 (LK991)\n"
        "Gadget(1, 2, 3, 4, 5, 6, 7)\n",
        todo=["LK991"],
    )


def test_star_args_past_kept_positionals_are_a_todo():
    run(
        "from oldlib.things import Widget\nWidget(1, *rest)\n",
        "from newlib import Gadget\n# TODO(migrate): cannot tell which Keras 1 arguments `*args` carries (LK991)\n"
        "Gadget(1, *rest)\n",
        todo=["LK991"],
    )


def test_modern_spelling_without_legacy_keywords_is_left_alone():
    unchanged("from newlib import Thing\nThing(1, 2, 3)\n", tables=TABLES)


def test_modern_spelling_with_a_legacy_keyword_is_converted():
    run("from newlib import Thing\nThing(1, c_old=2)\n", "from newlib import Thing\nThing(1, c=2)\n")


def test_fold_builds_the_call_and_uses_the_keras1_default():
    run(
        "from oldlib.things import Opt\nOpt(decay=0.1)\nOpt(0.2, 0.1)\nOpt(lr=0.3, decay=0.0)\n",
        "from newlib import Opt\nimport newlib\nOpt(rate=newlib.Schedule(start=0.5, speed=0.1, "
        "steps=1))\nOpt(newlib.Schedule(start=0.2, speed=0.1, steps=1))\nOpt(rate=0.3)\n",
    )


def test_gone_names_get_a_todo_at_the_call():
    run(
        "from oldlib.things import gone\ngone(1)\n",
        "from oldlib.things import gone\n# TODO(migrate): `gone` has no direct modern equivalent: use `newlib.other` (LK994)\n"
        "gone(1)\n",
        todo=["LK994"],
    )


def test_removed_module_import_gets_a_todo():
    run("import oldlib.dead as d\n",
        "# TODO(migrate): `oldlib.dead` has no Keras 3 counterpart: it died (LK996)\nimport oldlib.dead as d\n",
        todo=["LK996"])


def test_lookalike_names_from_other_modules_are_untouched():
    unchanged("from mylib import Widget\nWidget(3, 4, 5, 'old', 'blue')\n", tables=TABLES)


def test_shadowed_name_is_untouched():
    run("from oldlib.things import Widget\ndef f(Widget):\n    return Widget(3, 4, 5)\n",
        "from newlib import Gadget\ndef f(Widget):\n    return Widget(3, 4, 5)\n")


def test_ignore_and_select_codes():
    source = "from oldlib.things import Widget\nWidget(3, 4, 5)\n"
    ignored = migrate_text(source, Options(ignore=["LK991"]), TABLES)
    assert ignored.code == "from oldlib.things import Widget\nWidget(3, 4, 5)\n"
    selected = migrate_text(source, Options(select=["LK99"]), TABLES)
    assert "Gadget(3, shape=(4, 5))" in selected.code


@pytest.mark.parametrize("comment", ["# keep me", "# TODO: mine"])
def test_comments_and_formatting_survive(comment):
    run(
        f"""
        from oldlib.things import Widget  {comment}
        x = Widget(
            3,  {comment}
            colour="blue",
        )
        """,
        f"""
        from newlib import Gadget  {comment}
        x = Gadget(
            3,  {comment}
            color="blue",
        )
        """,
    )
