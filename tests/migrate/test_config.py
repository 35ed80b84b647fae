"""`[tool.migrate]` in pyproject.toml: defaults for the options, flags win, `--no-config`."""

from __future__ import annotations

import importlib.util
import os
import pathlib
import subprocess
import sys
import tomllib
import types

import pytest

from migrate import cli, config

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERAS1 = "from keras.layers.core import Dense\nmodel.add(Dense(output_dim=3))\n"
KERAS3 = "from keras.layers import Dense\nmodel.add(Dense(units=3))\n"
IMPORT_ONLY = "from keras.layers import Dense\nmodel.add(Dense(output_dim=3))\n"  # LK010 applied, LK101 not
CONV = "from keras.layers import Convolution2D\nc = Convolution2D(8, 3, 3)\n"


def write(path: pathlib.Path, text: str) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def run(*args, capsys):
    code = cli.main(list(map(str, args)))
    return code, capsys.readouterr()


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A repository (`.git`) with a pyproject.toml; the current folder is its root."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def settings(project: pathlib.Path, body: str) -> pathlib.Path:
    return write(project / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.migrate]\n" + body)


def test_select_ignore_and_dim_ordering_come_from_the_file(project, capsys):
    f = write(project / "a.py", KERAS1)
    settings(project, 'ignore = ["LK101"]\n')
    assert run("--write", "-j", "1", f, capsys=capsys)[0] == cli.EXIT_OK
    assert f.read_text() == IMPORT_ONLY
    settings(project, 'select = ["LK1"]\n')
    run("--write", "-j", "1", f, capsys=capsys)
    assert f.read_text() == KERAS3
    g = write(project / "conv.py", CONV)
    settings(project, 'dim-ordering = "th"\n')
    run("--write", "-j", "1", g, capsys=capsys)
    assert "data_format='channels_first'" in g.read_text()
    assert run("--check", "-j", "1", project, capsys=capsys)[0] == cli.EXIT_OK  # idempotent with settings


def test_flags_replace_the_file_values(project, capsys):
    f = write(project / "a.py", KERAS1)
    settings(project, 'select = ["LK0"]\nexclude = ["a.py"]\n')
    code, out = run("--check", "-j", "1", project, capsys=capsys)
    assert code == cli.EXIT_OK and out.out == ""  # excluded by the file
    code, out = run("--check", "-j", "1", "--exclude", "nothing", project, capsys=capsys)
    assert code == cli.EXIT_CHANGES
    run("--write", "-j", "1", "--exclude", "nothing", "--select", "ALL", project, capsys=capsys)
    assert f.read_text() == KERAS3


def test_jobs_from_the_file_and_from_the_flag(project, capsys, monkeypatch):
    write(project / "a.py", KERAS3)
    seen = []
    real = cli._run
    monkeypatch.setattr(cli, "_run", lambda files, options, want_diff, jobs, progress: (
        seen.append(jobs), real(files, options, want_diff, 1, progress))[1])
    settings(project, "jobs = 3\n")
    run(project, capsys=capsys)
    run("-j", "2", project, capsys=capsys)
    run("--no-config", project, capsys=capsys)
    assert seen == [3, 2, 0]


def test_exclude_with_a_slash_is_relative_to_the_pyproject_folder(project, capsys, monkeypatch):
    write(project / "scripts" / "old" / "a.py", KERAS1)
    write(project / "scripts" / "new" / "b.py", KERAS1)
    settings(project, 'exclude = ["scripts/old"]\n')
    monkeypatch.chdir(project / "scripts")  # the file is found from a subfolder too
    code, out = run("--check", "-j", "1", ".", capsys=capsys)
    assert code == cli.EXIT_CHANGES
    assert out.out.strip() == f"would migrate {os.path.join('.', 'new', 'b.py')}"
    # A file named on the command line (pre-commit does that) under the excluded folder is skipped too.
    code, out = run("--check", "-j", "1", os.path.join("old", "a.py"), capsys=capsys)
    assert code == cli.EXIT_OK and "0 of 0 files" in out.err


