"""Embedding gradients are sparse (IndexedSlices); every Keras 1 optimizer must train through them."""

import numpy as np
import pytest

from legacykeras.layers import Dense, Embedding, Flatten
from legacykeras.models import Sequential


@pytest.mark.parametrize("optimizer", ["sgd", "rmsprop", "adagrad", "adadelta", "adam", "adamax", "nadam"])
def test_embedding_trains_with_every_optimizer(optimizer):
    model = Sequential([Embedding(20, 4, input_length=5), Flatten(), Dense(1, activation="sigmoid")])
    model.compile(optimizer, "binary_crossentropy")
    rng = np.random.RandomState(0)
    before = model.layers[0].get_weights()[0].copy()
    model.fit(rng.randint(0, 20, (8, 5)), rng.randint(0, 2, (8, 1)), nb_epoch=1, verbose=0)
    after = model.layers[0].get_weights()[0]
    assert not np.allclose(before, after)
