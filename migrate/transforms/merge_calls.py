"""`merge(...)` / `Merge(...)`: one Keras 3 function or layer per mode.

- `merge([a, b], mode='concat', concat_axis=1)` -> `concatenate([a, b], axis=1)`; 'sum' -> `add`,
  'mul' -> `multiply`, 'ave' -> `average`, 'max' -> `maximum`, 'dot' -> `dot(axes=dot_axes)`,
  'cos' -> `dot(axes=dot_axes, normalize=True)` (with a TODO: Keras 1 added an axis).
- `Merge(mode='concat')([a, b])` -> `Concatenate()([a, b])`, and so on.
- A Sequential that starts with `Merge([left, right], mode=...)` becomes a functional model:

      model = Sequential()                            x = concatenate([left.outputs[0], right.outputs[0]])
      model.add(Merge([left, right], mode='concat'))  ->  x = Dense(10)(x)
      model.add(Dense(10))                            model = keras.Model([*left.inputs, *right.inputs], x)

  for the chain of `model.add(...)` statements that follows in the same block.
- A callable `mode` or a `Merge` of models anywhere else is left with a TODO.
"""

from __future__ import annotations

import dataclasses

import libcst as cst

from legacykeras.rules.models import MERGE_MODES
from migrate import literals
from migrate.transforms.calls import keyword_arg, with_commas
from migrate.transforms.binding import bind_args, mentions

_MERGE_LAYER = "keras.engine.topology.Merge"
_SEQUENTIAL = "keras.models.Sequential"




def _mode(bound) -> str | None:
    arg = bound.get("mode")
    if arg is None:
        return "sum"  # Keras 1's default
    value = literals.literal(arg.value)
    return value if isinstance(value, str) and value in MERGE_MODES else None


def _options(m, row, original, bound, mode: str, *, layer: bool) -> list[cst.Arg] | None:
    """Keyword arguments of the Keras 3 function/layer for `mode` (None: cannot convert)."""
    out: list[cst.Arg] = []
    if mode == "concat" and "concat_axis" in bound:
        out.append(keyword_arg("axis", bound["concat_axis"].value))
    if mode in ("dot", "cos"):
        axes = bound.get("dot_axes")
        out.append(keyword_arg("axes", axes.value if axes is not None else literals.value_node(-1)))
        if mode == "cos":
            out.append(keyword_arg("normalize", cst.Name("True")))
    for name in ("output_shape", "output_mask", "arguments", "node_indices", "tensor_indices"):
        if name in bound and literals.literal(bound[name].value) is not None:
            m.todo(original, row.code, f"`{name}` has no meaning for mode {mode!r} in Keras 3; check it")
            return None
    if "name" in bound:
        out.append(keyword_arg("name", bound["name"].value))
    return out


def _cos_note(m, row, original, mode):
    if mode == "cos":
        m.todo(original, row.code, "Keras 1's 'cos' merge added an axis: its output was (batch, 1, 1), "
                                   "`dot(normalize=True)` gives (batch, 1)")


def convert_merge_function(m, row, original: cst.Call, updated: cst.Call, qualified):
    bound = bind_args(row, updated)
    if bound is None or "inputs" not in bound:
        return None
    mode = _mode(bound)
    if mode is None:
        m.todo(original, row.code, "`merge` with a callable or unknown `mode`: write a `keras.layers.Lambda` "
                                   "over the list of tensors")
        m.facts[("handled", id(original))] = True
        return None
    options = _options(m, row, original, bound, mode, layer=False)
    if options is None:
        m.facts[("handled", id(original))] = True
        return None
    target = MERGE_MODES[mode][0]
    func = m.expr_for(target)
    if func is None:
        return None
    _cos_note(m, row, original, mode)
    inputs = bound["inputs"].with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT)
    m.fixed(original, row.code, f"`merge(mode={mode!r})` is now `{target.rpartition('.')[2]}`")
    return updated.with_changes(func=func, args=with_commas([inputs, *options]))


