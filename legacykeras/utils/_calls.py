"""Apply a rules-table row to a live call and warn once per call site (utilities, datasets, wrappers)."""

from __future__ import annotations

from legacykeras import warnings as lk_warnings
from legacykeras.rules.convert import modern_call, translate


def legacy_kwargs(rule, args, kwargs) -> dict:
    """The modern keyword arguments for a Keras 1 call; warns with the Keras 3 spelling if any changed."""
    translation = translate(rule, tuple(args), dict(kwargs), base_args=())
    changes = "; ".join(translation.changes)
    if rule.new is None:  # the thing itself is Keras 1 only: say what replaces it
        lk_warnings.warn_legacy(rule.code, f"Keras 1 `{rule.old}`: {rule.why}." + (f" ({changes})" if changes else ""))
    elif changes:
        lk_warnings.warn_legacy(
            rule.code, f"Keras 1 call `{rule.old_name}(...)`: {changes}. Keras 3: {modern_call(rule, translation)}"
        )
    return translation.kwargs


def legacy_module(rule) -> None:
    """Warn (once per call site) that a Keras 1 function's home moved or vanished."""
    modern = f"`{rule.new}`" if rule.new else "none"
    lk_warnings.warn_legacy(rule.code, f"Keras 1 `{rule.old}`: {rule.why}. Keras 3: {modern}.")
