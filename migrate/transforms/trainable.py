"""`model.trainable = False` after `model.compile(...)`: Keras 1 froze the flag when compiling.

Keras 1 collected a model's trainable weights in `compile`, so the GAN idiom
(compile the discriminator, set `discriminator.trainable = False`, build and
compile the combined model) still trained the discriminator through its own
`train_on_batch`. Keras 3 reads `trainable` at every step: the same code never
trains it. No rewrite says where the flag should flip, so the assignment gets a
TODO saying what to do.
"""

from __future__ import annotations

import libcst as cst

from migrate.report import Code


def note_call(m, node: cst.Call) -> None:
    """On the way down: `name.compile(...)` makes `name` a compiled model from here on."""
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value == "compile" and isinstance(func.value, cst.Name):
        m.facts.setdefault("compiled", set()).add(func.value.value)


def check_assign(m, node: cst.Assign) -> None:
    if not m.keras1_file or not m.enabled(Code.TRAINABLE_AT_COMPILE.value):
        return
    for target in node.targets:
        target = target.target
        if isinstance(target, cst.Attribute) and target.attr.value == "trainable" and isinstance(
                target.value, cst.Name) and target.value.value in m.facts.get("compiled", ()):
            name = target.value.value
            m.todo(node, Code.TRAINABLE_AT_COMPILE.value,
                   f"Keras 1 froze `{name}.trainable` when `{name}` was compiled; Keras 3 reads it at every "
                   f"training step, so `{name}` no longer trains: set `{name}.trainable = True` before its own "
                   "train_on_batch/fit and False before training the model that contains it")
