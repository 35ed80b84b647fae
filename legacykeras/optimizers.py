"""Keras 1.2.2 `keras.optimizers`: Keras 1 argument names, defaults and update rules.

Each optimizer is a Keras 3 optimizer (so `model.compile`, checkpoints and
`tf.distribute` work) whose `update_step` is Keras 1.2.2's formula. Where Keras 3
computes something differently, the Keras 1 form wins:

- `decay`: Keras 1 time decay per iteration, `lr / (1 + decay * iterations)`,
  with `iterations` counted from 0 (the first step uses `lr`).
- `clipnorm`: Keras 1 clipped by the norm of *all* gradients together (Keras 3
  spells that `global_clipnorm`; its `clipnorm` is per variable).
- RMSprop and Adagrad put epsilon outside the square root and start from zero
  accumulators (Keras 3: inside, and Adagrad starts at 0.1).
- Nadam keeps Keras 1's momentum schedule (`schedule_decay`).
- `lr` is a variable, as `K.get_value(model.optimizer.lr)` /
  `K.set_value(model.optimizer.lr, x)` expect; `get_config()` answers with
  Keras 1 keys.
"""

from __future__ import annotations

from legacykeras import warnings as lk_warnings
from legacykeras._keras import keras
import tensorflow as tf
from legacykeras.rules import optimizers as rows

ops = keras.ops

_ROWS = {"SGD": rows.SGD, "RMSprop": rows.RMSPROP, "Adagrad": rows.ADAGRAD, "Adadelta": rows.ADADELTA,
         "Adam": rows.ADAM, "Adamax": rows.ADAMAX, "Nadam": rows.NADAM}


def clip_norm(g, c, n):
    """Keras 1: scale gradient `g` by `c / n` when the norm `n` reaches `c` (c > 0)."""
    if c > 0:
        return ops.where(n >= c, g * c / n, g)
    return g


class Optimizer(keras.optimizers.Optimizer):
    """Keras 1 optimizer base: `lr`, `decay`, `clipnorm`, `clipvalue`, Keras 1 `get_config`.

    Subclasses list their Keras 1 hyper-parameters in `_legacy_keys` and
    implement `_legacy_slots` (slot names per variable) and `_legacy_update`.
    """

    _legacy_keys: tuple[str, ...] = ()
    _legacy_slots: tuple[str, ...] = ()

    def __init__(self, lr, decay=0.0, clipnorm=None, clipvalue=None, name=None, hyper=None, **kwargs):
        hyper = hyper or {}
        if "learning_rate" in kwargs:
            lr = kwargs.pop("learning_rate")
        unknown = set(kwargs) - {"global_clipnorm"}
        if unknown:
            # Keras 1 raised TypeError for anything but clipnorm / clipvalue.
            raise TypeError(f"Unexpected keyword argument passed to optimizer: {sorted(unknown)[0]}")
        super().__init__(
            learning_rate=float(lr),
            global_clipnorm=clipnorm if clipnorm else kwargs.get("global_clipnorm"),
            clipvalue=clipvalue if clipvalue else None,
            name=name or type(self).__name__.lower(),
        )
        self.initial_decay = float(decay)
        self._legacy_clip = {}
        if clipnorm is not None:
            self._legacy_clip["clipnorm"] = clipnorm
        if clipvalue is not None:
            self._legacy_clip["clipvalue"] = clipvalue
        for key, value in hyper.items():
            setattr(self, "_legacy_" + key, value)

    # --- Keras 1 attributes ---------------------------------------------------------
    @property
    def lr(self):
        """The base learning rate variable (Keras 1 `optimizer.lr`)."""
        return self._learning_rate

    @lr.setter
    def lr(self, value):
        self._learning_rate.assign(value)

    @property
    def decay(self):
        return self.initial_decay

    @property
    def clipnorm_legacy(self):
        return self._legacy_clip.get("clipnorm")

    def _get_current_learning_rate(self):
        lr = self._learning_rate
        if self.initial_decay:
            iterations = ops.cast(self._iterations, lr.dtype)
            return lr / (1.0 + self.initial_decay * iterations)
        return lr

    # --- update ---------------------------------------------------------------------
    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._slots = {
            slot: [self.add_variable_from_reference(v, slot) for v in var_list] for slot in self._legacy_slots
        }
        self._extra_build()

    def _extra_build(self):
        pass

    def update_step(self, gradient, variable, learning_rate):
        lr = ops.cast(learning_rate, variable.dtype)
        if isinstance(gradient, tf.IndexedSlices):
            # Embedding gradients are sparse; Keras 1's update rules are dense arithmetic.
            gradient = tf.convert_to_tensor(gradient)
        gradient = ops.cast(gradient, variable.dtype)
        index = self._get_variable_index(variable)
        slots = {name: values[index] for name, values in self._slots.items()}
        self._legacy_update(gradient, variable, lr, slots)

    def _legacy_update(self, g, p, lr, slots):
        raise NotImplementedError

    def _step(self, dtype):
        """Keras 1's `t = iterations + 1` (the update being made)."""
        return ops.cast(self.iterations + 1, dtype)

    # --- config ---------------------------------------------------------------------
    def get_config(self):
        """Keras 1 keys (`lr`, `decay`, ..., `clipnorm`/`clipvalue` when set)."""
        config = {"lr": float(ops.convert_to_numpy(self._learning_rate))}
        for key in self._legacy_keys:
            config[key] = getattr(self, "_legacy_" + key)
        config.update(self._legacy_clip)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        config.pop("name", None)
        return cls(**config)