def convert_merge_layer(m, row, original: cst.Call, updated: cst.Call, qualified):
    bound = bind_args(row, updated)
    if bound is None:
        return None
    if "layers" in bound and literals.literal(bound["layers"].value) is not None:
        if id(original) in m.facts.get("merge_sequentials", {}):
            m.facts[("handled", id(original))] = True
            return None
        m.todo(original, row.code, "a `Merge` of models: build a functional model, "
                                   "`concatenate([a.output, b.output])` and `keras.Model([a.input, b.input], ...)`")
        m.facts[("handled", id(original))] = True
        return None
    mode = _mode(bound)
    if mode is None:
        m.todo(original, row.code, "`Merge` with a callable or unknown `mode`: use a `keras.layers.Lambda` layer")
        m.facts[("handled", id(original))] = True
        return None
    options = _options(m, row, original, bound, mode, layer=True)
    if options is None:
        m.facts[("handled", id(original))] = True
        return None
    target = MERGE_MODES[mode][1]
    func = m.expr_for(target)
    if func is None:
        return None
    _cos_note(m, row, original, mode)
    m.fixed(original, row.code, f"`Merge(mode={mode!r})` is now `{target.rpartition('.')[2]}`")
    return updated.with_changes(func=func, args=with_commas(options))


# -- Sequential models that start with a Merge of models --------------------------------------

@dataclasses.dataclass
class _Chain:
    model: str
    start: int            # index of `model = Sequential()` in the block
    merge: int            # index of `model.add(Merge([...]))`
    adds: list[int]       # indices of the following `model.add(layer)` statements
    merge_call: cst.Call  # the original Merge call


def scan_block(m, body) -> None:
    """Find `model = Sequential()` + `model.add(Merge([...]))` + adds, in one block (original nodes)."""
    chains = []
    for index, statement in enumerate(body):
        name = _sequential_assignment(m, statement)
        if name is None:
            continue
        chain = _follow(m, body, index, name)
        if chain is not None and not any(id(body[i]) in m.skipped for i in (chain.start, chain.merge, *chain.adds)):
            chains.append(chain)
            m.facts.setdefault("merge_sequentials", {})[id(chain.merge_call)] = chain
    if chains:
        m.facts.setdefault("merge_blocks", {})[id(body)] = chains


def _sequential_assignment(m, statement) -> str | None:
    small = _only_small(statement)
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return None
    target = small.targets[0].target
    value = small.value
    if not isinstance(target, cst.Name) or not isinstance(value, cst.Call) or value.args:
        return None
    qualified = m.qualified(value.func) if isinstance(value.func, (cst.Name, cst.Attribute)) else None
    if qualified is None or m.tables.canonical(qualified) != _SEQUENTIAL:
        return None
    return target.value


def _follow(m, body, start: int, name: str) -> _Chain | None:
    merge_index = None
    merge_call = None
    adds = []
    for index in range(start + 1, len(body)):
        added = _added(body[index], name)
        if merge_index is None:
            if added is not None:
                if _is_merge_of_models(m, added):
                    merge_index, merge_call = index, added
                    continue
                return None
            if mentions(body[index], (name,)):
                return None
            continue
        if added is not None:
            adds.append(index)
            continue
        break
    if merge_index is None:
        return None
    return _Chain(name, start, merge_index, adds, merge_call)


def _only_small(statement):
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        return statement.body[0]
    return None


def _added(statement, name: str) -> cst.Call | None:
    """`name.add(layer)` -> the layer expression's call node (or the layer expression)."""
    small = _only_small(statement)
    if not isinstance(small, cst.Expr) or not isinstance(small.value, cst.Call):
        return None
    call = small.value
    func = call.func
    if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == name
            and func.attr.value == "add" and len(call.args) == 1 and call.args[0].keyword is None
            and not call.args[0].star):
        return None
    return call.args[0].value


def _is_merge_of_models(m, expression) -> bool:
    if not isinstance(expression, cst.Call) or not isinstance(expression.func, (cst.Name, cst.Attribute)):
        return False
    qualified = m.qualified(expression.func)
    row = m.tables.row(qualified) if qualified else None
    if row is None or row.old != _MERGE_LAYER or not m.enabled(row.code):
        return False
    bound = bind_args(row, expression)
    return bound is not None and "layers" in bound and _mode(bound) is not None and not any(
        k in bound for k in ("output_shape", "output_mask", "arguments", "node_indices", "tensor_indices"))


