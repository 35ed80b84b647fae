"""`LegacyModelMixin`: Keras 1.2.2 compile / fit / evaluate / predict / save on a Keras 3 model.

Keras 1 semantics users can see, and how they are kept:

- `compile`: Keras 1 loss reduction (weights divided by the fraction of
  non-zero weights, masks renormalised) and Keras 1 metric values (per batch,
  unweighted) through `runtime.compile.LegacyLoss` / `LegacyMetric`;
  `metrics_names` as Keras 1 named them ('acc', 'mean_squared_error' for 'mse',
  '<output>_loss' for multi-output models); `class_mode` dropped with a warning;
  `sample_weight_mode='temporal'` checked like Keras 1.
- `fit` / `fit_generator` run Keras 1's own loop (`_fit_loop`): one
  `train_on_batch` per batch, callbacks from `legacykeras.callbacks` with Keras
  1's `params` ('nb_epoch', 'nb_sample', 'batch_size', 'metrics', ...) and
  per-batch logs ('batch', 'size', batch loss), epoch values averaged by
  `BaseLogger`, validation at the end of each epoch, `shuffle='batch'`,
  `class_weight`, `initial_epoch`, `model.validation_data`. Returns a History
  with Keras 1 keys.
- `evaluate` / `*_generator`: batch-size-weighted means, as Keras 1.
- positional Keras 1 calls (`fit(X, y, 32, 10)`, `fit_generator(gen, 1000, 10)`)
  mean what they meant; `nb_epoch` defaults to 10, `batch_size` to 32.
- `save_weights` / `load_weights` / `save` in the Keras 1 HDF5 layout;
  `to_json` / `to_yaml` / `get_config` in Keras 1 form.
"""

from __future__ import annotations

import contextlib
import json
import numbers
import warnings

import numpy as np

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
from legacykeras.io import hdf5_weights
from legacykeras.rules import models as model_rows
from legacykeras.rules import training as rows
from legacykeras.rules.convert import modern_call, translate

KERAS_VERSION = "1.2.2"


def _translate(rule, args, kwargs):
    translation = translate(rule, args, kwargs)
    if translation.changes:
        lk_warnings.warn_legacy(
            rule.code,
            f"Keras 1 call `{rule.old_name}(...)`: {'; '.join(translation.changes)}. "
            f"Keras 3: {modern_call(rule, translation)}",
        )
    return translation.kwargs


# --- data standardisation (Keras 1 `_standardize_user_data`) ------------------------------
def _as_list(data, names, what):
    """Arrays for `names` from an array, a list or a dict keyed by layer name.

    Keras 1 (`standardize_input_data`): a 1D array is a column (n,) -> (n, 1), and a list that
    is not one array per name, given to a single-input model, is itself the array.
    """
    arrays = _as_list_raw(data, names, what)
    return [a[:, None] if a is not None and a.ndim == 1 else a for a in arrays]


def _as_list_raw(data, names, what):
    if data is None:
        return [None] * len(names)
    if isinstance(data, (list, tuple)) and len(names) == 1 and len(data) != 1:
        return [np.asarray(data)]
    if isinstance(data, dict):
        missing = [n for n in names if n not in data]
        if missing:
            raise ValueError(f"No data provided for {what} {missing[0]!r}. Need data for each key in: {names}")
        return [np.asarray(data[n]) for n in names]
    if isinstance(data, (list, tuple)):
        if len(data) != len(names):
            raise ValueError(
                f"Error when checking {what}: the list of Numpy arrays that you are passing to your model is "
                f"not the size the model expected. Expected to see {len(names)} arrays but instead got "
                f"{len(data)} arrays."
            )
        return [None if d is None else np.asarray(d) for d in data]
    if len(names) != 1:
        raise ValueError(
            f"Error when checking {what}: the model expects {len(names)} arrays ({names}), but only "
            f"received one array."
        )
    return [np.asarray(data)]


def _floatx(arrays):
    """Keras 1 fed every input and target through floatx placeholders (one trace per batch shape here)."""
    floatx = keras.config.floatx()
    out = []
    for a in arrays:
        if a is not None and a.dtype != floatx and (a.dtype.kind in "fb" or a.dtype.kind in "iu"):
            a = a.astype(floatx)
        out.append(a)
    return out


def _per_output(value, names, what):
    """Keras 1 `standardize_sample_or_class_weights`: None, a list, or a dict by output name."""
    if value is None:
        return [None] * len(names)
    if isinstance(value, (list, tuple)):
        if len(value) != len(names):
            raise ValueError(f"Provided `{what}` was a list of {len(value)} elements, but the model has "
                             f"{len(names)} outputs.")
        return list(value)
    if isinstance(value, dict) and what == "class_weight" and not set(value) & set(names):
        # A flat {class: weight} dict: Keras 1 applied it to a single-output model.
        return [value] + [None] * (len(names) - 1) if len(names) == 1 else [None] * len(names)
    if isinstance(value, dict):
        return [value.get(n) for n in names]
    if len(names) == 1:
        return [value]
    raise TypeError(f"The model has multiple outputs, so `{what}` should be either a list or a dict.")


