"""The `migrate` command line: modes, exit codes, reports, selection, files, notebooks, speed of --help."""

from __future__ import annotations

import json
import os
import pathlib
import stat
import subprocess
import sys

import yaml

from migrate import cli

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERAS1 = "from keras.layers.core import Dense\nmodel.add(Dense(output_dim=3))\n"
KERAS3 = "from keras.layers import Dense\nmodel.add(Dense(units=3))\n"


def run(*args, capsys=None):
    code = cli.main([*map(str, args), "-j", "1"] if "-j" not in args else list(map(str, args)))
    out = capsys.readouterr() if capsys else None
    return code, out


def write(path: pathlib.Path, text: str, encoding="utf-8") -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def test_default_prints_a_diff_and_writes_nothing(tmp_path, capsys):
    f = write(tmp_path / "a.py", KERAS1)
    code, out = run(f, capsys=capsys)
    assert code == cli.EXIT_OK
    assert f.read_text() == KERAS1
    assert "-model.add(Dense(output_dim=3))" in out.out and "+model.add(Dense(units=3))" in out.out
    assert "1 of 1 file would be migrated" in out.err


def test_write_rewrites_in_place_keeping_the_mode(tmp_path, capsys):
    f = write(tmp_path / "a.py", KERAS1)
    f.chmod(0o751)
    code, _ = run("--write", f, capsys=capsys)
    assert code == cli.EXIT_OK
    assert f.read_text() == KERAS3
    assert stat.S_IMODE(f.stat().st_mode) == 0o751
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"]  # no temporary file left behind


def test_write_goes_through_a_symlink(tmp_path, capsys):
    target = write(tmp_path / "real.py", KERAS1)
    link = tmp_path / "link.py"
    link.symlink_to(target)
    run("--write", link, capsys=capsys)
    assert link.is_symlink() and target.read_text() == KERAS3


def test_check_exits_1_when_something_would_change_and_0_after_write(tmp_path, capsys):
    f = write(tmp_path / "pkg" / "a.py", KERAS1)
    write(tmp_path / "pkg" / "b.py", KERAS3)
    code, out = run("--check", tmp_path, capsys=capsys)
    assert code == cli.EXIT_CHANGES
    assert out.out.strip() == f"would migrate {f}"
    run("--write", tmp_path, capsys=capsys)
    code, out = run("--check", tmp_path, capsys=capsys)
    assert code == cli.EXIT_OK and out.out == ""


def test_files_that_do_not_parse_are_left_alone_with_exit_3(tmp_path, capsys):
    python2 = "from keras.models import Sequential\nprint 'training'\n"
    broken = "import keras\ndef f(:\n"
    a = write(tmp_path / "py2.py", python2)
    b = write(tmp_path / "broken.py", broken)
    c = write(tmp_path / "ok.py", KERAS1)
    code, out = run("--write", tmp_path, capsys=capsys)
    assert code == cli.EXIT_FAILED
    assert a.read_text() == python2 and b.read_text() == broken and c.read_text() == KERAS3
    assert f"{a}:2:1 LK001 [error] Python 2 source (print statement)" in out.err
    assert f"{b}:2:" in out.err and "LK000 [error]" in out.err


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    code, out = run(tmp_path / "nope.py", capsys=capsys)
    assert code == cli.EXIT_USAGE and "no such file" in out.err


def test_report_json(tmp_path, capsys):
    f = write(tmp_path / "a.py", KERAS1 + "from keras import backend as K\nf = K.function([a], [b])\n")
    report = tmp_path / "report.json"
    run("--report", report, f, capsys=capsys)
    data = json.loads(report.read_text())
    assert data["summary"]["files"] == 1 and data["summary"]["todos"] == 1
    codes = {(d["code"], d["severity"], d["line"]) for d in data["diagnostics"]}
    assert ("LK010", "fixed", 1) in codes and ("LK101", "fixed", 2) in codes and ("LK791", "todo", 4) in codes


def test_todos_are_printed_as_path_line_col_code(tmp_path, capsys):
    f = write(tmp_path / "a.py", "from keras import backend as K\nf = K.function([a], [b])\n")
    code, out = run("--write", f, capsys=capsys)
    assert code == cli.EXIT_OK
    assert f"{f}:2:5 LK791 [todo] `function` has no Keras 3 equivalent" in out.err
    assert "# TODO(migrate): `function` has no Keras 3 equivalent" in f.read_text()


def test_exclude_select_ignore(tmp_path, capsys):
    write(tmp_path / "keep" / "a.py", KERAS1)
    write(tmp_path / "vendor" / "b.py", KERAS1)
    code, out = run("--check", "--exclude", "vendor", tmp_path, capsys=capsys)
    assert "vendor" not in out.out and "keep" in out.out
    f = tmp_path / "keep" / "a.py"
    run("--write", "--ignore", "LK101", f, capsys=capsys)
    assert f.read_text() == "from keras.layers import Dense\nmodel.add(Dense(output_dim=3))\n"
    run("--write", "--select", "LK1", f, capsys=capsys)
    assert f.read_text() == KERAS3


