"""Keras 1.2.2's public API on Keras 3 + TensorFlow.

    import legacykeras as keras

Submodules load on first use, so `import legacykeras.rules` (used by the
`migrate` codemod) never imports keras or tensorflow.
"""

import importlib

__version__ = "1.2.2"  # the Keras API this package speaks; scripts test keras.__version__
from legacykeras.version import VERSION as legacykeras_version  # noqa: E402
from legacykeras.warnings import LegacyKerasWarning  # noqa: E402

_SUBMODULES = {
    "activations", "applications", "backend", "callbacks", "constraints", "datasets", "engine",
    "initializations", "layers", "legacy", "metrics", "models", "objectives", "optimizers",
    "preprocessing", "regularizers", "utils", "wrappers",
}


def install(era_shims=None):
    """From now on, `import keras` in user code gives legacykeras (what `python -m legacykeras` does).

    For notebooks and test runners; see `legacykeras.importhook`. `era_shims`
    also restores removed NumPy/SciPy/scikit-learn names (None: on unless
    LEGACYKERAS_ERA_SHIMS=0).
    """
    from legacykeras import importhook

    importhook.install(era_shims=era_shims)


def __getattr__(name):
    if name in _SUBMODULES:
        return importlib.import_module(f"legacykeras.{name}")
    raise AttributeError(f"module 'legacykeras' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES)
