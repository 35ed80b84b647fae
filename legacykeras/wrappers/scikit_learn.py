"""Keras 1.2.2 `keras.wrappers.scikit_learn`: KerasClassifier and KerasRegressor.

`KerasClassifier(build_fn=None, **sk_params)`: `sk_params` mixes the builder's
arguments and Keras 1 `fit`/`predict`/`evaluate` arguments (`nb_epoch`,
`batch_size`, `verbose`, ...); each call picks the ones it takes, and values
passed to `fit(...)` etc. win. Works with scikit-learn's search and
cross-validation tools (`GridSearchCV`, `cross_val_score`); with scikit-learn
installed the wrappers are also its estimators (tags, `clone`).
"""

from __future__ import annotations

import inspect
import types

import numpy as np

from legacykeras.rules import training, wrappers as rows
from legacykeras.utils._calls import legacy_kwargs
from legacykeras.utils.np_utils import to_categorical

# Keras 1 arguments of the model methods the wrapper calls (Keras 2/3 spellings accepted too).
_FIT_ARGS = set(training.FIT.positional) | {"epochs"}
_PREDICT_ARGS = set(training.PREDICT.positional)
_PREDICT_CLASSES_ARGS = {"x", "batch_size", "verbose"}
_EVALUATE_ARGS = set(training.EVALUATE.positional)

try:
    from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
except ImportError:  # scikit-learn is optional: the wrappers still work on their own
    _CLASSIFIER_BASES = _REGRESSOR_BASES = ()
else:
    _CLASSIFIER_BASES, _REGRESSOR_BASES = (ClassifierMixin, BaseEstimator), (RegressorMixin, BaseEstimator)


def _arg_names(fn) -> set:
    return {name for name, p in inspect.signature(fn).parameters.items()
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}


class BaseWrapper:
    """Shared machinery of the Keras 1 scikit-learn wrappers (use KerasClassifier / KerasRegressor)."""

    _row = rows.KERAS_CLASSIFIER

    def __init__(self, build_fn=None, **sk_params):
        legacy_kwargs(self._row, (build_fn,), sk_params)  # warn once: Keras 3's wrappers differ
        self.build_fn = build_fn
        self.sk_params = sk_params
        self.check_params(sk_params)

    def _builder(self):
        if self.build_fn is None:
            return self.__call__
        if isinstance(self.build_fn, (types.FunctionType, types.MethodType)):
            return self.build_fn
        return self.build_fn.__call__

    def check_params(self, params):
        """Raise ValueError for a name that neither the builder nor a model method takes."""
        legal = _FIT_ARGS | _PREDICT_ARGS | _PREDICT_CLASSES_ARGS | _EVALUATE_ARGS
        if self.build_fn is not None or type(self).__call__ is not BaseWrapper.__call__:
            legal = legal | _arg_names(self._builder())
        for name in params:
            if name not in legal:
                raise ValueError(f"{name} is not a legal parameter")

    def __call__(self, **kwargs):
        raise NotImplementedError("Pass build_fn, or subclass and define __call__ to build the model.")

    def get_params(self, deep=True, **params):
        """The constructor arguments: build_fn and every sk_param (for scikit-learn's clone)."""
        res = dict(self.sk_params)
        res.update({"build_fn": self.build_fn})
        return res

    def set_params(self, **params):
        self.check_params(params)
        self.sk_params.update(params)
        return self

    def filter_sk_params(self, fn_or_names, override=None):
        """The sk_params that `fn_or_names` (a function or a set of names) takes, updated by `override`."""
        names = fn_or_names if isinstance(fn_or_names, (set, frozenset)) else _arg_names(fn_or_names)
        res = {name: value for name, value in self.sk_params.items() if name in names}
        res.update(override or {})
        return res

    def _loss_name(self):
        loss = getattr(self.model, "_legacy_loss_config", None) or getattr(self.model, "loss", None)
        loss = getattr(loss, "fn", loss)  # a legacykeras loss object wraps the Keras 1 function
        return getattr(loss, "__name__", loss)

    def _categorical_y(self, y):
        loss = self._loss_name()
        y = np.asarray(y)
        if loss == "categorical_crossentropy" and y.ndim != 2:
            return to_categorical(y)
        return y

    def fit(self, x, y, **kwargs):
        """Build a fresh model with build_fn and fit it; returns the History."""
        self.model = self._builder()(**self.filter_sk_params(self._builder()))
        y = self._categorical_y(y)
        fit_args = self.filter_sk_params(_FIT_ARGS - {"x", "y"})
        fit_args.update(kwargs)
        return self.model.fit(x, y, **fit_args)


class KerasClassifier(BaseWrapper, *_CLASSIFIER_BASES):
    """scikit-learn classifier around a Keras 1 model-building function."""

    _row = rows.KERAS_CLASSIFIER

    def fit(self, x, y, **kwargs):
        y = np.asarray(y)
        self.classes_ = np.unique(y if y.ndim == 1 else np.argmax(y, axis=-1))
        return super().fit(x, y, **kwargs)

    def predict(self, x, **kwargs):
        """Class predictions (`model.predict_classes`)."""
        kwargs = self.filter_sk_params(_PREDICT_CLASSES_ARGS - {"x"}, kwargs)
        return self.model.predict_classes(x, **kwargs)

    def predict_proba(self, x, **kwargs):
        """Class probabilities; one sigmoid unit becomes two columns [1 - p, p] as scikit-learn expects."""
        kwargs = self.filter_sk_params(_PREDICT_CLASSES_ARGS - {"x"}, kwargs)
        probs = self.model.predict_proba(x, **kwargs)
        if probs.shape[1] == 1:
            probs = np.hstack([1 - probs, probs])
        return probs

    def score(self, x, y, **kwargs):
        """Accuracy on (x, y) from `model.evaluate`; the model must be compiled with metrics=['accuracy']."""
        kwargs = self.filter_sk_params(_EVALUATE_ARGS - {"x", "y"}, kwargs)
        y = self._categorical_y(y)
        outputs = self.model.evaluate(x, y, **kwargs)
        outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
        for name, output in zip(self.model.metrics_names, outputs):
            if name in ("acc", "accuracy"):
                return output
        raise ValueError("The model is not configured to compute accuracy. You should pass "
                         "`metrics=[\"accuracy\"]` to the `model.compile()` method.")


class KerasRegressor(BaseWrapper, *_REGRESSOR_BASES):
    """scikit-learn regressor around a Keras 1 model-building function."""

    _row = rows.KERAS_REGRESSOR

    def predict(self, x, **kwargs):
        kwargs = self.filter_sk_params(_PREDICT_ARGS - {"x"}, kwargs)
        return np.squeeze(self.model.predict(x, **kwargs))

    def score(self, x, y, **kwargs):
        """The model's loss on (x, y) (scikit-learn maximises it: Keras 1 returned the loss as is)."""
        kwargs = self.filter_sk_params(_EVALUATE_ARGS - {"x", "y"}, kwargs)
        loss = self.model.evaluate(x, y, **kwargs)
        return loss[0] if isinstance(loss, (list, tuple)) else loss


__all__ = ["BaseWrapper", "KerasClassifier", "KerasRegressor", "to_categorical"]
