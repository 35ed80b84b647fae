"""Weight files: Keras 1 / 0.x layouts, Theano flips, by_name, names, optimizer state, bad input."""

from __future__ import annotations

import os
import shutil
import sys
import warnings

import h5py
import numpy as np
import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from io_testing import FIXTURES, arrays, predict  # noqa: E402
from legacykeras.io import hdf5_weights  # noqa: E402
from legacykeras.io.config_json import ConfigFileError  # noqa: E402
from legacykeras.io.hdf5_weights import WeightFileError, flip_kernel  # noqa: E402
from legacykeras.io.loader import load_model, model_from_json, read_model_config  # noqa: E402
from legacykeras.layers import Dense  # noqa: E402
from legacykeras.models import Sequential  # noqa: E402

MLP = FIXTURES / "theano-th" / "mlp_slice"


@pytest.fixture(scope="module")
def mlp():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model_from_json((MLP / "model.json").read_text())


def _same_as_fixture(model, case=MLP):
    got, expected = predict(model, arrays(case, "input")), arrays(case, "output")
    for g, e in zip(got if isinstance(got, list) else [got], expected if isinstance(expected, list) else [expected]):
        np.testing.assert_allclose(g, e, rtol=1e-5, atol=1e-5)


def test_flip_kernel_is_keras1_convert_kernel():
    k = np.arange(2 * 3 * 2 * 2, dtype="float32").reshape(2, 3, 2, 2)  # th: (out, in, rows, cols)
    np.testing.assert_array_equal(flip_kernel(k, "th"), k[:, :, ::-1, ::-1])
    t = k.transpose(2, 3, 1, 0)  # tf: (rows, cols, in, out)
    np.testing.assert_array_equal(flip_kernel(t, "tf"), t[::-1, ::-1])
    np.testing.assert_array_equal(flip_kernel(flip_kernel(t, "tf"), "tf"), t)


def _conv_case(env, name="layer_convolution2d"):
    case = FIXTURES / env / name
    if not (case / "meta.json").exists():
        pytest.skip(f"fixture {env}/{name} absent")
    return case


@pytest.mark.parametrize("env", ["theano-th", "theano-tf"])
def test_theano_kernels_are_flipped_only_when_asked(env):
    case = _conv_case(env)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = model_from_json((case / "model.json").read_text())
        model.load_weights(str(case / "weights.h5"), source_backend="theano")
        _same_as_fixture(model, case)
        model.load_weights(str(case / "weights.h5"), source_backend="tensorflow")
        assert not np.allclose(predict(model, arrays(case, "input")), arrays(case, "output"), atol=1e-3)


def test_source_backend_guess_warns_and_follows_dim_ordering():
    case = _conv_case("theano-th")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = model_from_json((case / "model.json").read_text())
        model.load_weights(str(case / "weights.h5"))
    _same_as_fixture(model, case)  # 'th' -> guessed Theano, flipped
    assert any("read as theano-trained" in str(w.message) and "source_backend" in str(w.message) for w in caught)


def test_bad_source_backend_is_refused(mlp):
    with pytest.raises(ValueError, match="source_backend=.cntk."):
        mlp.load_weights(str(MLP / "weights.h5"), source_backend="cntk")


def test_model_save_file_and_weights_file(mlp):
    mlp.load_weights(str(MLP / "weights.h5"))
    _same_as_fixture(mlp)
    mlp.load_weights(str(MLP / "model.h5"))  # the model_weights group of a model.save file
    _same_as_fixture(mlp)


def _rewrite(src, dst, edit):
    shutil.copy(src, dst)
    with h5py.File(dst, "r+") as f:
        edit(f)
    return dst