def _class_weights_to_sample_weights(y, class_weight):
    if y.ndim > 2:
        raise ValueError("class_weight not supported for 3+ dimensional targets.")
    if y.ndim == 2 and y.shape[1] > 1:
        classes = y.argmax(axis=1)
    elif y.ndim == 2 and y.shape[1] == 1:
        classes = y.reshape(y.shape[0])
    else:
        classes = y
    return np.asarray([class_weight[int(c)] for c in classes], dtype="float32")


def _unique_names(names):
    """Keras 1 output names made unique for Keras 3 ('model_1', 'model_1' -> 'model_1', 'model_1_1')."""
    seen, out = set(), []
    for name in names:
        candidate, i = name, 0
        while candidate in seen:
            i += 1
            candidate = f"{name}_{i}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _make_batches(size, batch_size):
    count = int(np.ceil(size / float(batch_size)))
    return [(i * batch_size, min(size, (i + 1) * batch_size)) for i in range(count)]


def _batch_shuffle(index_array, batch_size):
    """Keras 1 `shuffle='batch'`: shuffle whole batch-sized chunks (for HDF5 data)."""
    batch_count = int(len(index_array) / batch_size)
    last = index_array[batch_count * batch_size:]
    index_array = index_array[: batch_count * batch_size].reshape((batch_count, batch_size))
    np.random.shuffle(index_array)
    return np.append(index_array.flatten(), last)


def _take(arrays, ids):
    return [None if a is None else a[ids] for a in arrays]


def _unlist(arrays):
    return arrays[0] if len(arrays) == 1 else list(arrays)


def _nb_samples(arrays):
    return len(next(a for a in arrays if a is not None))


def _trainable_flags(model) -> list:
    """(depth, layer, trainable) for the model and every nested layer, parents first."""
    flags = [(-1, model, model.trainable)]
    seen = {id(model)}

    def walk(layer, depth):
        for sub in getattr(layer, "_layers", None) or ():
            if id(sub) in seen:  # shared layers, and layers that list their wrapper
                continue
            seen.add(id(sub))
            flags.append((depth, sub, sub.trainable))
            walk(sub, depth + 1)

    walk(model, 0)
    return flags


class _Flags:
    """A plain holder: Keras 3 tracks layers found in list attributes, and these include the model."""

    def __init__(self, items):
        self.items = items


def _set_flags(flags) -> None:
    # Setting a container's flag resets its children, so parents go first.
    for _, layer, trainable in sorted(flags, key=lambda item: item[0]):
        if layer.trainable != trainable:
            layer.trainable = trainable


@contextlib.contextmanager
def _trainable_as_compiled(model):
    holder = getattr(model, "_legacy_compiled_trainable", None)
    compiled = holder.items if holder is not None else None
    if not compiled or all(layer.trainable == flag for _, layer, flag in compiled):
        yield
        return
    now = [(depth, layer, layer.trainable) for depth, layer, _ in compiled]
    _set_flags(compiled)
    try:
        yield
    finally:
        _set_flags(now)


