"""Large weight arrays reach TensorFlow in 64-byte aligned memory.

TensorFlow's CPU kernels assume 64-byte aligned buffers; a variable that adopted a 16-byte aligned
NumPy buffer (zero-copy assign) made the next predict abort with "Check failed: IsAligned()"
(VGG16/ResNet50 'imagenet' weights). keras.applications used to re-set every weight after
load_weights to dodge it; the loader itself now hands over aligned buffers, which is checked here.
"""

from __future__ import annotations

import warnings

import h5py
import numpy as np
import pytest

from legacykeras.io import hdf5_weights
from legacykeras.layers import Dense
from legacykeras.models import Sequential

ALIGN = 64
BIG = (1024, 512)  # 2 MiB of float32: above the loader's zero-copy threshold


def _mlp():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Sequential([Dense(BIG[1], input_dim=BIG[0], activation="relu"), Dense(3)])
    return model


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    np.random.seed(3)
    model = _mlp()
    path = tmp_path_factory.mktemp("aligned") / "weights.h5"
    model.save_weights(str(path))
    return model, path


def test_large_datasets_are_read_into_aligned_memory(saved):
    _, path = saved
    with h5py.File(path, "r") as f:
        big = [f[name] for name in _datasets(f) if f[name].size * f[name].dtype.itemsize >= 1 << 20]
        assert big, "the fixture must hold an array above the zero-copy threshold"
        for dataset in big:
            array = hdf5_weights._read_aligned(dataset)
            assert array.ctypes.data % ALIGN == 0
            np.testing.assert_array_equal(array, dataset[()])


def test_unaligned_large_array_is_copied_aligned_before_assign():
    # A view 4 bytes into an aligned buffer: never 64-byte aligned, so it must not be adopted as is.
    raw = hdf5_weights._aligned_empty((BIG[0] * BIG[1] + 1,), "float32")
    view = raw[1:].reshape(BIG)
    view[...] = np.random.RandomState(0).rand(*BIG)
    assert view.ctypes.data % ALIGN != 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        layer = Dense(BIG[1], input_dim=BIG[0])
        Sequential([layer])
    hdf5_weights._assign_variable(layer.weights[0], view)
    np.testing.assert_array_equal(np.asarray(layer.weights[0]), view)


def test_load_weights_then_predict_twice_without_re_setting(saved):
    model, path = saved
    np.random.seed(4)
    loaded = _mlp()
    loaded.load_weights(str(path))
    x = np.random.RandomState(1).rand(2, BIG[0]).astype("float32")
    first = loaded.predict(x)
    np.testing.assert_allclose(first, model.predict(x), rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(loaded.predict(x), first)


def _datasets(group, prefix=""):
    for key, item in group.items():
        name = f"{prefix}{key}"
        if isinstance(item, h5py.Dataset):
            yield name
        else:
            yield from _datasets(item, name + "/")
