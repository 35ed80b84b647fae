"""Benchmark: loading a large Keras 1 weight file, against reading it with raw h5py.

Not a test. Writes a VGG16-sized Keras 1 weight file (138M parameters, about
553 MB, 'th' kernels as Keras 1 on Theano saved them), builds the same model
with legacykeras, then times

- raw: reading every dataset of the file into NumPy with h5py (`ds[()]`), and
- legacykeras: `model.load_weights(file, source_backend='theano')` (reads the
  same datasets, flips and transposes the conv kernels, assigns the variables),

and prints the time ratio (target <= 1.3) and the peak extra memory of the
load over the built model (target <= 1.5x the weights' size), sampled from
/proc/self/status. Each measure is the best of --repeats runs, alternating, so
both see the same (warm) page cache.

    .venv/bin/python benchmarks/bench_loader.py [--repeats 3] [--keep FILE] [--small]

`--small` uses a model 1/16 the width (for a quick check of the script).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import threading
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import h5py  # noqa: E402
import numpy as np  # noqa: E402

from legacykeras import config as lk_config  # noqa: E402
from legacykeras import layers as L  # noqa: E402
from legacykeras.models import Sequential  # noqa: E402

VGG16_BLOCKS = ((64, 64), (128, 128), (256, 256, 256), (512, 512, 512), (512, 512, 512))


def vgg16_th(width: int = 1, size: int = 224):
    lk_config.set_image_dim_ordering("th")
    model = Sequential()
    first = True
    for block in VGG16_BLOCKS:
        for filters in block:
            kwargs = {"input_shape": (3, size, size)} if first else {}
            model.add(L.Convolution2D(filters // width, 3, 3, activation="relu", border_mode="same", **kwargs))
            first = False
        model.add(L.MaxPooling2D((2, 2), strides=(2, 2)))
    model.add(L.Flatten())
    model.add(L.Dense(4096 // width, activation="relu"))
    model.add(L.Dense(4096 // width, activation="relu"))
    model.add(L.Dense(1000, activation="softmax"))
    return model


def write_keras1_file(model, path) -> int:
    """The model's weights as Keras 1.2.2 `save_weights` wrote them (random values); returns bytes."""
    rng = np.random.default_rng(0)
    total = 0
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = [layer.name.encode() for layer in model.layers]
        for layer in model.layers:
            group = f.create_group(layer.name)
            arrays = layer.get_weights() if layer.weights else []  # Keras 1 layout shapes
            names = layer.legacy_weight_names()[: len(arrays)] if arrays else []
            group.attrs["weight_names"] = [n.encode() for n in names]
            for name, like in zip(names, arrays):
                data = rng.standard_normal(like.shape, dtype=np.float32) * 0.01
                group.create_dataset(name, data=data)
                total += data.nbytes
    return total


def raw_h5py_read(path):
    out = []
    with h5py.File(path, "r") as f:
        for name in f.attrs["layer_names"]:
            group = f[name.decode() if isinstance(name, bytes) else name]
            for weight in group.attrs["weight_names"]:
                out.append(group[weight.decode() if isinstance(weight, bytes) else weight][()])
    return out


def _rss() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class PeakRSS:
    """Peak resident memory above the level at entry, sampled every 2 ms."""

    def __enter__(self):
        self.base = self.peak = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss())
            time.sleep(0.002)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def extra(self) -> int:
        return self.peak - self.base


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", help="write the weight file here and keep it")
    parser.add_argument("--small", action="store_true", help="1/16 width, for a quick run")
    args = parser.parse_args(argv)

    model = vgg16_th(width=16 if args.small else 1, size=64 if args.small else 224)
    path = args.keep or os.path.join(tempfile.mkdtemp(prefix="bench-loader-"), "vgg16_th_keras1.h5")
    weight_bytes = write_keras1_file(model, path)
    print(f"file: {path} ({os.path.getsize(path) / 1e6:.0f} MB, weights {weight_bytes / 1e6:.0f} MB, "
          f"{model.count_params() / 1e6:.1f}M parameters, 'th' kernels)")

    raw_times, load_times, raw_cpu, load_cpu, raw_peaks, load_peaks = [], [], [], [], [], []
    for _ in range(args.repeats):
        with PeakRSS() as mem:
            start, cpu = time.perf_counter(), time.process_time()
            arrays = raw_h5py_read(path)
            raw_times.append(time.perf_counter() - start)
            raw_cpu.append(time.process_time() - cpu)
        raw_peaks.append(mem.extra)
        del arrays
        with PeakRSS() as mem:
            start, cpu = time.perf_counter(), time.process_time()
            model.load_weights(path, source_backend="theano")
            load_times.append(time.perf_counter() - start)
            load_cpu.append(time.process_time() - cpu)
        load_peaks.append(mem.extra)

    raw, load = min(raw_times), min(load_times)
    ratio = load / raw
    peak = min(load_peaks)
    # CPU time (all threads of this process) is the steadier measure on a busy machine.
    print(f"raw h5py read:             {raw:7.3f} s wall, {min(raw_cpu):6.3f} s CPU   "
          f"(peak extra memory {min(raw_peaks) / 1e6:6.0f} MB)")
    print(f"legacykeras load_weights:  {load:7.3f} s wall, {min(load_cpu):6.3f} s CPU   "
          f"(peak extra memory {peak / 1e6:6.0f} MB)")
    print(f"CPU time ratio:            {min(load_cpu) / min(raw_cpu):7.2f}")
    print(f"time ratio (load / raw):   {ratio:7.2f}     target <= 1.30  {'OK' if ratio <= 1.3 else 'MISSED'}")
    print(f"peak memory / weights:     {peak / weight_bytes:7.2f}     target <= 1.50  "
          f"{'OK' if peak / weight_bytes <= 1.5 else 'MISSED'}")
    if not args.keep:
        os.remove(path)


if __name__ == "__main__":
    main()
