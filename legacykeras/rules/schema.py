"""The vocabulary of the rules table.

Every Keras 1 -> Keras 3 difference is one row built from these pieces. A row is
pure data: the shim (`legacykeras.runtime`), the file loader (`legacykeras.io`)
and the codemod (`migrate`) each read it and act on it in their own medium
(live values, config dicts, source code). Nothing here imports keras or
tensorflow, so `migrate` starts fast.

Actions form a closed set, like ruff's NPY201 `Details`:

- `rename`: keyword `old` is spelled `new` today.
- `MergeArgs`: several Keras 1 arguments make one Keras 3 argument
  (`nb_row, nb_col` -> `kernel_size`).
- `MapValue`: a value changed spelling (`dim_ordering='th'` ->
  `data_format='channels_first'`).
- `Drop`: the argument has no effect today; it is removed with a warning.
- `Refuse`: the argument cannot be honoured; a clear error says why and what
  to use instead.
- `NoEquivalent`: legacykeras honours it with its own adapter, but plain
  Keras 3 has no spelling for it, so `migrate` leaves a TODO.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Mapping, Sequence


class _Missing:
    """Marks an argument that was not passed (None is a real Keras value)."""

    def __repr__(self):
        return "MISSING"


MISSING = _Missing()


@dataclasses.dataclass(frozen=True)
class Expr:
    """A modern value that is a call, e.g. `keras.initializers.RandomNormal(stddev=0.05)`.

    The shim imports `target` and calls it; the codemod renders it as source.
    """

    target: str
    kwargs: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def source(self, prefix: str | None = None) -> str:
        name = self.target if prefix is None else prefix + self.target.rsplit(".", 1)[1]
        args = ", ".join(f"{k}={v!r}" for k, v in self.kwargs.items())
        return f"{name}({args})"


@dataclasses.dataclass(frozen=True)
class MapValue:
    """Old values -> modern values for one argument. Unlisted values pass unchanged.

    `resolve` handles values that depend on the user's setup (e.g.
    `dim_ordering='default'` reads ~/.keras/keras.json); it is a pure function
    name in `legacykeras.rules.values`, looked up lazily so the table stays data.
    """

    mapping: Mapping[Any, Any]
    resolve: Mapping[Any, str] = dataclasses.field(default_factory=dict)
    why: str = ""
    # A pure function name in `legacykeras.rules.values` for values no table can
    # list (ZeroPadding2D's 4-tuple and dict forms); it returns the value unchanged
    # when there is nothing to convert.
    function: str = ""

    def convert(self, value):
        if _hashable(value) and value in self.resolve:
            from legacykeras.rules import values

            return getattr(values, self.resolve[value])()
        if _hashable(value) and value in self.mapping:
            return self.mapping[value]
        if self.function:
            from legacykeras.rules import values

            return getattr(values, self.function)(value)
        return value

    def changes(self, value) -> bool:
        if _hashable(value) and (value in self.mapping or value in self.resolve):
            return True
        if self.function:
            try:
                # A list for a tuple (as JSON configs hold them) is no Keras 1 spelling.
                return bool(_as_tuples(self.convert(value)) != _as_tuples(value))
            except (TypeError, ValueError):
                return True
        return False


@dataclasses.dataclass(frozen=True)
class MergeArgs:
    """Keras 1 arguments `sources` become one tuple-valued modern argument `into`."""

    sources: tuple[str, ...]
    into: str


@dataclasses.dataclass(frozen=True)
class Drop:
    """Accepted by Keras 1, meaningless now: removed, with a warning saying why."""

    arg: str
    why: str
    when: Callable[[Any], bool] | None = None


@dataclasses.dataclass(frozen=True)
class Refuse:
    """Cannot be honoured: raise an error naming the old thing, why, and what to use."""

    arg: str
    why: str
    instead: str
    when: Callable[[Any], bool] | None = None

    def applies(self, value) -> bool:
        return self.when is None or self.when(value)


@dataclasses.dataclass(frozen=True)
class NoEquivalent:
    """legacykeras implements it, plain Keras 3 has no spelling: `migrate` leaves a TODO."""

    arg: str
    why: str
    instead: str
    when: Callable[[Any], bool] | None = None

    def applies(self, value) -> bool:
        return self.when is None or self.when(value)


@dataclasses.dataclass(frozen=True)
class Fold:
    """A Keras 1 argument folded into a modern one through a call.

    `into=target(**{into_keyword: <value of into>, arg_keyword: <value of arg>}, **kwargs)`.
    Keras 1 optimizers' `decay` is `learning_rate=InverseTimeDecay(initial_learning_rate=lr,
    decay_rate=decay, decay_steps=1)` today. `into` is the Keras 3 name (after `rename`).
    Nothing is built when `arg` is absent or equals `unless` (then `arg` is just removed);
    when `into` was not passed, its Keras 1 default `into_default` is used.
    """

    arg: str
    into: str
    target: str
    into_keyword: str
    arg_keyword: str
    kwargs: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    unless: Any = MISSING
    into_default: Any = MISSING
    why: str = ""


@dataclasses.dataclass(frozen=True)
class CallRule:
    """One Keras 1 callable (class or function) and how it maps to Keras 3.

    Attributes:
        code: stable rule code `LKnnn`, never reused.
        old: Keras 1 qualified name of the canonical definition.
        new: Keras 3 qualified name, or None when Keras 3 has none.
        aliases: other Keras 1 qualified names of the same object.
        positional: Keras 1 positional parameter order.
        rename: Keras 1 keyword -> Keras 3 keyword.
        merge: argument groups that become one tuple argument.
        values: per Keras 1 argument name, a `MapValue`.
        drop, refuse, no_equivalent: see the module docstring.
        defaults: Keras 3 keyword -> value to pass when the user gave nothing,
            because the Keras 1 default differs from Keras 3's.
        weights: name of a weight layout in `legacykeras.rules.weights`.
        kept_positional: how many leading Keras 1 positionals keep their meaning
            as Keras 3 positionals (the rest become keywords).
        layer: whether the call takes Keras 1's base layer arguments (name,
            input_shape, weights, ...); by default, rows under `keras.layers.`.
        fold: Keras 1 arguments that become part of another one (see `Fold`).
        returns: how Keras 1 return values are spelled today, for callers
            that compare the result (`K.image_dim_ordering() == 'th'`).
        own_args: Keras 1 base-layer argument names this callable takes as its
            own (Embedding's `input_dim` is the vocabulary size, not an input shape).
        config: the keys of Keras 1's `get_config()` (besides name, trainable and
            the input shape) with their Keras 1 defaults, in Keras 1's order.
        why: one line on what changed, for docs and warnings.
    """

    code: str
    old: str
    new: str | None
    aliases: tuple[str, ...] = ()
    positional: tuple[str, ...] = ()
    rename: Mapping[str, str] = dataclasses.field(default_factory=dict)
    merge: Sequence[MergeArgs] = ()
    values: Mapping[str, MapValue] = dataclasses.field(default_factory=dict)
    drop: Sequence[Drop] = ()
    refuse: Sequence[Refuse] = ()
    no_equivalent: Sequence[NoEquivalent] = ()
    defaults: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    weights: str | None = None
    kept_positional: int = 1
    layer: bool | None = None
    fold: Sequence[Fold] = ()
    returns: MapValue | None = None
    own_args: tuple[str, ...] = ()
    config: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    why: str = ""

    @property
    def old_name(self) -> str:
        return self.old.rsplit(".", 1)[1]

    @property
    def new_name(self) -> str | None:
        return None if self.new is None else self.new.rsplit(".", 1)[1]

    @property
    def is_layer(self) -> bool:
        return self.old.startswith("keras.layers.") if self.layer is None else self.layer

    @property
    def renamed(self) -> bool:
        return self.new is not None and self.new_name != self.old_name

    def all_old_names(self) -> tuple[str, ...]:
        return (self.old, *self.aliases)

    def legacy_keywords(self) -> set[str]:
        """Every keyword spelling that only Keras 1 used."""
        names = set(self.rename)
        names.update(a for m in self.merge for a in m.sources)
        names.update(d.arg for d in self.drop)
        names.update(r.arg for r in self.refuse)
        names.update(f.arg for f in self.fold)
        return names


LayerRule = CallRule  # the name STYLE.md uses for layer rows


@dataclasses.dataclass(frozen=True)
class ModuleRule:
    """A Keras 1 module that moved (`keras.layers.core` -> `keras.layers`)."""

    code: str
    old: str
    new: str | None
    why: str = ""


def _as_tuples(value):
    if isinstance(value, (list, tuple)):
        return tuple(_as_tuples(v) for v in value)
    return value


def _hashable(value) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True
