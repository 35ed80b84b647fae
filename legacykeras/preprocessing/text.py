"""Keras 1.2.2 `keras.preprocessing.text`: Tokenizer(nb_words), one_hot, text_to_word_sequence, base_filter.

Keras 3 has no Tokenizer (its modern form is `keras.layers.TextVectorization`),
so it is implemented here with Keras 1's behaviour: words indexed from 1 by
descending count (ties in first-seen order), `nb_words` keeping indices below
it, matrices in 'binary', 'count', 'freq' or 'tfidf' mode.
"""

from __future__ import annotations

import string

import numpy as np

from legacykeras.rules import preprocessing as rows
from legacykeras.utils._calls import legacy_kwargs

DEFAULT_FILTERS = '!"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n'


def base_filter():
    """Keras 1.0's default filter characters: punctuation except `'`, plus tab and newline."""
    return string.punctuation.replace("'", "") + "\t\n"


def text_to_word_sequence(text, filters=DEFAULT_FILTERS, lower=True, split=" "):
    """Lower-case, replace filter characters by `split`, and split: a list of words."""
    if lower:
        text = text.lower()
    text = text.translate(str.maketrans(filters, split * len(filters)))
    return [word for word in text.split(split) if word]


def one_hot(text, n, filters=DEFAULT_FILTERS, lower=True, split=" "):
    """Each word hashed to an index in [1, n). Python salts `hash` per run (PYTHONHASHSEED),
    as it did for Keras 1 on Python 3."""
    return [abs(hash(word)) % (n - 1) + 1 for word in text_to_word_sequence(text, filters, lower, split)]


class Tokenizer:
    """Keras 1 `Tokenizer(nb_words=None, filters=..., lower=True, split=' ', char_level=False)`.

    Keras 1: `nb_words` (Keras 2: `num_words`) keeps word indices below it;
    `fit_on_texts` counts again from zero documents on each call.
    """

    def __init__(self, *args, **kwargs):
        kw = legacy_kwargs(rows.TOKENIZER, args, kwargs)
        unknown = set(kw) - {"num_words", "filters", "lower", "split", "char_level"}
        if unknown:
            raise TypeError(f"Tokenizer got unexpected keyword arguments {sorted(unknown)}")
        self.nb_words = kw.get("num_words")
        self.filters = kw.get("filters", DEFAULT_FILTERS)
        self.lower = kw.get("lower", True)
        self.split = kw.get("split", " ")
        self.char_level = kw.get("char_level", False)
        self.word_counts = {}
        self.word_docs = {}
        self.document_count = 0

    @property
    def num_words(self):
        return self.nb_words

    def _words(self, text):
        if self.char_level:
            return text
        return text_to_word_sequence(text, self.filters, self.lower, self.split)

    def fit_on_texts(self, texts):
        """Count words over `texts` (a list or generator of strings) and index them by frequency."""
        self.document_count = 0
        for text in texts:
            self.document_count += 1
            words = self._words(text)
            for word in words:
                self.word_counts[word] = self.word_counts.get(word, 0) + 1
            for word in set(words):
                self.word_docs[word] = self.word_docs.get(word, 0) + 1
        ranked = sorted(self.word_counts.items(), key=lambda item: item[1], reverse=True)
        self.word_index = {word: i for i, (word, _) in enumerate(ranked, start=1)}
        self.index_docs = {self.word_index[word]: count for word, count in self.word_docs.items()}

    def fit_on_sequences(self, sequences):
        """Count, per word index, the sequences it appears in (for 'tfidf' without texts)."""
        self.document_count = len(sequences)
        self.index_docs = {}
        for sequence in sequences:
            for index in set(sequence):
                self.index_docs[index] = self.index_docs.get(index, 0) + 1

    def texts_to_sequences(self, texts):
        return list(self.texts_to_sequences_generator(texts))

    def texts_to_sequences_generator(self, texts):
        """Each text as word indices; unknown words and indices >= nb_words are left out."""
        for text in texts:
            sequence = []
            for word in self._words(text):
                index = self.word_index.get(word)
                if index is not None and not (self.nb_words and index >= self.nb_words):
                    sequence.append(index)
            yield sequence

    def texts_to_matrix(self, texts, mode="binary"):
        return self.sequences_to_matrix(self.texts_to_sequences(texts), mode=mode)

    def sequences_to_matrix(self, sequences, mode="binary"):
        """A (len(sequences), nb_words) matrix in mode 'binary', 'count', 'freq' or 'tfidf'."""
        if self.nb_words:
            width = self.nb_words
        elif getattr(self, "word_index", None):
            width = len(self.word_index) + 1
        else:
            raise ValueError("Specify a dimension (nb_words argument), or fit on some text data first.")
        if mode not in ("binary", "count", "freq", "tfidf"):
            raise ValueError(f"Unknown vectorization mode: {mode!r}")
        if mode == "tfidf" and not self.document_count:
            raise ValueError("Fit the Tokenizer on some data before using tfidf mode.")
        matrix = np.zeros((len(sequences), width))
        for i, sequence in enumerate(sequences):
            if not sequence:
                continue
            counts: dict = {}
            for index in sequence:
                if index < width:
                    counts[index] = counts.get(index, 0.) + 1
            for index, count in counts.items():
                if mode == "count":
                    matrix[i, index] = count
                elif mode == "freq":
                    matrix[i, index] = count / len(sequence)
                elif mode == "binary":
                    matrix[i, index] = 1
                else:
                    idf = np.log(1 + self.document_count / (1 + self.index_docs.get(index, 0)))
                    matrix[i, index] = (1 + np.log(count)) * idf
        return matrix


__all__ = ["Tokenizer", "one_hot", "text_to_word_sequence", "base_filter"]
