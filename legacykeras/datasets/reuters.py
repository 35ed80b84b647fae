"""Keras 1.2.2 `keras.datasets.reuters` (cache files reuters.pkl, reuters_word_index.pkl)."""

from __future__ import annotations

import numpy as np

from legacykeras.datasets._files import index_words, load_pickle
from legacykeras.rules import datasets as rows
from legacykeras.utils._calls import legacy_kwargs
from legacykeras.utils.data_utils import get_file

ORIGIN = "https://s3.amazonaws.com/text-datasets/reuters.pkl"
WORD_INDEX_ORIGIN = "https://s3.amazonaws.com/text-datasets/reuters_word_index.pkl"


def load_data(*args, **kwargs):
    """`load_data(path='reuters.pkl', nb_words=None, skip_top=0, maxlen=None, test_split=0.2, seed=113,
    start_char=1, oov_char=2, index_from=3)`: `(X_train, y_train), (X_test, y_test)` of newswires as word
    indices and topic labels.

    Keras 1 returned Python lists here (imdb gave arrays); so does legacykeras.
    """
    kw = legacy_kwargs(rows.REUTERS_LOAD_DATA, args, kwargs)
    unknown = set(kw) - {"path", "num_words", "skip_top", "maxlen", "test_split", "seed", "start_char",
                         "oov_char", "index_from"}
    if unknown:
        raise TypeError(f"reuters.load_data got unexpected keyword arguments {sorted(unknown)}")
    seed = kw.get("seed", 113)
    xs, labels = load_pickle(get_file(kw.get("path", "reuters.pkl"), origin=ORIGIN))
    xs, labels = list(xs), list(labels)
    np.random.seed(seed)
    np.random.shuffle(xs)
    np.random.seed(seed)
    np.random.shuffle(labels)
    xs, labels = index_words(xs, labels, kw.get("num_words"), kw.get("skip_top", 0), kw.get("maxlen"),
                             kw.get("start_char", 1), kw.get("oov_char", 2), kw.get("index_from", 3))
    split = int(len(xs) * (1 - kw.get("test_split", 0.2)))
    return (xs[:split], labels[:split]), (xs[split:], labels[split:])


def get_word_index(path="reuters_word_index.pkl"):
    """Dictionary word -> index (before `index_from` is added)."""
    return load_pickle(get_file(path, origin=WORD_INDEX_ORIGIN))


__all__ = ["load_data", "get_word_index", "get_file"]
