"""Small synthetic stand-ins for Keras 1's dataset cache files, in Keras 1's names and formats.

`write_datasets(keras_home)` fills `<keras_home>/datasets/` so that
`keras.datasets.*.load_data()` (legacykeras, or the real Keras 1.2.2) reads
them without a network: Python 2 protocol pickles, gzip for MNIST, the CIFAR
python batch folders next to their .tar.gz archives. Sizes are tiny and the
content is random but deterministic.
"""

from __future__ import annotations

import gzip
import io
import os
import pickle
import tarfile

import numpy as np

SIZES = {"mnist": (60, 20), "cifar10_batch": 20, "cifar10_test": 20, "cifar100": (50, 20), "imdb": (40, 30),
         "reuters": 100}


def _dump(obj, path, compress=False):
    # Keras 1's files came from NumPy 1, whose arrays pickle through `numpy.core.multiarray`;
    # NumPy 2 writes `numpy._core`, which old NumPy cannot read (and new NumPy reads both).
    data = pickle.dumps(obj, protocol=2).replace(b"numpy._core.multiarray\n", b"numpy.core.multiarray\n")
    opener = gzip.open if compress else open
    with opener(path, "wb") as f:
        f.write(data)


def _tar_folder(folder, archive):
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=os.path.basename(folder))


def _reviews(rng, n, vocabulary, low=5, high=60):
    return [rng.randint(1, vocabulary, size=rng.randint(low, high)).tolist() for _ in range(n)]


def write_datasets(keras_home, seed=0):
    """Write stand-ins for mnist, cifar10, cifar100, imdb and reuters; returns the datasets folder."""
    rng = np.random.RandomState(seed)
    root = os.path.join(str(keras_home), "datasets")
    os.makedirs(root, exist_ok=True)

    n_train, n_test = SIZES["mnist"]
    mnist = tuple((rng.randint(0, 256, size=(n, 28, 28)).astype("uint8"), rng.randint(0, 10, size=n).astype("uint8"))
                  for n in (n_train, n_test))
    _dump(mnist, os.path.join(root, "mnist.pkl.gz"), compress=True)

    folder = os.path.join(root, "cifar-10-batches-py")
    os.makedirs(folder, exist_ok=True)
    names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    for name in names:
        n = SIZES["cifar10_test" if name == "test_batch" else "cifar10_batch"]
        _dump({b"data": rng.randint(0, 256, size=(n, 3072)).astype("uint8"),
               b"labels": rng.randint(0, 10, size=n).tolist(), b"batch_label": name.encode()},
              os.path.join(folder, name))
    _tar_folder(folder, folder + ".tar.gz")

    folder = os.path.join(root, "cifar-100-python")
    os.makedirs(folder, exist_ok=True)
    for name, n in zip(("train", "test"), SIZES["cifar100"]):
        _dump({b"data": rng.randint(0, 256, size=(n, 3072)).astype("uint8"),
               b"fine_labels": rng.randint(0, 100, size=n).tolist(),
               b"coarse_labels": rng.randint(0, 20, size=n).tolist()}, os.path.join(folder, name))
    _tar_folder(folder, folder + ".tar.gz")

    n_train, n_test = SIZES["imdb"]
    imdb = ((_reviews(rng, n_train, 5000), rng.randint(0, 2, size=n_train).tolist()),
            (_reviews(rng, n_test, 5000), rng.randint(0, 2, size=n_test).tolist()))
    _dump(imdb, os.path.join(root, "imdb_full.pkl"))
    _dump({f"word{i}": i for i in range(1, 5000)}, os.path.join(root, "imdb_word_index.pkl"))

    n = SIZES["reuters"]
    _dump((_reviews(rng, n, 1000), rng.randint(0, 46, size=n).tolist()), os.path.join(root, "reuters.pkl"))
    _dump({f"news{i}": i for i in range(1, 1000)}, os.path.join(root, "reuters_word_index.pkl"))
    return root


def write_text_corpus(keras_home, name="nietzsche.txt", chars=6000, seed=0):
    """A plain-text stand-in (e.g. lstm_text_generation's nietzsche.txt)."""
    rng = np.random.RandomState(seed)
    words = ["the", "will", "to", "power", "of", "truth", "and", "morality", "is", "a", "free", "spirit"]
    text = " ".join(rng.choice(words, size=chars // 5))
    path = os.path.join(str(keras_home), "datasets", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with io.open(path, "w", encoding="utf-8") as f:
        f.write(text[:chars])
    return path
