"""`--out-dir DIR`: migrated copies in a separate tree, the originals untouched.

DIR mirrors the inputs relative to their common root (a folder given alone is
the root; a file's root is its folder). Every file under the given folders
lands there: migrated `.py`/`.ipynb` files, the ones that needed no change or
could not be processed (as they are), and every other file (data, configs),
so DIR is a complete tree to run. Paths `migrate` skips (`--exclude`, `.git`,
`.venv`, `__pycache__`, `build`, ...) are not copied; symlinks are copied as
symlinks. Each file is written atomically (temporary file in its folder, then
`os.replace`) with the original's mode; files already in DIR are replaced,
nothing else there is removed.

An out-dir inside an input folder is refused (its files would be walked and
migrated again) unless the walk skips it anyway: a folder `migrate` always
skips (`build/`, `dist/`, ...) or one matched by `--exclude`.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import stat

from migrate.files import DEFAULT_EXCLUDES, SUFFIXES, _excluded, replace_atomically, write_bytes


class OutDirError(Exception):
    """A usage error: the out-dir cannot be used with these inputs."""


@dataclasses.dataclass
class Plan:
    out_dir: str   # absolute
    root: str      # absolute common root of the inputs
    others: list[str] = dataclasses.field(default_factory=list)  # files (and links) copied as they are

    def destination(self, path: str) -> str:
        return os.path.join(self.out_dir, os.path.relpath(os.path.abspath(path), self.root))


def plan(paths, out_dir: str, excludes, files) -> Plan:
    """Check the out-dir against the inputs; list the other files under the input folders.

    `files`: the `.py`/`.ipynb` files that will be migrated (`find_files`).
    """
    out_abs = os.path.abspath(out_dir)
    out_real = os.path.realpath(out_dir)
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise OutDirError(f"--out-dir {out_dir}: exists and is not a folder")
    folders = [p for p in paths if os.path.isdir(p)]
    for folder in folders:
        real = os.path.realpath(folder)
        if out_real == real:
            raise OutDirError(f"--out-dir {out_dir} is the input folder {folder}: use --write to rewrite in place")
        if out_real.startswith(real.rstrip(os.sep) + os.sep) and not _walk_skips(folder, os.path.relpath(out_real, real),
                                                                                excludes):
            first = os.path.relpath(out_real, real).split(os.sep)[0]
            raise OutDirError(f"--out-dir {out_dir} is inside the input folder {folder}, whose files migrate walks: "
                              f"its copies would be migrated again; choose a folder outside {folder}, "
                              f"or exclude it (--exclude {first})")
    roots = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in paths]
    try:
        root = os.path.commonpath(roots)
    except ValueError as error:  # different drives
        raise OutDirError(f"--out-dir: the paths have no common folder ({error})") from None
    result = Plan(out_abs, root)
    for folder in folders:
        result.others.extend(_other_files(folder, excludes, out_real))
    sources = {os.path.realpath(p) for p in [*files, *result.others] if not os.path.islink(p)}
    for path in [*files, *result.others]:
        if os.path.realpath(result.destination(path)) in sources:
            raise OutDirError(f"--out-dir {out_dir}: the copy of {path} would overwrite an input file")
    return result


def _walk_skips(folder: str, relative: str, excludes) -> bool:
    """Whether walking `folder` never enters `folder/relative`."""
    parts = relative.split(os.sep)
    for end in range(1, len(parts) + 1):
        if parts[end - 1] in DEFAULT_EXCLUDES or _excluded(os.path.join(folder, *parts[:end]), excludes):
            return True
    return False


def _other_files(folder: str, excludes, out_real: str) -> list[str]:
    """Files under `folder` that are not migrated (walked like `find_files`), and symlinks."""
    found = []
    for root, dirs, names in os.walk(folder):
        kept = []
        for name in sorted(dirs):
            full = os.path.join(root, name)
            if name in DEFAULT_EXCLUDES or _excluded(full, excludes) or os.path.realpath(full) == out_real:
                continue
            if os.path.islink(full):
                found.append(full)  # a link to a folder: copied as a link
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            full = os.path.join(root, name)
            if _excluded(full, excludes):
                continue
            if os.path.islink(full) or not name.endswith(SUFFIXES):
                found.append(full)
    return found


def write(destination: str, data: bytes, source: str) -> None:
    """Write `data` at `destination` (atomically), with `source`'s mode."""
    replace_atomically(destination, lambda temporary: write_bytes(temporary, data), stat.S_IMODE(os.stat(source).st_mode))


def copy(source: str, destination: str, *, follow_symlinks: bool = False) -> None:
    """Copy `source` to `destination` atomically: content, mode and times; a symlink stays a symlink
    (unless `follow_symlinks`: then the file it points to is copied)."""
    if os.path.islink(source) and not follow_symlinks:
        target = os.readlink(source)
        os.makedirs(os.path.dirname(destination) or ".", exist_ok=True)
        if os.path.islink(destination) and os.readlink(destination) == target:
            return

        def link(temporary):
            os.unlink(temporary)  # the empty file made for the name
            os.symlink(target, temporary)

        replace_atomically(destination, link, None)
        return

    def fill(temporary):
        shutil.copyfile(source, temporary)
        shutil.copystat(source, temporary)

    replace_atomically(destination, fill, None)
