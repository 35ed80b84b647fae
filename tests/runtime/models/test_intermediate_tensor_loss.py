"""Keras 1 losses that read intermediate tensors of the model (the VAE's KL term), runtime/graph_loss."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras import objectives
from legacykeras.layers import Dense, Dropout, Input, Lambda
from legacykeras.models import Model

BATCH, DIM, LATENT, HIDDEN = 10, 12, 2, 6


def vae(epsilon_std):
    x = Input(batch_shape=(BATCH, DIM))
    h = Dense(HIDDEN, activation="relu")(x)
    z_mean = Dense(LATENT)(h)
    z_log_var = Dense(LATENT)(h)

    def sampling(args):
        mean, log_var = args
        epsilon = K.random_normal(shape=(BATCH, LATENT), mean=0., std=epsilon_std)
        return mean + K.exp(log_var / 2) * epsilon

    z = Lambda(sampling, output_shape=(LATENT,))([z_mean, z_log_var])
    decoded = Dense(DIM, activation="sigmoid")(Dense(HIDDEN, activation="relu")(z))

    def vae_loss(y_true, y_pred):
        xent_loss = DIM * objectives.binary_crossentropy(y_true, y_pred)
        kl_loss = - 0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var), axis=-1)
        return xent_loss + kl_loss

    model = Model(x, decoded)
    model.compile(optimizer="rmsprop", loss=vae_loss)
    return model, Model(x, [z_mean, z_log_var])


def data(n, seed=3):
    return (np.random.RandomState(seed).rand(n, DIM) > 0.5).astype("float32")


def manual_loss(model, encoder, x):
    """Keras 1's VAE loss computed in NumPy from the model's own predictions."""
    pred = np.clip(model.predict(x, batch_size=BATCH), 1e-7, 1 - 1e-7)
    mean, log_var = encoder.predict(x, batch_size=BATCH)
    xent = DIM * -np.mean(x * np.log(pred) + (1 - x) * np.log(1 - pred), axis=-1)
    kl = -0.5 * np.sum(1 + log_var - mean ** 2 - np.exp(log_var), axis=-1)
    return float(np.mean(xent + kl)), float(np.mean(kl))


@pytest.fixture(scope="module")
def deterministic():
    # epsilon_std=0: z == z_mean, so the loss can be recomputed exactly from predict().
    return vae(epsilon_std=0.)


def test_vae_trains_two_epochs_with_sampling():
    # Seeded: with unseeded initial weights and sampling noise, "epoch 2 < epoch 1" failed now and then.
    from legacykeras._keras import keras

    keras.utils.set_random_seed(1)
    model, _ = vae(epsilon_std=1.)
    x = data(100)
    history = model.fit(x, x, batch_size=BATCH, nb_epoch=2, shuffle=True, verbose=0,
                        validation_data=(x[:20], x[:20]))
    losses = history.history["loss"] + history.history["val_loss"]
    assert np.all(np.isfinite(losses))
    assert history.history["loss"][1] < history.history["loss"][0]


def test_loss_includes_the_kl_term(deterministic):
    model, encoder = deterministic
    x = data(BATCH, seed=5)
    expected, kl = manual_loss(model, encoder, x)
    assert abs(kl) > 1e-3  # the KL term is not negligible, so leaving it out would fail below
    np.testing.assert_allclose(model.test_on_batch(x, x), expected, rtol=1e-4)
    np.testing.assert_allclose(model.evaluate(x, x, batch_size=BATCH, verbose=0), expected, rtol=1e-4)
    # train_on_batch reports the loss before its update, then the update changes the encoder.
    np.testing.assert_allclose(model.train_on_batch(x, x), expected, rtol=1e-4)
    after, kl_after = manual_loss(model, encoder, x)
    assert kl_after != kl
    np.testing.assert_allclose(model.test_on_batch(x, x), after, rtol=1e-4)


def test_intermediate_tensor_under_dropout_comes_from_the_same_pass():
    # y_pred is the dropped-out hidden layer itself: the loss is 0 only if the `hidden` it reads
    # comes from the very forward pass that produced y_pred (another pass draws another mask).
    x = Input(shape=(DIM,))
    hidden = Dropout(0.5)(Dense(HIDDEN, activation="relu")(x))
    out = Lambda(lambda t: t * 1.)(hidden)
    model = Model(x, out)
    model.compile("sgd", lambda y_true, y_pred: K.sum(K.abs(y_pred - hidden), axis=-1) + 0. * K.sum(y_true))
    xs = data(BATCH)
    assert model.train_on_batch(xs, np.zeros((BATCH, HIDDEN))) == 0.
    assert model.test_on_batch(xs, np.zeros((BATCH, HIDDEN))) == 0.


def test_plain_custom_loss_is_left_alone():
    x = Input(shape=(DIM,))
    model = Model(x, Dense(DIM)(x))
    model.compile("sgd", lambda y_true, y_pred: K.mean(K.abs(y_pred - y_true), axis=-1))
    assert model._legacy_graph_loss is None
    xs = data(BATCH)
    np.testing.assert_allclose(model.test_on_batch(xs, xs), np.mean(np.abs(model.predict(xs) - xs)), rtol=1e-5)
