"""keras.utils: np_utils, generic_utils, data_utils (offline cache), io_utils, layer_utils, visualize_util."""

from __future__ import annotations

import importlib.util
import io
import os
import tarfile
import warnings
from contextlib import redirect_stdout

import h5py
import numpy as np
import pytest

from legacykeras import LegacyKerasWarning
from legacykeras.utils import data_utils, generic_utils, io_utils, np_utils

UNREACHABLE = "http://127.0.0.1:9/keras1/{}"  # port 9 (discard) refuses at once: a stand-in for "offline"


# --- np_utils -----------------------------------------------------------------------------

def test_to_categorical_is_keras1_float64_and_flattens():
    out = np_utils.to_categorical(np.array([[0], [2], [1]]), 4)
    assert out.dtype == np.float64 and out.shape == (3, 4)
    np.testing.assert_array_equal(out.argmax(1), [0, 2, 1])
    assert np_utils.to_categorical([1, 3]).shape == (2, 4)


def test_to_categorical_nb_classes_keyword_warns_with_modern_spelling():
    with pytest.warns(LegacyKerasWarning, match="`nb_classes` is now `num_classes`"):
        out = np_utils.to_categorical([0, 1], nb_classes=3)
    assert out.shape == (2, 3)


def test_probas_to_classes():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        np.testing.assert_array_equal(np_utils.probas_to_classes(np.array([[.1, .9], [.8, .2]])), [1, 0])
        np.testing.assert_array_equal(np_utils.probas_to_classes(np.array([.7, .2])), [1, 0])
        np.testing.assert_array_equal(np_utils.categorical_probas_to_classes(np.eye(3)[[2, 0]]), [2, 0])


@pytest.mark.parametrize("ordering, spatial", [("th", (2, 3)), ("tf", (0, 1))])
def test_convert_kernel_flips_spatial_axes_only(ordering, spatial):
    kernel = np.random.rand(2, 3, 4, 5)
    flipped = np_utils.convert_kernel(kernel, ordering)
    np.testing.assert_array_equal(flipped, np.flip(kernel, axis=spatial))
    np.testing.assert_array_equal(np_utils.convert_kernel(flipped, ordering), kernel)
    with pytest.raises(ValueError, match="Invalid kernel shape"):
        np_utils.convert_kernel(np.zeros((3, 3)), ordering)


def test_conv_lengths():
    assert np_utils.conv_output_length(28, 3, "valid", 1) == 26
    assert np_utils.conv_output_length(28, 3, "same", 2) == 14
    assert np_utils.conv_output_length(28, 3, "full", 1) == 30
    assert np_utils.conv_output_length(10, 3, "valid", 1, dilation=2) == 6
    assert np_utils.conv_input_length(26, 3, "valid", 1) == 28
    assert np_utils.conv_output_length(None, 3, "valid", 1) is None


# --- generic_utils ------------------------------------------------------------------------

def test_func_dump_and_load_round_trip():
    offset = 5

    def add(x, y=2):
        return x + y + offset

    restored = generic_utils.func_load(generic_utils.func_dump(add))
    assert restored(1) == 8 and restored(1, 3) == 9


def test_func_load_of_foreign_bytecode_is_clear():
    with pytest.raises(ValueError, match="another Python version"):
        generic_utils.func_load("\x00garbage")


def test_get_from_module_and_custom_objects():
    params = {"relu": "RELU", "Thing": dict}
    assert generic_utils.get_from_module("relu", params, "activation") == "RELU"
    assert generic_utils.get_from_module({"name": "Thing", "a": 1}, params, "x") == {"a": 1}
    with generic_utils.custom_object_scope({"mine": "MINE"}):
        assert generic_utils.get_from_module("mine", params, "activation") == "MINE"
    with pytest.raises(ValueError, match="Invalid activation: nope"):
        generic_utils.get_from_module("nope", params, "activation")


def test_progbar_keras1_output():
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        bar = generic_utils.Progbar(10)
        bar.update(10, values=[("loss", 0.5)], force=True)
    assert "10/10 [==============================]" in buffer.getvalue()
    assert "loss: 0.5000" in buffer.getvalue()


# --- data_utils ---------------------------------------------------------------------------

@pytest.fixture()
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / ".keras"))
    return tmp_path / ".keras"


def test_get_file_cache_hit_needs_no_network(keras_home):
    cached = keras_home / "datasets" / "thing.pkl"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"data")
    assert data_utils.get_file("thing.pkl", UNREACHABLE.format("thing.pkl")) == str(cached)


def test_get_file_miss_offline_names_url_and_cache_path(keras_home):
    url = UNREACHABLE.format("missing.pkl")
    with pytest.raises(data_utils.DownloadError) as error:
        data_utils.get_file("missing.pkl", url, cache_subdir="models")
    message = str(error.value)
    assert url in message
    assert str(keras_home / "models" / "missing.pkl") in message
    assert not (keras_home / "models" / "missing.pkl").exists()


def test_get_file_untar_from_cached_archive(keras_home, tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "a.txt").write_text("hi")
    datasets = keras_home / "datasets"
    datasets.mkdir(parents=True)
    with tarfile.open(datasets / "bundle.tar.gz", "w:gz") as archive:
        archive.add(folder, arcname="bundle")
    with redirect_stdout(io.StringIO()):
        path = data_utils.get_file("bundle", UNREACHABLE.format("bundle.tar.gz"), untar=True)
    assert open(os.path.join(path, "a.txt")).read() == "hi"


