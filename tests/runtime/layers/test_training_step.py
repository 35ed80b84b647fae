"""One Keras 1 training step through legacy layers, against Keras 1.2.2 on Theano.

What a step exercises that inference does not: BatchNormalization's moving
statistics (mode 0, with Keras 1's momentum) and their absence (mode 2); weight
penalties with Keras 1's float32 factors, the activity penalty summed over the
batch (Keras 3 takes the mean), and a max-norm constraint.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from tests.runtime.layers.layer_testing import case_id, dim_ordering, namespace, training_cases


def _arrays(path):
    data = np.load(path)
    return [data[f"arr_{i}"] for i in range(len(data.files))]


@pytest.mark.parametrize("path", training_cases(), ids=case_id)
def test_two_training_steps_match_keras1(path):
    from legacykeras.models import Sequential
    from legacykeras.optimizers import SGD

    meta = json.loads((path / "meta.json").read_text())
    with dim_ordering(meta["dim_ordering"]):
        model = Sequential(eval(meta["src"], namespace()))  # noqa: S307  (the fixture's Keras 1 line)
        model.compile(loss="mse", optimizer=SGD(lr=0.1))
        initial = _arrays(path / "initial_weights.npz")
        for layer in model.layers:
            count = len(layer.get_weights())
            layer.set_weights(initial[:count])
            initial = initial[count:]
        x, y = np.load(path / "train_x.npy"), np.load(path / "train_y.npy")
        losses = [float(model.train_on_batch(x, y)) for _ in range(2)]
    expected = json.loads((path / "history.json").read_text())["loss"]
    np.testing.assert_allclose(losses, expected, rtol=1e-5)
    final = [w for layer in model.layers for w in layer.get_weights()]
    theano_offsets = _theano_running_std_offsets(model)
    for index, (ours, theirs) in enumerate(zip(final, _arrays(path / "final_weights.npz"), strict=True)):
        np.testing.assert_allclose(ours + theano_offsets.get(index, 0.0), theirs, rtol=1e-5, atol=1e-5)


def _theano_running_std_offsets(model, steps=2):
    """Keras 1.2.2 on Theano averaged var + epsilon into running_std (its bn op returns
    1 / invstd**2); on TensorFlow, and in legacykeras, it is the variance. After n steps
    from the same start the Theano array is larger by epsilon * (1 - momentum**n)."""
    offsets, index = {}, 0
    for layer in model.layers:
        count = len(layer.get_weights())
        config = layer.get_config()
        if type(layer).__name__ == "BatchNormalization" and config["mode"] == 0:
            offsets[index + 3] = config["epsilon"] * (1 - config["momentum"] ** steps)
        index += count
    return offsets