def _warn_lr(cls_name, lr, decay=0.0):
    """One warning per call site naming the Keras 3 spelling (rows in legacykeras.rules.optimizers)."""
    changes = []
    if lr is not None:
        changes.append("`lr` is now `learning_rate`")
    if decay:
        changes.append("`decay` is now `learning_rate=keras.optimizers.schedules.InverseTimeDecay("
                       "lr, decay_steps=1, decay_rate=decay)`")
    if changes:
        row = _ROWS[cls_name]
        lk_warnings.warn_legacy(row.code, f"Keras 1 `{cls_name}(...)`: {'; '.join(changes)}. Keras 3: "
                                f"keras.optimizers.{cls_name}(learning_rate=...). ({row.why})")


class SGD(Optimizer):
    """Keras 1 `SGD(lr=0.01, momentum=0., decay=0., nesterov=False)`."""

    _legacy_keys = ("momentum", "decay", "nesterov")
    _legacy_slots = ("moment",)

    def __init__(self, lr=None, momentum=0.0, decay=0.0, nesterov=False, **kwargs):
        _warn_lr("SGD", lr, decay)
        super().__init__(0.01 if lr is None else lr, decay=decay,
                         hyper=dict(momentum=float(momentum), decay=float(decay), nesterov=bool(nesterov)), **kwargs)

    def _legacy_update(self, g, p, lr, slots):
        m = slots["moment"]
        v = self._legacy_momentum * m - lr * g
        self.assign(m, v)
        if self._legacy_nesterov:
            self.assign(p, p + self._legacy_momentum * v - lr * g)
        else:
            self.assign(p, p + v)


class RMSprop(Optimizer):
    """Keras 1 `RMSprop(lr=0.001, rho=0.9, epsilon=1e-8, decay=0.)`."""

    _legacy_keys = ("rho", "decay", "epsilon")
    _legacy_slots = ("accumulator",)

    def __init__(self, lr=None, rho=0.9, epsilon=1e-8, decay=0.0, **kwargs):
        _warn_lr("RMSprop", lr, decay)
        super().__init__(0.001 if lr is None else lr, decay=decay, hyper=dict(rho=float(rho), epsilon=float(epsilon), decay=float(decay)), **kwargs)

    def _legacy_update(self, g, p, lr, slots):
        a = slots["accumulator"]
        new_a = self._legacy_rho * a + (1.0 - self._legacy_rho) * ops.square(g)
        self.assign(a, new_a)
        self.assign(p, p - lr * g / (ops.sqrt(new_a) + self._legacy_epsilon))