def test_get_file_md5_mismatch_offline_uses_local_file_with_warning(keras_home):
    cached = keras_home / "datasets" / "x.pkl"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"local")
    with redirect_stdout(io.StringIO()), pytest.warns(UserWarning, match="does not match the MD5"):
        assert data_utils.get_file("x.pkl", UNREACHABLE.format("x.pkl"), md5_hash="0" * 32) == str(cached)
    assert data_utils.validate_file(str(cached), "f5ddaf0ca7929578b408c909429f68f2") is True


# --- io_utils -----------------------------------------------------------------------------

def test_hdf5matrix_slices_like_an_array(tmp_path):
    path = str(tmp_path / "m.h5")
    data = np.arange(40, dtype="float32").reshape(10, 4)
    with h5py.File(path, "w") as f:
        f["x"] = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        matrix = io_utils.HDF5Matrix(path, "x", start=2, end=8, normalizer=lambda a: a * 2)
    assert len(matrix) == 6 and matrix.shape == (6, 4)
    np.testing.assert_array_equal(matrix[0], data[2] * 2)
    np.testing.assert_array_equal(matrix[1:3], data[3:5] * 2)
    np.testing.assert_array_equal(matrix[[4, 0, 4]], data[[6, 2, 6]] * 2)
    np.testing.assert_array_equal(np.asarray(matrix), data[2:8] * 2)
    with pytest.raises(IndexError):
        matrix[6]
    io_utils.HDF5Matrix.refs.pop(path).close()


def test_save_and_load_array(tmp_path):
    path = str(tmp_path / "a.h5")
    io_utils.save_array(np.eye(3), path)
    np.testing.assert_array_equal(io_utils.load_array(path), np.eye(3))


# --- layer_utils / visualize_util / test_utils (need the Keras 1 layers) -------------------

@pytest.fixture(scope="module")
def small_model():
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential

    model = Sequential([Dense(4, input_dim=3, activation="relu"), Dense(2)])
    return model


def test_print_summary_keras1_table(small_model):
    from legacykeras.utils.layer_utils import print_summary

    buffer = io.StringIO()
    with redirect_stdout(buffer), warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        print_summary(small_model.layers)
    text = buffer.getvalue()
    assert "Layer (type)" in text and "Output Shape" in text and "Connected to" in text
    assert "(None, 4)" in text and "(None, 2)" in text
    assert "Total params: 26" in text and "Trainable params: 26" in text


@pytest.mark.skipif(importlib.util.find_spec("pydot") is not None, reason="pydot installed")
def test_plot_without_pydot_is_clear(small_model):
    from legacykeras.utils.visualize_util import plot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        with pytest.raises(ImportError, match="pip install pydot"):
            plot(small_model, to_file="never.png")


def test_get_test_data_shapes():
    (x, y), (xt, yt) = __import__("legacykeras.utils.test_utils", fromlist=["x"]).get_test_data(
        nb_train=20, nb_test=5, input_shape=(3,), nb_class=3)
    assert x.shape == (20, 3) and yt.shape == (5,) and set(y) <= {0, 1, 2}


def test_layer_test_runs_a_keras1_layer():
    from legacykeras.layers.core import Dense
    from legacykeras.utils.test_utils import layer_test

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        out = layer_test(Dense, kwargs={"output_dim": 3}, input_shape=(2, 4))
    assert out.shape == (2, 3)


def test_layer_from_config_builds_keras1_config():
    from legacykeras.utils.layer_utils import layer_from_config

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        layer = layer_from_config({"class_name": "Dense", "config": {"output_dim": 5, "name": "d", "init": "zero"}})
    assert type(layer).__name__ == "Dense" and layer.name == "d"


def test_convert_all_kernels_in_model_flips_conv_kernels():
    from legacykeras.layers.convolutional import Convolution2D
    from legacykeras.layers.core import Flatten, Dense
    from legacykeras.models import Sequential
    from legacykeras.utils.layer_utils import convert_all_kernels_in_model

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        model = Sequential([Convolution2D(2, 3, 3, input_shape=(5, 5, 1), dim_ordering="tf"), Flatten(), Dense(1)])
        before = [w.copy() for w in model.get_weights()]
        convert_all_kernels_in_model(model)
    after = model.get_weights()
    np.testing.assert_array_equal(after[0], before[0][::-1, ::-1])
    np.testing.assert_array_equal(after[2], before[2])  # Dense untouched


def test_hdf5matrix_feeds_fit(tmp_path):
    from legacykeras.layers.core import Dense
    from legacykeras.models import Sequential

    path = str(tmp_path / "train.h5")
    with h5py.File(path, "w") as f:
        f["x"] = np.random.rand(20, 3).astype("float32")
        f["y"] = np.random.rand(20, 1).astype("float32")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        x, y = io_utils.HDF5Matrix(path, "x", end=16), io_utils.HDF5Matrix(path, "y", end=16)
        model = Sequential([Dense(1, input_dim=3)])
        model.compile("sgd", "mse")
        history = model.fit(x, y, batch_size=4, nb_epoch=2, shuffle="batch", verbose=0)
    assert len(history.history["loss"]) == 2
    io_utils.HDF5Matrix.refs.pop(path).close()
