"""Rows for `keras.datasets` (Keras 1.2.2). Codes LK411-LK419.

Keras 3 still has these loaders, under the same module names, but reads other
cache files (`mnist.npz`, `imdb.npz`, `reuters.npz`) and spells `nb_words`
`num_words`. legacykeras reads Keras 1's files (`mnist.pkl.gz`,
`imdb_full.pkl`, `reuters.pkl`, the CIFAR python folders).
"""

from legacykeras.rules.schema import CallRule

_WORDS = "`nb_words` became `num_words`; Keras 3 downloads imdb.npz instead of Keras 1's imdb_full.pkl"

IMDB_LOAD_DATA = CallRule(
    code="LK411",
    old="keras.datasets.imdb.load_data",
    new="keras.datasets.imdb.load_data",
    positional=("path", "nb_words", "skip_top", "maxlen", "seed", "start_char", "oov_char", "index_from"),
    rename={"nb_words": "num_words"},
    kept_positional=1,
    why=_WORDS,
)

REUTERS_LOAD_DATA = CallRule(
    code="LK412",
    old="keras.datasets.reuters.load_data",
    new="keras.datasets.reuters.load_data",
    positional=("path", "nb_words", "skip_top", "maxlen", "test_split", "seed", "start_char", "oov_char",
                "index_from"),
    rename={"nb_words": "num_words"},
    kept_positional=1,
    why="`nb_words` became `num_words`; Keras 3 downloads reuters.npz instead of Keras 1's reuters.pkl",
)

RULES = [IMDB_LOAD_DATA, REUTERS_LOAD_DATA]