class LegacyModelMixin:
    """Keras 1 training and saving API over `keras.Model` / `keras.Sequential`."""

    # --- names ----------------------------------------------------------------------
    def _legacy_input_names(self):
        return [t._keras_history[0].name for t in self.inputs]

    def _legacy_output_names(self):
        return [t._keras_history[0].name for t in self.outputs]

    @property
    def input_names(self):
        return self._legacy_input_names()

    @property
    def output_names(self):
        # While Keras 3 compiles, it gets unique names: Keras 1 allowed duplicates (two outputs of one
        # nested model are both 'model_1'), which would merge their entries in Keras 3's logs.
        return getattr(self, "_legacy_compiling_names", None) or self._legacy_output_names()

    @output_names.setter
    def output_names(self, value):
        # Keras 3 assigns it while building a Functional; the names come from the graph.
        pass

    @property
    def uses_learning_phase(self):
        """Keras 1: whether some layer behaves differently in training (Dropout, BatchNormalization, ...)."""
        phase_layers = (keras.layers.Dropout, keras.layers.GaussianNoise, keras.layers.GaussianDropout,
                        keras.layers.AlphaDropout, keras.layers.BatchNormalization, keras.layers.SpatialDropout1D,
                        keras.layers.SpatialDropout2D, keras.layers.SpatialDropout3D)
        for layer in self._flatten_layers(include_self=False):
            own = type(layer).__dict__.get("uses_learning_phase")
            if isinstance(own, bool) and own:
                return True
            if isinstance(layer, phase_layers):
                return True
            if getattr(layer, "dropout", 0) or getattr(layer, "recurrent_dropout", 0):
                return True
        return False

    @property
    def metrics_names(self):
        names = getattr(self, "_legacy_metrics_names", None)
        if names is None:
            return super().metrics_names
        return list(names)

    # --- compile --------------------------------------------------------------------
    def compile(self, *args, **kwargs):
        from legacykeras import optimizers
        from legacykeras.runtime import compile as lk_compile

        kw = _translate(rows.COMPILE, args, kwargs)
        if "optimizer" not in kw or "loss" not in kw:
            raise TypeError("compile() needs `optimizer` and `loss` (Keras 1 order: optimizer, loss, metrics, "
                            "loss_weights, sample_weight_mode).")
        optimizer = optimizers.get(kw.pop("optimizer"))
        loss = kw.pop("loss")
        metrics = kw.pop("metrics", None) or []
        loss_weights = kw.pop("loss_weights", None)
        sample_weight_mode = kw.pop("sample_weight_mode", None)
        self._legacy_ensure_built()
        names = self._legacy_output_names()
        shapes = [tuple(t.shape) for t in self.outputs]

        if isinstance(loss, dict):
            unknown = set(loss) - set(names)
            if unknown:
                raise ValueError(f"Unknown entry in loss dictionary: {sorted(unknown)[0]!r}. Only expected the "
                                 f"following keys: {names}")
            for n in names:
                if n not in loss:
                    raise ValueError(f"Output {n!r} missing from loss dictionary.")
            loss_list = [loss[n] for n in names]
        elif isinstance(loss, (list, tuple)):
            if len(loss) != len(names):
                raise ValueError(f"When passing a list as loss, it should have one entry per model output. The "
                                 f"model has {len(names)} outputs, but you passed loss={loss}")
            loss_list = list(loss)
        else:
            loss_list = [loss] * len(names)
        resolved = [lk_compile.resolve_loss(entry) for entry in loss_list]
        loss_fns = [fn for fn, _ in resolved]
        losses = [obj for _, obj in resolved]

        if loss_weights is None:
            weights = [1.0] * len(names)
        elif isinstance(loss_weights, dict):
            weights = [float(loss_weights.get(n, 1.0)) for n in names]
        else:
            if len(loss_weights) != len(names):
                raise ValueError(f"When passing a list as loss_weights, it should have one entry per model "
                                 f"output. The model has {len(names)} outputs, but you passed "
                                 f"loss_weights={loss_weights}")
            weights = [float(w) for w in loss_weights]

        modes = _per_output(sample_weight_mode, names, "sample_weight_mode")
        for mode, name in zip(modes, names):
            if mode not in (None, "temporal"):
                raise ValueError(f"Unknown sample_weight_mode {mode!r} for output {name!r}: Keras 1 knew None "
                                 "and 'temporal'.")
        if isinstance(metrics, dict):
            nested = [metrics.get(n, []) for n in names]
            nested = [m if isinstance(m, (list, tuple)) else [m] for m in nested]
        else:
            nested = [list(metrics)] * len(names)

        keras3_names = _unique_names(names)
        metrics_names = ["loss"]
        log_keys = ["loss"]
        if len(names) > 1:
            metrics_names += [f"{n}_loss" for n in names]
            log_keys += [f"{n}_loss" for n in keras3_names]
        per_output = []
        for name, key, entries, fn, shape in zip(names, keras3_names, nested, loss_fns, shapes):
            objs = []
            for entry in entries:
                metric_name, obj = lk_compile.resolve_metric(entry, fn, shape)
                metrics_names.append(f"{name}_{metric_name}" if len(names) > 1 else metric_name)
                log_keys.append(f"{key}_{metric_name}" if len(names) > 1 else metric_name)
                objs.append(obj)
            per_output.append(objs)

        self._legacy_metrics_names = metrics_names
        self._legacy_log_keys = log_keys
        self._legacy_loss_fns = loss_fns
        self._legacy_loss_config = loss
        self._legacy_metrics_config = metrics
        self._legacy_loss_weights_config = loss_weights
        self._legacy_sample_weight_modes = modes
        self._legacy_sample_weight_mode_config = sample_weight_mode
        single = len(names) == 1
        self._legacy_compiling_names = keras3_names
        # Keras 1 froze `trainable` at compile: the GAN idiom compiles D, sets D.trainable = False,
        # then compiles the combined model, and D.train_on_batch must still train D.
        self._legacy_compiled_trainable = _Flags(_trainable_flags(self))
        try:
            return super().compile(
                optimizer=optimizer,
                loss=losses[0] if single else losses,
                loss_weights=None if single and weights == [1.0] else weights,
                metrics=per_output[0] if single else per_output,
                **kw,
            )
        finally:
            self._legacy_compiling_names = None

    def _legacy_ensure_built(self):
        if not self.built:
            try:
                self.inputs  # noqa: B018  (Sequential builds its graph lazily)
            except (AttributeError, ValueError):
                raise RuntimeError(
                    "The model has no known input shape yet, so it cannot be compiled. Keras 1: give the first "
                    "layer `input_shape=` (or `input_dim=` / `batch_input_shape=`)."
                ) from None

    @property
    def optimizer_legacy_config(self):
        return {"class_name": type(self.optimizer).__name__, "config": self.optimizer.get_config()}

    # --- per-batch primitives -------------------------------------------------------
    def _legacy_inputs(self, x):
        arrays = _as_list(x, self._legacy_input_names(), "model input")
        dtypes = [t.dtype for t in self.inputs]
        # Float inputs as floatx (Keras 1 placeholders); integer inputs (Embedding indices) keep their type.
        return [a if a is None or "int" in str(dt) else _floatx([a])[0] for a, dt in zip(arrays, dtypes)]

    def _legacy_targets_and_weights(self, y, sample_weight=None, class_weight=None):
        names = self._legacy_output_names()
        ys = _floatx(_as_list(y, names, "model target"))
        # Keras 1 (standardize_input_data) made 1-D targets (n, 1); left 1-D they broadcast against (n, 1) outputs.
        ys = [np.expand_dims(t, 1) if t is not None and np.ndim(t) == 1 else t for t in ys]
        sws = _per_output(sample_weight, names, "sample_weight")
        cws = _per_output(class_weight, names, "class_weight")
        modes = getattr(self, "_legacy_sample_weight_modes", [None] * len(names))
        out = []
        for name, target, sw, cw, mode in zip(names, ys, sws, cws, modes):
            if sw is not None:
                sw = np.asarray(sw, dtype="float32")
                if mode == "temporal" and sw.ndim != 2:
                    raise ValueError(f"Found a sample_weight array with shape {sw.shape}. In order to use "
                                     "timestep-wise sample weighting, you should pass a 2D sample_weight "
                                     "array.")
                if mode != "temporal" and sw.ndim != 1:
                    raise ValueError(f"Found a sample_weight array with shape {sw.shape}. In order to use "
                                     "timestep-wise sample weighting, you should pass a 2D sample_weight array "
                                     "and specify sample_weight_mode='temporal' in compile(). If you just mean "
                                     "to use sample-wise weights, make sure your sample_weight array is 1D.")
            elif cw is not None and target is not None:
                if mode == "temporal":
                    raise ValueError("class_weight not supported for 3+ dimensional targets.")
                sw = _class_weights_to_sample_weights(target, cw)
            out.append(sw)
        if any(w is not None for w in out):
            # Keras 1 always had weights (ones by default); Keras 3 wants all or none.
            for i, (target, w) in enumerate(zip(ys, out)):
                if w is None:
                    shape = target.shape[:2] if modes[i] == "temporal" else target.shape[:1]
                    out[i] = np.ones(shape, dtype="float32")
        else:
            out = None
        return ys, out

    def _legacy_ordered(self, logs):
        """Keras 3's logs dict as Keras 1's list, in `metrics_names` order."""
        keys = getattr(self, "_legacy_log_keys", None) or self.metrics_names
        values = [float(logs[k]) for k in keys if k in logs]
        if len(values) != len(keys):
            values = [float(v) for v in logs.values()]
        return values

    def _legacy_train_batch(self, xs, ys, sws):
        with _trainable_as_compiled(self):
            return self._legacy_train_batch_now(xs, ys, sws)

    def _legacy_train_batch_now(self, xs, ys, sws):
        if sws is None and self._legacy_can_split(xs):
            return self._legacy_ordered(self._legacy_distributed_step(xs, ys))
        logs = super().train_on_batch(_unlist(xs), _unlist(ys), sample_weight=None if sws is None else _unlist(sws),
                                      return_dict=True)
        return self._legacy_ordered(logs)

    def _legacy_can_split(self, xs):
        """Under a multi-replica `tf.distribute` strategy, split a batch that divides evenly.

        Keras 1's loss is a mean over the batch, so equal shards give the same gradient as the
        whole batch. A weighted or uneven batch is not split: each replica then computes the
        whole batch (Keras 3's `train_on_batch` behaviour), which keeps Keras 1's weighting exact.
        """
        replicas = self.distribute_strategy.num_replicas_in_sync
        return replicas > 1 and _nb_samples(xs) % replicas == 0

    def _legacy_distributed_step(self, xs, ys):
        import tensorflow as tf

        data = (_unlist(xs), _unlist(ys))
        self._maybe_symbolic_build(data_batch=(*data, None))
        self.make_train_function()
        self.reset_metrics()
        dataset = tf.data.Dataset.from_tensors(data)
        logs = self.train_function(iter(self.distribute_strategy.experimental_distribute_dataset(dataset)))
        return {key: float(np.asarray(value)) for key, value in logs.items()}

    def _legacy_test_batch(self, xs, ys, sws):
        logs = super().test_on_batch(_unlist(xs), _unlist(ys), sample_weight=None if sws is None else _unlist(sws),
                                     return_dict=True)
        return self._legacy_ordered(logs)

    @staticmethod
    def _scalar_or_list(values):
        return values[0] if len(values) == 1 else values

    def train_on_batch(self, x, y, sample_weight=None, class_weight=None, **kwargs):
        """Keras 1: one gradient update; returns the loss, or [loss, metrics...]."""
        xs = self._legacy_inputs(x)
        ys, sws = self._legacy_targets_and_weights(y, sample_weight, class_weight)
        return self._scalar_or_list(self._legacy_train_batch(xs, ys, sws))

    def test_on_batch(self, x, y, sample_weight=None, **kwargs):
        xs = self._legacy_inputs(x)
        ys, sws = self._legacy_targets_and_weights(y, sample_weight)
        return self._scalar_or_list(self._legacy_test_batch(xs, ys, sws))

    def predict_on_batch(self, x):
        return super().predict_on_batch(_unlist(self._legacy_inputs(x)))

    # --- fit --------------------------------------------------------------------------
    def fit(self, *args, **kwargs):
        kw = _translate(rows.FIT, args, kwargs)
        x, y = kw.pop("x", None), kw.pop("y", None)
        batch_size, epochs = kw.pop("batch_size", 32), kw.pop("epochs", 10)
        verbose = kw.pop("verbose", 1)
        callbacks = kw.pop("callbacks", None)
        validation_split = kw.pop("validation_split", 0.0)
        validation_data = kw.pop("validation_data", None)
        shuffle = kw.pop("shuffle", True)
        class_weight = kw.pop("class_weight", None)
        sample_weight = kw.pop("sample_weight", None)
        initial_epoch = kw.pop("initial_epoch", 0)
        if kw:
            raise TypeError(f"Unrecognized keyword arguments: {kw}")
        self._legacy_check_compiled("fit")

        xs = self._legacy_inputs(x)
        ys, sws = self._legacy_targets_and_weights(y, sample_weight, class_weight)
        check_array_lengths(xs, ys, sws or [])
        check_loss_and_target_compatibility(ys, self._legacy_loss_fns, [tuple(t.shape) for t in self.outputs])
        val = None
        if validation_data is not None:
            val = self._legacy_validation_arrays(
                validation_data,
                "When passing validation_data, it must contain 2 (x_val, y_val) or 3 (x_val, y_val, "
                f"val_sample_weights) items, however it contains {len(validation_data)} items")
        elif validation_split and 0.0 < validation_split < 1.0:
            split_at = int(_nb_samples(xs) * (1.0 - validation_split))
            val = ([a[split_at:] for a in xs], [a[split_at:] for a in ys],
                   None if sws is None else [w[split_at:] for w in sws])
            xs, ys = [a[:split_at] for a in xs], [a[:split_at] for a in ys]
            sws = None if sws is None else [w[:split_at] for w in sws]
        return self._legacy_fit_loop(xs, ys, sws, batch_size, epochs, verbose, callbacks, val, shuffle,
                                     initial_epoch)

    def _legacy_validation_arrays(self, validation_data, error: str):
        """(inputs, targets, sample weights) from Keras 1's (x, y) or (x, y, sample_weight) tuple.

        `error` is the message Keras 1 gave for other lengths (fit and fit_generator worded it apart).
        """
        if len(validation_data) == 2:
            (vx, vy), vsw = validation_data, None
        elif len(validation_data) == 3:
            vx, vy, vsw = validation_data
        else:
            raise ValueError(error)
        vys, vsws = self._legacy_targets_and_weights(vy, vsw)
        return self._legacy_inputs(vx), vys, vsws

    def _legacy_check_compiled(self, method):
        if getattr(self, "_legacy_metrics_names", None) is None:
            raise RuntimeError(f"You must compile a model before training/testing. Use `model.compile(optimizer, "
                               f"loss)` (called before `{method}`).")

    def _legacy_callbacks(self, callbacks, verbose, params):
        from legacykeras import callbacks as cbks

        self.history = cbks.History()
        chain = [cbks.BaseLogger()] + list(callbacks or []) + [self.history]
        if verbose:
            chain.append(cbks.ProgbarLogger())
        chain = cbks.CallbackList(chain)
        chain.set_model(self)
        chain.set_params(params)
        return chain

    def _legacy_fit_loop(self, xs, ys, sws, batch_size, epochs, verbose, callbacks, val, shuffle, initial_epoch):
        n = _nb_samples(xs)
        out_labels = self.metrics_names
        do_validation = val is not None
        callback_metrics = list(out_labels) + ([f"val_{n}" for n in out_labels] if do_validation else [])
        chain = self._legacy_callbacks(callbacks, verbose, {
            "batch_size": batch_size, "nb_epoch": epochs, "nb_sample": n, "verbose": verbose,
            "do_validation": do_validation, "metrics": callback_metrics,
        })
        chain.on_train_begin()
        self.stop_training = False
        object.__setattr__(self, "validation_data", None if val is None else
                           [*val[0], *val[1], *(val[2] or [np.ones(len(a)) for a in val[1]])])
        index_array = np.arange(n)
        for epoch in range(initial_epoch, epochs):
            chain.on_epoch_begin(epoch)
            if shuffle == "batch":
                index_array = _batch_shuffle(index_array, batch_size)
            elif shuffle:
                np.random.shuffle(index_array)
            batches = _make_batches(n, batch_size)
            epoch_logs = {}
            for batch_index, (start, end) in enumerate(batches):
                ids = index_array[start:end]
                batch_logs = {"batch": batch_index, "size": len(ids)}
                chain.on_batch_begin(batch_index, batch_logs)
                outs = self._legacy_train_batch(_take(xs, ids), _take(ys, ids), None if sws is None else _take(sws, ids))
                for label, value in zip(out_labels, outs):
                    batch_logs[label] = value
                chain.on_batch_end(batch_index, batch_logs)
                if batch_index == len(batches) - 1 and do_validation:
                    val_outs = self._legacy_test_loop(*val, batch_size=batch_size)
                    for label, value in zip(out_labels, val_outs):
                        epoch_logs["val_" + label] = value
            chain.on_epoch_end(epoch, epoch_logs)
            if self.stop_training:
                break
        chain.on_train_end()
        return self.history

    # --- evaluate / predict -----------------------------------------------------------
    def _legacy_test_loop(self, xs, ys, sws, batch_size=32, verbose=0):
        from legacykeras.callbacks import Progbar

        n = _nb_samples(xs)
        totals = None
        progbar = Progbar(target=n) if verbose == 1 else None
        for start, end in _make_batches(n, batch_size):
            ids = np.arange(start, end)
            outs = self._legacy_test_batch(_take(xs, ids), _take(ys, ids), None if sws is None else _take(sws, ids))
            weighted = [o * len(ids) for o in outs]
            totals = weighted if totals is None else [t + w for t, w in zip(totals, weighted)]
            if progbar is not None:
                progbar.update(end)
        return [t / n for t in totals]

    def evaluate(self, *args, **kwargs):
        kw = _translate(rows.EVALUATE, args, kwargs)
        self._legacy_check_compiled("evaluate")
        xs = self._legacy_inputs(kw.get("x"))
        ys, sws = self._legacy_targets_and_weights(kw.get("y"), kw.get("sample_weight"))
        outs = self._legacy_test_loop(xs, ys, sws, batch_size=kw.get("batch_size", 32), verbose=kw.get("verbose", 1))
        return self._scalar_or_list(outs)

    def predict(self, *args, **kwargs):
        kw = _translate(rows.PREDICT, args, kwargs)
        kw.setdefault("verbose", 0)  # Keras 1's predict printed nothing by default
        kw["x"] = _unlist(self._legacy_inputs(kw.get("x")))
        return super().predict(**kw)

    def predict_proba(self, x, batch_size=32, verbose=1):
        preds = self.predict(x, batch_size=batch_size, verbose=verbose)
        if preds.min() < 0.0 or preds.max() > 1.0:
            warnings.warn("Network returning invalid probability values. The last layer might not normalize "
                          "predictions into probabilities (like softmax or sigmoid would).", stacklevel=2)
        return preds

    def predict_classes(self, x, batch_size=32, verbose=1):
        proba = self.predict(x, batch_size=batch_size, verbose=verbose)
        if proba.shape[-1] > 1:
            return proba.argmax(axis=-1)
        return (proba > 0.5).astype("int32")

    # --- generators -----------------------------------------------------------------
    def fit_generator(self, *args, **kwargs):
        kw = _translate(model_rows.FIT_GENERATOR, args, kwargs)
        from legacykeras.engine import generators

        return generators.fit_generator(self, **kw)

    def evaluate_generator(self, *args, **kwargs):
        kw = _translate(model_rows.EVALUATE_GENERATOR, args, kwargs)
        from legacykeras.engine import generators

        return generators.evaluate_generator(self, **kw)

    def predict_generator(self, *args, **kwargs):
        kw = _translate(model_rows.PREDICT_GENERATOR, args, kwargs)
        from legacykeras.engine import generators

        return generators.predict_generator(self, **kw)

    # --- weights files --------------------------------------------------------------
    def save_weights(self, filepath, overwrite=True, **kwargs):
        """Keras 1 HDF5 layout (`layer_names`, one group per layer, Keras 1 weight layouts)."""
        hdf5_weights.save_weights(self._legacy_saved_layers(), str(filepath), overwrite=overwrite)

    def _legacy_saved_layers(self):
        """The layers a Keras 1 weight file lists: `flattened_layers` of a Sequential; all `layers` of a
        functional Model, weightless InputLayers included (Keras 1.2.2 `save_weights_to_hdf5_group`)."""
        if isinstance(self, keras.Sequential):
            return hdf5_weights.flattened_layers(self)
        return list(self.layers)

    def load_weights(self, filepath, by_name=False, source_backend=None, **kwargs):
        """Keras 1 / 0.x HDF5 weights; `source_backend` ('theano' / 'tensorflow') says who trained them."""
        hdf5_weights.load_weights(self, str(filepath), by_name=by_name, source_backend=source_backend)

    def save(self, filepath, overwrite=True, include_optimizer=True, **kwargs):
        """Keras 1 `model.save(filepath)`: one HDF5 file, Keras 1 layout.

        A `.keras` path writes Keras 3's native format instead, of the plain Keras 3 twin of this
        model (`legacykeras.io.convert.to_keras3`; weights only, no training config).
        """
        if str(filepath).endswith(".keras"):
            from legacykeras.io.convert import to_keras3

            return to_keras3(self).save(filepath, overwrite=overwrite, **kwargs)
        from legacykeras.engine.saving import save_model

        return save_model(self, filepath, overwrite=overwrite)

    # --- configs --------------------------------------------------------------------
    def to_json(self, **kwargs):
        return json.dumps(self._legacy_model_dict(), default=_json_default, **kwargs)

    def to_yaml(self, **kwargs):
        import yaml

        return yaml.dump(self._legacy_model_dict(), **kwargs)

    def _legacy_model_dict(self):
        return {"class_name": self._legacy_class_name(), "config": self.get_config(), "keras_version": KERAS_VERSION}

    def _legacy_class_name(self):
        return type(self).__name__

    def get_layer(self, name=None, index=None):
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError(f"Was asked to retrieve layer at index {index} but model only has "
                                 f"{len(self.layers)} layers.")
            return self.layers[index]
        if name is None:
            raise ValueError("Provide either a layer name or layer index.")
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(f"No such layer: {name}")

    def summary(self, line_length=100, positions=(0.33, 0.55, 0.67, 1.0), **kwargs):
        """Keras 1's table: `Layer (type)`, `Output Shape`, `Param #`, `Connected to`, then the totals.

        Only this model's calls of each layer are listed (Keras 3's Sequential re-calls its layers
        whenever it rebuilds, and a shared layer may be called by other models).
        """
        if kwargs:
            return super().summary(line_length=line_length, positions=positions, **kwargs)
        stops = [int(line_length * p) if p <= 1 else int(p) for p in positions]
        nodes = set(getattr(self, "_nodes", ()))
        if isinstance(self, keras.Sequential):
            functional = getattr(self, "_functional", None)
            nodes = set(getattr(functional, "_nodes", ())) if functional is not None else set()
        layers = [l for l in self.layers if not (isinstance(self, keras.Sequential) and type(l).__name__ == "InputLayer")]
        # Keras 1 numbered a layer's nodes within the model.
        renumber = {}
        for layer in (self._functional.layers if isinstance(self, keras.Sequential) and self._functional else layers):
            kept = [index for index in range(len(layer._inbound_nodes)) if f"{id(layer)}_ib-{index}" in nodes]
            renumber.update({(id(layer), index): new for new, index in enumerate(kept)})

        def line(fields):
            text = ""
            for field, stop in zip(fields, stops):
                text = (text + str(field))[:stop].ljust(stop)
            print(text)

        print("_" * line_length)
        line(["Layer (type)", "Output Shape", "Param #", "Connected to"])
        print("=" * line_length)
        for i, layer in enumerate(layers):
            mine = [node for index, node in enumerate(layer._inbound_nodes) if f"{id(layer)}_ib-{index}" in nodes]
            shapes = {str(tuple(t.shape)) for node in mine for t in node.output_tensors}
            shape = shapes.pop() if len(shapes) == 1 else "multiple"
            inbound = []
            for node in mine:
                for tensor in node.input_tensors:
                    operation, node_index, tensor_index = tensor._keras_history
                    node_index = renumber.get((id(operation), node_index), node_index)
                    inbound.append(f"{operation.name}[{node_index}][{tensor_index}]")
            params = sum(int(np.prod(w.shape)) for w in layer.weights)
            line([f"{layer.name} ({type(layer).__name__})", shape, params, inbound[0] if inbound else ""])
            for name in inbound[1:]:
                line(["", "", "", name])
            print("=" * line_length if i == len(layers) - 1 else "_" * line_length)
        trainable = sum(int(np.prod(w.shape)) for w in self.trainable_weights)
        total = sum(int(np.prod(w.shape)) for w in self.weights)
        print(f"Total params: {total:,}")
        print(f"Trainable params: {trainable:,}")
        print(f"Non-trainable params: {total - trainable:,}")
        print("_" * line_length)

    def reset_states(self):
        for layer in self.layers:
            if hasattr(layer, "reset_states") and getattr(layer, "stateful", False):
                layer.reset_states()


