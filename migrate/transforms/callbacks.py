"""`ModelCheckpoint(filepath)`: Keras 3 wants `.weights.h5` for weights, `.keras` / `.h5` for models.

A literal file name is fixed (`weights.{epoch:02d}.hdf5` with `save_weights_only=True` becomes
`weights.{epoch:02d}.weights.h5`; a model file's `.hdf5` becomes `.h5`); code that loads the file
later must use the new name (reported). A computed file name gets a TODO in a Keras 1 file.
"""

from __future__ import annotations

import libcst as cst

from migrate import literals
from migrate.literals import NOT_LITERAL
from migrate.transforms import calls
from migrate.transforms.binding import bind_args

_H5 = (".hdf5", ".hd5", ".h5")


def convert_checkpoint(m, row, original: cst.Call, updated: cst.Call, qualified):
    bound = bind_args(row, updated)
    if bound is None:
        return None
    path_arg = bound.get("filepath")
    if path_arg is None:
        return None
    path = literals.literal(path_arg.value)
    weights_only = literals.literal(bound["save_weights_only"].value) if "save_weights_only" in bound else False
    if path is NOT_LITERAL or not isinstance(path, str) or weights_only is NOT_LITERAL:
        if m.keras1_file:
            m.todo(original, row.code, "Keras 3's ModelCheckpoint needs a file name ending in `.weights.h5` "
                                       "(save_weights_only=True) or `.keras`/`.h5`")
        return None
    new_path = _fixed(path, bool(weights_only))
    if new_path == path:
        return None
    replacement = path_arg.with_changes(value=literals.value_node(new_path, path_arg.value))
    args = [replacement if a is path_arg else a for a in updated.args]
    changes = [f"file name {path!r} is now {new_path!r} (load it by that name)"]
    new = calls.convert_call(m, row, original, updated.with_changes(args=args), keras1=True, changes=changes,
                             spelled=qualified)
    return new


def _fixed(path: str, weights_only: bool) -> str:
    if weights_only:
        if path.endswith(".weights.h5"):
            return path
        for ext in _H5:
            if path.endswith(ext):
                return path[: -len(ext)] + ".weights.h5"
        return path + ".weights.h5"
    if path.endswith((".keras", ".h5")):
        return path
    for ext in (".hdf5", ".hd5"):
        if path.endswith(ext):
            return path[: -len(ext)] + ".h5"
    return path + ".keras"