class Adagrad(Optimizer):
    """Keras 1 `Adagrad(lr=0.01, epsilon=1e-8, decay=0.)`."""

    _legacy_keys = ("decay", "epsilon")
    _legacy_slots = ("accumulator",)

    def __init__(self, lr=None, epsilon=1e-8, decay=0.0, **kwargs):
        _warn_lr("Adagrad", lr, decay)
        super().__init__(0.01 if lr is None else lr, decay=decay, hyper=dict(epsilon=float(epsilon), decay=float(decay)), **kwargs)

    def _legacy_update(self, g, p, lr, slots):
        a = slots["accumulator"]
        new_a = a + ops.square(g)
        self.assign(a, new_a)
        self.assign(p, p - lr * g / (ops.sqrt(new_a) + self._legacy_epsilon))


class Adadelta(Optimizer):
    """Keras 1 `Adadelta(lr=1.0, rho=0.95, epsilon=1e-8, decay=0.)`."""

    _legacy_keys = ("rho", "decay", "epsilon")
    _legacy_slots = ("accumulator", "delta_accumulator")

    def __init__(self, lr=None, rho=0.95, epsilon=1e-8, decay=0.0, **kwargs):
        _warn_lr("Adadelta", lr, decay)
        super().__init__(1.0 if lr is None else lr, decay=decay, hyper=dict(rho=float(rho), epsilon=float(epsilon), decay=float(decay)), **kwargs)

    def _legacy_update(self, g, p, lr, slots):
        a, d_a = slots["accumulator"], slots["delta_accumulator"]
        rho, eps = self._legacy_rho, self._legacy_epsilon
        new_a = rho * a + (1.0 - rho) * ops.square(g)
        self.assign(a, new_a)
        update = g * ops.sqrt(d_a + eps) / ops.sqrt(new_a + eps)
        self.assign(p, p - lr * update)
        self.assign(d_a, rho * d_a + (1.0 - rho) * ops.square(update))


class Adam(Optimizer):
    """Keras 1 `Adam(lr=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-8, decay=0.)`."""

    _legacy_keys = ("beta_1", "beta_2", "decay", "epsilon")
    _legacy_slots = ("m", "v")

    def __init__(self, lr=None, beta_1=0.9, beta_2=0.999, epsilon=1e-8, decay=0.0, **kwargs):
        _warn_lr("Adam", lr, decay)
        super().__init__(0.001 if lr is None else lr, decay=decay, hyper=dict(beta_1=float(beta_1), beta_2=float(beta_2), epsilon=float(epsilon), decay=float(decay)), **kwargs)

    def _legacy_update(self, g, p, lr, slots):
        m, v = slots["m"], slots["v"]
        b1, b2 = self._legacy_beta_1, self._legacy_beta_2
        t = self._step(p.dtype)
        lr_t = lr * ops.sqrt(1.0 - ops.power(b2, t)) / (1.0 - ops.power(b1, t))
        m_t = b1 * m + (1.0 - b1) * g
        v_t = b2 * v + (1.0 - b2) * ops.square(g)
        self.assign(m, m_t)
        self.assign(v, v_t)
        self.assign(p, p - lr_t * m_t / (ops.sqrt(v_t) + self._legacy_epsilon))


class Adamax(Optimizer):
    """Keras 1 `Adamax(lr=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-8, decay=0.)`."""

    _legacy_keys = ("beta_1", "beta_2", "decay", "epsilon")
    _legacy_slots = ("m", "u")

    def __init__(self, lr=None, beta_1=0.9, beta_2=0.999, epsilon=1e-8, decay=0.0, **kwargs):
        _warn_lr("Adamax", lr, decay)
        super().__init__(0.002 if lr is None else lr, decay=decay, hyper=dict(beta_1=float(beta_1), beta_2=float(beta_2), epsilon=float(epsilon), decay=float(decay)), **kwargs)

    def _legacy_update(self, g, p, lr, slots):
        m, u = slots["m"], slots["u"]
        b1, b2 = self._legacy_beta_1, self._legacy_beta_2
        t = self._step(p.dtype)
        lr_t = lr / (1.0 - ops.power(b1, t))
        m_t = b1 * m + (1.0 - b1) * g
        u_t = ops.maximum(b2 * u, ops.abs(g))
        self.assign(m, m_t)
        self.assign(u, u_t)
        self.assign(p, p - lr_t * m_t / (u_t + self._legacy_epsilon))


