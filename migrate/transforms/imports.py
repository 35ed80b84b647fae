"""Import statements: moved modules and renamed names, rewritten where they stand.

`from keras.layers.convolutional import Convolution2D as C2D` becomes
`from keras.layers import Conv2D as C2D`: the alias stays, so no reference
changes; without an alias the references are renamed too (`Migrator.leave_Name`
uses the same plan). A module imported as an object keeps its local name
(`from keras.utils import np_utils` -> `from keras import utils as np_utils`).
Names Keras 3 lacks (no row says what replaces them) are reported (LK003); names
whose row has no Keras 3 equivalent keep their import, which is removed at the
end if the bespoke transforms replaced every use.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

from migrate.engine import dotted
from migrate.report import Code


def plan_module(m, qualified: str) -> str | None:
    """Where a module lives after migration (itself if unmoved or its rule is off; None if removed)."""
    rule = m.tables.module_rule(qualified)
    if rule is None or not m.enabled(rule.code):
        return qualified
    return m.tables.map_module(qualified)


def plan_name(m, qualified: str):
    target, why = m.tables.target(qualified)
    if why is not None and not m.enabled(why.code):
        return qualified, None
    return target, why


# -- facts, gathered on the way down ----------------------------------------------------------

def record_import(m, node: cst.Import) -> None:
    if m.function_depth:
        return
    for alias in node.names:
        name = get_full_name_for_node(alias.name)
        if name is None:
            continue
        new = plan_module(m, name) or name
        if alias.asname is not None:
            local = alias.evaluated_alias
            m.local_for[new] = local
            m.import_specs[local] = (new, None, local)
        else:
            top = new.split(".")[0]
            m.local_for.setdefault(top, top)
            m.local_for.setdefault(new, new)
            m.import_specs.setdefault(top, (new, None, None))


def record_import_from(m, node: cst.ImportFrom) -> None:
    if node.relative:
        return
    module = get_full_name_for_node(node.module) if node.module is not None else None
    if module is None:
        return
    if isinstance(node.names, cst.ImportStar):
        names = m.tables.star_names(module)
        if names:
            for name, qualified in names.items():
                m.star_index.setdefault(name, qualified)
            m.info(node, Code.STAR_IMPORT.value,
                   f"`from {module} import *`: names resolved from Keras 1's export list, best effort; "
                   "import names explicitly to be sure")
        return
    if m.function_depth:
        return
    for alias in node.names:
        name = alias.evaluated_name
        asname = alias.evaluated_alias
        qualified = f"{module}.{name}"
        local = asname or name
        if m.tables.is_module(qualified):
            new = plan_module(m, qualified) or qualified
            m.local_for[new] = local
            parent, _, last = new.rpartition(".")
            m.import_specs[local] = (parent, last, local if local != last else None) if parent \
                else (new, None, local if local != new else None)
            continue
        target, why = plan_name(m, qualified)
        m.from_modules.add(plan_module(m, module) or module)
        if target is None or why is None:
            m.import_specs[local] = (module, name, asname)
            if why is None:
                m.local_for.setdefault(qualified, local)
            continue
        new_module, _, new_name = target.rpartition(".")
        new_local = asname or new_name
        m.local_for[target] = new_local
        m.from_modules.add(new_module)
        m.import_specs[new_local] = (new_module, new_name, asname if asname and asname != new_name else None)


# -- rewriting, on the way up -----------------------------------------------------------------

def rewrite_statement(m, original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine):
    new_body: list[cst.BaseSmallStatement] = []
    changed = False
    for original_small, small in zip(original.body, updated.body):
        replaced = None
        if isinstance(small, cst.ImportFrom):
            replaced = _rewrite_import_from(m, original_small, small)
        elif isinstance(small, cst.Import):
            replaced = _rewrite_import(m, original_small, small)
        if replaced is None:
            new_body.append(small)
        else:
            changed = True
            new_body.extend(replaced)
    if not changed:
        return updated
    if len(updated.body) == 1 and len(new_body) > 1:
        lines = [updated.with_changes(body=[new_body[0]])]
        lines += [cst.SimpleStatementLine(body=[small]) for small in new_body[1:]]
        return cst.FlattenSentinel(lines)
    new_body = [s.with_changes(semicolon=cst.MaybeSentinel.DEFAULT) for s in new_body]
    return updated.with_changes(body=new_body)


def _rewrite_import(m, original: cst.Import, node: cst.Import):
    aliases = []
    changed = False
    for original_alias, alias in zip(original.names, node.names):
        name = get_full_name_for_node(alias.name)
        new = plan_module(m, name) if name else name
        if name is None or not m.tables.is_module(name) or new == name:
            aliases.append(alias)
            continue
        rule = m.tables.module_rule(name)
        if new is None:
            m.todo(original_alias, rule.code, f"`{name}` has no Keras 3 counterpart: {rule.why}")
            aliases.append(alias)
            continue
        changed = True
        aliases.append(alias.with_changes(name=dotted(new)))
        m.fixed(original_alias, rule.code, f"`{name}` is now `{new}`: {rule.why}")
    if not changed:
        return None
    return [node.with_changes(names=_alias_commas(aliases, node.names))]


def _rewrite_import_from(m, original: cst.ImportFrom, node: cst.ImportFrom):
    if node.relative or node.module is None:
        return None
    module = get_full_name_for_node(node.module)
    if module is None:
        return None
    if isinstance(node.names, cst.ImportStar):
        return _rewrite_star(m, original, node, module)

    groups: dict[str, list[cst.ImportAlias]] = {}
    plain_imports: list[cst.ImportAlias] = []
    changed = False
    for original_alias, alias in zip(original.names, node.names):
        name = alias.evaluated_name
        asname = alias.evaluated_alias
        qualified = f"{module}.{name}"
        local = asname or name
        if m.tables.is_module(qualified):
            new = plan_module(m, qualified)
            if new is None:
                rule = m.tables.module_rule(qualified)
                m.todo(original_alias, rule.code, f"`{qualified}` has no Keras 3 counterpart: {rule.why}")
            if new is None or new == qualified:
                groups.setdefault(module, []).append(alias)
                continue
            changed = True
            rule = m.tables.module_rule(qualified)
            m.fixed(original_alias, rule.code, f"`{qualified}` is now `{new}`: {rule.why}")
            parent, _, last = new.rpartition(".")
            if parent:
                groups.setdefault(parent, []).append(_alias(last, local))
            else:
                plain_imports.append(_alias(new, local))
            continue
        target, why = plan_name(m, qualified)
        if why is None or target is None:
            groups.setdefault(module, []).append(alias)
            if target is None and why is not None:
                m.unused_imports.append((module, name, asname))
            elif why is None and m.tables.in_keras3(qualified) is False and m.enabled(Code.NOT_IN_KERAS3.value):
                _missing(m, original_alias, qualified)
            continue
        changed = True
        new_module, _, new_name = target.rpartition(".")
        groups.setdefault(new_module, []).append(_alias(new_name, asname or new_name))
        if not m.function_depth:  # another import may bind the same name already (finish keeps one)
            m.facts.setdefault("rewritten_specs", set()).add(
                (new_module, new_name, asname if asname and asname != new_name else None))
        m.fixed(original_alias, why.code, f"`{qualified}` is now `{target}`" + (f": {why.why}" if why.why else ""))
        if m.tables.in_keras3(target) is False:
            _missing(m, original_alias, target)
    if not changed:
        return None
    statements: list[cst.BaseSmallStatement] = []
    first = True
    for group_module, aliases in groups.items():
        aliases = _dedupe(aliases)
        if not aliases:
            continue
        if first:
            keep_parens = node.lpar is not None and len(aliases) > 1
            statements.append(node.with_changes(
                module=dotted(group_module), names=_alias_commas(aliases, node.names, keep_parens),
                lpar=node.lpar if keep_parens else None, rpar=node.rpar if keep_parens else None))
            first = False
        else:
            statements.append(cst.ImportFrom(module=dotted(group_module), names=_alias_commas(aliases, ())))
    if plain_imports:
        statements.append(cst.Import(names=_alias_commas(plain_imports, ())))
    return statements


def _rewrite_star(m, original, node, module):
    new = plan_module(m, module)
    if new == module:
        return None
    rule = m.tables.module_rule(module)
    if new is None:
        m.todo(original, rule.code, f"`{module}` has no Keras 3 counterpart: {rule.why}")
        return None
    m.fixed(original, rule.code, f"`{module}` is now `{new}`: {rule.why}")
    return [node.with_changes(module=dotted(new))]


def _missing(m, node, qualified: str) -> None:
    m.todo(node, Code.NOT_IN_KERAS3.value, f"`{qualified}` does not exist in Keras 3")


def _alias(name: str, local: str) -> cst.ImportAlias:
    asname = cst.AsName(cst.Name(local)) if local != name else None
    return cst.ImportAlias(name=dotted(name), asname=asname)


def _dedupe(aliases: list[cst.ImportAlias]) -> list[cst.ImportAlias]:
    seen = set()
    out = []
    for alias in aliases:
        key = (alias.evaluated_name, alias.evaluated_alias)
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return out


def _alias_commas(aliases, old, keep_trailing: bool = False):
    if not aliases:
        return []
    last = aliases[-1]
    if keep_trailing and old:
        last = last.with_changes(comma=old[-1].comma)
    else:
        last = last.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return [*aliases[:-1], last]
