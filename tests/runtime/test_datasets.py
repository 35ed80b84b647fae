"""keras.datasets: Keras 1 signatures and cache files, offline behaviour, parity with Keras 1.2.2."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
import warnings

import numpy as np
import pytest

from e2e.standins import SIZES, write_datasets
from legacykeras import LegacyKerasWarning, config
from legacykeras.datasets import cifar10, cifar100, imdb, mnist, reuters
from legacykeras.utils.data_utils import DownloadError
from testlib import ORACLE_HOME, SHARED, oracle_available


@pytest.fixture(scope="module")
def keras_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("home") / ".keras"
    write_datasets(home)
    return home


@pytest.fixture(autouse=True)
def _use_home(keras_home, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(keras_home))
    # Stand-ins cannot match the real files' MD5; without this a networked run would fetch the real imdb.
    monkeypatch.setattr(imdb, "MD5", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LegacyKerasWarning)
        yield


def test_mnist_reads_keras1_pickle():
    (x, y), (xt, yt) = mnist.load_data()
    assert x.shape == (SIZES["mnist"][0], 28, 28) and x.dtype == np.uint8
    assert yt.shape == (SIZES["mnist"][1],)


@pytest.mark.parametrize("ordering, shape", [("tf", (32, 32, 3)), ("th", (3, 32, 32))])
def test_cifar_follows_image_dim_ordering(monkeypatch, ordering, shape):
    monkeypatch.setitem(config._overrides, "image_dim_ordering", ordering)
    (x, y), (xt, yt) = cifar10.load_data()
    assert x.shape == (5 * SIZES["cifar10_batch"],) + shape and y.shape == (5 * SIZES["cifar10_batch"], 1)
    (x, y), _ = cifar100.load_data(label_mode="coarse")
    assert x.shape[1:] == shape and y.max() < 20
    with pytest.raises(ValueError, match="label_mode"):
        cifar100.load_data(label_mode="medium")


def test_imdb_keras1_arguments():
    (x, y), (xt, yt) = imdb.load_data(nb_words=100, skip_top=5, maxlen=40, seed=7)
    # start_char 1 is below skip_top, so Keras 1 replaced it by oov_char 2 too.
    assert all(len(seq) < 40 for seq in x) and all(seq[0] == 2 for seq in x)
    words = {w for seq in list(x) + list(xt) for w in seq[1:]}
    assert max(words) < 100 and 2 in words and not words & {1, 3, 4}  # oov_char=2 replaced the rest
    assert len(x) == len(y)
    (x2, _), _ = imdb.load_data(nb_words=100, skip_top=5, maxlen=40, seed=7, oov_char=None)
    assert all(5 <= w < 100 for seq in x2 for w in seq[1:])


def test_nb_words_warns_with_num_words():
    warnings.simplefilter("always", LegacyKerasWarning)
    with pytest.warns(LegacyKerasWarning, match="`nb_words` is now `num_words`"):
        imdb.load_data(nb_words=50)


def test_reuters_split_and_lists():
    (x, y), (xt, yt) = reuters.load_data(nb_words=200, test_split=0.3)
    assert isinstance(x, list) and len(x) == int(SIZES["reuters"] * 0.7) and len(xt) == SIZES["reuters"] - len(x)
    assert reuters.get_word_index()["news3"] == 3


def test_missing_dataset_offline_names_url_and_path(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty"))
    monkeypatch.setattr(mnist, "ORIGIN", "http://127.0.0.1:9/img-datasets/mnist.pkl.gz")
    with pytest.raises(DownloadError) as error:
        mnist.load_data()
    assert "http://127.0.0.1:9/img-datasets/mnist.pkl.gz" in str(error.value)
    assert os.path.join(str(tmp_path / "empty"), "datasets", "mnist.pkl.gz") in str(error.value)


ORACLE_SCRIPT = textwrap.dedent("""
    import json, os, sys
    import numpy as np
    import keras.datasets.imdb as imdb_module
    from keras.datasets import imdb, reuters, mnist
    # Keras 1 would re-download a cache file whose MD5 differs from the real one; these are stand-ins.
    imdb_module.get_file = lambda fname, origin, md5_hash=None, **kw: os.path.expanduser('~/.keras/datasets/' + fname)
    out = {}
    (x, y), (xt, yt) = imdb.load_data(nb_words=100, skip_top=5, maxlen=40, seed=7)
    out['imdb'] = [[list(map(int, s)) for s in x], list(map(int, y)), [list(map(int, s)) for s in xt]]
    (x, y), (xt, yt) = reuters.load_data(nb_words=200, test_split=0.3, start_char=None, index_from=0)
    out['reuters'] = [x, list(map(int, y)), xt]
    (x, y), _ = mnist.load_data()
    out['mnist'] = int(x.sum()), list(map(int, y))
    json.dump(out, open(sys.argv[1], 'w'))
""")


@pytest.mark.oracle(env="theano")
def test_loaders_match_keras1_on_the_same_files(keras_home, tmp_path):
    if not oracle_available("theano"):
        pytest.skip("keras1-oracle not set up")
    script = tmp_path / "oracle_datasets.py"
    script.write_text(ORACLE_SCRIPT)
    out = tmp_path / "out.json"
    env = dict(os.environ, KERAS1_BACKEND="theano", KERAS1_HOME_TEMPLATE=str(keras_home.parent),
               KERAS1_ORACLE_HOME=str(ORACLE_HOME))
    result = subprocess.run([str(SHARED / "keras1-oracle" / "python"), str(script), str(out)], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    ref = json.loads(out.read_text())
    (x, y), (xt, yt) = imdb.load_data(nb_words=100, skip_top=5, maxlen=40, seed=7)
    assert [list(s) for s in x] == ref["imdb"][0] and y.tolist() == ref["imdb"][1]
    assert [list(s) for s in xt] == ref["imdb"][2]
    (x, y), (xt, yt) = reuters.load_data(nb_words=200, test_split=0.3, start_char=None, index_from=0)
    assert x == ref["reuters"][0] and list(y) == ref["reuters"][1] and xt == ref["reuters"][2]
    (x, y), _ = mnist.load_data()
    assert [int(x.sum()), y.tolist()] == ref["mnist"]