class Nadam(Optimizer):
    """Keras 1 `Nadam(lr=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-8, schedule_decay=0.004)`.

    Keras 1: no `decay`; the momentum schedule `m_schedule` is state that
    advances once per step (kept in one variable, updated after the last
    variable of the step).
    """

    _legacy_keys = ("beta_1", "beta_2", "epsilon", "schedule_decay")
    _legacy_slots = ("m", "v")

    def __init__(self, lr=None, beta_1=0.9, beta_2=0.999, epsilon=1e-8, schedule_decay=0.004, **kwargs):
        _warn_lr("Nadam", lr)
        super().__init__(0.002 if lr is None else lr, hyper=dict(beta_1=float(beta_1), beta_2=float(beta_2), epsilon=float(epsilon),
               schedule_decay=float(schedule_decay)), **kwargs)

    def _extra_build(self):
        self._m_schedule = self.add_variable(
            shape=(), dtype="float32", initializer="ones", aggregation="only_first_replica", name="m_schedule"
        )

    def _legacy_update(self, g, p, lr, slots):
        m, v = slots["m"], slots["v"]
        b1, b2, sd = self._legacy_beta_1, self._legacy_beta_2, self._legacy_schedule_decay
        t = self._step(p.dtype)
        cache_t = b1 * (1.0 - 0.5 * ops.power(0.96, t * sd))
        cache_t_1 = b1 * (1.0 - 0.5 * ops.power(0.96, (t + 1.0) * sd))
        m_schedule = ops.cast(self._m_schedule, p.dtype)
        m_schedule_new = m_schedule * cache_t
        m_schedule_next = m_schedule * cache_t * cache_t_1
        g_prime = g / (1.0 - m_schedule_new)
        m_t = b1 * m + (1.0 - b1) * g
        m_t_prime = m_t / (1.0 - m_schedule_next)
        v_t = b2 * v + (1.0 - b2) * ops.square(g)
        v_t_prime = v_t / (1.0 - ops.power(b2, t))
        m_t_bar = (1.0 - cache_t) * g_prime + cache_t_1 * m_t_prime
        self.assign(m, m_t)
        self.assign(v, v_t)
        self.assign(p, p - lr * m_t_bar / (ops.sqrt(v_t_prime) + self._legacy_epsilon))

    def _backend_update_step(self, grads, trainable_variables, learning_rate):
        super()._backend_update_step(grads, trainable_variables, learning_rate)
        self._advance_schedule()

    def _advance_schedule(self):
        t = ops.cast(self.iterations + 1, "float32")
        b1, sd = self._legacy_beta_1, self._legacy_schedule_decay
        self._m_schedule.assign(self._m_schedule * (b1 * (1.0 - 0.5 * ops.power(0.96, t * sd))))


