"""Benchmark: legacy-built models against the same models written in native Keras 3.

Not a test. Prints, for an MLP and a CNN, predict and train-step throughput
(samples/s) of the legacykeras model and of the native Keras 3 model, and their
ratio (legacy / native; target >= 0.98). Both are compiled with Keras 3's own
`compile` and SGD, and measured alternately, best of `--repeats`; on a busy
machine the ratios still move by +-20%, so compare runs on a quiet one.

    .venv/bin/python benchmarks/bench_layers.py [--repeats 5] [--quick]

The CNN is Keras 1 'th' (channels-first). On a machine without a GPU,
TensorFlow has no channels-first Conv2D/MaxPool kernels, so there the native
model is written channels-last (what a Keras 3 user would write on a CPU) and
the legacy 'th' layers pay for moving channels last and back; the 'tf'
ordering of the same legacy CNN is measured as well. With a GPU both run
channels-first natively.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

from legacykeras import config as lk_config  # noqa: E402
from legacykeras import layers as L  # noqa: E402
from legacykeras._keras import keras  # noqa: E402
from legacykeras.models import Sequential  # noqa: E402
from legacykeras.runtime.layers.channels_first import gpu_available  # noqa: E402


def legacy_mlp():
    return Sequential([L.Dense(512, input_dim=784, activation="relu"), L.Dropout(0.2),
                       L.Dense(512, activation="relu"), L.Dropout(0.2), L.Dense(10, activation="softmax")])


def native_mlp():
    return keras.Sequential([keras.Input((784,)), keras.layers.Dense(512, activation="relu"),
                             keras.layers.Dropout(0.2), keras.layers.Dense(512, activation="relu"),
                             keras.layers.Dropout(0.2), keras.layers.Dense(10, activation="softmax")])


def legacy_cnn(ordering):
    lk_config.set_image_dim_ordering(ordering)
    shape = (3, 32, 32) if ordering == "th" else (32, 32, 3)
    return Sequential([
        L.Convolution2D(32, 3, 3, border_mode="same", activation="relu", input_shape=shape),
        L.Convolution2D(32, 3, 3, activation="relu"),
        L.MaxPooling2D(pool_size=(2, 2)),
        L.Convolution2D(64, 3, 3, border_mode="same", activation="relu"),
        L.MaxPooling2D(pool_size=(2, 2)),
        L.Flatten(),
        L.Dense(256, activation="relu"),
        L.Dense(10, activation="softmax"),
    ])


def native_cnn(data_format):
    shape = (3, 32, 32) if data_format == "channels_first" else (32, 32, 3)
    k = keras.layers
    return keras.Sequential([
        keras.Input(shape),
        k.Conv2D(32, (3, 3), padding="same", activation="relu", data_format=data_format),
        k.Conv2D(32, (3, 3), activation="relu", data_format=data_format),
        k.MaxPooling2D((2, 2), data_format=data_format),
        k.Conv2D(64, (3, 3), padding="same", activation="relu", data_format=data_format),
        k.MaxPooling2D((2, 2), data_format=data_format),
        k.Flatten(data_format="channels_last"),
        k.Dense(256, activation="relu"),
        k.Dense(10, activation="softmax"),
    ])


def _prepare(model, x, y):
    # The same Keras 3 compile and optimizer for both: this measures the layers (the Keras 1
    # compile/fit surface is the models' benchmark).
    keras.Model.compile(model, loss="categorical_crossentropy", optimizer=keras.optimizers.SGD(0.01))
    keras.Model.predict(model, x[:256], batch_size=128, verbose=0)  # trace once
    keras.Model.train_on_batch(model, x[:128], y[:128])


def _predict_rate(model, x):
    start = time.perf_counter()
    keras.Model.predict(model, x, batch_size=128, verbose=0)
    return len(x) / (time.perf_counter() - start)


def _train_rate(model, x, y, steps):
    start = time.perf_counter()
    for step in range(steps):
        i = step * 128 % (len(x) - 127)
        keras.Model.train_on_batch(model, x[i:i + 128], y[i:i + 128])
    return steps * 128 / (time.perf_counter() - start)


def compare(name, legacy, native, x_legacy, x_native, y, *, repeats, steps):
    """Best-of-`repeats` samples/s, legacy and native measured alternately (a busy machine
    slows both alike), and their ratios."""
    _prepare(legacy, x_legacy, y)
    _prepare(native, x_native, y)
    best = {"lp": 0.0, "np": 0.0, "lt": 0.0, "nt": 0.0}
    for _ in range(repeats):
        best["lp"] = max(best["lp"], _predict_rate(legacy, x_legacy))
        best["np"] = max(best["np"], _predict_rate(native, x_native))
        best["lt"] = max(best["lt"], _train_rate(legacy, x_legacy, y, steps))
        best["nt"] = max(best["nt"], _train_rate(native, x_native, y, steps))
    ratios = best["lp"] / best["np"], best["lt"] / best["nt"]
    print(f"{name:34s} predict {best['lp']:9.0f} vs {best['np']:9.0f} samples/s  ratio {ratios[0]:5.3f}   "
          f"train {best['lt']:8.0f} vs {best['nt']:8.0f} samples/s  ratio {ratios[1]:5.3f}")
    return ratios


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small data, for a smoke run")
    args = parser.parse_args()
    rng = np.random.RandomState(0)
    n, steps = (512, 4) if args.quick else (4096, 20)
    print(f"device: {'GPU' if gpu_available() else 'CPU only'}; Keras {keras.__version__}")

    x = rng.rand(n, 784).astype("float32")
    y = np.eye(10, dtype="float32")[rng.randint(0, 10, n)]
    compare("MLP 784-512-512-10", legacy_mlp(), native_mlp(), x, x, y, repeats=args.repeats, steps=steps)

    native_format = "channels_first" if gpu_available() else "channels_last"
    x_th = rng.rand(n, 3, 32, 32).astype("float32")
    x_tf = x_th.transpose(0, 2, 3, 1).copy()
    # The same images for both; the legacy 'th' model takes them channels-first.
    compare("CNN th vs native " + native_format, legacy_cnn("th"), native_cnn(native_format), x_th,
            x_th if native_format == "channels_first" else x_tf, y, repeats=args.repeats, steps=steps)
    if not gpu_available():
        compare("CNN tf vs native channels_last", legacy_cnn("tf"), native_cnn("channels_last"), x_tf, x_tf, y,
                repeats=args.repeats, steps=steps)


if __name__ == "__main__":
    main()
