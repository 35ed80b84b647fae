"""keras.preprocessing against real Keras 1.2.2 results (fixtures/*/preprocessing_*)."""

from __future__ import annotations

import importlib.util
import json
import random
import warnings

import numpy as np
import pytest

from legacykeras import LegacyKerasWarning, config
from legacykeras.preprocessing import image, sequence, text
from legacykeras.utils import np_utils
from testlib import fixture_case

TEXTS = ["The cat sat on the mat.", "The dog ate my homework!", "Cats and dogs, dogs and cats; the end",
         "a b c a b a"]
HAVE_PIL = importlib.util.find_spec("PIL") is not None


@pytest.fixture(autouse=True)
def _quiet_legacy_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        yield


@pytest.fixture(params=["tf", "th"])
def ordering(request, monkeypatch):
    monkeypatch.setitem(config._overrides, "image_dim_ordering", request.param)
    return request.param


def _image_fixture(ordering):
    return np.load(fixture_case("theano", ordering, "preprocessing_image_augment") / "results.npz")


# --- ImageDataGenerator --------------------------------------------------------------------

@pytest.mark.parametrize("fill_mode", ["nearest", "constant", "reflect", "wrap"])
def test_random_transform_replays_keras1(ordering, fill_mode):
    ref = _image_fixture(ordering)
    gen = image.ImageDataGenerator(rotation_range=30, width_shift_range=0.2, height_shift_range=0.1,
                                   shear_range=0.3, zoom_range=0.2, channel_shift_range=10.,
                                   horizontal_flip=True, vertical_flip=True, fill_mode=fill_mode, cval=7.)
    np.random.seed(3)
    out = np.stack([gen.random_transform(img.copy()) for img in ref["input"]])
    np.testing.assert_allclose(out, ref["transform_" + fill_mode], rtol=1e-6, atol=1e-4)


def test_fit_and_standardize_match_keras1(ordering):
    ref = _image_fixture(ordering)
    gen = image.ImageDataGenerator(featurewise_center=True, featurewise_std_normalization=True,
                                   zca_whitening=True, rescale=1. / 255, samplewise_center=True,
                                   samplewise_std_normalization=True)
    gen.fit(ref["fit_input"] / 255., seed=1)
    np.testing.assert_allclose(gen.mean, ref["fit_mean"], rtol=1e-5)
    np.testing.assert_allclose(gen.std, ref["fit_std"], rtol=1e-5)
    np.testing.assert_allclose(gen.principal_components, ref["fit_pc"], rtol=1e-3, atol=1e-3)
    out = np.stack([gen.standardize(img.copy()) for img in ref["fit_input"][:6]])
    np.testing.assert_allclose(out, ref["standardized"], rtol=1e-3, atol=1e-3)


def test_flow_batches_match_keras1(ordering):
    ref = _image_fixture(ordering)
    gen = image.ImageDataGenerator(rotation_range=10, horizontal_flip=True)
    batches = gen.flow(ref["input"], np.arange(6), batch_size=4, shuffle=True, seed=5)
    for i in range(3):
        bx, by = next(batches)
        np.testing.assert_array_equal(by, ref[f"flow_y_{i}"])
        np.testing.assert_allclose(bx, ref[f"flow_x_{i}"], atol=1e-4)


def test_dim_ordering_keyword_warns_with_data_format():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gen = image.ImageDataGenerator(dim_ordering="th")
    assert gen.channel_axis == 1
    messages = [str(w.message) for w in caught if issubclass(w.category, LegacyKerasWarning)]
    assert any("data_format" in m and "Keras 3 has no ImageDataGenerator" in m for m in messages)


def test_unknown_argument_and_bad_input_are_clear():
    with pytest.raises(TypeError, match="unexpected keyword"):
        image.ImageDataGenerator(rotation=3)
    with pytest.raises(ValueError, match="rank 4"):
        image.ImageDataGenerator().fit(np.zeros((3, 4, 4)))
    with pytest.raises(ValueError, match="same length"):
        image.ImageDataGenerator().flow(np.zeros((3, 4, 4, 3)), np.zeros(2))


