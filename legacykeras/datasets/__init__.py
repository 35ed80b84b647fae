"""Keras 1.2.2 `keras.datasets`: mnist, cifar10, cifar100, imdb, reuters.

Each reads Keras 1's cache files under ~/.keras/datasets (`mnist.pkl.gz`,
`cifar-10-batches-py/`, `cifar-100-python/`, `imdb_full.pkl`,
`imdb_word_index.pkl`, `reuters.pkl`, `reuters_word_index.pkl`), downloading
them from Keras 1's addresses when missing; offline, a missing file raises
`legacykeras.utils.data_utils.DownloadError` naming the URL and the path to
put the file at. Keras 1's arguments keep their meaning (`nb_words`,
`skip_top`, `maxlen`, `seed`, `start_char`, `oov_char`, `index_from`,
`test_split`, `label_mode`).
"""
