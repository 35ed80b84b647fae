"""Keras 1.2.2 `keras.preprocessing.sequence`: pad_sequences, make_sampling_table, skipgrams.

`pad_sequences` is Keras 3's `keras.utils.pad_sequences` (same arguments and
result); `skipgrams` and `make_sampling_table` have no Keras 3 counterpart and
are implemented here, drawing from Python's `random` like Keras 1 did.
"""

from __future__ import annotations

import random

import numpy as np

from legacykeras.rules import preprocessing as rows
from legacykeras.utils._calls import legacy_kwargs, legacy_module


def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre", value=0.):
    """Pad (or truncate) each sequence to `maxlen` (default: the longest), giving a 2D+ array."""
    from legacykeras._keras import keras

    kwargs = legacy_kwargs(rows.PAD_SEQUENCES, (sequences, maxlen, dtype, padding, truncating, value), {})
    return keras.utils.pad_sequences(**kwargs)


def make_sampling_table(size, sampling_factor=1e-5):
    """Probability of keeping the word of each frequency rank (word2vec subsampling, Zipf's law)."""
    gamma = 0.577
    rank = np.arange(size)
    rank[0] = 1
    inverse_frequency = rank * (np.log(rank) + gamma) + 0.5 - 1. / (12. * rank)
    f = sampling_factor * inverse_frequency
    return np.minimum(1., f / np.sqrt(f))


def skipgrams(sequence, vocabulary_size, window_size=4, negative_samples=1., shuffle=True,
              categorical=False, sampling_table=None):
    """(couples, labels): [word, context word] pairs labelled 1, plus random pairs labelled 0.

    Index 0 is a non-word and is skipped. With `sampling_table`, word of rank i is
    kept with probability `sampling_table[i]`.
    """
    legacy_module(rows.SKIPGRAMS)
    couples, labels = [], []
    positive, negative = ([0, 1], [1, 0]) if categorical else (1, 0)
    for i, word in enumerate(sequence):
        if not word:
            continue
        if sampling_table is not None and sampling_table[word] < random.random():
            continue
        for j in range(max(0, i - window_size), min(len(sequence), i + window_size + 1)):
            if j != i and sequence[j]:
                couples.append([word, sequence[j]])
                labels.append(positive)
    if negative_samples > 0 and couples:
        count = int(len(labels) * negative_samples)
        words = [couple[0] for couple in couples]
        random.shuffle(words)
        couples += [[words[i % len(words)], random.randint(1, vocabulary_size - 1)] for i in range(count)]
        labels += [negative] * count
    if shuffle:
        seed = random.randint(0, 10 ** 7)
        random.Random(seed).shuffle(couples)
        random.Random(seed).shuffle(labels)
    return couples, labels


__all__ = ["pad_sequences", "make_sampling_table", "skipgrams"]
