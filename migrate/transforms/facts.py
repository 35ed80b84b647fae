"""What the module itself says about its names, gathered on the way down.

A name assigned from `Sequential()`, `Model(...)` or `load_model(...)` is a
Keras model, so its `fit` is Keras's `fit` (and may take Keras 1 defaults). A
name assigned from a call with `batch_size=` (an `ImageDataGenerator.flow`, a
user generator) is a generator whose batch size we know. Best effort, by name,
module-wide: a name bound to several things is not trusted.
"""

from __future__ import annotations

import libcst as cst

from migrate import literals

# Keras 1 `ImageDataGenerator.flow*` default batch size.
FLOW_METHODS = {"flow": 32, "flow_from_directory": 32}


def note_assign(m, node: cst.Assign) -> None:
    if len(node.targets) != 1 or not isinstance(node.targets[0].target, cst.Name):
        return
    name = node.targets[0].target.value
    value = node.value
    models = m.facts.setdefault("models", {})
    batches = m.facts.setdefault("batch_sizes", {})
    is_model = isinstance(value, cst.Call) and _is_model_factory(m, value.func)
    if name in models and models[name] != is_model:
        models[name] = False
    else:
        models[name] = is_model
    if is_model:
        m.facts.setdefault("adds", {})[name] = 0
        m.facts.setdefault("units", {})[name] = None
        if value.args and isinstance(value.args[0].value, cst.List):
            for element in value.args[0].value.elements:
                note_layer(m, name, element.value)
    size = batch_size_of(m, value)
    if name in batches and (size is None or batches[name] is None
                            or literals.code(batches[name]) != literals.code(size)):
        batches[name] = None
    else:
        batches[name] = size


def _is_model_factory(m, func) -> bool:
    from migrate.engine import MODEL_FACTORIES

    if not isinstance(func, (cst.Name, cst.Attribute)):
        return False
    qualified = m.qualified(func)
    return qualified is not None and m.tables.canonical(qualified) in MODEL_FACTORIES or (
        qualified in MODEL_FACTORIES)


def is_model(m, receiver) -> bool:
    if isinstance(receiver, cst.Name):
        return bool(m.facts.get("models", {}).get(receiver.value))
    return False


def batch_size_of(m, expression) -> cst.BaseExpression | None:
    """The batch size a generator expression yields, when the source says it."""
    if isinstance(expression, cst.Name):
        return m.facts.get("batch_sizes", {}).get(expression.value)
    if not isinstance(expression, cst.Call):
        return None
    for arg in expression.args:
        if arg.keyword is not None and arg.keyword.value == "batch_size":
            return arg.value
    func = expression.func
    if isinstance(func, cst.Attribute) and func.attr.value in FLOW_METHODS:
        positional = [a for a in expression.args if a.keyword is None and not a.star]
        if func.attr.value == "flow" and len(positional) >= 3:
            return positional[2].value  # flow(X, y, batch_size, ...)
        return literals.value_node(FLOW_METHODS[func.attr.value])
    return None


_DENSE = ("keras.layers.core.Dense", "keras.layers.Dense")


def note_layer(m, model: str, layer) -> None:
    """Remember the output size of the last layer added to `model` (None: unknown), and whether the
    model ends in a softmax (then Keras 1's `predict_classes` took the argmax, whatever the size)."""
    units = m.facts.setdefault("units", {})
    softmax = m.facts.setdefault("softmax", {})
    if not isinstance(layer, cst.Call) or not isinstance(layer.func, (cst.Name, cst.Attribute)):
        units[model], softmax[model] = None, False
        return
    qualified = m.qualified(layer.func)
    canonical = m.tables.canonical(qualified) if qualified else None
    if canonical in _DENSE or qualified in _DENSE:
        size = None
        for index, arg in enumerate(layer.args):
            if (arg.keyword is None and index == 0 and not arg.star) or (
                    arg.keyword is not None and arg.keyword.value in ("output_dim", "units")):
                size = literals.literal(arg.value)
        units[model] = size if isinstance(size, int) else None
        softmax[model] = _activation(layer, "activation") == "softmax"
    elif canonical is not None and canonical.rpartition(".")[2] == "Activation":
        softmax[model] = _activation(layer, None) == "softmax"  # keeps the size of the layer before
    elif canonical is not None and canonical.rpartition(".")[2] == "Dropout":
        return  # keeps the size and activation of the layer before
    else:
        units[model], softmax[model] = None, False


def _activation(layer: cst.Call, keyword: str | None):
    """The literal activation name a layer call passes (positionally first when `keyword` is None)."""
    for index, arg in enumerate(layer.args):
        if (keyword is None and index == 0 and arg.keyword is None and not arg.star) or (
                arg.keyword is not None and arg.keyword.value in ("activation", keyword)):
            return literals.literal(arg.value)
    return None


def ends_in_softmax(m, receiver) -> bool:
    return isinstance(receiver, cst.Name) and bool(m.facts.get("softmax", {}).get(receiver.value))


def output_units(m, receiver) -> int | None:
    if isinstance(receiver, cst.Name):
        return m.facts.get("units", {}).get(receiver.value)
    return None


def note_call(m, node: cst.Call) -> None:
    """On the way down: layers added to known models, first layers that carry a batch shape."""
    from migrate.transforms import input_shape

    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value == "add" and isinstance(func.value, cst.Name) \
            and len(node.args) == 1 and not node.args[0].keyword and not node.args[0].star:
        name = func.value.value
        if is_model(m, func.value):
            added = m.facts.setdefault("adds", {})
            if added.get(name, 0) == 0:
                input_shape.note_first_layer(m, node, node.args[0].value)
            added[name] = added.get(name, 0) + 1
            note_layer(m, name, node.args[0].value)
    elif isinstance(func, (cst.Name, cst.Attribute)) and node.args and isinstance(node.args[0].value, cst.List):
        qualified = m.qualified(func)
        if qualified is not None and m.tables.canonical(qualified) == "keras.models.Sequential":
            elements = node.args[0].value.elements
            if elements:
                input_shape.note_first_layer(m, node, elements[0].value)
