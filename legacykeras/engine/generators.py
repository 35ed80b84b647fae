"""Keras 1 `fit_generator` / `evaluate_generator` / `predict_generator`, counting samples.

Keras 1 counted *samples*: an epoch ends once `samples_per_epoch` samples have
been drawn (`nb_val_samples`, `val_samples` likewise), whatever the batch
sizes. Keras 3 counts steps, so passing Keras 1's numbers to Keras 3 runs
batch-size times too long (keras-team/keras#6296). This loop keeps Keras 1's
meaning, and so its positional form `fit_generator(gen, 1000, 10)`.

The generator is read in the calling thread: `nb_worker`, `max_q_size` and
`pickle_safe` are accepted and dropped with a warning by the rules table
(`LK517`); for parallel loading use a `keras.utils.PyDataset` with `workers=`
and Keras 3's `fit`.
"""

from __future__ import annotations

import warnings

import numpy as np


def _unpack(output, what):
    if not isinstance(output, tuple) or len(output) not in (2, 3):
        raise ValueError(f"output of generator should be a tuple (x, y, sample_weight) or (x, y). Found: "
                         f"{type(output).__name__} {str(output)[:80]}")
    if len(output) == 2:
        return output[0], output[1], None
    return output


def _batch_size(xs):
    first = next(a for a in xs if a is not None)
    return len(first)


def fit_generator(model, x, samples_per_epoch, epochs, verbose=1, callbacks=None, validation_data=None,
                  nb_val_samples=None, class_weight=None, initial_epoch=0):
    generator = x
    model._legacy_check_compiled("fit_generator")
    do_validation = validation_data is not None
    val_gen = do_validation and (hasattr(validation_data, "__next__") or hasattr(validation_data, "next"))
    if val_gen and not nb_val_samples:
        raise ValueError('When using a generator for validation data, you must specify a value for '
                         '"nb_val_samples".')
    out_labels = model.metrics_names
    callback_metrics = list(out_labels) + [f"val_{n}" for n in out_labels]
    chain = model._legacy_callbacks(callbacks, verbose, {
        "nb_epoch": epochs, "nb_sample": samples_per_epoch, "verbose": verbose,
        "do_validation": do_validation, "metrics": callback_metrics,
    })
    chain.on_train_begin()
    val_arrays = None
    if do_validation and not val_gen:
        val_arrays = model._legacy_validation_arrays(
            validation_data,
            "validation_data should be a tuple (val_x, val_y, val_sample_weight) or "
            f"(val_x, val_y). Found: {validation_data}")
        vxs, vys, vsws = val_arrays
        object.__setattr__(model, "validation_data",
                           [*vxs, *vys, *(vsws or [np.ones(len(a)) for a in vys])])
    else:
        object.__setattr__(model, "validation_data", None)

    model.stop_training = False
    epoch = initial_epoch
    while epoch < epochs:
        chain.on_epoch_begin(epoch)
        samples_seen = 0
        batch_index = 0
        epoch_logs = {}
        while samples_seen < samples_per_epoch:
            bx, by, bsw = _unpack(next(generator), "fit")
            xs = model._legacy_inputs(bx)
            ys, sws = model._legacy_targets_and_weights(by, bsw, class_weight)
            size = _batch_size(xs)
            batch_logs = {"batch": batch_index, "size": size}
            chain.on_batch_begin(batch_index, batch_logs)
            outs = model._legacy_train_batch(xs, ys, sws)
            for label, value in zip(out_labels, outs):
                batch_logs[label] = value
            chain.on_batch_end(batch_index, batch_logs)
            batch_index += 1
            samples_seen += size
            if samples_seen > samples_per_epoch:
                warnings.warn("Epoch comprised more than `samples_per_epoch` samples, which might affect "
                              "learning results. Set `samples_per_epoch` correctly to avoid this warning.",
                              stacklevel=3)
            if samples_seen >= samples_per_epoch and do_validation:
                if val_gen:
                    val_outs = _evaluate(model, validation_data, nb_val_samples)
                else:
                    val_outs = model._legacy_test_loop(*val_arrays, batch_size=size)
                for label, value in zip(out_labels, val_outs):
                    epoch_logs["val_" + label] = value
        chain.on_epoch_end(epoch, epoch_logs)
        epoch += 1
        if model.stop_training:
            break
    chain.on_train_end()
    return model.history


def _evaluate(model, generator, val_samples):
    processed = 0
    outs, weights = [], []
    while processed < val_samples:
        bx, by, bsw = _unpack(next(generator), "evaluate")
        xs = model._legacy_inputs(bx)
        ys, sws = model._legacy_targets_and_weights(by, bsw)
        outs.append(model._legacy_test_batch(xs, ys, sws))
        size = _batch_size(xs)
        weights.append(size)
        processed += size
    return [float(np.average([o[i] for o in outs], weights=weights)) for i in range(len(outs[0]))]


def evaluate_generator(model, x, val_samples):
    model._legacy_check_compiled("evaluate_generator")
    values = _evaluate(model, x, val_samples)
    return values[0] if len(values) == 1 else values


def predict_generator(model, x, val_samples):
    processed = 0
    chunks = None
    while processed < val_samples:
        output = next(x)
        if isinstance(output, tuple) and len(output) in (2, 3):
            output = output[0]
        batch = model.predict_on_batch(output)
        batch = batch if isinstance(batch, list) else [batch]
        chunks = [[b] for b in batch] if chunks is None else [c + [b] for c, b in zip(chunks, batch)]
        processed += _batch_size(model._legacy_inputs(output))
    result = [np.concatenate(c) for c in chunks]
    return result[0] if len(result) == 1 else result
