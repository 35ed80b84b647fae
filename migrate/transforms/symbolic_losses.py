"""A loss function that reads the model's intermediate tensors (the Keras 1 VAE idiom).

Keras 1 losses were graph code: `def vae_loss(x, x_decoded): ... K.sum(z_log_var ...)`
could read any tensor of the model, here `z_log_var = Dense(2)(h)`. Keras 3 calls a
loss with `y_true` and `y_pred` only, and a symbolic tensor used in it fails at
`fit` ("A KerasTensor cannot be used as input to a TensorFlow function"). No
rewrite is safe, so `compile(loss=vae_loss)` gets a TODO naming the tensors and
the Keras 3 ways (`add_loss` in a layer, or a custom `train_step`).
"""

from __future__ import annotations

import ast

import libcst as cst

from migrate.report import Code

_COMPILE_LOSS_POSITION = 1  # compile(optimizer, loss, ...)


def analyse(tree: ast.Module) -> dict[str, list[str]]:
    """Module-level functions -> the layer outputs (`name = Layer(...)(x)`) they read."""
    tensors: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Call):
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        tensors.add(name.id)
    if not tensors:
        return {}
    found = {}
    for node in tree.body:
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        arguments = node.args
        bound = {a.arg for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]}
        bound |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
        read = set()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name):
                (read if isinstance(inner.ctx, ast.Load) else bound).add(inner.id)
        used = sorted((read & tensors) - bound)
        if used:
            found[node.name] = used
    return found


def check_compile(m, node: cst.Call) -> None:
    """On the way down: `model.compile(loss=f)` where `f` reads intermediate tensors."""
    functions = m.facts.get("symbolic_losses")
    func = node.func
    if not functions or not isinstance(func, cst.Attribute) or func.attr.value != "compile":
        return
    if not m.enabled(Code.SYMBOLIC_LOSS.value):
        return
    loss = None
    positional = [a for a in node.args if a.keyword is None and not a.star]
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value == "loss":
            loss = arg.value
    if loss is None and len(positional) > _COMPILE_LOSS_POSITION:
        loss = positional[_COMPILE_LOSS_POSITION].value
    candidates = [loss] if isinstance(loss, cst.Name) else [
        e.value for e in getattr(loss, "elements", ()) if isinstance(getattr(e, "value", None), cst.Name)]
    for name in candidates:
        tensors = functions.get(name.value)
        if tensors:
            listed = ", ".join(f"`{t}`" for t in tensors)
            m.todo(node, Code.SYMBOLIC_LOSS.value,
                   f"the loss `{name.value}` reads the model's intermediate tensors ({listed}); Keras 3 losses "
                   "see only y_true and y_pred: add that term with `self.add_loss(...)` in a layer's `call`, "
                   "or override the model's `train_step`")
