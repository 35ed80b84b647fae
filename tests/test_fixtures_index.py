"""fixtures/index.json matches the committed case folders, and fixtures/ stays small."""

from __future__ import annotations

import json
import subprocess

import pytest

from testlib import FIXTURES

INDEX = FIXTURES / "index.json"
MAX_BYTES = 15 * 1000 * 1000
META_KEYS = {"case", "env", "backend", "dim_ordering", "keras_version", "python", "notes"}
ENVS = {"theano", "tensorflow", "py27", "keras0"}


def _index():
    if not INDEX.exists():
        pytest.skip("fixtures/index.json not generated (run `make fixtures`)")
    return json.loads(INDEX.read_text())


def _case_dirs():
    return sorted(
        p.parent for p in FIXTURES.glob("*-*/*/meta.json") if p.parent.parent.name != "make"
    )


def test_index_lists_existing_folders_with_meta():
    index = _index()
    listed = [c["path"] for c in index["cases"]]
    assert len(listed) == len(set(listed)), "duplicate entries in index.json"
    for entry in index["cases"]:
        folder = FIXTURES / entry["path"]
        assert folder.is_dir(), f"index.json lists missing folder {entry['path']}"
        meta = json.loads((folder / "meta.json").read_text())
        assert META_KEYS <= set(meta), f"{entry['path']}/meta.json lacks {META_KEYS - set(meta)}"
        assert "layer" in meta or "description" in meta
        env_dir = folder.parent.name
        assert env_dir == f"{meta['env']}-{meta['dim_ordering']}", entry["path"]
        assert meta["env"] in ENVS
        assert meta["case"] == folder.name


def _tracked_files():
    """Paths (relative to fixtures/) that git tracks, committed or staged."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--", "."],
            cwd=FIXTURES, capture_output=True, text=True, check=True, timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        pytest.skip("git not available")
    files = [line for line in out.splitlines() if not line.startswith("make/")]
    if not files:
        pytest.skip("fixtures/ is not a git checkout")
    return files


def _tracked_case_dirs():
    """Case folders whose meta.json git tracks."""
    return {
        line.rsplit("/", 1)[0]
        for line in _tracked_files()
        if line.endswith("/meta.json") and line.count("/") == 2
    }


def test_every_committed_case_folder_is_indexed():
    # Folders someone is still generating (untracked) may lie around in a
    # shared checkout; every committed case must be in the committed index.
    listed = {c["path"] for c in _index()["cases"]}
    tracked = _tracked_case_dirs()
    missing = sorted(tracked - listed)
    assert not missing, (
        f"not in index.json: {missing[:10]} "
        "(rebuild the manifest: python3 fixtures/make/make_index.py [--git])"
    )


def test_every_committed_case_folder_has_meta():
    # Only committed folders: in a shared checkout a folder may be mid-generation.
    folders = {"/".join(line.split("/")[:2]) for line in _tracked_files() if line.count("/") >= 2}
    for folder in sorted(folders):
        assert (FIXTURES / folder / "meta.json").is_file(), f"fixtures/{folder} has no meta.json"


def test_meta_files_exist():
    for d in _case_dirs():
        meta = json.loads((d / "meta.json").read_text())
        for name in meta.get("files", []):
            assert (d / name).exists(), f"{d.name}: meta.json lists missing {name}"


def test_fixtures_total_size():
    # What a checkout holds: the tracked files (untracked work in progress in a
    # shared checkout does not count); everything on disk when git is absent.
    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--", "."],
            cwd=FIXTURES, capture_output=True, text=True, check=True, timeout=30,
        ).stdout
        paths = [FIXTURES / line for line in out.splitlines()]
    except (OSError, subprocess.SubprocessError):
        paths = []
    if not paths:
        paths = [p for p in FIXTURES.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in paths if p.is_file())
    assert total < MAX_BYTES, f"fixtures/ is {total / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:.0f} MB)"
