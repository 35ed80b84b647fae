"""The generic engine: apply one `CallRule` row to one call site.

The same steps as `legacykeras.rules.convert.translate`, on source instead of
values: bind Keras 1 positionals by the row's `positional` order (those past
`kept_positional` become keywords), refuse / no-equivalent (TODO, argument
left as it is), drop, value maps on literals, merges into a tuple, renames,
folds, and defaults. Any row a layer engineer writes becomes a rewrite here
with no code of its own.

A call is rewritten only when it is a Keras 1 spelling: the callee's name or
module exists only in Keras 1 (`Convolution2D`, `keras.layers.core.Dense`), or
it passes a keyword only Keras 1 had. `Conv2D(64, 3, 3)` imported from
`keras.layers` is a Keras 2/3 call (strides 3) and stays.
"""

from __future__ import annotations

import dataclasses

import libcst as cst
from libcst.helpers import get_full_name_for_node

from legacykeras.rules.convert import input_length_layout
from legacykeras.rules.schema import MISSING, CallRule, Expr
from migrate import literals
from migrate.literals import NOT_LITERAL

# MapValue.resolve names the codemod can answer from its options (`--dim-ordering`).
_RESOLVERS = {
    "default_data_format": lambda options: (
        MISSING if options.dim_ordering is None
        else {"th": "channels_first", "tf": "channels_last"}[options.dim_ordering]),
}


@dataclasses.dataclass
class _Item:
    """One argument of the call being rewritten."""

    name: str | None      # Keras 1 name (None: *args / **kwargs / unknown)
    arg: cst.Arg          # current node (children already rewritten)
    orig: cst.Arg | None  # the original node, for positions (None for added arguments)
    kind: str             # 'pos' (stays positional), 'kw', 'star', 'dstar'
    keyword: str | None = None  # the keyword it will be written with

    @property
    def value(self):
        return literals.literal(self.arg.value)


def keras1_spelling(tables, row: CallRule, qualified: str) -> bool:
    """Does the callee's spelling exist only in Keras 1?"""
    module, _, name = qualified.rpartition(".")
    if row.new is None or name != row.new_name:
        return True
    return bool(module) and (tables.map_module(module) != module or module != row.new.rpartition(".")[0])


def convert_call(m, row: CallRule, original: cst.Call, updated: cst.Call, *, keras1: bool,
                 spelled: str | None = None, method: bool = False, known_receiver: bool = False, handled: dict | None = None,
                 changes: list[str] | None = None, force: bool = False) -> cst.Call | None:
    """The rewritten call, or None when nothing changes (TODOs may still be reported).

    Args:
        keras1: the callee is spelled the Keras 1 way (see `keras1_spelling`).
        method: the row is a method; its receiver is `known_receiver` when it is a Keras model.
        handled: Keras 1 argument name -> replacement `cst.Arg` (None removes it), from a
            bespoke transform that dealt with that argument itself.
        changes: what the caller changed already, for the report line.
        force: rewrite even when the call shows no Keras 1 spelling (the caller knows).
    """
    handled = {**m.facts.get("pre_handled", {}).get(id(original), {}), **(handled or {})}
    changes = list(changes or [])
    legacy = row.legacy_keywords()
    keywords = [a.keyword.value for a in updated.args if a.keyword is not None]
    sure = keras1 or force or bool(handled) or any(
        (k in legacy and k not in _modern_names(row)) or _gone_keyword(m, row, k) or _sequence_keyword(row, k)
        for k in keywords)
    defaults_only = not sure and method and known_receiver and m.keras1_file
    # In a Keras 1 file, a modern-looking call still takes the value maps (`monitor='val_acc'`).
    values_only = not sure and m.keras1_file and any(k in row.values for k in keywords)
    if not sure and not defaults_only and not values_only:
        return None

    items = _bind(m, row, original, updated, sure)
    if items is None:
        return None

    if sure:
        items = _apply_actions(m, row, original, items, handled, changes)
        if items is None:
            return None
    elif values_only:
        for item in items:
            item.keyword = item.arg.keyword.value if item.arg.keyword is not None else None
            value_map = row.values.get(item.name) if item.kind == "kw" else None
            value = item.value
            if value_map is not None and value is not NOT_LITERAL and value_map.changes(value) \
                    and not value_map.resolve:
                node = _render(m, value_map.convert(value), item.arg.value)
                if node is not None:
                    item.arg = item.arg.with_changes(value=node)
                    changes.append(f"{item.name}={value!r} is now {literals.code(node)}")
    else:
        for item in items:
            item.keyword = item.arg.keyword.value if item.arg.keyword is not None else None
    _apply_defaults(m, row, original, items, changes, method=method, known_receiver=known_receiver, sure=sure)

    func = updated.func
    if method and row.new is not None and isinstance(func, cst.Attribute) and func.attr.value != row.new_name:
        func = func.with_changes(attr=cst.Name(row.new_name))
        changes.insert(0, f"`{row.old_name}` is now `{row.new_name}`")
    elif not method and keras1 and row.new is not None:
        old = spelled or row.old
        if old.rpartition(".")[2] != row.new_name or get_full_name_for_node(func) != get_full_name_for_node(
                original.func):
            changes.insert(0, f"`{old.rpartition('.')[2]}` is now `{row.new}`")

    new_args = _assemble(items, updated)
    new_call = updated.with_changes(func=func, args=new_args)
    if not changes:
        return None  # every rewrite above says what it did: no message, no change
    m.fixed(original, row.code, "; ".join(changes))
    return new_call


