"""Rows for `keras.wrappers.scikit_learn` (Keras 1.2.2). Codes LK421-LK429.

Keras 3's `keras.wrappers.SKLearnClassifier(model, model_kwargs=..., fit_kwargs=...)`
takes a model or a builder with another calling convention; the popular
modern spelling of Keras 1's wrapper is the `scikeras` package
(`scikeras.wrappers.KerasClassifier(model=build_fn, epochs=...)`).
"""

from legacykeras.rules.schema import CallRule

_WHY = ("Keras 3 wraps models as keras.wrappers.SKLearnClassifier/SKLearnRegressor(model, model_kwargs=..., "
        "fit_kwargs=...) (or use scikeras.wrappers.KerasClassifier(model=build_fn, epochs=...)); "
        "Keras 2 called `nb_epoch` `epochs`")

KERAS_CLASSIFIER = CallRule(
    code="LK421",
    old="keras.wrappers.scikit_learn.KerasClassifier",
    new=None,
    positional=("build_fn",),
    rename={"nb_epoch": "epochs"},
    layer=False,
    why=_WHY,
)

KERAS_REGRESSOR = CallRule(
    code="LK422",
    old="keras.wrappers.scikit_learn.KerasRegressor",
    new=None,
    positional=("build_fn",),
    rename={"nb_epoch": "epochs"},
    layer=False,
    why=_WHY,
)

RULES = [KERAS_CLASSIFIER, KERAS_REGRESSOR]
