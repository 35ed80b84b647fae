"""Names that Keras 1 programs used and today's NumPy, SciPy and scikit-learn removed. Codes LK901-LK999.

NumPy 1.24 removed the builtin aliases (`np.float` was `float`) and NumPy 2
the rest (`np.float_`, `np.NaN`, ...). SciPy 1.2-1.3 removed the image helpers
of `scipy.misc` (SciPy's own advice: imageio for reading and writing, Pillow
for resizing). scikit-learn 0.20-0.22 removed `grid_search`,
`cross_validation` and `learning_curve` for `model_selection`, where the
K-fold splitters take `n_splits` and split with `.split(X, y)`.
"""

import re

from legacykeras.rules.schema import CallRule, Drop, ModuleRule, NoEquivalent


def _alias(code, old, new, why):
    return CallRule(code=code, old=f"numpy.{old}", new=new, layer=False, kept_positional=99, why=why)


_BUILTIN = "NumPy 1.24 removed the aliases of Python's builtin types"
_NUMPY2 = "NumPy 2 removed this alias"


def splits_on_empty(pattern) -> bool:
    """Can `pattern` (text or compiled) match the empty string? Then Python >= 3.7 splits on it."""
    try:
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
    except (re.error, TypeError):
        return False
    if regex.match("") is not None:
        return True
    found = regex.search(" ")
    return found is not None and found.end() == found.start()


RE_SPLIT = CallRule(
    code="LK947", old="re.split", new="re.split", positional=("pattern", "string", "maxsplit", "flags"),
    no_equivalent=[NoEquivalent(
        "pattern", when=splits_on_empty,
        why="Python 3.7 made re.split also split on empty matches, so a pattern that can match nothing, "
            "like r'(\\W+)?' in Keras 1's bAbI examples, now yields empty strings and None groups",
        instead="a pattern that cannot match empty, e.g. r'(\\W+)', and drop empty pieces")],
    kept_positional=99, layer=False,
    why="Python 3.7 changed what re.split returns for patterns that can match the empty string",
)