def _json_default(obj):
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, (np.integer, np.floating)):
        return obj.item()
    if isinstance(obj, numbers.Number):
        return float(obj)
    raise TypeError(f"Not JSON serializable: {obj!r}")


def legacy_layer_entry(layer) -> dict:
    class_name = getattr(layer, "_legacy_class_name", None)
    class_name = class_name() if callable(class_name) else type(layer).__name__
    return {"class_name": class_name, "config": layer.get_config()}


# --- Keras 1.2.2 `keras.engine.training` helpers, public there -----------------------------------
make_batches = _make_batches
batch_shuffle = _batch_shuffle


def slice_X(X, start=None, stop=None):  # noqa: N802, N803 (Keras 1 name)
    """Keras 1: rows `start:stop` (or the index list `start`) of an array or a list of arrays."""
    def take(x):
        if hasattr(start, "__len__"):
            return x[start]
        return x[start:stop]

    return [take(x) for x in X] if isinstance(X, list) else take(X)


def standardize_weights(y, sample_weight=None, class_weight=None, sample_weight_mode=None):
    """Keras 1: per-sample (or per-timestep) weights from `sample_weight` or `class_weight`, else ones."""
    if sample_weight is not None:
        return np.asarray(sample_weight)
    if isinstance(class_weight, dict):
        return _class_weights_to_sample_weights(np.asarray(y), class_weight)
    shape = np.shape(y)[:2] if sample_weight_mode == "temporal" else np.shape(y)[:1]
    return np.ones(shape, dtype=keras.config.floatx())


