"""Keras 1 random draws come from NumPy's global RNG, so `np.random.seed(n)` fixes them.

Keras 1.2.2 drew every initial weight through NumPy (its initializations called
`np.random` or passed `seed=np.random.randint(...)` to the backend), so a script
starting with `np.random.seed(1337)` built the same weights on every run.

Keras 3 draws differently: an initializer or `SeedGenerator` built without a
seed takes one from Python's `random` module when it is created. While a
legacy layer is constructed or built, `keras_seeds_from_numpy` seeds Python's
`random` from NumPy's global RNG (one draw) and puts the caller's `random` state
back afterwards. The Keras 3 initializers, dropout and noise seed generators the
layer makes then follow `np.random.seed`, and differ run to run without it.

Python's `random` is process-wide: a thread that uses it while another thread
builds a legacy layer sees (and shifts) the seeded stream.
"""

from __future__ import annotations

import contextlib
import functools
import random
import threading

import numpy as np

_active = threading.local()

# Python's `random.seed` takes any int; this bound keeps the draw a portable NumPy int.
_SEED_BOUND = 2**31 - 1


def numpy_seed() -> int:
    """An int seed drawn from NumPy's global RNG (Keras 1 drew its op seeds this way)."""
    return int(np.random.randint(_SEED_BOUND))


@contextlib.contextmanager
def keras_seeds_from_numpy():
    """Seed Keras 3's default seeds (drawn from Python's `random`) from NumPy's global RNG.

    Nested uses (a layer built inside another's build) share the outer seeding.
    """
    if getattr(_active, "depth", 0):
        _active.depth += 1
        try:
            yield
        finally:
            _active.depth -= 1
        return
    saved = random.getstate()
    random.seed(numpy_seed())
    _active.depth = 1
    try:
        yield
    finally:
        _active.depth = 0
        random.setstate(saved)


def seeded_from_numpy(method):
    """`method` (a layer's `__init__` or `build`) run under `keras_seeds_from_numpy`."""
    if getattr(method, "_legacy_numpy_seeded", False):
        return method

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):  # `self` named: Keras reads `__init__`'s argspec
        with keras_seeds_from_numpy():
            return method(self, *args, **kwargs)

    wrapper._legacy_numpy_seeded = True
    return wrapper


def fresh_initializer(initializer):
    """A new instance of an unseeded Keras 3 random initializer, so that its seed is drawn now.

    An unseeded Keras 3 initializer keeps the seed it drew when created and repeats its values
    on every call; Keras 1 drew anew for every weight (Highway's `W` and `W_carry` share `init`).
    Anything else (names, seeded or constant initializers, Keras 1 functions) is returned as is.
    """
    get_config = getattr(initializer, "get_config", None)
    if get_config is None or isinstance(initializer, type):
        return initializer
    try:
        config = get_config()
    except (NotImplementedError, TypeError):
        return initializer
    if isinstance(config, dict) and "seed" in config and config["seed"] is None:
        return type(initializer).from_config(config)
    return initializer


__all__ = ["fresh_initializer", "keras_seeds_from_numpy", "numpy_seed", "seeded_from_numpy"]
