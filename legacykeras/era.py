"""Names that 2016 programs used and today's NumPy, SciPy and scikit-learn removed.

A Keras 1 program also trips on the libraries around it: `np.float` (NumPy
1.24 removed the builtin aliases), `scipy.misc.imread/imsave/imresize` (SciPy
1.2-1.3 removed them), `sklearn.grid_search` / `sklearn.cross_validation`
(scikit-learn 0.20-0.22 moved them to `sklearn.model_selection`), and
`re.split` on a pattern that can match empty (Python 3.7 changed its result;
only the program's own calls get the old behaviour), scikit-learn's old scorer
names (`scoring='log_loss'`), and Python 2's `xrange`. Under
`python -m legacykeras` these come back for the run, each with one warning
naming the modern spelling. Off with `--no-era-shims` or the environment
variable `LEGACYKERAS_ERA_SHIMS=0`, or `legacykeras.era.uninstall()`.

What was removed, why and the modern spelling are rows of the rules table
(`legacykeras/rules/era.py`, codes LK9xx, which `migrate` reads too); this
module turns them into live stand-ins. Importing it imports neither numpy,
scipy nor sklearn: each shim attaches when the program imports the library.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings

from legacykeras.rules import era as era_rows

ENV_SWITCH = "LEGACYKERAS_ERA_SHIMS"

# The removed names are rows of the rules table (legacykeras/rules/era.py, LK9xx), which
# `migrate` reads too; here each becomes a live stand-in.
NUMPY_ROWS = {row.old.split(".", 1)[1]: row for row in era_rows.RULES if row.old.startswith("numpy.")}
SCIPY_MISC_ROWS = {row.old.rsplit(".", 1)[1]: row for row in era_rows.RULES if row.old.startswith("scipy.misc.")}
SKLEARN_MODULES = {row.old: row for row in era_rows.MODULE_RULES if row.old.startswith("sklearn.")}
# Names that Keras 1 era code used but that no row maps to a live object: our own stand-ins.
_STAND_INS = {"numpy.asscalar": "_asscalar", "numpy.asfarray": "_asfarray", "scipy.misc.imread": "imread",
              "scipy.misc.imsave": "imsave", "scipy.misc.imresize": "imresize", "scipy.misc.toimage": "toimage",
              "scipy.misc.fromimage": "fromimage", "scipy.misc.bytescale": "bytescale"}

_installed = False
_warned: set[str] = set()
_numpy_state: dict = {}


def enabled_by_environment() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def modern_spelling(row) -> str:
    if getattr(row, "modern", None):
        return row.modern
    if row.new is None:
        return row.why.split(": ", 1)[-1] if ": " in row.why else row.why
    return f"`{row.new.replace('builtins.', '').replace('numpy.', 'np.')}`"


def warn_once(shown: str, row, modern: str | None = None) -> None:
    if row.code in _warned:
        return
    _warned.add(row.code)
    from legacykeras.warnings import LegacyKerasWarning

    warnings.warn(
        f"`{shown}`{f' ({row.code})' if row.code.startswith('LK') else ''}: {row.why}. legacykeras restores it for this run "
        f"(--no-era-shims turns this off). Modern spelling: {modern or modern_spelling(row)}.",
        LegacyKerasWarning,
        stacklevel=_user_stacklevel(),
    )


def _user_stacklevel() -> int:
    """The stacklevel that points at the program's line (past legacykeras, import machinery, sklearn)."""
    own = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(2), 2
    while frame is not None:
        name = frame.f_code.co_filename
        module = frame.f_globals.get("__name__", "") or ""
        if not (name.startswith(own) or name.startswith("<frozen") or "importlib" in name
                or module.split(".")[0] in ("sklearn", "numpy", "scipy")):
            return level
        # warnings.warn itself skips importlib's bootstrap frames when it counts stacklevel.
        internal = "importlib" in name and "_bootstrap" in name
        frame, level = frame.f_back, level + (0 if internal else 1)
    return 2


def live_object(row):
    """The object a removed name stands for today."""
    if row.old in _STAND_INS:
        return globals()[_STAND_INS[row.old]]
    if row.new is None:
        return None
    module, _, name = row.new.rpartition(".")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _asscalar(a):
    return a.item()


def _asfarray(a, dtype=float):
    import numpy as np

    if not np.issubdtype(np.dtype(dtype), np.inexact):
        dtype = float
    return np.asarray(a, dtype=dtype)


# --- NumPy ------------------------------------------------------------------------------