def test_the_closest_table_wins_and_the_walk_stops_at_the_repository_root(tmp_path, monkeypatch):
    outer = settings(tmp_path, 'select = ["LK1"]\n')
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    write(repo / "pyproject.toml", "[project]\nname = 'no migrate table'\n")
    monkeypatch.chdir(repo / "sub")
    assert config.find() == str(outer)  # no .git yet: up to the outer table
    (repo / ".git").mkdir()
    assert config.find() is None       # the repository root ends the walk
    inner = settings(repo, 'ignore = ["LK7"]\n')
    assert config.find() == str(inner)
    assert config.load().values == {"ignore": ["LK7"]}


@pytest.mark.parametrize("body, message", [
    ("dim_ordering = 'th'\n", "unknown key 'dim_ordering' (did you mean 'dim-ordering'?)"),
    ("colour = 'red'\n", "unknown key 'colour' (known keys: dim-ordering, exclude, ignore, jobs, select)"),
    ("select = 'LK1'\n", "[tool.migrate] select: must be a list of strings"),
    ("dim-ordering = 'channels_first'\n", "[tool.migrate] dim-ordering: must be \"th\" or \"tf\""),
    ("jobs = -1\n", "[tool.migrate] jobs: must be a whole number"),
    ("jobs = true\n", "[tool.migrate] jobs: must be a whole number"),
])
def test_bad_settings_are_usage_errors_naming_the_key(project, capsys, body, message):
    f = write(project / "a.py", KERAS1)
    path = settings(project, body)
    code, out = run("--write", f, capsys=capsys)
    assert code == cli.EXIT_USAGE
    assert f"migrate: error: {path}: " in out.err and message in out.err
    assert f.read_text() == KERAS1
    code, _ = run("--write", "-j", "1", "--no-config", f, capsys=capsys)  # --no-config ignores the file
    assert code == cli.EXIT_OK and f.read_text() == KERAS3


def test_a_pyproject_that_is_not_toml_is_a_usage_error(project, capsys):
    write(project / "pyproject.toml", "[tool.migrate\n")
    f = write(project / "a.py", KERAS1)
    code, out = run("--check", f, capsys=capsys)
    assert code == cli.EXIT_USAGE and "not valid TOML" in out.err and "--no-config" in out.err
    assert run("--check", "-j", "1", "--no-config", f, capsys=capsys)[0] == cli.EXIT_CHANGES


def test_verbose_names_the_file_used(project, capsys):
    path = settings(project, 'select = ["ALL"]\n')
    f = write(project / "a.py", KERAS3)
    _, out = run("-v", "-j", "1", f, capsys=capsys)
    assert f"migrate: settings from {path}" in out.err


def test_python_3_10_reads_the_file_with_the_tomli_backport(monkeypatch, tmp_path):
    fake_tomli = types.ModuleType("tomli")
    fake_tomli.load, fake_tomli.TOMLDecodeError = tomllib.load, tomllib.TOMLDecodeError
    monkeypatch.setitem(sys.modules, "tomllib", None)  # `import tomllib` fails as on 3.10
    monkeypatch.setitem(sys.modules, "tomli", fake_tomli)
    spec = importlib.util.spec_from_file_location("migrate_config_310", config.__file__)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    assert module.tomllib is fake_tomli
    path = settings(tmp_path, "jobs = 2\n")
    assert module.validate(module._table(str(path)), str(path)) == {"jobs": 2}


def test_the_backport_is_a_dependency_only_before_python_3_11():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.10"
    tomli = [d for d in project["dependencies"] if d.replace(" ", "").startswith("tomli")]
    assert len(tomli) == 1 and tomli[0].replace(" ", "").endswith(";python_version<'3.11'")


def test_python_dash_m_migrate_reads_the_settings(project):
    write(project / "a.py", KERAS1)
    settings(project, 'exclude = ["a.py"]\n')
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with_file = subprocess.run([sys.executable, "-m", "migrate", "--check", "."], capture_output=True, text=True,
                               cwd=project, env=env)
    assert with_file.returncode == 0, with_file.stderr
    without = subprocess.run([sys.executable, "-m", "migrate", "--check", "--no-config", "."], capture_output=True,
                             text=True, cwd=project, env=env)
    assert without.returncode == 1 and "would migrate" in without.stdout
    settings(project, "exclude = 'a.py'\n")
    bad = subprocess.run([sys.executable, "-m", "migrate", "--check", "."], capture_output=True, text=True,
                         cwd=project, env=env)
    assert bad.returncode == 2 and "[tool.migrate] exclude: must be a list of strings" in bad.stderr
