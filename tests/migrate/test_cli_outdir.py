"""`migrate --out-dir DIR`: a complete migrated copy of the inputs, the originals untouched."""

from __future__ import annotations

import json
import os
import pathlib
import stat
import subprocess
import sys

import pytest

from migrate import cli

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERAS1 = "from keras.layers.core import Dense\nmodel.add(Dense(output_dim=3))\n"
KERAS3 = "from keras.layers import Dense\nmodel.add(Dense(units=3))\n"
PLAIN = "import os\nprint(os.getcwd())\n"


def run(*args, capsys=None):
    code = cli.main([*map(str, args), "-j", "1", "--no-config"])
    return code, capsys.readouterr() if capsys else None


def write(path: pathlib.Path, text: str) -> pathlib.Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def tree(folder: pathlib.Path) -> dict[str, str]:
    """relative path -> content ('-> target' for links) of everything under `folder`."""
    out = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[key] = "-> " + os.readlink(path)
        elif path.is_file():
            out[key] = path.read_text()
    return out


@pytest.fixture
def project(tmp_path):
    src = tmp_path / "src"
    write(src / "pkg" / "model.py", KERAS1).chmod(0o750)
    write(src / "pkg" / "__init__.py", "")
    write(src / "run.py", PLAIN).chmod(0o755)
    write(src / "data" / "labels.csv", "a,b\n1,2\n")
    write(src / "README.txt", "read me\n")
    write(src / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(src / "pkg" / "__pycache__" / "model.cpython-311.pyc", "bytes")
    (src / "latest.py").symlink_to("pkg/model.py")
    return src


def test_out_dir_is_a_complete_migrated_tree_and_the_originals_are_untouched(project, tmp_path, capsys):
    before = tree(project)
    out = tmp_path / "out"
    code, result = run("--out-dir", out, project, capsys=capsys)
    assert code == cli.EXIT_OK
    assert tree(project) == before
    assert tree(out) == {
        "README.txt": "read me\n",
        "data/labels.csv": "a,b\n1,2\n",
        "latest.py": "-> pkg/model.py",
        "pkg/__init__.py": "",
        "pkg/model.py": KERAS3,
        "run.py": PLAIN,
    }  # no .git, no __pycache__, no temporary files
    assert stat.S_IMODE((out / "pkg" / "model.py").stat().st_mode) == 0o750
    assert stat.S_IMODE((out / "run.py").stat().st_mode) == 0o755
    assert result.out == ""  # no diffs, like --write
    assert f"1 of 3 files migrated into {out}, 0 failed" in result.err
    assert "5 files copied as they were" in result.err  # 2 unchanged sources, 2 other files, 1 link
    # Idempotent: the copy needs nothing more, and a second run writes the same tree.
    assert run("--check", out, capsys=capsys)[0] == cli.EXIT_OK
    assert run("--out-dir", out, project, capsys=capsys)[0] == cli.EXIT_OK
    assert tree(out)["pkg/model.py"] == KERAS3


def test_several_paths_mirror_their_common_folder(tmp_path, capsys):
    a = write(tmp_path / "proj" / "train" / "a.py", KERAS1)
    b = write(tmp_path / "proj" / "lib" / "deep" / "b.py", PLAIN)
    write(tmp_path / "proj" / "lib" / "deep" / "notes.md", "n\n")
    out = tmp_path / "out"
    code, _ = run("--out-dir", out, a, tmp_path / "proj" / "lib", capsys=capsys)
    assert code == cli.EXIT_OK
    assert tree(out) == {"train/a.py": KERAS3, "lib/deep/b.py": PLAIN, "lib/deep/notes.md": "n\n"}
    assert a.read_text() == KERAS1 and b.read_text() == PLAIN


def test_a_single_file_lands_directly_in_the_out_dir(tmp_path, capsys):
    f = write(tmp_path / "src" / "a.py", KERAS1)
    write(tmp_path / "src" / "other.txt", "not copied: only folders are walked\n")
    out = tmp_path / "out"
    assert run("--out-dir", out, f, capsys=capsys)[0] == cli.EXIT_OK
    assert tree(out) == {"a.py": KERAS3}


def test_notebooks_are_migrated_into_the_out_dir(tmp_path, capsys):
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                           "source": ["from keras.layers.core import Dense\n", "model.add(Dense(output_dim=3))"]}],
                "metadata": {"kernelspec": {"language": "python"}}, "nbformat": 4, "nbformat_minor": 2}
    text = json.dumps(notebook, indent=1) + "\n"
    f = write(tmp_path / "nb" / "demo.ipynb", text)
    out = tmp_path / "out"
    assert run("--out-dir", out, tmp_path / "nb", capsys=capsys)[0] == cli.EXIT_OK
    assert f.read_text() == text
    new = json.loads((out / "demo.ipynb").read_text())
    assert new["cells"][0]["source"] == ["from keras.layers import Dense\n", "model.add(Dense(units=3))"]
    assert run("--check", out, capsys=capsys)[0] == cli.EXIT_OK


