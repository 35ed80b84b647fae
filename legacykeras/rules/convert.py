"""Apply a `CallRule` to concrete argument values.

The shim calls `translate` with the user's live arguments; the loader calls it
with the keys of a Keras 1 config dict. Both get the same `Translation`: modern
keyword arguments, the Keras 1 view of the call (for `get_config`), the base
layer arguments that legacykeras handles itself, and a list of what changed
(for the one-per-call-site warning). The codemod does the same steps on source
code in `migrate`, reading the same row.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from legacykeras.rules.schema import MISSING, CallRule, Expr, _hashable

# Keyword arguments every Keras 1 layer accepted; legacykeras' runtime applies them.
BASE_ARGS = (
    "name",
    "trainable",
    "input_shape",
    "batch_input_shape",
    "batch_size",
    "input_dtype",
    "input_dim",
    "input_length",
    "weights",
    "create_input_layer",
)


def input_length_layout(rule: CallRule) -> str | None:
    """How a Keras 1 layer read the base arguments `input_dim` / `input_length`.

    'own' (Embedding): `input_length` alone is the input shape, `(input_length,)`.
    'sequence' (recurrent layers, Convolution1D, TimeDistributedDense, ...): `input_dim` means
    `input_shape=(input_length, input_dim)`, the length None when not given; `input_length` alone
    did nothing. None: `input_dim` means `input_shape=(input_dim,)`, as in Keras 3.
    """
    if "input_length" in rule.own_args:
        return "own"
    if "input_length" in rule.positional or "input_length" in rule.config or (
            rule.old.startswith("keras.layers.recurrent.") and rule.layer):
        return "sequence"
    return None


class LegacyArgumentError(TypeError):
    """A Keras 1 argument that cannot be honoured, with the reason and the modern way."""


@dataclasses.dataclass
class Translation:
    kwargs: dict[str, Any]
    legacy: dict[str, Any]
    base: dict[str, Any]
    changes: list[str]

    @property
    def is_legacy(self) -> bool:
        return bool(self.changes)


def bind(rule: CallRule, args: tuple, kwargs: dict) -> dict[str, Any]:
    """Bind positionals in Keras 1 order; return the Keras 1 keyword view."""
    if len(args) > len(rule.positional):
        raise TypeError(
            f"`{rule.old_name}` takes at most {len(rule.positional)} positional arguments in "
            f"Keras 1 ({', '.join(rule.positional) or 'none'}); received {len(args)}."
        )
    bound = dict(zip(rule.positional, args))
    for key, value in kwargs.items():
        if key in bound:
            raise TypeError(f"`{rule.old_name}` got multiple values for argument `{key}`.")
        bound[key] = value
    return bound


def translate(
    rule: CallRule,
    args: tuple = (),
    kwargs: dict | None = None,
    *,
    base_args: tuple[str, ...] | None = None,
) -> Translation:
    if base_args is None:
        base_args = BASE_ARGS if rule.is_layer else ()
    base_args = tuple(a for a in base_args if a not in rule.own_args)
    legacy = bind(rule, args, dict(kwargs or {}))
    # Names the user spelled (keywords, or positionals past those Keras 3 reads the same).
    spelled = set(kwargs or ()) | set(rule.positional[rule.kept_positional:len(args)])
    changes: list[str] = []
    if rule.renamed:
        changes.append(f"`{rule.old_name}` is now `{rule.new}`")
    remaining = dict(legacy)
    base = {k: remaining.pop(k) for k in list(remaining) if k in base_args}

    for refusal in rule.refuse:
        if refusal.arg in remaining and refusal.applies(remaining[refusal.arg]):
            raise LegacyArgumentError(refusal_message(rule, refusal, remaining[refusal.arg]))

    for drop in rule.drop:
        if drop.arg in remaining and (drop.when is None or drop.when(remaining[drop.arg])):
            remaining.pop(drop.arg)
            changes.append(f"`{drop.arg}` is ignored: {drop.why}")

    out: dict[str, Any] = {}
    for name, value in remaining.items():
        value_map = rule.values.get(name)
        if value_map is not None and value_map.function and not value_map.changes(value):
            value = value_map.convert(value)  # the same value in the form Keras 3 checks for
        elif value_map is not None and value_map.changes(value):
            new_value = value_map.convert(value)
            changes.append(f"{name}={value!r} is now {_show(new_value)}")
            value = new_value
        out[name] = value

    for merge in rule.merge:
        present = [s for s in merge.sources if s in out]
        if not present:
            continue
        if len(present) != len(merge.sources):
            missing = [s for s in merge.sources if s not in out]
            raise TypeError(
                f"`{rule.old_name}` needs {', '.join(merge.sources)} together; missing {', '.join(missing)}."
            )
        out[merge.into] = tuple(out.pop(s) for s in merge.sources)
        if spelled.intersection(merge.sources):
            changes.append(f"`{', '.join(merge.sources)}` are now `{merge.into}`")

    renamed: dict[str, Any] = {}
    for name, value in out.items():
        new_name = rule.rename.get(name, name)
        if new_name != name:
            if new_name in out:
                raise TypeError(
                    f"`{rule.old_name}` received both the Keras 1 argument `{name}` and its Keras 3 "
                    f"spelling `{new_name}`; pass only `{new_name}`."
                )
            if name in spelled:
                changes.append(f"`{name}` is now `{new_name}`")
        renamed[new_name] = value

    for name, value in rule.defaults.items():
        renamed.setdefault(name, value)
    if "input_dim" in base:
        changes.append("`input_dim` is now `input_shape` (or a `keras.Input` first)")
    return Translation(kwargs=renamed, legacy=legacy, base=base, changes=changes)


def refusal_message(rule: CallRule, refusal, value) -> str:
    return (
        f"`{rule.old_name}({refusal.arg}={value!r})` is not supported: {refusal.why}. "
        f"Instead: {refusal.instead}."
    )


def modern_call(rule: CallRule, translation: Translation) -> str:
    """Render the call a Keras 3 user would write, for warnings and docs."""
    target = rule.new or rule.old
    parts = [f"{k}={_show(v)}" for k, v in translation.kwargs.items()]
    return f"{target}({', '.join(parts)})"


def _show(value) -> str:
    if isinstance(value, Expr):
        return value.source()
    if type(value).__module__.startswith("numpy"):
        return "array(...)"
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    text = repr(value) if _hashable(value) or isinstance(value, (list, dict)) else type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


__all__ = ["BASE_ARGS", "MISSING", "LegacyArgumentError", "Translation", "bind", "translate", "modern_call"]
