"""`# migrate: skip` (one statement) and `# migrate: skip-file` (the whole file).

`check` (migratelib) also proves a second run changes nothing and that LibCST's
scope analysis gives the same output and diagnostics.
"""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

from migrate import cli
from migrate.engine import migrate_source
from migrate.notebooks import migrate_notebook
from tests.migrate.migratelib import MigrateTest, check, unchanged

ROOT = pathlib.Path(__file__).resolve().parents[2]


def skipped(result) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in result.diagnostics if d.severity == "skipped"]


def test_a_trailing_pragma_leaves_its_statement_exactly_as_it_is():
    result = check(
        """
        from keras.layers.core import Dense
        model.add(Dense(output_dim=3, init='normal'))  # migrate: skip
        model.add(Dense(output_dim=4))
        """,
        """
        from keras.layers import Dense
        model.add(Dense(output_dim=3, init='normal'))  # migrate: skip
        model.add(Dense(units=4))
        """,
        fixed=["LK010", "LK101"],
    )
    assert skipped(result) == [(2, "LK101")]
    assert "`output_dim` is now `units`" in [d for d in result.diagnostics if d.severity == "skipped"][0].message


def test_a_pragma_alone_above_a_statement_comments_between_but_no_blank_line():
    check(
        """
        from keras.layers.core import Dense
        # migrate: skip
        # (the old spelling on purpose)
        a = Dense(output_dim=1)
        # migrate: skip

        b = Dense(output_dim=2)
        """,
        """
        from keras.layers import Dense
        # migrate: skip
        # (the old spelling on purpose)
        a = Dense(output_dim=1)
        # migrate: skip

        b = Dense(units=2)
        """,
    )


def test_any_line_of_a_multi_line_statement():
    check(
        """
        from keras.layers.core import Dense
        a = Dense(output_dim=1,
                  init='normal')  # migrate: skip
        b = Dense(
            # migrate: skip
            output_dim=2)
        c = Dense(output_dim=3)
        """,
        """
        from keras.layers import Dense
        a = Dense(output_dim=1,
                  init='normal')  # migrate: skip
        b = Dense(
            # migrate: skip
            output_dim=2)
        c = Dense(units=3)
        """,
    )


def test_a_compound_statement_is_skipped_whole_from_its_header_or_a_decorator():
    check(
        """
        from keras.layers.core import Dense
        for i in range(3):  # migrate: skip
            model.add(Dense(output_dim=i))
        @register  # migrate: skip
        def head():
            return Dense(output_dim=1)
        # migrate: skip
        class Head:
            layer = Dense(output_dim=1)
        def body():
            x = Dense(output_dim=1)  # migrate: skip
            return Dense(output_dim=2)
        """,
        """
        from keras.layers import Dense
        for i in range(3):  # migrate: skip
            model.add(Dense(output_dim=i))
        @register  # migrate: skip
        def head():
            return Dense(output_dim=1)
        # migrate: skip
        class Head:
            layer = Dense(output_dim=1)
        def body():
            x = Dense(output_dim=1)  # migrate: skip
            return Dense(units=2)
        """,
    )


def test_no_todo_is_added_to_a_skipped_statement():
    result = check(
        """
        from keras import backend as K
        f = K.function([a], [b])  # migrate: skip
        g = K.function([a], [b])
        """,
        """
        from keras import backend as K
        f = K.function([a], [b])  # migrate: skip
        # TODO(migrate): `function` has no Keras 3 equivalent: Keras 3 has no graph-mode API: build a `keras.Model(inputs, outputs)` for `K.function`, use `keras.Input` for placeholders and `tf.GradientTape` for gradients (LK791)
        g = K.function([a], [b])
        """,
        todo=["LK791"],
    )
    assert skipped(result) == [(2, "LK791")]


def test_the_words_in_a_string_are_not_a_pragma():
    check(
        """
        from keras.layers.core import Dense
        note = "# migrate: skip"; d = Dense(output_dim=2)
        """,
        """
        from keras.layers import Dense
        note = "# migrate: skip"; d = Dense(units=2)
        """,
    )


def test_a_skipped_import_stays_and_the_rewritten_code_gets_its_own_import():
    result = check(
        """
        from keras.layers.convolutional import Convolution2D  # migrate: skip
        c = Convolution2D(8, 3, 3)
        """,
        """
        from keras.layers.convolutional import Convolution2D  # migrate: skip
        from keras.layers import Conv2D
        c = Conv2D(8, kernel_size=(3, 3))
        """,
    )
    assert skipped(result) == [(1, "LK122")]


def test_a_skipped_import_nothing_uses_any_more_is_not_removed_nor_extended():
    check(
        """
        from keras import backend as K  # migrate: skip
        from keras.layers import Dense  # migrate: skip
        y = K.permute_dimensions(x, (0, 2, 1))
        z = K.sum(x)
        """,
        """
        from keras import backend as K  # migrate: skip
        from keras.layers import Dense  # migrate: skip
        import keras
        y = keras.ops.transpose(x, (0, 2, 1))
        z = keras.ops.sum(x)
        """,
    )
    check(  # unskipped, `Add` joins the `from keras.layers import` line
        """
        from keras.layers import Dense  # migrate: skip
        from keras.layers.core import Merge
        m = Merge(mode='sum')
        """,
        """
        from keras.layers import Dense  # migrate: skip
        from keras.layers import Add
        m = Add()
        """,
    )


