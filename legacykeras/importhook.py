"""Make `import keras` in a Keras 1 program give legacykeras, while Keras 3 keeps working underneath.

    python -m legacykeras old_script.py      # installs this hook for the run
    import legacykeras; legacykeras.install()  # the same from Python (notebooks, test runners)

How: `sys.modules['keras']` stays the real Keras 3, because Keras 3 and
TensorFlow themselves run `import keras` / `from keras import ops` inside
function bodies long after start-up; replacing the module there would break
them. Instead the hook wraps `builtins.__import__` and looks at *who* imports:
an import statement in Keras 3, TensorFlow, legacykeras or another package
built on Keras 3 (`REAL_KERAS_USERS`) goes through unchanged; one anywhere else
(the script, its own modules, old Keras 1 add-on libraries, notebook cells)
gets `legacykeras` for `keras` and `legacykeras.X.Y` for `keras.X.Y`.

`importlib.import_module("keras...")` does not pass through `__import__`, so it
still returns Keras 3; Keras 1 programs import with statements.
"""

from __future__ import annotations

import builtins
import os
import sys

# Top-level packages whose `import keras` must keep meaning Keras 3.
REAL_KERAS_USERS = frozenset({
    "keras", "legacykeras", "migrate", "tensorflow", "tf_keras", "tensorboard", "tensorflow_hub",
    "tensorflow_text", "tensorflow_probability", "tensorflow_datasets", "keras_hub", "keras_nlp",
    "keras_cv", "keras_tuner", "keras_rs", "jax", "torch", "optree", "absl", "h5py", "importlib",
    "_pytest", "pytest",
})
ENV_REAL_KERAS_USERS = "LEGACYKERAS_REAL_KERAS_FOR"  # extra package names, comma separated

_original_import = None
_extra_real: frozenset = frozenset()


def is_installed() -> bool:
    return _original_import is not None


def install(era_shims: bool | None = None) -> None:
    """Route `import keras` / `keras.*` in user code to legacykeras from now on.

    Args:
        era_shims: also restore NumPy/SciPy/scikit-learn names that 2016
            programs use (see `legacykeras.era`). None reads the environment
            variable `LEGACYKERAS_ERA_SHIMS` (on unless "0").

    Code that already ran `import keras` keeps the module it got.
    """
    global _original_import, _extra_real
    # Keras 3 must be fully imported (on TensorFlow) before the alias exists.
    import legacykeras._keras  # noqa: F401

    if era_shims is None:
        from legacykeras import era

        era_shims = era.enabled_by_environment()
    if era_shims:
        from legacykeras import era

        era.install()
    if _original_import is not None:
        return
    _extra_real = frozenset(
        name.strip() for name in os.environ.get(ENV_REAL_KERAS_USERS, "").split(",") if name.strip()
    )
    _original_import = builtins.__import__
    builtins.__import__ = _legacy_import


def uninstall() -> None:
    """Undo `install()` (the era shims too)."""
    global _original_import
    if _original_import is not None:
        builtins.__import__ = _original_import
        _original_import = None
    from legacykeras import era

    era.uninstall()


def _importer_package(globals_) -> str:
    name = (globals_ or {}).get("__name__") or ""
    return name.partition(".")[0]


def _wants_legacy(name: str, globals_, level: int) -> bool:
    if level != 0 or not (name == "keras" or name.startswith("keras.")):
        return False
    package = _importer_package(globals_)
    return package not in REAL_KERAS_USERS and package not in _extra_real


def _legacy_import(name, globals=None, locals=None, fromlist=(), level=0):
    if globals is None:  # a direct `__import__("keras")` call: judge by the caller's frame
        globals = sys._getframe(1).f_globals
    if not _wants_legacy(name, globals, level):
        return _original_import(name, globals, locals, fromlist, level)
    target = "legacykeras" + name[len("keras"):]
    try:
        return _original_import(target, globals, locals, fromlist, level)
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("legacykeras"):
            raise
        missing = "keras" + error.name[len("legacykeras"):]
        raise ModuleNotFoundError(
            f"No module named {missing!r}: under `python -m legacykeras`, `keras` is legacykeras "
            f"(Keras 1.2.2's API), which has no {error.name!r}. If this is a Keras 2/3 module, run "
            f"the program with plain `python`; if it is Keras 1.2.2 API that legacykeras lacks, "
            f"please report it.",
            name=missing,
        ) from None


__all__ = ["install", "uninstall", "is_installed", "REAL_KERAS_USERS", "ENV_REAL_KERAS_USERS"]