@pytest.mark.skipif(not HAVE_PIL, reason="Pillow not installed")
def test_flow_from_directory_and_pil_round_trip(tmp_path, capsys):
    for label in ("cats", "dogs"):
        folder = tmp_path / label
        folder.mkdir()
        for i in range(3):
            img = image.array_to_img(np.random.rand(9, 7, 3) * 255, dim_ordering="tf", scale=False)
            img.save(folder / f"{i}.png")
    (tmp_path / "cats" / "notes.txt").write_text("not an image")
    gen = image.ImageDataGenerator(rescale=1. / 255, dim_ordering="th")
    it = gen.flow_from_directory(str(tmp_path), target_size=(5, 4), batch_size=4, shuffle=False)
    assert "Found 6 images belonging to 2 classes." in capsys.readouterr().out
    assert it.class_indices == {"cats": 0, "dogs": 1} and it.nb_sample == 6
    x, y = next(it)
    assert x.shape == (4, 3, 5, 4) and y.tolist() == [[1, 0]] * 3 + [[0, 1]]
    assert 0 <= x.min() and x.max() <= 1
    x, y = next(it)
    assert x.shape[0] == 2  # the last, short batch of the pass
    arr = image.img_to_array(image.load_img(str(tmp_path / "dogs" / "0.png"), grayscale=True), "th")
    assert arr.shape == (1, 9, 7)


# --- sequence / text -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def text_ref():
    folder = fixture_case("theano", "tf", "preprocessing_text_sequence")
    return np.load(folder / "results.npz"), json.loads((folder / "word_index.json").read_text())


def test_tokenizer_matches_keras1(text_ref):
    arrays, index = text_ref
    tok = text.Tokenizer(nb_words=8)
    tok.fit_on_texts(TEXTS)
    assert sorted(tok.word_index, key=tok.word_index.get) == index["words"]
    assert tok.texts_to_sequences(TEXTS) == index["sequences"]
    assert tok.document_count == index["document_count"]
    for mode in ("binary", "count", "freq", "tfidf"):
        np.testing.assert_allclose(tok.texts_to_matrix(TEXTS, mode=mode), arrays["matrix_" + mode])


def test_tokenizer_nb_words_warns_num_words():
    with pytest.warns(LegacyKerasWarning, match="`nb_words` is now `num_words`"):
        warnings.simplefilter("always", LegacyKerasWarning)
        tok = text.Tokenizer(nb_words=3)
    assert tok.nb_words == tok.num_words == 3


def test_pad_sequences_and_friends_match_keras1(text_ref):
    arrays, _ = text_ref
    seqs = [[1, 2, 3], [4, 5], [], [6, 7, 8, 9, 10]]
    np.testing.assert_array_equal(sequence.pad_sequences(seqs), arrays["pad_default"])
    np.testing.assert_array_equal(sequence.pad_sequences(seqs, maxlen=3, padding="post", truncating="post",
                                                         value=-1), arrays["pad_post"])
    padded = sequence.pad_sequences(seqs, maxlen=4, dtype="float32", value=0.5)
    assert padded.dtype == np.float32
    np.testing.assert_array_equal(padded, arrays["pad_float"])
    np.testing.assert_allclose(sequence.make_sampling_table(20), arrays["sampling_table"])
    np.testing.assert_array_equal(np_utils.to_categorical([[1], [0], [3]], 5), arrays["to_categorical"])


def test_skipgrams_replay_keras1(text_ref):
    arrays, _ = text_ref
    random.seed(11)
    couples, labels = sequence.skipgrams([1, 2, 0, 3, 4, 5], vocabulary_size=10, window_size=2)
    positives = {tuple(c) for c, label in zip(couples, labels) if label == 1}
    expected = {tuple(c) for c, label in zip(arrays["skipgram_couples"].tolist(), arrays["skipgram_labels"]) if label == 1}
    assert positives == expected
    assert len(couples) == len(arrays["skipgram_couples"]) and sum(labels) == int(arrays["skipgram_labels"].sum())


def test_text_helpers():
    assert text.text_to_word_sequence("Hello, World! hello") == ["hello", "world", "hello"]
    assert "'" not in text.base_filter() and "!" in text.base_filter()
    codes = text.one_hot("a b a", 5)
    assert codes[0] == codes[2] and all(1 <= c < 5 for c in codes)