RULES = [
    _alias("LK901", "bool", "builtins.bool", _BUILTIN),
    _alias("LK902", "int", "builtins.int", _BUILTIN),
    _alias("LK903", "float", "builtins.float", _BUILTIN),
    _alias("LK904", "complex", "builtins.complex", _BUILTIN),
    _alias("LK905", "object", "builtins.object", _BUILTIN),
    _alias("LK906", "str", "builtins.str", _BUILTIN),
    _alias("LK907", "long", "builtins.int", _BUILTIN),
    _alias("LK908", "unicode", "builtins.str", _BUILTIN),
    _alias("LK909", "float_", "numpy.float64", _NUMPY2),
    _alias("LK910", "complex_", "numpy.complex128", _NUMPY2),
    _alias("LK911", "unicode_", "numpy.str_", _NUMPY2),
    _alias("LK912", "string_", "numpy.bytes_", _NUMPY2),
    _alias("LK913", "int0", "numpy.intp", _NUMPY2),
    _alias("LK914", "uint0", "numpy.uintp", _NUMPY2),
    _alias("LK915", "bool8", "numpy.bool_", _NUMPY2),
    _alias("LK916", "object0", "numpy.object_", _NUMPY2),
    _alias("LK917", "NaN", "numpy.nan", _NUMPY2),
    _alias("LK918", "NAN", "numpy.nan", _NUMPY2),
    _alias("LK919", "Inf", "numpy.inf", _NUMPY2),
    _alias("LK920", "Infinity", "numpy.inf", _NUMPY2),
    _alias("LK921", "PINF", "numpy.inf", _NUMPY2),
    _alias("LK922", "infty", "numpy.inf", _NUMPY2),
    _alias("LK923", "alltrue", "numpy.all", _NUMPY2),
    _alias("LK924", "sometrue", "numpy.any", _NUMPY2),
    _alias("LK925", "product", "numpy.prod", _NUMPY2),
    _alias("LK926", "cumproduct", "numpy.cumprod", _NUMPY2),
    _alias("LK927", "round_", "numpy.round", _NUMPY2),
    _alias("LK928", "rank", "numpy.ndim", "NumPy 1.18 removed `rank`; it meant the number of dimensions"),
    CallRule(code="LK929", old="numpy.asscalar", new=None, positional=("a",), layer=False,
             why="NumPy 1.23 removed `asscalar`: write `a.item()`"),
    CallRule(code="LK930", old="numpy.asfarray", new=None, positional=("a", "dtype"), layer=False,
             why="NumPy 2 removed `asfarray`: write `numpy.asarray(a, dtype=float)`"),
    CallRule(
        code="LK931",
        old="scipy.misc.imread",
        new="imageio.v2.imread",
        aliases=("scipy.ndimage.imread",),
        positional=("name", "flatten", "mode"),
        rename={"name": "uri", "mode": "pilmode", "flatten": "as_gray"},
        kept_positional=1,
        layer=False,
        why="SciPy 1.2 removed `imread`; SciPy pointed to `imageio.imread` (the `imageio` package)",
    ),
    CallRule(
        code="LK932",
        old="scipy.misc.imsave",
        new="imageio.v2.imwrite",
        positional=("name", "arr", "format"),
        rename={"name": "uri", "arr": "im"},
        kept_positional=3,
        layer=False,
        why="SciPy 1.2 removed `imsave`; SciPy pointed to `imageio.imwrite` (the `imageio` package)",
    ),
    CallRule(
        code="LK933",
        old="scipy.misc.imresize",
        new=None,
        positional=("arr", "size", "interp", "mode"),
        layer=False,
        why="SciPy 1.3 removed `imresize`: `numpy.array(PIL.Image.fromarray(arr).resize((width, height)))` "
            "(mind the (width, height) order, and that imresize returned uint8)",
    ),
    CallRule(code="LK934", old="scipy.misc.toimage", new=None, positional=("arr",), layer=False,
             why="SciPy 1.2 removed `toimage`: `PIL.Image.fromarray(arr)` (scale to uint8 first)"),
    CallRule(code="LK935", old="scipy.misc.fromimage", new="numpy.asarray", positional=("im", "flatten", "mode"),
             no_equivalent=[NoEquivalent("flatten", why="`asarray` does not convert colours",
                                         instead="`im.convert('L')` first"),
                            NoEquivalent("mode", why="`asarray` does not convert colours",
                                         instead="`im.convert(mode)` first")],
             kept_positional=1, layer=False, why="SciPy 1.2 removed `fromimage`: `numpy.asarray(im)`"),
    CallRule(code="LK936", old="scipy.misc.logsumexp", new="scipy.special.logsumexp", kept_positional=99,
             layer=False, why="`logsumexp` moved to `scipy.special`"),
    CallRule(code="LK937", old="scipy.misc.comb", new="scipy.special.comb", kept_positional=99, layer=False,
             why="`comb` moved to `scipy.special`"),
    CallRule(code="LK938", old="scipy.misc.factorial", new="scipy.special.factorial", kept_positional=99,
             layer=False, why="`factorial` moved to `scipy.special`"),
    CallRule(code="LK939", old="scipy.misc.bytescale", new=None, positional=("data",), layer=False,
             why="SciPy 1.2 removed `bytescale`: scale to 0-255 and cast with `astype(numpy.uint8)`"),
    CallRule(code="LK945", old="sklearn.cross_validation.KFold", new=None, positional=("n", "n_folds"),
             aliases=("sklearn.cross_validation.StratifiedKFold", "sklearn.cross_validation.ShuffleSplit",
                      "sklearn.cross_validation.StratifiedShuffleSplit", "sklearn.cross_validation.LeaveOneOut",
                      "sklearn.cross_validation.LabelKFold"),
             layer=False,
             why="`sklearn.model_selection` splitters take `n_splits` (not the data size or labels) and "
                 "split with `.split(X, y)`"),
    CallRule(code="LK946", old="sklearn.grid_search.GridSearchCV", new="sklearn.model_selection.GridSearchCV",
             aliases=("sklearn.grid_search.RandomizedSearchCV",),
             positional=("estimator", "param_grid", "scoring", "fit_params", "n_jobs", "iid", "refit", "cv",
                         "verbose"),
             drop=[Drop("iid", why="scikit-learn 0.24 removed `iid`")],
             no_equivalent=[NoEquivalent("fit_params", why="scikit-learn 0.21 removed `fit_params`",
                                         instead="pass them to `.fit(X, y, **fit_params)`")],
             kept_positional=2, layer=False,
             why="`sklearn.grid_search` is `sklearn.model_selection`; arguments after `param_grid` are keywords"),
    RE_SPLIT,
]

MODULE_RULES = [
    ModuleRule("LK941", "sklearn.grid_search", "sklearn.model_selection",
               why="scikit-learn 0.20 removed `grid_search`"),
    ModuleRule("LK942", "sklearn.cross_validation", "sklearn.model_selection",
               why="scikit-learn 0.20 removed `cross_validation`"),
    ModuleRule("LK943", "sklearn.learning_curve", "sklearn.model_selection",
               why="scikit-learn 0.20 removed `learning_curve`"),
]
