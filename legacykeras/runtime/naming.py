"""Keras 1 default layer names: lower-cased class name + per-prefix counter from 1.

`convolution2d_1`, `dense_2`, `maxpooling2d_1`: HDF5 files and `by_name`
loading depend on them, so legacy layers are named the Keras 1 way.
"""

from __future__ import annotations

import collections

_counters: collections.Counter = collections.Counter()


def unique_name(class_name: str) -> str:
    prefix = class_name.lower()
    _counters[prefix] += 1
    return f"{prefix}_{_counters[prefix]}"


def reset() -> None:
    """Keras 1 had no reset short of a new process; `K.clear_session()` calls this."""
    _counters.clear()
