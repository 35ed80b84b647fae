"""`LegacyKerasWarning`: one per call site, naming the modern spelling."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import warnings


class LegacyKerasWarning(DeprecationWarning):
    """A Keras 1 spelling was used; the message gives the Keras 3 one."""


# Shown by default (DeprecationWarning alone is hidden outside __main__); we
# deduplicate per call site ourselves.
warnings.filterwarnings("always", category=LegacyKerasWarning)

_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_seen: set[tuple] = set()
_quiet = threading.local()


@contextlib.contextmanager
def from_file():
    """Keras 1 spellings met while loading a file are not the user's code: no call-site warnings."""
    depth = getattr(_quiet, "depth", 0)
    _quiet.depth = depth + 1
    try:
        yield
    finally:
        _quiet.depth = depth


def _user_frame():
    """The first frame outside legacykeras (and outside keras/tensorflow internals)."""
    frame = sys._getframe(1)
    depth = 1
    while frame is not None:
        filename = os.path.abspath(frame.f_code.co_filename)
        if not filename.startswith(_PACKAGE_DIR) and "importlib" not in filename:
            return frame, depth
        frame = frame.f_back
        depth += 1
    return None, 1


def warn_legacy(key: str, message: str) -> None:
    """Warn once per (call site, key). `key` names the old thing, e.g. 'LK101'."""
    if getattr(_quiet, "depth", 0):
        return
    frame, depth = _user_frame()
    site = (frame.f_code.co_filename, frame.f_lineno, key) if frame is not None else (key,)
    if site in _seen:
        return
    _seen.add(site)
    warnings.warn(message, LegacyKerasWarning, stacklevel=depth)


def reset() -> None:
    """Forget the call sites seen (for tests)."""
    _seen.clear()
