"""Shared helpers for the recurrent parity tests: rebuild a fixture's model from its Keras 1 constructor."""

from __future__ import annotations

import json

import numpy as np

from testlib import fixture_case


def namespace():
    """Names a fixture constructor may use (`LSTM`, `Embedding`, `TimeDistributed`, ...)."""
    import legacykeras.layers as layers

    ns = dict(vars(layers))
    if "Embedding" not in ns:  # the embeddings facade may not exist yet: Keras 3's behaves the same
        from legacykeras._keras import keras

        def Embedding(input_dim, output_dim, mask_zero=False, input_length=None, **kwargs):
            layer = keras.layers.Embedding(input_dim, output_dim, mask_zero=mask_zero)
            layer._legacy_batch_input_shape = (None, input_length)
            layer._legacy_input_dtype = "int32"
            return layer

        ns["Embedding"] = Embedding
    return ns


def layer_weights(path):
    data = np.load(path / "layer_weights.npz")
    return [data[f"arr_{i}"] for i in range(len(data.files))]


def load(env, ordering, case, constructor=None):
    """(model, meta, path) with the fixture's weights loaded into a freshly built model.

    Built under the fixture's dim ordering (constructors say 'default'). Theano ran true
    convolutions, so a Theano fixture's 4D kernels are flipped on their spatial axes first.
    """
    from legacykeras import backend as K
    from legacykeras.models import Sequential

    path = fixture_case(env, ordering, case)
    meta = json.loads((path / "meta.json").read_text())
    K.reset_uids()  # Keras 1 names from _1, as in the fixture's fresh session
    previous = K.image_dim_ordering()
    K.set_image_dim_ordering(ordering)
    try:
        model = Sequential(eval(constructor or meta["constructor"], namespace()))
    finally:
        K.set_image_dim_ordering(previous)
    for layer, weights in zip(model.layers, _weights_by_layer(path)):
        if weights:
            if env == "theano":
                weights = [flip_theano_kernel(w, ordering) for w in weights]
            layer.set_weights(weights)
    return model, meta, path


def flip_theano_kernel(array, ordering):
    """Theano -> TensorFlow convolution kernel in Keras 1 layout: reverse the spatial axes."""
    if array.ndim != 4:
        return array
    return array[:, :, ::-1, ::-1] if ordering == "th" else array[::-1, ::-1, :, :]


def _weights_by_layer(path):
    import h5py

    with h5py.File(path / "weights.h5", "r") as f:
        out = []
        for name in f.attrs["layer_names"]:
            group = f[name.decode() if isinstance(name, bytes) else name]
            names = [n.decode() if isinstance(n, bytes) else n for n in group.attrs["weight_names"]]
            out.append([np.asarray(group[n]) for n in names])
        return out