def rebuild_block(m, original_body, results: dict[int, object]):
    """The block's new statements, or None when no chain was found in it."""
    chains = m.facts.get("merge_blocks", {}).get(id(original_body))
    if not chains:
        return None
    replaced: dict[int, list] = {}
    for chain in chains:
        new = _functional(m, chain, original_body, results)
        if new is None:
            continue
        replaced.update(new)
    out = []
    for index, statement in enumerate(original_body):
        if index in replaced:
            out.extend(replaced[index])
            continue
        result = results.get(id(statement), statement)
        if isinstance(result, cst.FlattenSentinel):
            out.extend(result.nodes)
        elif isinstance(result, cst.RemovalSentinel):
            continue
        else:
            out.append(result)
    return out


def _functional(m, chain: _Chain, body, results) -> dict[int, list] | None:
    row = m.tables.row(_MERGE_LAYER)
    merge_statement = results.get(id(body[chain.merge]), body[chain.merge])
    if not isinstance(merge_statement, cst.SimpleStatementLine):
        return None
    merge_call = merge_statement.body[0].value.args[0].value  # updated `Merge(...)`
    bound = bind_args(row, merge_call)
    mode = _mode(bound)
    options = [a for a in _options(m, row, chain.merge_call, bound, mode, layer=False) or ()]
    layers = bound["layers"].value
    # Keras 3 Sequential models expose `inputs`/`outputs` once built (not `input`/`output`).
    if isinstance(layers, (cst.List, cst.Tuple)):
        branches = [literals.code(e.value) for e in layers.elements]
        outputs = cst.parse_expression("[" + ", ".join(f"{b}.outputs[0]" for b in branches) + "]")
        # A branch used by two Merges (bAbI's question encoder) gives its inputs once, as Keras 1's
        # model did: models built here are spelled through the branches they merged.
        roots = m.facts.setdefault("merge_roots", {})
        sources = list(dict.fromkeys(r for b in branches for r in roots.get(b, [b])))
        roots[chain.model] = sources
        inputs = cst.parse_expression("[" + ", ".join(f"*{b}.inputs" for b in sources) + "]")
    else:
        outputs = cst.parse_expression(f"[branch.outputs[0] for branch in {literals.code(layers)}]")
        inputs = cst.parse_expression(f"[x for branch in {literals.code(layers)} for x in branch.inputs]")
    merge_func = m.expr_for(MERGE_MODES[mode][0])
    model_class = m.expr_for("keras.Model", prefer_from=False)
    if merge_func is None or model_class is None:
        return None
    tensor = cst.Name(_free_name(m, f"{chain.model}_output"))
    first = results.get(id(body[chain.start]), body[chain.start])
    leading = first.leading_lines if isinstance(first, cst.SimpleStatementLine) else ()
    statements = {chain.start: []}
    merge_value = cst.Call(func=merge_func, args=with_commas(
        [cst.Arg(outputs), *options]))
    statements[chain.merge] = [merge_statement.with_changes(
        body=[cst.Assign([cst.AssignTarget(tensor)], merge_value)],
        leading_lines=[*leading, *merge_statement.leading_lines])]
    last = chain.merge
    for index in chain.adds:
        statement = results.get(id(body[index]), body[index])
        if not isinstance(statement, cst.SimpleStatementLine):
            return None
        layer = statement.body[0].value.args[0].value
        applied = cst.Call(func=layer, args=[cst.Arg(tensor)])
        statements[index] = [statement.with_changes(body=[cst.Assign([cst.AssignTarget(tensor)], applied)])]
        last = index
    build = cst.SimpleStatementLine([cst.Assign(
        [cst.AssignTarget(cst.Name(chain.model))],
        cst.Call(func=model_class, args=with_commas([keyword_arg("inputs", inputs), keyword_arg("outputs", tensor)])))])
    statements[last] = [*statements[last], build]
    m.fixed(chain.merge_call, row.code,
            f"Sequential `{chain.model}` starting with `Merge(mode={mode!r})` of models is now a functional "
            f"`keras.Model`")
    _cos_note(m, row, chain.merge_call, mode)
    return statements


def _free_name(m, wanted: str) -> str:
    name = wanted
    counter = 1
    while not m.is_global_name_free(name):
        counter += 1
        name = f"{wanted}{counter}"
    m.local_for.setdefault(f"<local>.{name}", name)
    return name
