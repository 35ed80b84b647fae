"""`LegacyModelMixin`: Keras 1 compile/fit/evaluate/predict/save on a Keras 3 model.

Keras 1 semantics users can see: positional `fit(X, y, 32, 10)` meaning
batch_size/nb_epoch, `nb_epoch` with its default of 10, History keys 'acc' /
'val_acc', `predict` silent by default, `predict_classes` / `predict_proba`,
`save_weights` / `load_weights` in the Keras 1 HDF5 layout, `to_json()` in
Keras 1 form.
"""

from __future__ import annotations

import json

import numpy as np

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.io import hdf5_weights
from legacykeras.rules import training as rows
from legacykeras.rules.convert import modern_call, translate

KERAS_VERSION = "1.2.2"


def _translate(rule, args, kwargs):
    translation = translate(rule, args, kwargs)
    if translation.changes:
        lk_warnings.warn_legacy(
            rule.code,
            f"Keras 1 call `{rule.old_name}(...)`: {'; '.join(translation.changes)}. "
            f"Keras 3: {modern_call(rule, translation)}",
        )
    return translation.kwargs


def _legacy_metric(metric):
    # Keras 1 reported 'accuracy' as 'acc' (History keys, callback logs).
    return "acc" if metric == "accuracy" else metric


class LegacyModelMixin:
    """Keras 1 training and saving API over `keras.Model` / `keras.Sequential`."""

    def compile(self, *args, **kwargs):
        from legacykeras import optimizers

        kw = _translate(rows.COMPILE, args, kwargs)
        kw.pop("sample_weight_mode", None)  # Keras 3 infers temporal weights from their shape
        kw["optimizer"] = optimizers.get(kw.get("optimizer", "rmsprop"))
        metrics = kw.get("metrics")
        if isinstance(metrics, (list, tuple)):
            kw["metrics"] = [_legacy_metric(m) for m in metrics]
        elif isinstance(metrics, dict):
            kw["metrics"] = {k: [_legacy_metric(m) for m in v] if isinstance(v, (list, tuple)) else _legacy_metric(v)
                             for k, v in metrics.items()}
        return super().compile(**kw)

    def fit(self, *args, **kwargs):
        kw = _translate(rows.FIT, args, kwargs)
        if kw.get("shuffle") == "batch":  # Keras 1 shuffled in batch-sized chunks for HDF5 data
            kw["shuffle"] = True
        return super().fit(**kw)

    def evaluate(self, *args, **kwargs):
        kw = _translate(rows.EVALUATE, args, kwargs)
        kw.setdefault("verbose", 1)
        return super().evaluate(**kw)

    def predict(self, *args, **kwargs):
        kw = _translate(rows.PREDICT, args, kwargs)
        kw.setdefault("verbose", 0)  # Keras 1's predict printed nothing by default
        return super().predict(**kw)

    def predict_proba(self, x, batch_size=32, verbose=1):
        return self.predict(x, batch_size=batch_size, verbose=verbose)

    def predict_classes(self, x, batch_size=32, verbose=1):
        proba = self.predict(x, batch_size=batch_size, verbose=verbose)
        if proba.shape[-1] > 1:
            return proba.argmax(axis=-1)
        return (proba > 0.5).astype("int32")

    # --- weights files ------------------------------------------------------------------
    def save_weights(self, filepath, overwrite=True, **kwargs):
        if str(filepath).endswith(".weights.h5") and kwargs:
            return super().save_weights(filepath, overwrite=overwrite, **kwargs)
        hdf5_weights.save_weights(self.layers, str(filepath), overwrite=overwrite)

    def load_weights(self, filepath, by_name=False, **kwargs):
        hdf5_weights.load_weights(self.layers, str(filepath), by_name=by_name)

    # --- configs ------------------------------------------------------------------------
    def to_json(self, **kwargs):
        return json.dumps(self._legacy_model_dict(), **kwargs)

    def to_yaml(self, **kwargs):
        import yaml

        return yaml.dump(self._legacy_model_dict(), **kwargs)

    def _legacy_model_dict(self):
        return {"class_name": type(self).__name__, "config": self.get_config(), "keras_version": KERAS_VERSION}

    def get_layer(self, name=None, index=None):
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError(f"Was asked to retrieve layer at index {index} but model only has {len(self.layers)} layers.")
            return self.layers[index]
        return super().get_layer(name=name)


def legacy_layer_entry(layer) -> dict:
    return {"class_name": type(layer).__name__, "config": layer.get_config()}


__all__ = ["LegacyModelMixin", "KERAS_VERSION", "legacy_layer_entry", "np"]