def _sequence_keyword(row: CallRule, keyword: str) -> bool:
    """`LSTM(input_dim=)`, `Embedding(input_length=)`: Keras 3 reads these differently or not at all."""
    layout = input_length_layout(row)
    return keyword == "input_length" and layout is not None or keyword == "input_dim" and layout == "sequence"


def _sequence_shape(m, row, original, items, changes):
    """Keras 1's `input_dim` / `input_length` on a sequence layer -> `input_shape` (see
    `input_length_layout`); Keras 3 reads `input_dim` as `input_shape=(input_dim,)`."""
    layout = input_length_layout(row)
    if layout is None:
        return items
    by_name = {i.name: i for i in items if i.kind in ("kw", "pos")}
    length = by_name.get("input_length")
    dim = by_name.get("input_dim") if layout == "sequence" else None
    if length is None and dim is None:
        return items
    if "input_shape" in by_name or "batch_input_shape" in by_name:
        m.todo(original, row.code, "`input_dim`/`input_length` given with an input shape: keep one `input_shape`")
        for item in (length, dim):
            if item is not None:
                item.keyword, item.kind = item.name, "done"
        return items
    if layout == "sequence" and dim is None:
        changes.append("`input_length` without `input_dim` set no shape in Keras 1: removed")
        return [i for i in items if i is not length]
    parts = [length.arg.value if length is not None else cst.Name("None")]
    if dim is not None:
        parts.append(dim.arg.value)
    present = [i for i in (length, dim) if i is not None]
    last = max(items.index(i) for i in present)
    shape = _keyword_arg("input_shape", literals.tuple_node(parts)).with_changes(comma=items[last].arg.comma)
    first = min(items.index(i) for i in present)
    new_item = _Item("input_shape", shape, present[0].orig, "done", "input_shape")
    items = [i for i in items if i not in present]
    items.insert(first, new_item)
    spelled = " and ".join(f"`{i.name}`" for i in present)
    changes.append(f"{spelled} {'are' if len(present) > 1 else 'is'} now `input_shape`")
    return items


def _gone_keyword(m, row: CallRule, keyword: str) -> bool:
    """A Keras 1 argument Keras 3's callable does not take (`Embedding(dropout=)`): a Keras 1 call."""
    return row.new is not None and any(n.arg == keyword for n in row.no_equivalent) and (
        m.tables.accepts(row.new, keyword) is False)


def _modern_names(row: CallRule) -> set[str]:
    """Keywords that are legal Keras 3 spellings too (so their presence proves nothing)."""
    return {v for v in row.rename.values()} | {m.into for m in row.merge}


