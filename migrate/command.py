"""`MigrateCommand`: the whole migration as a LibCST codemod command.

For LibCST tooling and `CodemodTest` (`TRANSFORM = MigrateCommand`): warnings
are the diagnostics as `"CODE message"` strings, so `expected_warnings=` pins
them; a `# migrate: skip-file` file raises `SkipFile`. The CLI does not use this
class (it calls `engine.migrate_source`).
"""

from __future__ import annotations

import libcst as cst
from libcst.codemod import Codemod, CodemodContext, SkipFile

from migrate.engine import Options, transform
from migrate.names import Tables, default_tables
from migrate.pragmas import skip_file


class MigrateCommand(Codemod):
    DESCRIPTION = "Rewrite Keras 1 code as Keras 3 code, driven by legacykeras' rules table."

    def __init__(self, context: CodemodContext, options: Options | None = None, tables: Tables | None = None):
        super().__init__(context)
        self.options = options or Options()
        self.tables = tables or default_tables()

    def transform_module(self, tree: cst.Module) -> cst.Module:  # no metadata copy: `transform` resolves its own
        return self.transform_module_impl(tree)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        source = tree.code
        if skip_file(source) is not None:
            raise SkipFile("`# migrate: skip-file`: the file is left as it is")
        new_tree, diagnostics, _ = transform(tree, source, self.options, self.tables)
        self.context.warnings.extend(f"{d.code} {d.message}" for d in diagnostics
                                     if d.severity in ("todo", "error"))
        return new_tree
