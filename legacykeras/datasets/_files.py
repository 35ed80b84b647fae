"""Reading Keras 1's dataset cache files (Python 2 pickles, optionally gzipped)."""

from __future__ import annotations

import gzip
import pickle

import numpy as np


def load_pickle(path):
    """Unpickle a Keras 1 dataset file; Python 2 pickles of NumPy arrays need latin-1."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rb") as f:
        return pickle.load(f, encoding="latin1")


def as_array(sequences):
    """Keras 1 called `np.array` on lists of sequences: 2D when all lengths agree, else an object array
    (NumPy >= 1.24 refuses to guess that, so say it)."""
    lengths = {len(s) for s in sequences}
    if len(lengths) <= 1:
        return np.array(sequences)
    out = np.empty(len(sequences), dtype=object)
    out[:] = [list(s) for s in sequences]
    return out


def index_words(xs, labels, nb_words, skip_top, maxlen, start_char, oov_char, index_from):
    """Keras 1's word-index post-processing shared by imdb and reuters.

    Keras 1.2.2 with `oov_char=None` kept *only* the out-of-range words (a bug
    Keras 2 fixed); legacykeras drops them, which is what the argument means.
    """
    if start_char is not None:
        xs = [[start_char] + [w + index_from for w in x] for x in xs]
    elif index_from:
        xs = [[w + index_from for w in x] for x in xs]
    if maxlen:
        kept = [(x, y) for x, y in zip(xs, labels) if len(x) < maxlen]
        xs, labels = [x for x, _ in kept], [y for _, y in kept]
    if not xs:
        raise ValueError(f"After filtering for sequences shorter than maxlen={maxlen}, no sequence was kept. "
                         f"Increase maxlen.")
    if not nb_words:
        nb_words = max(max(x) for x in xs if x)
    if oov_char is not None:
        xs = [[oov_char if (w >= nb_words or w < skip_top) else w for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < nb_words] for x in xs]
    return xs, labels