def standardize_input_data(data, names, shapes=None, check_batch_axis=True, exception_prefix=""):
    """Keras 1: a list of arrays, one per name, from an array, a list or a dict."""
    arrays = _as_list(data, list(names), exception_prefix or "model input")
    if shapes:
        for name, array, shape in zip(names, arrays, shapes):
            if shape is None:
                continue
            if array.ndim != len(shape) or any(
                    s is not None and d != s for i, (d, s) in enumerate(zip(array.shape, shape))
                    if i or check_batch_axis):
                raise ValueError(f"Error when checking {exception_prefix}: expected {name} to have shape "
                                 f"{tuple(shape)} but got array with shape {array.shape}")
    return arrays


def standardize_sample_or_class_weights(x_weight, output_names, weight_type):
    return _per_output(x_weight or None, list(output_names), weight_type)


def standardize_class_weights(class_weight, output_names):
    return standardize_sample_or_class_weights(class_weight, output_names, "class_weight")


def standardize_sample_weights(sample_weight, output_names):
    return standardize_sample_or_class_weights(sample_weight, output_names, "sample_weight")


def check_array_lengths(inputs, targets, weights):
    """Keras 1: every input, target and weight array has the same number of samples."""
    lengths = {len(a) for a in [*inputs, *targets, *(w for w in weights if w is not None)] if a is not None}
    if len(lengths) > 1:
        raise ValueError(f"All input, target and weight arrays should have the same number of samples. "
                         f"Got lengths {sorted(lengths)}.")