def _bind(m, row: CallRule, original: cst.Call, updated: cst.Call, sure: bool) -> list[_Item] | None:
    items: list[_Item] = []
    position = 0
    star_seen = False
    originals = list(original.args) + [None] * max(0, len(updated.args) - len(original.args))
    for arg, orig in zip(updated.args, originals):
        if arg.star == "*":
            star_seen = True
            items.append(_Item(None, arg, orig, "star"))
        elif arg.star == "**":
            items.append(_Item(None, arg, orig, "dstar"))
        elif arg.keyword is None:
            if star_seen:
                if sure and row.kept_positional < len(row.positional):
                    m.todo(original, row.code, "cannot tell which Keras 1 arguments follow `*args`")
                    return None
                items.append(_Item(None, arg, orig, "pos"))
                continue
            name = row.positional[position] if position < len(row.positional) else None
            kept = position < row.kept_positional
            if name is None and not kept:
                if sure:
                    m.todo(original, row.code,
                           f"`{row.old_name}` takes at most {len(row.positional)} positional arguments in Keras 1")
                return None
            items.append(_Item(name, arg, orig, "pos" if kept else "kw"))
            position += 1
        else:
            items.append(_Item(arg.keyword.value, arg, orig, "kw"))
    if sure and star_seen and row.kept_positional < len(row.positional) and any(
            i.kind == "star" for i in items):
        m.todo(original, row.code, "cannot tell which Keras 1 arguments `*args` carries")
        return None
    return items


