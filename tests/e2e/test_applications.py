"""keras.applications: Keras 1 architectures, weight files from the Keras cache, offline errors."""

from __future__ import annotations

import json
import re
import shutil
import warnings

import numpy as np
import pytest

from legacykeras import config
from legacykeras.applications import imagenet_utils
from legacykeras.utils.data_utils import DownloadError
from testlib import fixture_case

AUTO_NAME = re.compile(r"^[a-z0-9]+_\d+$")  # convolution2d_12: numbered per session, not comparable


@pytest.fixture()
def ordering(request, monkeypatch):
    monkeypatch.setitem(config._overrides, "image_dim_ordering", request.param)
    return request.param


@pytest.fixture()
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / ".keras"))
    return tmp_path / ".keras"


def _layout(model):
    weighted = [layer for layer in model.layers if layer.get_weights()]
    return {"params": int(model.count_params()), "output_shape": list(model.output_shape),
            "names": [layer.name for layer in weighted],
            "shapes": [[list(w.shape) for w in layer.get_weights()] for layer in weighted]}


def _reference(ordering):
    return json.loads((fixture_case("tensorflow", ordering, "app_architectures") / "architectures.json").read_text())


CASES = [("tf", "VGG16", 48), ("th", "VGG16", 48), ("tf", "ResNet50", 197), ("tf", "InceptionV3", 139),
         ("tf", "Xception", 71)]


@pytest.mark.slow
@pytest.mark.parametrize("ordering, name, size", CASES, indirect=["ordering"])
def test_architecture_matches_keras1(ordering, name, size):
    import legacykeras.applications as apps

    ref = _reference(ordering)[name]
    shape = (size, size, 3) if ordering == "tf" else (3, size, size)
    ours = _layout(getattr(apps, name)(include_top=False, weights=None, input_shape=shape))
    assert ours["params"] == ref["params"]
    assert ours["output_shape"] == ref["output_shape"]
    assert ours["shapes"] == ref["shapes"]  # same weighted layers, same order, same Keras 1 weight layout
    given = [(a, b) for a, b in zip(ours["names"], ref["weighted_layers"]) if not AUTO_NAME.match(b)]
    assert all(a == b for a, b in given)  # the names Keras 1 gave (InceptionV3 gives none)


@pytest.mark.parametrize("ordering", ["tf", "th"], indirect=True)
def test_music_tagger_loads_a_real_keras1_file(ordering, keras_home):
    from legacykeras.applications.music_tagger_crnn import MusicTaggerCRNN

    case = fixture_case("tensorflow", ordering, "app_music_tagger_crnn")
    fname = f"music_tagger_crnn_weights_tf_kernels_{ordering}_dim_ordering.h5"
    (keras_home / "models").mkdir(parents=True)
    shutil.copy(case / fname, keras_home / "models" / fname)
    model = MusicTaggerCRNN(weights="msd")
    ref = _reference(ordering)["MusicTaggerCRNN"]
    assert _layout(model)["shapes"] == ref["shapes"] and int(model.count_params()) == ref["params"]
    shape = (1, 96, 1366, 1) if ordering == "tf" else (1, 1, 96, 1366)
    x = np.random.RandomState(0).rand(*shape).astype("float32")
    np.testing.assert_allclose(model.predict(x), np.load(case / "output.npy"), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("ordering", ["th"], indirect=True)
def test_imagenet_weights_from_cache_th_kernels_are_flipped(ordering, keras_home):
    from legacykeras.applications import VGG16

    source = VGG16(include_top=False, weights=None, input_shape=(3, 48, 48))
    rng = np.random.RandomState(1)
    source.set_weights([rng.standard_normal(w.shape).astype("float32") for w in source.get_weights()])
    (keras_home / "models").mkdir(parents=True)
    source.save_weights(str(keras_home / "models" / "vgg16_weights_th_dim_ordering_th_kernels_notop.h5"))
    loaded = VGG16(include_top=False, weights="imagenet", input_shape=(3, 48, 48))
    kernel, loaded_kernel = source.get_layer("block1_conv1").get_weights()[0], loaded.get_layer("block1_conv1").get_weights()[0]
    # A '_th_kernels' file holds Theano kernels: Keras 1 on TensorFlow flipped them (convert_all_kernels_in_model).
    np.testing.assert_array_equal(loaded_kernel, kernel[:, :, ::-1, ::-1])


@pytest.mark.parametrize("ordering", ["tf"], indirect=True)
def test_missing_weights_offline_name_url_and_cache_path(ordering, keras_home, monkeypatch):
    from legacykeras.applications import VGG16

    monkeypatch.setattr(imagenet_utils, "RELEASES", "http://127.0.0.1:9/releases/")
    with pytest.raises(DownloadError) as error:
        VGG16(include_top=False, weights="imagenet", input_shape=(48, 48, 3))
    message = str(error.value)
    assert "http://127.0.0.1:9/releases/v0.1/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5" in message
    assert str(keras_home / "models" / "vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5") in message


def test_bad_arguments_are_refused_like_keras1():
    from legacykeras.applications import ResNet50

    with pytest.raises(ValueError, match="`weights` argument"):
        ResNet50(weights="places365")
    with pytest.raises(ValueError, match="classes` should be 1000"):
        ResNet50(weights="imagenet", classes=10)
    with pytest.raises(ValueError, match="at least 197x197"):
        ResNet50(include_top=False, weights=None, input_shape=(64, 64, 3))


@pytest.mark.parametrize("ordering", ["tf"], indirect=True)
def test_preprocess_and_decode(ordering, keras_home):
    x = np.ones((1, 2, 2, 3), dtype="float32") * np.array([10., 20., 30.], dtype="float32")
    out = imagenet_utils.preprocess_input(x.copy())
    np.testing.assert_allclose(out[0, 0, 0], [30 - 103.939, 20 - 116.779, 10 - 123.68], rtol=1e-5)
    (keras_home / "models").mkdir(parents=True)
    index = {str(i): [f"n{i:08d}", f"class{i}"] for i in range(1000)}
    (keras_home / "models" / "imagenet_class_index.json").write_text(json.dumps(index))
    monkeypatch_index = imagenet_utils.CLASS_INDEX
    imagenet_utils.CLASS_INDEX = None
    try:
        preds = np.zeros((1, 1000))
        preds[0, [7, 3]] = [0.6, 0.3]
        top = imagenet_utils.decode_predictions(preds, top=2)
    finally:
        imagenet_utils.CLASS_INDEX = monkeypatch_index
    assert [(t[1], float(t[2])) for t in top[0]] == [("class7", 0.6), ("class3", 0.3)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(ValueError, match="expects a batch of predictions"):
            imagenet_utils.decode_predictions(np.zeros((2, 10)))
