"""Keras 1.2.2 `keras.datasets.imdb` (cache files imdb_full.pkl, imdb_word_index.pkl)."""

from __future__ import annotations

import numpy as np

from legacykeras.datasets._files import as_array, index_words, load_pickle
from legacykeras.rules import datasets as rows
from legacykeras.utils._calls import legacy_kwargs
from legacykeras.utils.data_utils import get_file

ORIGIN = "https://s3.amazonaws.com/text-datasets/imdb_full.pkl"
MD5 = "d091312047c43cf9e4e38fef92437263"
WORD_INDEX_ORIGIN = "https://s3.amazonaws.com/text-datasets/imdb_word_index.pkl"
WORD_INDEX_MD5 = "72d94b01291be4ff843198d3b0e1e4d7"


def load_data(*args, **kwargs):
    """`load_data(path='imdb_full.pkl', nb_words=None, skip_top=0, maxlen=None, seed=113, start_char=1,
    oov_char=2, index_from=3)`: `(X_train, y_train), (X_test, y_test)`, reviews as word indices.

    Keras 1: the training and test sets are shuffled with `seed` and `seed * 2`;
    words rank by frequency; `maxlen` drops (not truncates) longer reviews.
    """
    kw = legacy_kwargs(rows.IMDB_LOAD_DATA, args, kwargs)
    unknown = set(kw) - {"path", "num_words", "skip_top", "maxlen", "seed", "start_char", "oov_char", "index_from"}
    if unknown:
        raise TypeError(f"imdb.load_data got unexpected keyword arguments {sorted(unknown)}")
    seed = kw.get("seed", 113)
    path = get_file(kw.get("path", "imdb_full.pkl"), origin=ORIGIN, md5_hash=MD5)
    (x_train, labels_train), (x_test, labels_test) = load_pickle(path)
    x_train, labels_train, x_test, labels_test = map(list, (x_train, labels_train, x_test, labels_test))
    for data, s in ((x_train, seed), (labels_train, seed), (x_test, seed * 2), (labels_test, seed * 2)):
        np.random.seed(s)
        np.random.shuffle(data)
    xs, labels = index_words(x_train + x_test, labels_train + labels_test, kw.get("num_words"),
                             kw.get("skip_top", 0), kw.get("maxlen"), kw.get("start_char", 1),
                             kw.get("oov_char", 2), kw.get("index_from", 3))
    n_train = len(x_train)
    return (as_array(xs[:n_train]), np.array(labels[:n_train])), (as_array(xs[n_train:]), np.array(labels[n_train:]))


def get_word_index(path="imdb_word_index.pkl"):
    """Dictionary word -> index (before `index_from` is added)."""
    return load_pickle(get_file(path, origin=WORD_INDEX_ORIGIN, md5_hash=WORD_INDEX_MD5))


__all__ = ["load_data", "get_word_index", "get_file"]
