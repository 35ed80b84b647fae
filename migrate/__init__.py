"""`migrate`: rewrite Keras 1 source (.py, .ipynb) into Keras 3 source, driven by legacykeras' rules table.

Command line: `migrate PATH...` (see `migrate --help`). From Python:

    from migrate.engine import migrate_source, Options
    result = migrate_source(code, Options(dim_ordering="th"))
    result.code, result.diagnostics

Importing this package is cheap: the engine (LibCST) loads on first use, and
nothing here imports keras or tensorflow.
"""
