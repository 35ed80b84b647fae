"""keras.wrappers.scikit_learn: KerasClassifier / KerasRegressor with Keras 1 parameters."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from legacykeras import LegacyKerasWarning

sklearn = pytest.importorskip("sklearn")

from legacykeras.wrappers.scikit_learn import KerasClassifier, KerasRegressor  # noqa: E402


def build_classifier(hidden=6):
    from legacykeras.layers.core import Activation, Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(hidden, input_dim=4), Activation("relu"), Dense(3), Activation("softmax")])
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


def build_regressor():
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(1, input_dim=4)])
    model.compile(loss="mse", optimizer="sgd")
    return model


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        yield


@pytest.fixture(scope="module")
def data():
    rng = np.random.RandomState(0)
    x = rng.rand(40, 4).astype("float32")
    return x, (x[:, 0] * 3).astype(int).clip(0, 2)


def test_classifier_honours_nb_epoch_and_converts_labels(data):
    x, y = data
    clf = KerasClassifier(build_classifier, nb_epoch=3, batch_size=8, verbose=0)
    history = clf.fit(x, y)
    assert len(history.history["loss"]) == 3
    assert set(clf.predict(x)) <= {0, 1, 2}
    assert clf.predict_proba(x[:5]).shape == (5, 3)
    assert 0.0 <= clf.score(x, y) <= 1.0
    history = clf.fit(x, y, nb_epoch=1)  # fit's own arguments win over sk_params
    assert len(history.history["loss"]) == 1


def test_illegal_parameter_is_refused():
    with pytest.raises(ValueError, match="nb_epochs is not a legal parameter"):
        KerasClassifier(build_classifier, nb_epochs=3)


def test_params_round_trip_for_clone():
    from sklearn.base import clone

    clf = KerasClassifier(build_classifier, hidden=4, nb_epoch=2)
    assert clf.get_params() == {"build_fn": build_classifier, "hidden": 4, "nb_epoch": 2}
    copy = clone(clf.set_params(hidden=5))
    assert copy.get_params()["hidden"] == 5


def test_grid_search_over_builder_and_fit_parameters(data):
    from sklearn.model_selection import GridSearchCV

    x, y = data
    search = GridSearchCV(KerasClassifier(build_classifier, verbose=0), {"hidden": [3], "nb_epoch": [1, 2]},
                          cv=2)
    search.fit(x, y)
    assert set(search.best_params_) == {"hidden", "nb_epoch"}


def test_regressor_predicts_and_scores_loss(data):
    x, y = data
    reg = KerasRegressor(build_regressor, nb_epoch=2, verbose=0)
    reg.fit(x, y.astype("float32"))
    assert reg.predict(x).shape == (40,)
    assert reg.score(x, y.astype("float32")) >= 0


def test_keras1_wrapper_warns_with_modern_spelling():
    warnings.simplefilter("always", LegacyKerasWarning)
    with pytest.warns(LegacyKerasWarning, match="SKLearnClassifier"):
        KerasClassifier(build_classifier, nb_epoch=1)