def test_names_without_colon_zero_and_str_attributes(tmp_path, mlp):
    # Theano-era files: `dense_1_W`; h5py 3 writers: str attributes instead of bytes.
    def edit(f):
        for layer in [n.decode() for n in f.attrs["layer_names"]]:
            g = f[layer]
            names = [n.decode() for n in g.attrs["weight_names"]]
            for n in names:
                g.move(n, n + ":0")
            g.attrs["weight_names"] = [n + ":0" for n in names]
        f.attrs["layer_names"] = [n.decode() for n in f.attrs["layer_names"]]

    mlp.load_weights(str(_rewrite(MLP / "weights.h5", tmp_path / "w.h5", edit)))
    _same_as_fixture(mlp)


def test_by_name_skips_unknown_layers(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = Sequential([Dense(8, input_dim=6, activation="relu", name="dense_1"), Dense(5, name="other")])
    before = model.layers[1].get_weights()[0].copy()
    model.load_weights(str(MLP / "weights.h5"), by_name=True)
    with h5py.File(MLP / "weights.h5", "r") as f:
        np.testing.assert_array_equal(model.layers[0].get_weights()[0], f["dense_1"]["dense_1_W"][()])
    np.testing.assert_array_equal(model.layers[1].get_weights()[0], before)


def test_positional_loading_into_a_model_with_other_names():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = model_from_json((MLP / "model.json").read_text().replace("dense_", "renamed_"))
    model.load_weights(str(MLP / "weights.h5"))
    _same_as_fixture(model)


def test_keras0_sequential_layout():
    case = FIXTURES / "keras0-th" / "io_k0_sequential"
    with h5py.File(case / "weights.h5", "r") as f:
        assert "nb_layers" in f.attrs
        saved = hdf5_weights.read_saved_weights(f)
        assert saved.kind == "keras0" and len(saved.layers) == 4
    model = model_from_json((case / "model.json").read_text())
    model.load_weights(str(case / "weights.h5"))
    _same_as_fixture(model, case)
    with pytest.raises(WeightFileError, match="no layer names; load it with by_name=False"):
        model.load_weights(str(case / "weights.h5"), by_name=True)


def test_keras0_graph_layout():
    case = FIXTURES / "keras0-th" / "io_k0_graph"
    with h5py.File(case / "weights.h5", "r") as f:
        assert hdf5_weights.read_saved_weights(f).kind == "keras0-graph"
    from legacykeras.io.legacy_config import MissingLayerClassError

    try:
        model = model_from_json((case / "model.json").read_text())
    except MissingLayerClassError:
        pytest.xfail("legacykeras has no `Graph` yet")
    model.load_weights(str(case / "weights.h5"))
    _same_as_fixture(model, case)


def test_optimizer_state_restored():
    case = FIXTURES / "theano-tf" / "model_adam_saved"
    if not case.exists():
        pytest.skip("fixture model_adam_saved absent")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = load_model(case / "model.h5")
    assert not [w for w in caught if "optimizer state not restored" in str(w.message)]
    assert int(model.optimizer.iterations.numpy()) == 2
    with h5py.File(case / "model.h5", "r") as f:
        group = f["optimizer_weights"]
        saved = [group[n][()] for n in group.attrs["weight_names"]]
    # 1.2.2 sorts trainable weights by name: batchnormalization_1_{beta,gamma}, dense_1_{W,b}, dense_2_{W,b}.
    kernel = model.layers[0].kernel
    slot = model.optimizer._slots["m"][[id(v) for v in model.trainable_variables].index(id(kernel))]
    np.testing.assert_allclose(np.asarray(slot), saved[3])


def test_optimizer_state_that_does_not_map_warns(tmp_path):
    def edit(f):
        del f["optimizer_weights"]["param_3"]
        names = [n for n in f["optimizer_weights"].attrs["weight_names"] if n != b"param_3"]
        f["optimizer_weights"].attrs["weight_names"] = names

    case = FIXTURES / "theano-tf" / "model_adam_saved"
    if not case.exists():
        pytest.skip("fixture model_adam_saved absent")
    path = _rewrite(case / "model.h5", tmp_path / "m.h5", edit)
    with pytest.warns(DeprecationWarning, match="optimizer state not restored .*expects 13 arrays, the file has 12"):
        load_model(path)


# --- bad input: a clear error that says what and where -------------------------------------------

def test_missing_file(mlp):
    with pytest.raises(FileNotFoundError, match="No such file: .*nope.h5"):
        mlp.load_weights("nope.h5")
    with pytest.raises(FileNotFoundError):
        load_model("nope.h5")


def test_truncated_file(tmp_path, mlp):
    data = (MLP / "weights.h5").read_bytes()
    path = tmp_path / "cut.h5"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(WeightFileError, match="starts like HDF5 but cannot be opened .truncated or damaged"):
        mlp.load_weights(str(path))


def test_not_hdf5(tmp_path, mlp):
    path = tmp_path / "w.h5"
    path.write_text("hello")
    with pytest.raises(WeightFileError, match="is not an HDF5 file"):
        mlp.load_weights(str(path))
    with pytest.raises(ConfigFileError, match="not valid YAML|expected a Keras model config"):
        load_model(path)


def test_non_keras_hdf5(tmp_path, mlp):
    path = tmp_path / "data.h5"
    with h5py.File(path, "w") as f:
        f.create_dataset("images", data=np.zeros(3))
    with pytest.raises(WeightFileError, match=r"no Keras weights found .*top-level keys: \['images'\]"):
        mlp.load_weights(str(path))
    with pytest.raises(WeightFileError, match="no `model_config` attribute, so it holds weights only"):
        load_model(path)


def test_weights_file_for_another_architecture(mlp):
    other = FIXTURES / "theano-th" / "flatten_slice" / "weights.h5"
    with pytest.raises(WeightFileError, match=r"holds weights for 1 layers \(dense_\d\), but the model has 2 layers with weights \(dense_1, dense_2\)"):
        mlp.load_weights(str(other))


def test_weight_shape_mismatch_names_both_layers(tmp_path, mlp):
    def edit(f):
        g = f["dense_2"]
        del g["dense_2_W"]
        g.create_dataset("dense_2_W", data=np.zeros((8, 4), "float32"))

    path = _rewrite(MLP / "weights.h5", tmp_path / "w.h5", edit)
    with pytest.raises(WeightFileError, match=r"saved layer 'dense_2' .*\(8, 4\).* does not fit model layer 'dense_2'"):
        mlp.load_weights(str(path))


def test_listed_weight_missing(tmp_path, mlp):
    path = _rewrite(MLP / "weights.h5", tmp_path / "w.h5", lambda f: f["dense_1"].__delitem__("dense_1_b"))
    with pytest.raises(WeightFileError, match="layer 'dense_1' lists weight 'dense_1_b', which is missing"):
        mlp.load_weights(str(path))


def test_malformed_model_config_in_hdf5(tmp_path):
    def edit(f):
        f.attrs["model_config"] = '{"class_name": "Sequential", "config": ['

    path = _rewrite(MLP / "model.h5", tmp_path / "m.h5", edit)
    with pytest.raises(ConfigFileError, match=r"m\.h5:model_config: not valid JSON at line 1"):
        load_model(path)
    assert read_model_config(MLP / "model.h5")[1] == "hdf5"


@pytest.mark.parametrize("case", ["theano-tf/layer_prelu_shared_axes", "theano-th/layer_prelu_shared_axes",
                                  "tensorflow-tf/parity_srelu_shared", "tensorflow-tf/parity_parametricsoftplus_shared"])
def test_shared_axes_recovered_from_the_weights(case):
    # Keras 1.2.2 did not save `shared_axes`; load_model with the weights reads it from their shapes.
    from io_testing import meta

    folder = FIXTURES / case
    if not folder.exists():
        pytest.skip(f"fixture {case} absent")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = load_model(folder / "model.json", weights=folder / "weights.h5", dim_ordering=meta(folder)["dim_ordering"])
    _same_as_fixture(model, folder)
