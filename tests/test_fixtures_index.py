"""fixtures/index.json matches the committed case folders, and fixtures/ stays small."""

from __future__ import annotations

import json

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


def test_every_case_folder_is_indexed():
    listed = {c["path"] for c in _index()["cases"]}
    on_disk = {f"{d.parent.name}/{d.name}" for d in _case_dirs()}
    assert on_disk == listed, (
        f"not in index.json: {sorted(on_disk - listed)[:10]}; "
        f"listed but absent: {sorted(listed - on_disk)[:10]} "
        "(rebuild the manifest: python3 fixtures/make/make_index.py)"
    )
    # every folder below an env dir is a case with meta.json
    for env_dir in FIXTURES.glob("*-*"):
        if env_dir.is_dir() and env_dir.name != "make":
            for case in env_dir.iterdir():
                assert (case / "meta.json").is_file(), f"{case} has no meta.json"


def test_meta_files_exist():
    for d in _case_dirs():
        meta = json.loads((d / "meta.json").read_text())
        for name in meta.get("files", []):
            assert (d / name).exists(), f"{d.name}: meta.json lists missing {name}"


def test_fixtures_total_size():
    total = sum(p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file())
    assert total < MAX_BYTES, f"fixtures/ is {total / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:.0f} MB)"
