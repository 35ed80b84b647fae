"""Keras 1.2.2 `keras.callbacks`, with Keras 1 arguments, logs and timing.

These drive the Keras 1 training loop of `legacykeras` models (`fit`,
`fit_generator`): `self.model`, `self.params` with Keras 1 keys
('batch_size', 'nb_epoch', 'nb_sample', 'verbose', 'do_validation',
'metrics'), batch logs with 'batch', 'size' and the *batch's* loss and metrics,
epoch logs with the epoch means (from `BaseLogger`) and 'val_*' values.

Where Keras 3 behaves differently, the Keras 1 behaviour is kept:
- `ModelCheckpoint` writes Keras 1 HDF5 files under any name (`.hdf5`, `.h5`),
  formatting `filepath` with `epoch` (0-based, as Keras 1) and the logs.
- `EarlyStopping` stops when `wait >= patience` is seen *before* counting the
  current epoch, i.e. after patience + 1 epochs without improvement.
- `ReduceLROnPlateau` takes `epsilon` (Keras 3: `min_delta`) and writes 'lr'
  into the epoch logs.
- `TensorBoard` writes scalars (and weight histograms / images with
  `histogram_freq` / `write_images`) through `tf.summary`; Keras 1's graph
  dump of a TF1 session has no TF2 counterpart, `write_graph=True` writes the
  Keras 3 model graph trace instead.
- `RemoteMonitor` warns (once per run) when the server is unreachable and
  training continues, as Keras 1 did.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
import warnings
from collections import OrderedDict
from collections.abc import Iterable

import numpy as np

from legacykeras._keras import keras


class CallbackList:
    """Keras 1 `CallbackList`: calls every callback in order."""

    def __init__(self, callbacks=None, queue_length=10):
        self.callbacks = list(callbacks or [])
        self.queue_length = queue_length

    def append(self, callback):
        self.callbacks.append(callback)

    def set_params(self, params):
        for callback in self.callbacks:
            callback.set_params(params)

    def set_model(self, model):
        for callback in self.callbacks:
            callback.set_model(model)

    def _call(self, method, *args):
        for callback in self.callbacks:
            getattr(callback, method)(*args)

    def on_epoch_begin(self, epoch, logs=None):
        self._call("on_epoch_begin", epoch, logs if logs is not None else {})

    def on_epoch_end(self, epoch, logs=None):
        self._call("on_epoch_end", epoch, logs if logs is not None else {})

    def on_batch_begin(self, batch, logs=None):
        self._call("on_batch_begin", batch, logs if logs is not None else {})

    def on_batch_end(self, batch, logs=None):
        self._call("on_batch_end", batch, logs if logs is not None else {})

    def on_train_begin(self, logs=None):
        self._call("on_train_begin", logs if logs is not None else {})

    def on_train_end(self, logs=None):
        self._call("on_train_end", logs if logs is not None else {})

    def __iter__(self):
        return iter(self.callbacks)


class Callback:
    """Keras 1 base callback: `self.model`, `self.params`, six hooks taking `logs`."""

    def __init__(self):
        self.validation_data = None
        self.model = None
        self.params = {}

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self.model = model

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_batch_begin(self, batch, logs=None):
        pass

    def on_batch_end(self, batch, logs=None):
        pass

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass


class BaseLogger(Callback):
    """Averages the batch logs over an epoch, weighted by batch size (added to every fit)."""

    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0
        self.totals = {}

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        batch_size = logs.get("size", 0)
        self.seen += batch_size
        for key, value in logs.items():
            if key in ("batch", "size"):
                continue
            self.totals[key] = self.totals.get(key, 0.0) + value * batch_size

    def on_epoch_end(self, epoch, logs=None):
        if logs is None:
            return
        for key in self.params.get("metrics", []):
            if key in self.totals:
                logs[key] = self.totals[key] / self.seen


class Progbar:
    """Keras 1 `generic_utils.Progbar` output: `32/100 [=====>......] - ETA: 1s - loss: 0.3`."""

    def __init__(self, target, width=30, verbose=1, interval=0.01):
        self.width, self.target, self.verbose, self.interval = width, target, verbose, interval
        self.sum_values, self.unique_values = {}, []
        self.start = self.last_update = time.time()
        self.total_width = 0
        self.seen_so_far = 0

    def update(self, current, values=None, force=False):
        for key, value in values or []:
            if key not in self.sum_values:
                self.sum_values[key] = [value * (current - self.seen_so_far), current - self.seen_so_far]
                self.unique_values.append(key)
            else:
                self.sum_values[key][0] += value * (current - self.seen_so_far)
                self.sum_values[key][1] += current - self.seen_so_far
        self.seen_so_far = current
        now = time.time()
        if self.verbose == 1:
            if not force and (now - self.last_update) < self.interval:
                return
            previous = self.total_width
            sys.stdout.write("\b" * previous + "\r")
            digits = int(np.floor(np.log10(max(self.target, 1)))) + 1
            bar = f"%{digits}d/%{digits}d [" % (current, self.target)
            progress = float(current) / max(self.target, 1)
            filled = int(self.width * progress)
            if filled > 0:
                bar += "=" * (filled - 1) + (">" if current < self.target else "=")
            bar += "." * (self.width - filled) + "]"
            sys.stdout.write(bar)
            self.total_width = len(bar)
            per_unit = (now - self.start) / current if current else 0
            info = f" - ETA: {per_unit * (self.target - current):.0f}s" if current < self.target else \
                f" - {now - self.start:.0f}s"
            for key in self.unique_values:
                total, count = self.sum_values[key]
                info += f" - {key}: " + (f"{total / max(1, count):.4f}" if count else f"{total}")
            self.total_width += len(info)
            if previous > self.total_width:
                info += " " * (previous - self.total_width)
            sys.stdout.write(info)
            if current >= self.target:
                sys.stdout.write("\n")
            sys.stdout.flush()
        elif self.verbose == 2 and current >= self.target:
            info = f"{now - self.start:.0f}s"
            for key in self.unique_values:
                total, count = self.sum_values[key]
                info += f" - {key}: {total / max(1, count):.4f}"
            sys.stdout.write(info + "\n")
        self.last_update = now

    def add(self, n, values=None):
        self.update(self.seen_so_far + n, values)


class ProgbarLogger(Callback):
    """Prints `Epoch 1/10` and a progress bar (verbose=1) or one line per epoch (verbose=2)."""

    def on_train_begin(self, logs=None):
        self.verbose = self.params["verbose"]
        self.nb_epoch = self.params["nb_epoch"]

    def on_epoch_begin(self, epoch, logs=None):
        if self.verbose:
            print(f"Epoch {epoch + 1}/{self.nb_epoch}")
            self.progbar = Progbar(target=self.params["nb_sample"], verbose=self.verbose)
        self.seen = 0

    def on_batch_begin(self, batch, logs=None):
        if self.seen < self.params["nb_sample"]:
            self.log_values = []

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        self.seen += logs.get("size", 0)
        for key in self.params["metrics"]:
            if key in logs:
                self.log_values.append((key, logs[key]))
        if self.verbose and self.seen < self.params["nb_sample"]:
            self.progbar.update(self.seen, self.log_values)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        for key in self.params["metrics"]:
            if key in logs:
                self.log_values.append((key, logs[key]))
        if self.verbose:
            self.progbar.update(self.seen, self.log_values, force=True)


class History(Callback):
    """Records the epoch logs: `history.history['loss']`, `['acc']`, `['val_loss']`, ..."""

    def on_train_begin(self, logs=None):
        self.epoch = []
        self.history = {}

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epoch.append(epoch)
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)


def _monitor_op(mode, monitor, name):
    if mode not in ("auto", "min", "max"):
        warnings.warn(f"{name} mode {mode} is unknown, fallback to auto mode.", RuntimeWarning, stacklevel=3)
        mode = "auto"
    if mode == "min" or (mode == "auto" and not ("acc" in monitor or monitor.startswith("fmeasure"))):
        return np.less, np.inf
    return np.greater, -np.inf


class ModelCheckpoint(Callback):
    """Keras 1 `ModelCheckpoint(filepath, monitor='val_loss', verbose=0, save_best_only=False,
    save_weights_only=False, mode='auto', period=1)`; files in the Keras 1 HDF5 layout."""

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False, save_weights_only=False,
                 mode="auto", period=1):
        super().__init__()
        self.monitor, self.verbose, self.filepath = monitor, verbose, str(filepath)
        self.save_best_only, self.save_weights_only, self.period = save_best_only, save_weights_only, period
        self.epochs_since_last_save = 0
        self.monitor_op, self.best = _monitor_op(mode, monitor, "ModelCheckpoint")

    def _save(self, filepath):
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        else:
            self.model.save(filepath, overwrite=True)

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}
        self.epochs_since_last_save += 1
        if self.epochs_since_last_save < self.period:
            return
        self.epochs_since_last_save = 0
        filepath = self.filepath.format(epoch=epoch, **logs)
        if not self.save_best_only:
            if self.verbose > 0:
                print(f"Epoch {epoch:05d}: saving model to {filepath}")
            self._save(filepath)
            return
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(f"Can save best model only with {self.monitor} available, skipping.", RuntimeWarning,
                          stacklevel=2)
        elif self.monitor_op(current, self.best):
            if self.verbose > 0:
                print(f"Epoch {epoch:05d}: {self.monitor} improved from {self.best:0.5f} to {current:0.5f}, "
                      f"saving model to {filepath}")
            self.best = current
            self._save(filepath)
        elif self.verbose > 0:
            print(f"Epoch {epoch:05d}: {self.monitor} did not improve")


class EarlyStopping(Callback):
    """Keras 1 `EarlyStopping(monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto')`."""

    def __init__(self, monitor="val_loss", min_delta=0, patience=0, verbose=0, mode="auto"):
        super().__init__()
        self.monitor, self.patience, self.verbose = monitor, patience, verbose
        self.wait, self.stopped_epoch = 0, 0
        self.monitor_op, _ = _monitor_op(mode, monitor, "EarlyStopping")
        self.min_delta = abs(min_delta) if self.monitor_op == np.greater else -abs(min_delta)

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.best = np.inf if self.monitor_op == np.less else -np.inf

    def on_epoch_end(self, epoch, logs=None):
        current = (logs or {}).get(self.monitor)
        if current is None:
            warnings.warn(f"Early stopping requires {self.monitor} available!", RuntimeWarning, stacklevel=2)
            return
        if self.monitor_op(current - self.min_delta, self.best):
            self.best = current
            self.wait = 0
        else:
            if self.wait >= self.patience:
                self.stopped_epoch = epoch
                self.model.stop_training = True
            self.wait += 1

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch:05d}: early stopping")


class RemoteMonitor(Callback):
    """Keras 1 `RemoteMonitor(root='http://localhost:9000', path='/publish/epoch/end/', field='data',
    headers=None)`: POSTs `{field: json(epoch logs)}` each epoch.

    Unreachable server: a `RuntimeWarning` naming the URL, once per training
    run, and training goes on (Keras 1 warned every epoch).
    """

    def __init__(self, root="http://localhost:9000", path="/publish/epoch/end/", field="data", headers=None):
        super().__init__()
        self.root, self.path, self.field = root, path, field
        self.headers = headers if headers is not None else {"Accept": "application/json",
                                                            "Content-Type": "application/json"}
        self._warned = False

    def on_train_begin(self, logs=None):
        self._warned = False

    def on_epoch_end(self, epoch, logs=None):
        import urllib.error
        import urllib.parse
        import urllib.request

        send = {"epoch": epoch}
        for key, value in (logs or {}).items():
            send[key] = float(value) if isinstance(value, (np.floating, np.integer)) else value
        body = urllib.parse.urlencode({self.field: json.dumps(send)}).encode("utf8")
        headers = dict(self.headers)
        headers["Content-Type"] = "application/x-www-form-urlencoded"  # what Keras 1's requests.post(data=dict) sent
        request = urllib.request.Request(self.root + self.path, data=body, headers=headers, method="POST")
        try:
            urllib.request.urlopen(request, timeout=5).close()
        except (urllib.error.URLError, OSError, ValueError) as exc:
            if not self._warned:
                self._warned = True
                warnings.warn(f"Warning: could not reach RemoteMonitor root server at {self.root} ({exc}); "
                              "training continues without it.", RuntimeWarning, stacklevel=2)


class LearningRateScheduler(Callback):
    """Keras 1 `LearningRateScheduler(schedule)`: `schedule(epoch) -> float`, set at each epoch start."""

    def __init__(self, schedule):
        super().__init__()
        self.schedule = schedule

    def on_epoch_begin(self, epoch, logs=None):
        optimizer = self.model.optimizer
        if not hasattr(optimizer, "lr") and not hasattr(optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "lr" attribute.')
        lr = self.schedule(epoch)
        if not isinstance(lr, (float, np.float32, np.float64)):
            raise ValueError("The output of the 'schedule' function should be float.")
        _set_lr(optimizer, lr)


def _get_lr(optimizer):
    variable = getattr(optimizer, "lr", None)
    if variable is None:
        variable = optimizer._learning_rate
    return float(keras.ops.convert_to_numpy(variable))


def _set_lr(optimizer, value):
    if hasattr(optimizer, "lr") and hasattr(optimizer.lr, "assign"):
        optimizer.lr.assign(value)
    else:
        optimizer.learning_rate = value


class ReduceLROnPlateau(Callback):
    """Keras 1 `ReduceLROnPlateau(monitor='val_loss', factor=0.1, patience=10, verbose=0, mode='auto',
    epsilon=1e-4, cooldown=0, min_lr=0)`."""

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto", epsilon=None,
                 cooldown=0, min_lr=0):
        super().__init__()
        if epsilon is None:
            epsilon = 1e-4
        else:
            from legacykeras import warnings as lk_warnings
            from legacykeras.rules import callbacks as rows

            lk_warnings.warn_legacy(rows.REDUCE_LR_ON_PLATEAU.code, "Keras 1 `ReduceLROnPlateau(epsilon=...)`: "
                                    "Keras 3 spells it `ReduceLROnPlateau(min_delta=...)`.")
        if factor >= 1.0:
            raise ValueError("ReduceLROnPlateau does not support a factor >= 1.0.")
        self.monitor, self.factor, self.min_lr, self.epsilon = monitor, factor, min_lr, epsilon
        self.patience, self.verbose, self.cooldown, self.mode = patience, verbose, cooldown, mode
        self._reset()

    def _reset(self):
        if self.mode not in ("auto", "min", "max"):
            warnings.warn(f"Learning Rate Plateau Reducing mode {self.mode} is unknown, fallback to auto mode.",
                          RuntimeWarning, stacklevel=3)
            self.mode = "auto"
        if self.mode == "min" or (self.mode == "auto" and "acc" not in self.monitor):
            self.monitor_op = lambda a, b: np.less(a, b - self.epsilon)
            self.best = np.inf
        else:
            self.monitor_op = lambda a, b: np.greater(a, b + self.epsilon)
            self.best = -np.inf
        self.cooldown_counter = 0
        self.wait = 0
        self.lr_epsilon = self.min_lr * 1e-4

    def on_train_begin(self, logs=None):
        self._reset()

    def in_cooldown(self):
        return self.cooldown_counter > 0

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        logs["lr"] = _get_lr(self.model.optimizer)
        current = logs.get(self.monitor)
        if current is None:
            warnings.warn(f"Learning Rate Plateau Reducing requires {self.monitor} available!", RuntimeWarning,
                          stacklevel=2)
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self.monitor_op(current, self.best):
            self.best = current
            self.wait = 0
        elif not self.in_cooldown():
            if self.wait >= self.patience:
                old_lr = _get_lr(self.model.optimizer)
                if old_lr > self.min_lr + self.lr_epsilon:
                    new_lr = max(old_lr * self.factor, self.min_lr)
                    _set_lr(self.model.optimizer, new_lr)
                    if self.verbose > 0:
                        print(f"\nEpoch {epoch:05d}: reducing learning rate to {new_lr}.")
                    self.cooldown_counter = self.cooldown
                    self.wait = 0
            self.wait += 1


class CSVLogger(Callback):
    """Keras 1 `CSVLogger(filename, separator=',', append=False)`: one row per epoch."""

    def __init__(self, filename, separator=",", append=False):
        super().__init__()
        self.sep, self.filename, self.append = separator, str(filename), append
        self.writer, self.keys, self.append_header = None, None, True

    def on_train_begin(self, logs=None):
        if self.append:
            if os.path.exists(self.filename):
                with open(self.filename) as f:
                    self.append_header = not bool(len(f.readline()))
            self.csv_file = open(self.filename, "a", newline="")
        else:
            self.csv_file = open(self.filename, "w", newline="")

    def on_epoch_end(self, epoch, logs=None):
        logs = logs or {}

        def handle_value(value):
            if isinstance(value, Iterable) and not (isinstance(value, np.ndarray) and value.ndim == 0) \
                    and not isinstance(value, str):
                return '"[%s]"' % ", ".join(map(str, value))
            return value

        if not self.writer:
            self.keys = sorted(logs.keys())

            class Dialect(csv.excel):
                delimiter = self.sep

            self.writer = csv.DictWriter(self.csv_file, fieldnames=["epoch"] + self.keys, dialect=Dialect)
            if self.append_header:
                self.writer.writeheader()
        row = OrderedDict({"epoch": epoch})
        row.update((key, handle_value(logs[key])) for key in self.keys)
        self.writer.writerow(row)
        self.csv_file.flush()

    def on_train_end(self, logs=None):
        self.csv_file.close()
        self.writer = None


class LambdaCallback(Callback):
    """Keras 1 `LambdaCallback(on_epoch_begin=, on_epoch_end=, on_batch_begin=, on_batch_end=,
    on_train_begin=, on_train_end=)`."""

    def __init__(self, on_epoch_begin=None, on_epoch_end=None, on_batch_begin=None, on_batch_end=None,
                 on_train_begin=None, on_train_end=None, **kwargs):
        super().__init__()
        self.__dict__.update(kwargs)
        nothing2 = lambda a, b: None  # noqa: E731
        nothing1 = lambda a: None  # noqa: E731
        self.on_epoch_begin = on_epoch_begin or nothing2
        self.on_epoch_end = on_epoch_end or nothing2
        self.on_batch_begin = on_batch_begin or nothing2
        self.on_batch_end = on_batch_end or nothing2
        self.on_train_begin = on_train_begin or nothing1
        self.on_train_end = on_train_end or nothing1


def _summary(tag, tensor, step, plugin):
    """One TensorBoard summary through TensorFlow's core `tf.summary.write` (no `tensorboard` package needed)."""
    import tensorflow as tf

    metadata = tf.compat.v1.SummaryMetadata(plugin_data=tf.compat.v1.SummaryMetadata.PluginData(plugin_name=plugin))
    tf.summary.write(tag, tensor, step=step, metadata=metadata.SerializeToString())