def _patch_numpy(numpy) -> None:
    if "module" in _numpy_state:
        return
    original = numpy.__dict__.get("__getattr__")

    def __getattr__(name):
        row = NUMPY_ROWS.get(name)
        value = live_object(row) if row is not None else None
        if value is not None:
            warn_once(f"np.{name}", row)
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

    warn_once("scipy.misc.imread", SCIPY_MISC_ROWS["imread"])
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
    warn_once("scipy.misc.toimage", SCIPY_MISC_ROWS["toimage"])
    return _to_uint8_image(arr)


def fromimage(image, flatten=False, mode=None):
    import numpy as np

    warn_once("scipy.misc.fromimage", SCIPY_MISC_ROWS["fromimage"])
    if mode is not None:
        image = image.convert(mode)
    elif flatten:
        image = image.convert("F")
    return np.asarray(image).copy()


def imsave(name, arr, format=None):
    """`scipy.misc.imsave` (removed in SciPy 1.2), on Pillow."""
    warn_once("scipy.misc.imsave", SCIPY_MISC_ROWS["imsave"])
    _to_uint8_image(arr).save(name, format=format)


def imresize(arr, size, interp="bilinear", mode=None):
    """`scipy.misc.imresize` (removed in SciPy 1.3), on Pillow: size is a fraction, percent or (h, w)."""
    import numpy as np

    warn_once("scipy.misc.imresize", SCIPY_MISC_ROWS["imresize"])
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


def bytescale(data, cmin=None, cmax=None, high=255, low=0):
    """`scipy.misc.bytescale` (removed in SciPy 1.2): scale to low..high as uint8."""
    import numpy as np

    warn_once("scipy.misc.bytescale", SCIPY_MISC_ROWS["bytescale"])
    data = np.asarray(data)
    if data.dtype == np.uint8:
        return data
    cmin = data.min() if cmin is None else cmin
    cmax = data.max() if cmax is None else cmax
    scale = float(high - low) / ((cmax - cmin) or 1)
    return ((data - cmin) * scale + low).clip(low, high).round().astype(np.uint8)


def _moved(name, target):
    row = SCIPY_MISC_ROWS[name]

    def moved(*args, **kwargs):
        warn_once(f"scipy.misc.{name}", row)
        return target(*args, **kwargs)

    moved.__name__ = name
    return moved


_patched_misc: dict = {}


def _patch_scipy_misc(module) -> None:
    for name, row in SCIPY_MISC_ROWS.items():
        if name in vars(module):
            continue
        target = live_object(row)
        if target is None:
            continue
        value = target if row.old in _STAND_INS else _moved(name, target)
        setattr(module, name, value)
        _patched_misc[name] = value


# --- re.split (Python 3.7) -------------------------------------------------------------------

class _Change:
    """A removed or changed behaviour that is not a rules-table row (the standard library's)."""

    def __init__(self, code, why, modern):
        self.code, self.why, self.modern, self.new = code, why, modern, None


RE_SPLIT = era_rows.RE_SPLIT
_re_state: dict = {}
_LIBRARY_DIRS = tuple({os.path.dirname(os.__file__), sys.prefix, sys.base_prefix, sys.exec_prefix,
                       os.path.dirname(os.path.abspath(__file__))})


def _py36_split(regex, string, maxsplit=0):
    """re.split as Python <= 3.6 did it: empty matches do not split."""
    pieces, last, count = [], 0, 0
    for match in regex.finditer(string):
        if match.start() == match.end():
            continue
        if maxsplit and count >= maxsplit:
            break
        pieces.append(string[last:match.start()])
        pieces.extend(match.groups())
        last, count = match.end(), count + 1
    pieces.append(string[last:])
    return pieces


def _patch_re() -> None:
    import re

    if "split" in _re_state:
        return
    original = re.split

    def split(pattern, string, maxsplit=0, flags=0):
        caller = sys._getframe(1).f_code.co_filename
        if not os.path.abspath(caller).startswith(_LIBRARY_DIRS):
            regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
            empty = RE_SPLIT.no_equivalent[0]
            if empty.applies(regex):
                warn_once("re.split", RE_SPLIT, modern=empty.instead)
                return _py36_split(regex, string, maxsplit)
        return original(pattern, string, maxsplit=maxsplit, flags=flags)

    _re_state["split"] = original
    re.split = split


def _unpatch_re() -> None:
    import re

    original = _re_state.pop("split", None)
    if original is not None:
        re.split = original


_SCORERS = _Change(
    "sklearn scoring",
    "scikit-learn 0.18 renamed the loss scorers ('log_loss' and the error scorers, already negated) and 0.20 "
    "removed the old names",
    "scoring='neg_log_loss' (likewise neg_mean_squared_error, neg_mean_absolute_error, neg_median_absolute_error)",
)
XRANGE = _Change("xrange", "Python 3 has no xrange (Python 2's lazy range)", "range")
_builtins_state: dict = {}


