"""Keras 1.2.2 callbacks driving the Keras 1 training loop: arguments, params, logs, timing."""

from __future__ import annotations

import csv
import glob
import os
import warnings

import numpy as np
import pytest

from legacykeras import callbacks as cbks
from legacykeras.layers.core import Dense
from legacykeras.models import Sequential
from legacykeras.optimizers import SGD

RNG = np.random.RandomState(1)
X = RNG.randn(20, 4).astype("float32")
Y = np.eye(3, dtype="float32")[RNG.randint(0, 3, 20)]


def model(lr=0.1):
    m = Sequential([Dense(5, input_dim=4, activation="tanh"), Dense(3, activation="softmax")])
    m.compile(loss="categorical_crossentropy", optimizer=SGD(lr=lr), metrics=["accuracy"])
    return m


def test_user_callback_sees_keras1_params_and_batch_logs():
    seen = {}

    class Recorder(cbks.Callback):
        def on_train_begin(self, logs=None):
            seen["params"] = dict(self.params)
            seen["model"] = self.model
            seen["batches"] = []

        def on_batch_end(self, batch, logs=None):
            seen["batches"].append(dict(logs))

        def on_epoch_end(self, epoch, logs=None):
            seen.setdefault("epochs", []).append(dict(logs))
            seen["validation_data"] = self.model.validation_data

    m = model()
    m.fit(X, Y, batch_size=8, nb_epoch=2, verbose=0, callbacks=[Recorder()], validation_split=0.2)
    assert seen["params"] == {"batch_size": 8, "nb_epoch": 2, "nb_sample": 16, "verbose": 0, "do_validation": True,
                              "metrics": ["loss", "acc", "val_loss", "val_acc"]}
    assert seen["model"] is m
    assert [b["batch"] for b in seen["batches"]] == [0, 1, 0, 1]
    assert [b["size"] for b in seen["batches"]] == [8, 8, 8, 8]
    first_epoch = seen["batches"][:2]
    # batch logs hold the batch's own values; the epoch value is their size-weighted mean (BaseLogger)
    assert seen["epochs"][0]["loss"] == pytest.approx(np.mean([b["loss"] for b in first_epoch]))
    assert set(seen["epochs"][0]) == {"loss", "acc", "val_loss", "val_acc"}
    assert len(seen["validation_data"]) == 3 and seen["validation_data"][0].shape == (4, 4)


def test_early_stopping_waits_patience_plus_one_epochs_like_keras1():
    m = model(lr=0.0)  # constant loss: only the first epoch improves
    history = m.fit(X, Y, nb_epoch=10, verbose=0, callbacks=[cbks.EarlyStopping(monitor="loss", min_delta=1e-5, patience=2)])
    # Keras 1.2.2 checks `wait >= patience` before counting the epoch: epochs 0..3 run.
    assert history.epoch == [0, 1, 2, 3]


def test_model_checkpoint_formats_names_and_saves_best_only(tmp_path):
    pattern = str(tmp_path / "weights.{epoch:02d}-{val_loss:.2f}.hdf5")
    m = model()
    m.fit(X, Y, nb_epoch=3, verbose=0, validation_split=0.25,
          callbacks=[cbks.ModelCheckpoint(pattern, save_best_only=True)])
    files = sorted(glob.glob(str(tmp_path / "weights.*.hdf5")))
    assert files and os.path.basename(files[0]).startswith("weights.00-")
    import h5py

    with h5py.File(files[-1], "r") as f:
        assert "model_config" in f.attrs and "model_weights" in f
    weights_only = str(tmp_path / "w{epoch}.h5")
    m.fit(X, Y, nb_epoch=2, verbose=0, callbacks=[cbks.ModelCheckpoint(weights_only, monitor="loss",
                                                                        save_weights_only=True, period=2)])
    assert os.listdir(tmp_path).count("w1.h5") == 1 and "w0.h5" not in os.listdir(tmp_path)
    fresh = model()
    fresh.load_weights(str(tmp_path / "w1.h5"))
    np.testing.assert_allclose(fresh.predict(X), m.predict(X), atol=1e-6)


def test_csv_logger_lr_scheduler_and_reduce_lr_on_plateau(tmp_path):
    path = str(tmp_path / "log.csv")
    m = model()
    lrs = []
    history = m.fit(X, Y, nb_epoch=3, verbose=0, callbacks=[
        cbks.LearningRateScheduler(lambda epoch: 0.1 / (epoch + 1)),
        cbks.LambdaCallback(on_epoch_end=lambda epoch, logs: lrs.append(float(m.optimizer.lr.numpy()))),
        cbks.CSVLogger(path),
    ])
    assert lrs == pytest.approx([0.1, 0.05, 0.1 / 3])
    with open(path) as f:
        rows = list(csv.DictReader(f))
    assert [r["epoch"] for r in rows] == ["0", "1", "2"]
    assert float(rows[2]["loss"]) == pytest.approx(history.history["loss"][2], rel=1e-5)

    m = model(lr=0.0)
    history = m.fit(X, Y, nb_epoch=4, verbose=0, callbacks=[
        cbks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=0, epsilon=1e-4, cooldown=1, min_lr=0.0)])
    # the monitored loss never improves after epoch 0; Keras 1 adds 'lr' to the epoch logs
    assert "lr" in history.history
    assert history.history["lr"][0] == pytest.approx(0.0)


def test_reduce_lr_on_plateau_reduces_after_patience():
    m = model(lr=0.0)
    m.optimizer.lr.assign(0.4)
    m.optimizer._learning_rate.assign(0.4)
    cb = cbks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=0, epsilon=10.0)
    m.fit(X, Y, nb_epoch=3, verbose=0, validation_split=0.25, callbacks=[cb])
    # epsilon=10: nothing counts as an improvement after the first epoch -> halved at epochs 1 and 2
    assert float(m.optimizer.lr.numpy()) == pytest.approx(0.1)


def test_remote_monitor_unreachable_server_warns_once_and_training_goes_on():
    m = model()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        history = m.fit(X, Y, nb_epoch=2, verbose=0,
                        callbacks=[cbks.RemoteMonitor(root="http://127.0.0.1:9")])
    messages = [str(w.message) for w in caught if "could not reach RemoteMonitor" in str(w.message)]
    assert len(messages) == 1 and "http://127.0.0.1:9" in messages[0]
    assert len(history.epoch) == 2


def test_tensorboard_writes_event_files(tmp_path):
    m = model()
    m.fit(X, Y, nb_epoch=2, verbose=0, validation_split=0.25,
          callbacks=[cbks.TensorBoard(log_dir=str(tmp_path), histogram_freq=1, write_images=True)])
    events = glob.glob(str(tmp_path / "events.out.tfevents.*"))
    assert events
    import tensorflow as tf

    tags = {value.tag for record in tf.compat.v1.train.summary_iterator(events[0]) for value in record.summary.value}
    assert {"loss", "acc", "val_loss", "val_acc", "model_config"} <= tags
    assert any(tag.endswith("_out") for tag in tags) and any("kernel" in tag for tag in tags)


def test_progbar_logger_prints_keras1_lines(capsys):
    m = model()
    m.fit(X, Y, nb_epoch=2, batch_size=10, verbose=2)
    out = capsys.readouterr().out
    assert "Epoch 1/2" in out and "Epoch 2/2" in out and "loss:" in out and "acc:" in out


def test_stop_training_from_a_callback():
    m = model()

    class Stop(cbks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            self.model.stop_training = epoch == 1

    assert m.fit(X, Y, nb_epoch=5, verbose=0, callbacks=[Stop()]).epoch == [0, 1]