def check_loss_and_target_compatibility(targets, losses, output_shapes):
    """Keras 1: categorical crossentropy needs one-hot targets; some losses need matching shapes."""
    for y, loss, shape in zip(targets, losses, output_shapes):
        name = getattr(loss, "__name__", loss)
        if name == "categorical_crossentropy" and y.shape[-1] == 1:
            raise ValueError(f"You are passing a target array of shape {y.shape} while using as loss "
                             "`categorical_crossentropy`, which expects targets to be binary matrices (1s and 0s) "
                             "of shape (samples, classes). Convert integer targets with "
                             "`keras.utils.np_utils.to_categorical`, or use `sparse_categorical_crossentropy`.")
        if name in ("mean_squared_error", "binary_crossentropy", "categorical_crossentropy") and shape:
            for target_dim, out_dim in zip(y.shape[1:], shape[1:]):
                if out_dim is not None and target_dim != out_dim:
                    raise ValueError(f"A target array with shape {y.shape} was passed for an output of shape "
                                     f"{tuple(shape)} while using as loss `{name}`. This loss expects targets to "
                                     "have the same shape as the output.")


def weighted_objective(fn):
    """Keras 1: `fn(y_true, y_pred)` -> `weighted(y_true, y_pred, weights, mask=None)` (Keras 1 reduction)."""
    from legacykeras.runtime.compile import LegacyLoss

    loss = LegacyLoss(fn)

    def weighted(y_true, y_pred, weights, mask=None):
        if mask is not None:
            y_pred = keras.ops.convert_to_tensor(y_pred)
            y_pred._keras_mask = mask
        return loss(y_true, y_pred, sample_weight=weights)

    return weighted