def _apply_actions(m, row, original, items, handled, changes):
    options = m.options
    tables = m.tables
    base = tables.layer_base if (row.is_layer and tables.layer_base is not None and tables.layer_base is not row) \
        else None
    own = set(row.rename) | {a for g in row.merge for a in g.sources} | set(row.values) \
        | {d.arg for d in row.drop} | {r.arg for r in row.refuse} | {n.arg for n in row.no_equivalent}
    refuse = list(row.refuse) + list(row.no_equivalent)
    drop = list(row.drop)
    if base is not None:
        # The base layer's arguments, unless this row says otherwise or the Keras 3 layer takes them.
        refuse += [n for n in [*base.refuse, *base.no_equivalent]
                   if n.arg not in own and not (row.new and tables.accepts(row.new, n.arg))]
        drop += [d for d in base.drop if d.arg not in own]
    refuse_by = {r.arg: r for r in refuse}
    drop_by = {d.arg: d for d in drop}

    if any(i.kind == "dstar" for i in items) and (row.rename or row.merge or row.drop):
        m.todo(original, row.code, f"`**kwargs` may carry Keras 1 arguments of `{row.old_name}`; "
                                   "check them by hand")

    out: list[_Item] = []
    for item in items:
        name = item.name
        if name is None or item.kind in ("star", "dstar"):
            item.keyword = item.arg.keyword.value if item.arg.keyword is not None else None
            out.append(item)
            continue
        if name in handled:
            replacement = handled[name]
            if replacement is None:
                changes.append(f"`{name}` moved out of the call")
            else:
                replacement = replacement.with_changes(comma=item.arg.comma)
                out.append(_Item(name, replacement, item.orig, "done", replacement.keyword.value
                                 if replacement.keyword is not None else None))
            continue
        refusal = refuse_by.get(name)
        if refusal is not None:
            value = item.value
            if refusal.when is None or (value is not NOT_LITERAL and refusal.applies(value)):
                m.todo(item.orig or original, row.code, _refusal_text(row, refusal, item))
                if item.kind == "kw" and item.arg.keyword is None:
                    changes.append(f"Keras 1 positional {name} passed by keyword")
                item.keyword = name if item.kind != "pos" else None
                item.kind = "done" if item.kind != "pos" else "pos"
                out.append(item)
                continue
            if value is NOT_LITERAL:
                m.todo(item.orig or original, row.code,
                       f"`{name}` is not a literal: Keras 3 cannot honour some of its values ({refusal.why})")
                out.append(item)
                continue
        dropping = drop_by.get(name)
        if dropping is not None:
            value = item.value
            if dropping.when is None or (value is not NOT_LITERAL and dropping.when(value)):
                changes.append(f"`{name}` removed: {dropping.why}")
                continue
            if value is NOT_LITERAL:
                m.todo(item.orig or original, row.code,
                       f"`{name}` is not a literal: Keras 3 drops some of its values ({dropping.why})")
                out.append(item)
                continue
        value_map = row.values.get(name)
        if value_map is not None:
            value = item.value
            if value is NOT_LITERAL:
                if (value_map.mapping or value_map.resolve) and _may_hold_a_key(item.arg.value):
                    m.todo(item.orig or original, row.code,
                           f"`{name}` is not a literal: map its Keras 1 values by hand ({_mapping_text(value_map)})")
            elif literals._hashable(value) and value in value_map.resolve:
                resolved = _resolve(value_map.resolve[value], options)
                if resolved is None:
                    m.todo(item.orig or original, row.code,
                           f"{name}={value!r} depends on the user's configuration")
                elif resolved is MISSING:
                    changes.append(f"{name}={value!r} removed: Keras 3's default reads keras.json too")
                    continue
                else:
                    item.arg = item.arg.with_changes(value=_render(m, resolved, item.arg.value))
                    changes.append(f"{name}={value!r} is now {resolved!r}")
            elif value_map.changes(value):
                new_value = value_map.convert(value)
                if _shim_only(new_value):
                    _note_shim_only(m, item.orig or original, row, f"{name}={value!r}", new_value)
                    out.append(item)
                    continue
                node = _render(m, new_value, item.arg.value)
                if node is None:
                    m.todo(item.orig or original, row.code, f"cannot write {name}={value!r} for Keras 3")
                else:
                    item.arg = item.arg.with_changes(value=node)
                    changes.append(f"{name}={value!r} is now {literals.code(node)}")
        out.append(item)

    # Arguments whose Keras 1 default came from keras.json: spell it out when the user told us.
    present = {i.name for i in out}
    for name, value_map in row.values.items():
        if name in present or "default" not in value_map.resolve:
            continue
        resolved = _resolve(value_map.resolve["default"], options)
        if resolved is not None and resolved is not MISSING and resolved != "channels_last":
            keyword = row.rename.get(name, name)
            arg = _keyword_arg(keyword, literals.value_node(resolved))
            out.append(_Item(name, arg, None, "done", keyword))
            changes.append(f"{keyword}={resolved!r} written out (--dim-ordering {options.dim_ordering})")

    out = _merge(m, row, original, out, changes)
    if out is None:
        return None
    out = _sequence_shape(m, row, original, out, changes)
    out = _rename(m, row, original, out, changes)
    if out is None:
        return None
    out = _fold(m, row, original, out, changes)
    _check_accepted(m, row, original, out)
    return out


def _check_accepted(m, row, original, items) -> None:
    """Keywords the Keras 3 target does not take (a gap in the row): left as they are, with a TODO."""
    if row.new is None:
        return
    flagged = {t for d in m.diagnostics if d.severity == "todo" for t in [d.message]}
    for item in items:
        keyword = item.keyword
        if keyword is None or item.kind in ("star", "dstar"):
            continue
        if m.tables.accepts(row.new, keyword) is False:
            if any(f"`{keyword}`" in text or f"{keyword}=" in text for text in flagged):
                continue  # already explained (refused, not a literal, ...)
            m.todo(item.orig or original, row.code, f"Keras 3 `{row.new_name}` takes no `{keyword}` argument "
                                                    "(no rule says what it became)")