def _histogram_buckets(values, count=30):
    values = np.asarray(values, dtype="float64").ravel()
    low, high = (values.min(), values.max()) if values.size else (0.0, 0.0)
    if low == high:
        return np.array([[low, high, float(values.size)]])
    counts, edges = np.histogram(values, bins=count, range=(low, high))
    return np.stack([edges[:-1], edges[1:], counts.astype("float64")], axis=1)


class TensorBoard(Callback):
    """Keras 1 `TensorBoard(log_dir='./logs', histogram_freq=0, write_graph=True, write_images=False)`.

    Epoch logs become scalars; every `histogram_freq` epochs each weight gets a
    histogram (and an image with `write_images`), and each layer's output on
    `model.validation_data` a histogram ('<layer>_out'), as Keras 1 did.
    Keras 1's `write_graph` dumped the TF1 session graph; TF2 has none, so the
    model's Keras 1 JSON is written as text instead.
    """

    def __init__(self, log_dir="./logs", histogram_freq=0, write_graph=True, write_images=False):
        super().__init__()
        self.log_dir, self.histogram_freq = str(log_dir), histogram_freq
        self.write_graph, self.write_images = write_graph, write_images
        self.writer = None

    def set_model(self, model):
        import tensorflow as tf

        self.model = model
        self.writer = tf.summary.create_file_writer(self.log_dir)

    def _histograms(self, epoch):
        import tensorflow as tf

        for layer in self.model.layers:
            for weight in layer.weights:
                name = weight.path.replace("/", "_") if hasattr(weight, "path") else weight.name
                value = keras.ops.convert_to_numpy(weight)
                _summary(name, _histogram_buckets(value), epoch, "histograms")
                if self.write_images:
                    image = np.squeeze(value)
                    if image.ndim == 1:
                        image = image[None, :]
                    if image.ndim == 2:
                        if image.shape[0] > image.shape[1]:
                            image = image.T
                        scaled = (image - image.min()) / max(float(image.max() - image.min()), 1e-12)
                        png = tf.io.encode_png((scaled[:, :, None] * 255).astype("uint8"))
                        _summary(name, tf.stack([tf.as_string(image.shape[1]), tf.as_string(image.shape[0]), png]),
                                 epoch, "images")
        data = getattr(self.model, "validation_data", None)
        if data:
            count = len(self.model.inputs)
            inputs = data[:count]
            for layer in self.model.layers:
                if type(layer).__name__ == "InputLayer":
                    continue
                probe = keras.Model(self.model.inputs, layer.output)
                outputs = probe.predict(inputs[0] if count == 1 else inputs, verbose=0)
                _summary(f"{layer.name}_out", _histogram_buckets(outputs), epoch, "histograms")

    def on_train_begin(self, logs=None):
        if self.write_graph:
            with self.writer.as_default():
                _summary("model_config", np.array(self.model.to_json()), 0, "text")

    def on_epoch_end(self, epoch, logs=None):
        with self.writer.as_default():
            if self.histogram_freq and epoch % self.histogram_freq == 0:
                self._histograms(epoch)
            for name, value in (logs or {}).items():
                if name in ("batch", "size"):
                    continue
                _summary(name, np.float32(value), epoch, "scalars")
        self.writer.flush()

    def on_train_end(self, logs=None):
        if self.writer is not None:
            self.writer.close()


__all__ = [
    "CallbackList", "Callback", "BaseLogger", "ProgbarLogger", "History", "ModelCheckpoint", "EarlyStopping",
    "RemoteMonitor", "LearningRateScheduler", "TensorBoard", "ReduceLROnPlateau", "CSVLogger", "LambdaCallback",
    "Progbar",
]
