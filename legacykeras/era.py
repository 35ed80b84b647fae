"""Names that 2016 programs used and today's NumPy, SciPy and scikit-learn removed.

A Keras 1 program also trips on the libraries around it: `np.float` (NumPy
1.24 removed the builtin aliases), `scipy.misc.imread/imsave/imresize` (SciPy
1.2-1.3 removed them), `sklearn.grid_search` / `sklearn.cross_validation`
(scikit-learn 0.20-0.22 moved them to `sklearn.model_selection`). Under
`python -m legacykeras` these come back for the run, each with one warning
naming the modern spelling. Off with `--no-era-shims` or the environment
variable `LEGACYKERAS_ERA_SHIMS=0`, or `legacykeras.era.uninstall()`.

The tables are data (the `migrate` codemod can read them); importing this
module imports neither numpy, scipy nor sklearn: each shim attaches when the
program itself imports the library.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings

ENV_SWITCH = "LEGACYKERAS_ERA_SHIMS"

# NumPy name -> (what it resolves to, modern spelling). Resolved lazily: "builtins.float" or "numpy.float64".
NUMPY_ALIASES = {
    "bool": ("builtins.bool", "bool (or np.bool_)"),
    "int": ("builtins.int", "int (or np.int64)"),
    "float": ("builtins.float", "float (or np.float64)"),
    "complex": ("builtins.complex", "complex (or np.complex128)"),
    "object": ("builtins.object", "object (or np.object_)"),
    "str": ("builtins.str", "str (or np.str_)"),
    "long": ("builtins.int", "int"),
    "unicode": ("builtins.str", "str"),
    "float_": ("numpy.float64", "np.float64"),
    "complex_": ("numpy.complex128", "np.complex128"),
    "unicode_": ("numpy.str_", "np.str_"),
    "string_": ("numpy.bytes_", "np.bytes_"),
    "int0": ("numpy.intp", "np.intp"),
    "uint0": ("numpy.uintp", "np.uintp"),
    "bool8": ("numpy.bool_", "np.bool_"),
    "object0": ("numpy.object_", "np.object_"),
    "NaN": ("numpy.nan", "np.nan"),
    "NAN": ("numpy.nan", "np.nan"),
    "Inf": ("numpy.inf", "np.inf"),
    "Infinity": ("numpy.inf", "np.inf"),
    "PINF": ("numpy.inf", "np.inf"),
    "infty": ("numpy.inf", "np.inf"),
    "alltrue": ("numpy.all", "np.all"),
    "sometrue": ("numpy.any", "np.any"),
    "product": ("numpy.prod", "np.prod"),
    "cumproduct": ("numpy.cumprod", "np.cumprod"),
    "round_": ("numpy.round", "np.round"),
    "asscalar": ("legacykeras.era._asscalar", "a.item()"),
    "rank": ("numpy.ndim", "np.ndim"),
}

# Removed scipy.misc image functions -> their Pillow-backed stand-ins here.
SCIPY_MISC = {
    "imread": "imageio.v3.imread or PIL.Image.open + np.asarray",
    "imsave": "imageio.v3.imwrite or PIL.Image.fromarray(...).save",
    "imresize": "PIL.Image.fromarray(...).resize or skimage.transform.resize",
    "toimage": "PIL.Image.fromarray",
    "fromimage": "np.asarray(pil_image)",
}

# Removed scikit-learn modules -> the module that holds their names today.
SKLEARN_MODULES = {
    "sklearn.grid_search": "sklearn.model_selection",
    "sklearn.cross_validation": "sklearn.model_selection",
    "sklearn.learning_curve": "sklearn.model_selection",
}

_installed = False
_warned: set[str] = set()
_numpy_state: dict = {}


def enabled_by_environment() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def warn_once(old: str, modern: str) -> None:
    if old in _warned:
        return
    _warned.add(old)
    from legacykeras.warnings import LegacyKerasWarning

    warnings.warn(
        f"`{old}` was removed from today's library; legacykeras restores it for this run "
        f"(--no-era-shims turns this off). Modern spelling: {modern}.",
        LegacyKerasWarning,
        stacklevel=3,
    )


def _resolve(path: str):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _asscalar(a):
    return a.item()


# --- NumPy ------------------------------------------------------------------------------

def _patch_numpy(numpy) -> None:
    if "module" in _numpy_state:
        return
    original = numpy.__dict__.get("__getattr__")

    def __getattr__(name):
        row = NUMPY_ALIASES.get(name)
        if row is not None:
            value = _resolve(row[0])
            warn_once(f"np.{name}", row[1])
            return value
        if original is not None:
            return original(name)
        raise AttributeError(f"module 'numpy' has no attribute {name!r}")

    _numpy_state.update(module=numpy, original=original)
    numpy.__getattr__ = __getattr__


def _unpatch_numpy() -> None:
    numpy = _numpy_state.pop("module", None)
    if numpy is None:
        return
    original = _numpy_state.pop("original", None)
    if original is None:
        del numpy.__getattr__
    else:
        numpy.__getattr__ = original


# --- scipy.misc ---------------------------------------------------------------------------

def _pil():
    try:
        from PIL import Image
    except ImportError as error:
        raise ImportError(
            "scipy.misc's image functions were removed from SciPy; legacykeras restores them on "
            "Pillow, which is not installed. Install it with `pip install pillow`."
        ) from error
    return Image


def imread(name, flatten=False, mode=None):
    """`scipy.misc.imread` (removed in SciPy 1.2), on Pillow."""
    import numpy as np

    warn_once("scipy.misc.imread", SCIPY_MISC["imread"])
    image = _pil().open(name)
    if mode is not None:
        image = image.convert(mode)
    elif flatten:
        image = image.convert("F")
    return np.asarray(image).copy()


def _to_uint8_image(arr):
    import numpy as np

    arr = np.asarray(arr)
    if arr.dtype != np.uint8:
        # scipy.misc byte-scaled non-uint8 arrays to the full 0..255 range.
        low, high = float(arr.min()), float(arr.max())
        scale = 255.0 / (high - low) if high > low else 1.0
        arr = ((arr - low) * scale).round().clip(0, 255).astype(np.uint8)
    if arr.ndim == 3 and arr.shape[0] in (3, 4) and arr.shape[-1] not in (3, 4):
        arr = arr.transpose(1, 2, 0)
    return _pil().fromarray(arr)


def toimage(arr, *args, **kwargs):
    """`scipy.misc.toimage` (removed in SciPy 1.2), on Pillow."""
    warn_once("scipy.misc.toimage", SCIPY_MISC["toimage"])
    return _to_uint8_image(arr)


def fromimage(image, flatten=False, mode=None):
    import numpy as np

    warn_once("scipy.misc.fromimage", SCIPY_MISC["fromimage"])
    if mode is not None:
        image = image.convert(mode)
    elif flatten:
        image = image.convert("F")
    return np.asarray(image).copy()


def imsave(name, arr, format=None):
    """`scipy.misc.imsave` (removed in SciPy 1.2), on Pillow."""
    warn_once("scipy.misc.imsave", SCIPY_MISC["imsave"])
    _to_uint8_image(arr).save(name, format=format)


def imresize(arr, size, interp="bilinear", mode=None):
    """`scipy.misc.imresize` (removed in SciPy 1.3), on Pillow: size is a fraction, percent or (h, w)."""
    import numpy as np

    warn_once("scipy.misc.imresize", SCIPY_MISC["imresize"])
    image = _to_uint8_image(arr)
    if mode is not None:
        image = image.convert(mode)
    if isinstance(size, (int, np.integer)):
        size = (int(image.size[1] * size / 100.0), int(image.size[0] * size / 100.0))
    elif isinstance(size, (float, np.floating)):
        size = (int(image.size[1] * size), int(image.size[0] * size))
    height, width = int(size[0]), int(size[1])
    Image = _pil()
    resample = {"nearest": Image.NEAREST, "lanczos": Image.LANCZOS, "bilinear": Image.BILINEAR,
                "bicubic": Image.BICUBIC, "cubic": Image.BICUBIC}[interp]
    return np.asarray(image.resize((width, height), resample=resample))


def _patch_scipy_misc(module) -> None:
    for name in SCIPY_MISC:
        if not hasattr(module, name):
            setattr(module, name, globals()[name])


# --- import-time attachment ---------------------------------------------------------------

class _EraFinder(importlib.abc.MetaPathFinder):
    """Attaches the shims when the program imports numpy / scipy.misc, and provides the removed sklearn modules."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname in SKLEARN_MODULES:
            if importlib.util.find_spec("sklearn") is None:
                return None
            return importlib.machinery.ModuleSpec(fullname, _SklearnAliasLoader())
        if fullname not in ("numpy", "scipy.misc"):
            return None
        spec = _find_elsewhere(self, fullname, path, target)
        if spec is None:
            if fullname == "scipy.misc" and importlib.util.find_spec("scipy") is not None:
                # SciPy 2 dropped scipy.misc entirely: stand one up holding the old functions.
                return importlib.machinery.ModuleSpec(fullname, _MiscStandInLoader())
            return None
        spec.loader = _PatchingLoader(spec.loader, fullname)
        return spec