def test_dim_ordering_option(tmp_path, capsys):
    f = write(tmp_path / "a.py", "from keras.layers import Convolution2D\nc = Convolution2D(8, 3, 3)\n")
    run("--write", "--dim-ordering", "th", f, capsys=capsys)
    assert "data_format='channels_first'" in f.read_text()


def test_parallel_jobs_give_the_same_result(tmp_path, capsys):
    for i in range(6):
        write(tmp_path / f"m{i}.py", KERAS1)
    code, out = run("--check", "-j", "2", tmp_path, capsys=capsys)
    assert code == cli.EXIT_CHANGES and out.out.count("would migrate") == 6


def test_encoding_cookie_and_crlf_are_kept(tmp_path, capsys):
    source = "# -*- coding: latin-1 -*-\r\n# caf\xe9\r\n" + KERAS1.replace("\n", "\r\n")
    f = write(tmp_path / "a.py", source, encoding="latin-1")
    run("--write", f, capsys=capsys)
    data = f.read_bytes()
    assert data.decode("latin-1") == "# -*- coding: latin-1 -*-\r\n# caf\xe9\r\n" + KERAS3.replace("\n", "\r\n")


def test_notebook_cells_are_migrated_keeping_outputs_and_format(tmp_path, capsys):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# Keras 1 notebook"]},
            {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
             "source": ["%matplotlib inline\n", "from keras.layers.core import Dense"]},
            {"cell_type": "code", "execution_count": 2, "metadata": {"scrolled": True},
             "outputs": [{"output_type": "stream", "name": "stdout", "text": ["ok\n"]}],
             "source": ["model.add(Dense(output_dim=3))\n", "!ls\n", "model.fit(X, y, nb_epoch=2)"]},
            {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
             "source": "%%bash\necho nb_epoch\n"},
        ],
        "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 2,
    }
    text = json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"
    f = write(tmp_path / "nb.ipynb", text)
    code, out = run("--write", f, capsys=capsys)
    assert code == cli.EXIT_OK
    new = json.loads(f.read_text())
    assert new["cells"][1]["source"] == ["%matplotlib inline\n", "from keras.layers import Dense"]
    assert new["cells"][2]["source"] == ["model.add(Dense(units=3))\n", "!ls\n", "model.fit(X, y, epochs=2)"]
    assert new["cells"][2]["outputs"] == notebook["cells"][2]["outputs"]
    assert new["cells"][3] == notebook["cells"][3]
    notebook["cells"][1]["source"] = new["cells"][1]["source"]
    notebook["cells"][2]["source"] = new["cells"][2]["source"]
    assert f.read_text() == json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"  # same formatting
    code, _ = run("--check", f, capsys=capsys)
    assert code == cli.EXIT_OK


def test_notebook_diagnostics_name_the_cell(tmp_path, capsys):
    notebook = {"cells": [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": ["from keras import backend as K\n"]},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
         "source": ["x = 1\n", "f = K.function([a], [b])\n"]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 2}
    f = write(tmp_path / "nb.ipynb", json.dumps(notebook))
    run(f, capsys=capsys)
    out = capsys.readouterr()
    code, out = run(f, capsys=capsys)
    assert f"{f}:cell 2:2:5 LK791 [todo]" in out.err


def test_list_rules(capsys):
    code, out = run("--list-rules", capsys=capsys)
    assert code == 0 and "LK101" in out.out and "LK000" in out.out


def test_help_is_fast_and_imports_neither_keras_nor_tensorflow():
    code = ("import sys, time; t = time.perf_counter(); sys.argv = ['migrate', '--help'];"
            "import migrate.cli\ntry:\n    migrate.cli.main()\nexcept SystemExit: pass\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('keras', 'tensorflow', 'libcst')];"
            "print(repr(bad), time.perf_counter() - t)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    bad, seconds = result.stdout.strip().splitlines()[-1].rsplit(" ", 1)
    assert bad == "[]" and float(seconds) < 1.0


def test_the_console_script_and_module_entry_points(tmp_path):
    f = write(tmp_path / "a.py", KERAS1)
    result = subprocess.run([sys.executable, "-m", "migrate", "--check", str(f)], capture_output=True, text=True,
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 1 and "would migrate" in result.stdout


def test_pre_commit_hooks_file_runs_migrate_check():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    by_id = {h["id"]: h for h in hooks}
    assert by_id["migrate-check"]["entry"].startswith("migrate --check")
    assert set(by_id["migrate-check"]["types_or"]) == {"python", "jupyter"}
    assert by_id["migrate"]["entry"].startswith("migrate --write")