def test_a_file_that_fails_is_reported_and_copied_as_it_is(tmp_path, capsys):
    python2 = "from keras.models import Sequential\nprint 'training'\n"
    write(tmp_path / "src" / "py2.py", python2)
    write(tmp_path / "src" / "ok.py", KERAS1)
    out = tmp_path / "out"
    code, result = run("--out-dir", out, tmp_path / "src", capsys=capsys)
    assert code == cli.EXIT_FAILED
    assert "LK001 [error]" in result.err
    assert tree(out) == {"py2.py": python2, "ok.py": KERAS3}


def test_a_write_error_is_per_file(tmp_path, capsys):
    write(tmp_path / "src" / "a.py", KERAS1)
    write(tmp_path / "src" / "b.py", KERAS1)
    out = tmp_path / "out"
    (out / "a.py").mkdir(parents=True)  # a folder where the file should go
    code, result = run("--out-dir", out, tmp_path / "src", capsys=capsys)
    assert code == cli.EXIT_FAILED
    assert f"a.py: error: cannot write {out / 'a.py'}" in result.err
    assert (out / "b.py").read_text() == KERAS3
    assert sorted(p.name for p in out.iterdir()) == ["a.py", "b.py"]  # no temporary file left


def test_a_symlink_already_in_the_out_dir_is_replaced_not_written_through(tmp_path, capsys):
    write(tmp_path / "src" / "a.py", KERAS1)
    precious = write(tmp_path / "precious.py", "keep me\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.py").symlink_to(precious)
    assert run("--out-dir", out, tmp_path / "src", capsys=capsys)[0] == cli.EXIT_OK
    assert precious.read_text() == "keep me\n"
    assert not (out / "a.py").is_symlink() and (out / "a.py").read_text() == KERAS3


def test_out_dir_with_write_is_a_usage_error(tmp_path, capsys):
    write(tmp_path / "src" / "a.py", KERAS1)
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--write", "--out-dir", str(tmp_path / "out"), str(tmp_path / "src")])
    assert exit_.value.code == cli.EXIT_USAGE
    assert "not allowed with" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() and (tmp_path / "src" / "a.py").read_text() == KERAS1


def test_out_dir_inside_an_input_folder_is_refused_unless_the_walk_skips_it(tmp_path, capsys):
    src = tmp_path / "src"
    write(src / "a.py", KERAS1)
    code, result = run("--out-dir", src / "k3", src, capsys=capsys)
    assert code == cli.EXIT_USAGE
    assert "inside the input folder" in result.err and "--exclude k3" in result.err
    assert not (src / "k3").exists()
    code, result = run("--out-dir", src, src, capsys=capsys)
    assert code == cli.EXIT_USAGE and "use --write" in result.err
    # Excluded (by the user, or always: build/, dist/, ...): allowed, and not copied into itself.
    assert run("--out-dir", src / "k3", "--exclude", "k3", src, capsys=capsys)[0] == cli.EXIT_OK
    assert tree(src / "k3") == {"a.py": KERAS3}
    assert run("--out-dir", src / "k3", "--exclude", "k3", src, capsys=capsys)[0] == cli.EXIT_OK
    assert tree(src / "k3") == {"a.py": KERAS3}
    assert run("--out-dir", src / "build" / "keras3", src, "--exclude", "k3", capsys=capsys)[0] == cli.EXIT_OK
    assert tree(src / "build" / "keras3") == {"a.py": KERAS3}
    assert (src / "a.py").read_text() == KERAS1


def test_an_out_dir_that_would_overwrite_an_input_is_refused(tmp_path, capsys):
    f = write(tmp_path / "a.py", KERAS1)
    code, result = run("--out-dir", tmp_path, f, capsys=capsys)
    assert code == cli.EXIT_USAGE and "would overwrite an input file" in result.err
    assert f.read_text() == KERAS1


def test_report_json_says_out_dir(tmp_path, capsys):
    write(tmp_path / "src" / "a.py", KERAS1)
    write(tmp_path / "src" / "b.txt", "b\n")
    report = tmp_path / "report.json"
    run("--out-dir", tmp_path / "out", "--report", report, tmp_path / "src", capsys=capsys)
    summary = json.loads(report.read_text())["summary"]
    assert summary["mode"] == "out-dir" and summary["written"] == 1 and summary["copied"] == 1
    assert summary["out_dir"] == str(tmp_path / "out")


def test_help_describes_out_dir():
    text = cli.build_parser().format_help()
    assert "--out-dir DIR" in text and "copied too" in text and "complete tree" in text


def test_python_dash_m_migrate_out_dir(project, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "migrate", "--no-config", "--out-dir", str(out), str(project)],
                            capture_output=True, text=True, cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 0, result.stderr
    assert (out / "pkg" / "model.py").read_text() == KERAS3 and (out / "data" / "labels.csv").exists()
    assert (project / "pkg" / "model.py").read_text() == KERAS1
    both = subprocess.run([sys.executable, "-m", "migrate", "--write", "--out-dir", str(out), str(project)],
                          capture_output=True, text=True, cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert both.returncode == 2 and "not allowed with" in both.stderr