def collect_metrics(metrics, output_names):
    """Keras 1: one list of metrics per output, from a list or a dict by output name."""
    if not metrics:
        return [[] for _ in output_names]
    if isinstance(metrics, list):
        return [list(metrics) for _ in output_names]
    if isinstance(metrics, dict):
        return [m if isinstance(m, list) else [m] for m in (metrics.get(name, []) for name in output_names)]
    raise TypeError(f"Type of `metrics` argument not understood. Expected a list or dictionary, found: {metrics}")


class GeneratorEnqueuer:
    """Keras 1: reads a generator ahead in threads into `queue` (`start`, `is_running`, `stop`).

    `pickle_safe=True` (processes) is read with threads: Keras 3 moved multiprocess loading to
    `keras.utils.PyDataset(workers=..., use_multiprocessing=True)`.
    """

    def __init__(self, generator, pickle_safe=False):
        self._generator = generator
        self._threads = []
        self._stop_event = None
        self.queue = None

    def start(self, nb_worker=1, max_q_size=10, wait_time=0.05):
        import queue
        import threading

        self.queue = queue.Queue(max_q_size)
        self._stop_event = threading.Event()
        lock = threading.Lock()

        def work():
            while not self._stop_event.is_set():
                try:
                    with lock:
                        item = next(self._generator)
                except StopIteration:
                    return
                while not self._stop_event.is_set():
                    try:
                        self.queue.put(item, timeout=wait_time)
                        break
                    except queue.Full:
                        continue

        self._threads = [threading.Thread(target=work, daemon=True) for _ in range(nb_worker)]
        for thread in self._threads:
            thread.start()

    def is_running(self):
        return self._stop_event is not None and not self._stop_event.is_set()

    def stop(self, timeout=None):
        if self._stop_event is not None:
            self._stop_event.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads = []


def __getattr__(name):
    if name in ("Model", "Container"):
        from legacykeras.models import Model

        return Model
    if name == "Progbar":
        from legacykeras.callbacks import Progbar

        return Progbar
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["LegacyModelMixin", "KERAS_VERSION", "legacy_layer_entry", "make_batches", "batch_shuffle", "slice_X",
           "standardize_weights", "weighted_objective", "standardize_input_data",
           "standardize_sample_or_class_weights", "standardize_class_weights", "standardize_sample_weights",
           "check_array_lengths", "check_loss_and_target_compatibility", "collect_metrics", "GeneratorEnqueuer", "Model",
           "Container", "Progbar"]