def _find_elsewhere(skip, fullname, path, target):
    for finder in sys.meta_path:
        if finder is skip or not hasattr(finder, "find_spec"):
            continue
        spec = finder.find_spec(fullname, path, target)
        if spec is not None:
            return spec
    return None


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader, fullname):
        self._loader = loader
        self._fullname = fullname

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _attach(self._fullname, module)


class _SklearnAliasLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        modern = SKLEARN_MODULES[module.__name__]
        target = importlib.import_module(modern)
        warn_once(module.__name__, modern)
        module.__dict__.update({k: v for k, v in vars(target).items() if not k.startswith("__")})
        module.__doc__ = f"Removed module {module.__name__}, re-exporting {modern} (legacykeras era shim)."


class _MiscStandInLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.__doc__ = "Removed module scipy.misc: its image functions on Pillow (legacykeras era shim)."
        _patch_scipy_misc(module)


def _attach(fullname, module) -> None:
    if fullname == "numpy":
        _patch_numpy(module)
    elif fullname == "scipy.misc":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            _patch_scipy_misc(module)


_finder = _EraFinder()


def install() -> None:
    """Restore the removed names for this process (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    sys.meta_path.insert(0, _finder)
    for name in ("numpy", "scipy.misc"):
        if name in sys.modules:
            _attach(name, sys.modules[name])
    if "scipy" in sys.modules and "scipy.misc" not in sys.modules:
        # scipy loads submodules lazily through its own __getattr__; import so the patch lands.
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                importlib.import_module("scipy.misc")
        except ImportError:
            pass


def uninstall() -> None:
    global _installed
    if not _installed:
        return
    _installed = False
    if _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    _unpatch_numpy()
    misc = sys.modules.get("scipy.misc")
    if misc is not None:
        for name in SCIPY_MISC:
            if getattr(misc, name, None) is globals()[name]:
                delattr(misc, name)
    for name in SKLEARN_MODULES:
        sys.modules.pop(name, None)


def is_installed() -> bool:
    return _installed


__all__ = ["install", "uninstall", "is_installed", "enabled_by_environment", "NUMPY_ALIASES",
           "SCIPY_MISC", "SKLEARN_MODULES", "ENV_SWITCH"]