def _merge(m, row, original, items, changes):
    for group in row.merge:
        present = [i for i in items if i.name in group.sources and i.kind != "done"]
        if not present:
            continue
        if len(present) != len(group.sources):
            missing = [s for s in group.sources if s not in {i.name for i in present}]
            m.todo(original, row.code, f"`{', '.join(group.sources)}` make `{group.into}` together; "
                                       f"missing {', '.join(missing)}")
            for i in present:
                i.keyword, i.kind = i.name, "done"
            continue
        by_name = {i.name: i for i in present}
        values = [by_name[s].arg.value for s in group.sources]
        merged = _keyword_arg(group.into, literals.tuple_node(values)).with_changes(comma=present[-1].arg.comma)
        first = min(items.index(i) for i in present)
        new_item = _Item(group.into, merged, present[0].orig, "done", group.into)
        items = [i for i in items if i not in present]
        items.insert(first, new_item)
        changes.append(f"`{', '.join(group.sources)}` are now `{group.into}`")
    return items


def _rename(m, row, original, items, changes):
    final = []
    named = []
    taken = {i.arg.keyword.value for i in items if i.arg.keyword is not None and i.kind != "done"}
    for item in items:
        if item.kind in ("star", "dstar") or item.kind == "done":
            final.append(item)
            continue
        if item.kind == "pos":
            item.keyword = None
            final.append(item)
            continue
        name = item.name
        new = row.rename.get(name, name)
        if new != name and new in taken:
            m.todo(item.orig or original, row.code,
                   f"both `{name}` (Keras 1) and `{new}` are given; keep only `{new}`")
            item.keyword = name
            final.append(item)
            continue
        if new != name and item.arg.keyword is not None:
            changes.append(f"`{name}` is now `{new}`")
        elif item.arg.keyword is None:
            named.append(name if new == name else f"{name} (`{new}`)")
        item.keyword = new
        final.append(item)
    if named:
        changes.append(f"Keras 1 positional {', '.join(named)} passed by keyword")
    return final


def _fold(m, row, original, items, changes):
    for fold in row.fold:
        source = next((i for i in items if i.name == fold.arg), None)
        if source is None:
            continue
        value = source.value
        if fold.unless is not MISSING and value is not NOT_LITERAL and value == fold.unless:
            items.remove(source)
            changes.append(f"`{fold.arg}={value!r}` removed (no effect)")
            continue
        into = next((i for i in items if _modern_name(row, i) == fold.into), None)
        if into is not None:
            into_value = into.arg.value
        elif fold.into_default is not MISSING:
            into_value = literals.value_node(fold.into_default)
        else:
            m.todo(source.orig or original, row.code, f"`{fold.arg}` needs `{fold.into}`: {fold.why}")
            continue
        target = m.expr_for(fold.target, prefer_from=False)
        if target is None:
            m.todo(source.orig or original, row.code, f"cannot write `{fold.target}` here: {fold.why}")
            continue
        call_args = [_keyword_arg(fold.into_keyword, into_value), _keyword_arg(fold.arg_keyword, source.arg.value)]
        call_args += [_keyword_arg(k, literals.value_node(v)) for k, v in fold.kwargs.items()]
        built = cst.Call(func=target, args=_commas(call_args))
        if into is not None:
            into.arg = into.arg.with_changes(value=built)
            items.remove(source)
        else:
            index = items.index(source)
            items[index] = _Item(fold.into, _keyword_arg(fold.into, built), source.orig, "done", fold.into)
        changes.append(f"`{fold.arg}` is now a `{fold.target.rpartition('.')[2]}` schedule in `{fold.into}`")
    return items


def _modern_name(row: CallRule, item: _Item) -> str | None:
    if item.keyword is not None:
        return item.keyword
    return row.rename.get(item.name, item.name) if item.name else None


def _apply_defaults(m, row, original, items, changes, *, method, known_receiver, sure):
    if not row.defaults:
        return
    present = {_modern_name(row, i) for i in items}
    present |= {i.name for i in items}
    if any(i.kind == "dstar" for i in items):
        return
    positional_count = sum(1 for i in items if i.kind == "pos")
    for name, value in row.defaults.items():
        if name in present:
            continue
        if method:
            # Receivers of method rows are unknown: only fill in arguments whose Keras 1 spelling
            # was different (`nb_epoch` -> `epochs`), and only on a Keras model.
            if not (known_receiver or sure) or name not in row.rename.values():
                continue
            old = next(k for k, v in row.rename.items() if v == name)
            if old in row.positional and row.positional.index(old) < positional_count:
                continue
        if _shim_only(value):
            _note_shim_only(m, original, row, f"the default {name}", value)
            continue
        node = _render(m, value, None)
        if node is None:
            continue
        items.append(_Item(name, _keyword_arg(name, node), None, "done", name))
        changes.append(f"{name}={literals.code(node)} written out (Keras 1's default)")