class TFOptimizer(keras.optimizers.Optimizer):
    """Keras 1 `TFOptimizer(optimizer)`: trains with a TensorFlow 1 `tf.train.Optimizer`.

    TensorFlow 2 keeps those as `tf.compat.v1.train.*Optimizer`; they apply
    their updates to the model's variables inside Keras 3's training step.
    As in Keras 1, it has no config (`get_config` raises, `model.save` writes
    no training config) and no Keras weights. A Keras optimizer passes through.
    """

    def __new__(cls, optimizer=None, *args, **kwargs):
        if isinstance(optimizer, keras.optimizers.Optimizer):
            return optimizer
        return super().__new__(cls)

    def __init__(self, optimizer):
        import tensorflow as tf

        if not isinstance(optimizer, tf.compat.v1.train.Optimizer):
            raise TypeError(
                f"`TFOptimizer({type(optimizer).__name__})`: Keras 1 wrapped a TensorFlow `tf.train.Optimizer`; "
                "TensorFlow 2 spells it `tf.compat.v1.train.<Name>Optimizer`. Keras 3: use a `keras.optimizers` "
                "optimizer instead."
            )
        super().__init__(learning_rate=0.0, name="tfoptimizer")
        lk_warnings.warn_legacy(rows.TF_OPTIMIZER.code, f"Keras 1 `TFOptimizer(...)`: {rows.TF_OPTIMIZER.why}.")
        self.optimizer = optimizer

    def apply(self, grads, trainable_variables=None):
        if trainable_variables is None:
            trainable_variables = self._trainable_variables
        if not self.built:
            self.build(trainable_variables)
        pairs = [(g, v.value) for g, v in zip(grads, trainable_variables) if g is not None]
        self.optimizer.apply_gradients(pairs)
        self._iterations.assign_add(1)

    def update_step(self, gradient, variable, learning_rate):
        raise NotImplementedError("TFOptimizer applies its updates through the wrapped TensorFlow optimizer.")

    def get_config(self):
        raise NotImplementedError("Keras 1 TFOptimizer has no config (it wraps a TensorFlow optimizer object).")

    @classmethod
    def from_config(cls, config, custom_objects=None):
        raise NotImplementedError("Keras 1 TFOptimizer cannot be rebuilt from a config.")


# Keras 1 lower-case aliases.
sgd = SGD
rmsprop = RMSprop
adagrad = Adagrad
adadelta = Adadelta
adam = Adam
adamax = Adamax
nadam = Nadam

_BY_NAME = {
    "sgd": SGD, "rmsprop": RMSprop, "adagrad": Adagrad, "adadelta": Adadelta,
    "adam": Adam, "adamax": Adamax, "nadam": Nadam,
}

for _cls in _BY_NAME.values():
    keras.saving.register_keras_serializable(package="legacykeras")(_cls)


def optimizer_from_config(config, custom_objects=None):
    """Keras 1 `{'class_name': 'SGD', 'config': {...Keras 1 keys}}` -> optimizer."""
    class_name = config["class_name"]
    if custom_objects and class_name in custom_objects:
        cls = custom_objects[class_name]
    elif keras.saving.get_registered_object(class_name) is not None:
        cls = keras.saving.get_registered_object(class_name)
    elif class_name.lower() in _BY_NAME:
        cls = _BY_NAME[class_name.lower()]
    else:
        raise ValueError(f"Optimizer class not found: {class_name!r}")
    return cls.from_config(config["config"])


def serialize(optimizer):
    return {"class_name": type(optimizer).__name__, "config": optimizer.get_config()}


def get(identifier, kwargs=None):
    """Keras 1 names ('sgd', 'adam', ...) give Keras 1 optimizers with Keras 1 defaults.

    Optimizer instances (legacy or Keras 3) pass through; a dict is a Keras 1
    optimizer config.
    """
    if isinstance(identifier, str):
        key = identifier.lower()
        if key in _BY_NAME:
            return _BY_NAME[key](**(kwargs or {}))
        custom = keras.saving.get_registered_object(identifier)
        if custom is not None:
            return custom(**(kwargs or {}))
        return keras.optimizers.get(identifier)
    if isinstance(identifier, dict):
        return optimizer_from_config(identifier)
    if isinstance(identifier, keras.optimizers.Optimizer):
        return identifier
    return TFOptimizer(identifier)  # Keras 1 wrapped TensorFlow optimizers given to compile()


from legacykeras.utils.generic_utils import get_custom_objects, get_from_module  # noqa: E402

__all__ = [
    "clip_norm", "get_custom_objects", "get_from_module", "Optimizer", "SGD", "RMSprop", "Adagrad", "Adadelta", "Adam", "Adamax", "Nadam", "TFOptimizer",
    "get", "optimizer_from_config", "serialize",
    "sgd", "rmsprop", "adagrad", "adadelta", "adam", "adamax", "nadam",
]
