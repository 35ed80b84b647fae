"""Keras 1 multi-output results: [total_loss, <output>_loss..., <output>_<metric>...] (mnist_acgan)."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras.layers import Dense, Input
from legacykeras.models import Model

RNG = np.random.RandomState(3)
X = RNG.rand(8, 4).astype("float32")
Y_GEN = RNG.randint(0, 2, (8,))
Y_AUX = RNG.randint(0, 3, (8, 1))


def _losses(model):
    """Per-output losses computed from predict(), as Keras 1 defined them."""
    fake, aux = model.predict(X)
    p = np.clip(fake[:, 0], 1e-7, 1 - 1e-7)
    bce = float(np.mean(-(Y_GEN * np.log(p) + (1 - Y_GEN) * np.log(1 - p))))
    sce = float(np.mean(-np.log(np.clip(aux[np.arange(8), Y_AUX[:, 0]], 1e-7, 1))))
    return bce, sce


@pytest.fixture(scope="module")
def combined():
    # The mnist_acgan shape: a two-output model called inside another model, so both outputs of the
    # outer model come from one layer and share its name ('model_1', 'model_1' in Keras 1).
    image = Input(shape=(4,))
    discriminator = Model(input=image, output=[Dense(1, activation="sigmoid", name="generation")(image),
                                               Dense(3, activation="softmax", name="auxiliary")(image)])
    discriminator.compile("sgd", loss=["binary_crossentropy", "sparse_categorical_crossentropy"])
    latent = Input(shape=(4,))
    fake, aux = discriminator(Dense(4)(latent))
    model = Model(input=latent, output=[fake, aux])
    model.compile("sgd", loss=["binary_crossentropy", "sparse_categorical_crossentropy"], metrics=["accuracy"])
    return discriminator, model


def test_two_output_model_returns_total_and_per_output_losses(combined):
    discriminator, _ = combined
    assert discriminator.metrics_names == ["loss", "generation_loss", "auxiliary_loss"]
    bce, sce = _losses(discriminator)
    for result in (discriminator.test_on_batch(X, [Y_GEN, Y_AUX]),
                   discriminator.evaluate(X, [Y_GEN, Y_AUX], batch_size=8, verbose=0)):
        assert isinstance(result, list) and len(result) == 3
        np.testing.assert_allclose(result, [bce + sce, bce, sce], rtol=1e-4)
    out = discriminator.train_on_batch(X, [Y_GEN, Y_AUX])
    assert isinstance(out, list) and len(out) == 3
    np.testing.assert_allclose(out[0], out[1] + out[2], rtol=1e-5)


def test_outputs_sharing_a_layer_name_keep_separate_entries(combined):
    discriminator, model = combined
    name = discriminator.name
    assert model.output_names == [name, name]
    assert model.metrics_names == ["loss", f"{name}_loss", f"{name}_loss", f"{name}_acc", f"{name}_acc"]
    bce, sce = _losses(model)
    result = model.test_on_batch(X, [Y_GEN, Y_AUX])
    assert len(result) == 5
    np.testing.assert_allclose(result[:3], [bce + sce, bce, sce], rtol=1e-4)
    fake, aux = model.predict(X)
    np.testing.assert_allclose(result[3:], [np.mean((fake[:, 0] > 0.5) == Y_GEN),
                                            np.mean(aux.argmax(-1) == Y_AUX[:, 0])], rtol=1e-6)
    out = model.train_on_batch(X, [Y_GEN, Y_AUX])
    assert len(out) == 5 and out[1] != out[2]
    np.testing.assert_allclose(model.evaluate(X, [Y_GEN, Y_AUX], batch_size=8, verbose=0),
                               model.test_on_batch(X, [Y_GEN, Y_AUX]), rtol=1e-5)