def _assemble(items: list[_Item], updated: cst.Call) -> list[cst.Arg]:
    positional = [i for i in items if i.keyword is None and i.kind in ("pos", "star", "done")
                  and i.arg.keyword is None and i.arg.star != "**"]
    rest = [i for i in items if i not in positional and i.kind != "dstar"]
    double = [i for i in items if i.kind == "dstar"]
    args = []
    for item in [*positional, *rest, *double]:
        arg = item.arg
        if item.kind not in ("star", "dstar") and item.keyword is not None:
            if arg.keyword is None or arg.keyword.value != item.keyword:
                arg = arg.with_changes(keyword=cst.Name(item.keyword),
                                       equal=arg.equal if arg.keyword is not None else _no_space_equal())
        args.append(arg)
    return _fix_commas(args, updated.args)


def _fix_commas(args: list[cst.Arg], old: tuple) -> list[cst.Arg]:
    """The last argument takes the original last one's comma (a trailing comma stays trailing)."""
    if not args:
        return []
    last_comma = old[-1].comma if old else cst.MaybeSentinel.DEFAULT
    return [*args[:-1], args[-1].with_changes(comma=last_comma)]


def _commas(args: list[cst.Arg]) -> list[cst.Arg]:
    """Fresh argument list: ', ' between arguments, no trailing comma."""
    return [a.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
            if i < len(args) - 1 else a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for i, a in enumerate(args)]


def _keyword_arg(keyword: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(value=value, keyword=cst.Name(keyword), equal=_no_space_equal())


def _no_space_equal() -> cst.AssignEqual:
    return cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))


def keyword_arg(keyword: str, value: cst.BaseExpression) -> cst.Arg:
    return _keyword_arg(keyword, value)


def with_commas(args: list[cst.Arg]) -> list[cst.Arg]:
    return _commas(args)


def _render(m, value, like):
    if isinstance(value, Expr):
        target = m.expr_for(value.target, prefer_from=False)
        if target is None:
            return None
        args = [_keyword_arg(k, literals.value_node(v)) for k, v in value.kwargs.items()]
        return cst.Call(func=target, args=_commas(args))
    return literals.value_node(value, like)


def _may_hold_a_key(node) -> bool:
    """A variable might hold 'th' or 'normal'; a call like `l2(0.01)` or a lambda does not."""
    return isinstance(node, (cst.Name, cst.Attribute, cst.Subscript, cst.IfExp, cst.BinaryOperation))


def _shim_only(value) -> bool:
    """A value only legacykeras can provide (plain Keras 3 has no spelling for it)."""
    return isinstance(value, Expr) and value.target.startswith("legacykeras.")


def _note_shim_only(m, node, row, what, value) -> None:
    m.info(node, row.code, f"{what}: Keras 1's behaviour needs `{value.source()}` (legacykeras only); the Keras 3 "
                           "default applies and numerics may differ slightly")


def _resolve(name, options):
    resolver = _RESOLVERS.get(name)
    return None if resolver is None else resolver(options)


def _refusal_text(row, refusal, item) -> str:
    value = item.value
    shown = f"{refusal.arg}={value!r}" if value is not NOT_LITERAL else f"{refusal.arg}=..."
    return f"`{row.old_name}({shown})`: {refusal.why}; instead: {refusal.instead}"


def _mapping_text(value_map) -> str:
    pairs = [f"{k!r} -> {v.source() if isinstance(v, Expr) else repr(v)}" for k, v in value_map.mapping.items()]
    text = ", ".join(pairs[:4]) + (", ..." if len(pairs) > 4 else "")
    return text or value_map.why
