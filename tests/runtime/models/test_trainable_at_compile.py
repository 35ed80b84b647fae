"""Keras 1 froze `trainable` when a model was compiled (the GAN idiom relies on it)."""

import numpy as np

from legacykeras.layers import Dense, Input
from legacykeras.models import Model, Sequential


def test_discriminator_still_trains_after_being_frozen_for_the_combined_model():
    d = Sequential([Dense(4, input_dim=3, activation="relu"), Dense(1, activation="sigmoid")])
    d.compile("sgd", "binary_crossentropy")
    d.trainable = False
    z = Input(shape=(2,))
    g = Dense(3)
    combined = Model(input=z, output=d(g(z)))
    combined.compile("sgd", "binary_crossentropy")

    rng = np.random.RandomState(0)
    before_d = [w.copy() for w in d.get_weights()]
    d.train_on_batch(rng.rand(8, 3), np.ones((8, 1)))
    assert any(not np.allclose(a, b) for a, b in zip(before_d, d.get_weights()))
    assert d.trainable is False  # the user's flag is back after the batch

    after_d = [w.copy() for w in d.get_weights()]
    before_g = [w.copy() for w in g.get_weights()]
    combined.train_on_batch(rng.rand(8, 2), np.ones((8, 1)))
    assert all(np.allclose(a, b) for a, b in zip(after_d, d.get_weights()))  # frozen in the combined model
    assert any(not np.allclose(a, b) for a, b in zip(before_g, g.get_weights()))

    d.train_on_batch(rng.rand(8, 3), np.zeros((8, 1)))
    assert any(not np.allclose(a, b) for a, b in zip(after_d, d.get_weights()))
