"""Build a legacy layer class from its rules-table row and its Keras 3 class."""

from __future__ import annotations

from legacykeras.rules.schema import CallRule
from legacykeras.runtime.layer import LegacyLayerMixin, live_values


def legacy_layer_class(rule: CallRule, modern_cls: type, *, module: str, extra: dict | None = None) -> type:
    """A class named like the Keras 1 layer, taking Keras 1 arguments, running `modern_cls`.

    `extra` adds or overrides methods, for layers whose row needs a little code
    (a value only known at build time, say).
    """

    def __init__(self, *args, **kwargs):
        translation = self._legacy_translate(args, kwargs)
        modern_cls.__init__(
            # live_values here too: adapters that override `_legacy_modern_kwargs` (recurrent layers)
            # still get Keras 1 `init(shape, name)` callables and config dicts made live.
            self, **live_values(self._legacy_modern_kwargs(translation)), **self._legacy_base_kwargs(translation)
        )
        self._legacy_finish(translation)

    namespace = {
        "__init__": __init__,
        "__module__": module,
        "__qualname__": rule.old_name,
        "__doc__": _docstring(rule, modern_cls),
        "legacy_rule": rule,
        **(extra or {}),
    }
    return type(rule.old_name, (LegacyLayerMixin, modern_cls), namespace)


def _docstring(rule: CallRule, modern_cls: type) -> str:
    lines = [f"Keras 1 `{rule.old_name}` running on Keras 3 `{modern_cls.__name__}`."]
    if rule.positional:
        lines.append(f"\nKeras 1 positional order: {', '.join(rule.positional)}.")
    if rule.rename:
        renames = ", ".join(f"{a} -> {b}" for a, b in rule.rename.items())
        lines.append(f"\nKeras 1 names: {renames}.")
    if rule.why:
        lines.append(f"\n{rule.why}.")
    return "\n".join(lines)