def _xrange(*args):
    warn_once("xrange", XRANGE)
    return range(*args)


def _patch_builtins() -> None:
    import builtins

    if not hasattr(builtins, "xrange"):
        builtins.xrange = _xrange
        _builtins_state["xrange"] = _xrange


def _unpatch_builtins() -> None:
    import builtins

    if _builtins_state.pop("xrange", None) is not None and getattr(builtins, "xrange", None) is _xrange:
        del builtins.xrange


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
        row = SKLEARN_MODULES[module.__name__]
        target = importlib.import_module(row.new)
        warn_once(module.__name__, row)
        module.__dict__.update({k: v for k, v in vars(target).items() if not k.startswith("__")})
        if module.__name__ == "sklearn.cross_validation":
            module.KFold, module.StratifiedKFold = OldKFold, OldStratifiedKFold
        for name in ("GridSearchCV", "RandomizedSearchCV"):
            if name in module.__dict__:
                module.__dict__[name] = _old_scoring_search(module.__dict__[name])
        for name in ("cross_val_score", "learning_curve", "validation_curve", "permutation_test_score"):
            if name in module.__dict__:
                module.__dict__[name] = _old_scoring_function(module.__dict__[name])
        module.__doc__ = f"Removed module {module.__name__}, re-exporting {row.new} (legacykeras era shim)."


# Scorer names scikit-learn 0.18 renamed (negated, "greater is better") and 0.20 removed.
OLD_SCORERS = {"log_loss": "neg_log_loss", "mean_squared_error": "neg_mean_squared_error",
               "mean_absolute_error": "neg_mean_absolute_error", "median_absolute_error": "neg_median_absolute_error"}


def _modern_scoring(scoring):
    if isinstance(scoring, str) and scoring in OLD_SCORERS:
        warn_once(f"scoring={scoring!r}", _SCORERS)
        return OLD_SCORERS[scoring]
    return scoring


def _old_scoring_search(cls):
    """The search class, accepting the scorer names of its grid_search days."""

    def fit(self, X, y=None, **params):
        self.scoring = _modern_scoring(self.scoring)
        return cls.fit(self, X, y, **params)

    return type(cls.__name__, (cls,), {"fit": fit, "__module__": cls.__module__, "__doc__": cls.__doc__})


def _old_scoring_function(fn):
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if "scoring" in kwargs:
            kwargs["scoring"] = _modern_scoring(kwargs["scoring"])
        return fn(*args, **kwargs)

    return wrapper


class OldKFold:
    """`sklearn.cross_validation.KFold(n, n_folds=3, shuffle=False, random_state=None)`: iterate
    (train, test) index arrays. Today: `model_selection.KFold(n_splits).split(X)`."""

    def __init__(self, n, n_folds=3, shuffle=False, random_state=None):
        from sklearn.model_selection import KFold

        self.n, self.n_folds = n, n_folds
        self._splitter = KFold(n_splits=n_folds, shuffle=shuffle, random_state=random_state if shuffle else None)

    def _split(self):
        import numpy as np

        return self._splitter.split(np.zeros((self.n, 1)))

    def __iter__(self):
        return iter(list(self._split()))

    def __len__(self):
        return self.n_folds


class OldStratifiedKFold(OldKFold):
    """`sklearn.cross_validation.StratifiedKFold(y, n_folds=3, ...)`. Today: `StratifiedKFold(n_splits).split(X, y)`."""

    def __init__(self, y, n_folds=3, shuffle=False, random_state=None):
        from sklearn.model_selection import StratifiedKFold

        import numpy as np

        self.y = np.asarray(y)
        self.n, self.n_folds = len(self.y), n_folds
        self._splitter = StratifiedKFold(n_splits=n_folds, shuffle=shuffle,
                                         random_state=random_state if shuffle else None)

    def _split(self):
        import numpy as np

        return self._splitter.split(np.zeros((self.n, 1)), self.y)


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
    _patch_re()
    _patch_builtins()
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
    _unpatch_re()
    _unpatch_builtins()
    misc = sys.modules.get("scipy.misc")
    if misc is not None:
        for name, value in list(_patched_misc.items()):
            if vars(misc).get(name) is value:
                delattr(misc, name)
            del _patched_misc[name]
    for name in SKLEARN_MODULES:
        sys.modules.pop(name, None)


def is_installed() -> bool:
    return _installed


__all__ = ["install", "uninstall", "is_installed", "enabled_by_environment", "NUMPY_ROWS",
           "SCIPY_MISC_ROWS", "SKLEARN_MODULES", "ENV_SWITCH", "OldKFold", "OldStratifiedKFold"]