def test_a_pragma_in_the_module_header_stays_above_its_statement_when_imports_are_added():
    check(
        """
        # migrate: skip
        from keras.layers.convolutional import Convolution2D
        d = Convolution2D(8, 3, 3)
        """,
        """
        # migrate: skip
        from keras.layers.convolutional import Convolution2D
        from keras.layers import Conv2D
        d = Conv2D(8, kernel_size=(3, 3))
        """,
    )
    check(
        """
        # migrate: skip
        y = K.permute_dimensions(x, (0, 2, 1))
        from keras import backend as K
        z = K.permute_dimensions(x, (0, 2, 1))
        """,
        """
        # migrate: skip
        y = K.permute_dimensions(x, (0, 2, 1))
        import keras
        from keras import backend as K
        z = keras.ops.transpose(x, (0, 2, 1))
        """,
    )


def test_a_merge_of_models_is_not_rebuilt_when_one_of_its_statements_is_skipped():
    unchanged(
        """
        from keras.models import Sequential
        from keras.layers import Merge, Dense
        left = Sequential()
        left.add(Dense(4, input_shape=(3,)))
        right = Sequential()
        right.add(Dense(4, input_shape=(3,)))
        model = Sequential()
        model.add(Merge([left, right], mode='concat'))  # migrate: skip
        model.add(Dense(2))
        """
    )


def test_skip_file_in_the_header_leaves_the_file_untouched():
    source = '#!/usr/bin/env python\n"""Keras 1 on purpose."""\n# migrate: skip-file\n' \
             "from keras.layers.core import Dense\nmodel.add(Dense(output_dim=3))\n"
    result = migrate_source(source)
    assert result.code == source
    assert [(d.line, d.code, d.severity) for d in result.diagnostics] == [(3, "LK008", "skipped")]


def test_skip_file_after_the_first_statement_is_not_a_file_pragma():
    source = "from keras.layers.core import Dense\n# migrate: skip-file\nmodel.add(Dense(output_dim=3))\n"
    result = migrate_source(source)
    assert result.code == "from keras.layers import Dense\n# migrate: skip-file\nmodel.add(Dense(units=3))\n"


class TestAsALibCSTCodemod(MigrateTest):
    def test_skip_file_is_libcst_skipfile_and_skip_keeps_the_statement(self):
        self.assertCodemod("# migrate: skip-file\nfrom keras.layers.core import Dense\n",
                           "# migrate: skip-file\nfrom keras.layers.core import Dense\n", expected_skip=True)
        self.assertCodemod(
            "from keras import backend as K\nf = K.function([a], [b])  # migrate: skip\n",
            "from keras import backend as K\nf = K.function([a], [b])  # migrate: skip\n",
            expected_warnings=[])


def _notebook(*cells) -> str:
    return json.dumps({"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                                  "source": list(c)} for c in cells],
                       "metadata": {}, "nbformat": 4, "nbformat_minor": 2}, indent=1) + "\n"


def test_notebooks_skip_file_at_the_top_of_the_first_cell_and_skip_in_any_cell():
    text = _notebook(["%matplotlib inline\n", "# migrate: skip-file\n", "from keras.layers.core import Dense\n"],
                     ["model.add(Dense(output_dim=3))\n"])
    result = migrate_notebook(text)
    assert result.text == text and [(d.cell, d.code) for d in result.diagnostics] == [(0, "LK008")]
    text = _notebook(["from keras.layers.core import Dense\n"],
                     ["model.add(Dense(output_dim=3))  # migrate: skip\n", "model.add(Dense(output_dim=4))\n"])
    result = migrate_notebook(text)
    cells = [c["source"] for c in json.loads(result.text)["cells"]]
    assert cells == [["from keras.layers import Dense\n"],
                     ["model.add(Dense(output_dim=3))  # migrate: skip\n", "model.add(Dense(units=4))\n"]]
    assert [(d.cell, d.line, d.code) for d in result.diagnostics if d.severity == "skipped"] == [(1, 1, "LK101")]
    assert migrate_notebook(result.text).text == result.text


def test_cli_check_passes_when_only_skipped_code_would_change(tmp_path, capsys):
    f = tmp_path / "a.py"
    f.write_text("from keras.layers import Dense\nmodel.add(Dense(output_dim=3))  # migrate: skip\n")
    code = cli.main(["--check", "-j", "1", "--no-config", str(f)])
    out = capsys.readouterr()
    assert code == cli.EXIT_OK and out.out == ""
    assert "1 skipped by `# migrate: skip`" in out.err and "[skipped]" not in out.err
    code = cli.main(["--check", "-v", "-j", "1", "--no-config", str(f)])
    assert f"{f}:2:11 LK101 [skipped] `output_dim` is now `units`" in capsys.readouterr().err


def test_python_dash_m_migrate_respects_the_pragmas(tmp_path):
    (tmp_path / "whole.py").write_text("# migrate: skip-file\nfrom keras.layers.core import Dense\n")
    one = tmp_path / "one.py"
    one.write_text("from keras.layers import Dense\nd = Dense(output_dim=3)  # migrate: skip\ne = Dense(output_dim=4)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "migrate", "--write", "--no-config", str(tmp_path)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "whole.py").read_text() == "# migrate: skip-file\nfrom keras.layers.core import Dense\n"
    assert one.read_text() == ("from keras.layers import Dense\nd = Dense(output_dim=3)  # migrate: skip\n"
                               "e = Dense(units=4)\n")
    again = subprocess.run([sys.executable, "-m", "migrate", "--check", "--no-config", str(tmp_path)],
                           capture_output=True, text=True, env=env)
    assert again.returncode == 0 and again.stdout == ""
