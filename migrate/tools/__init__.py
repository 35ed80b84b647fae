"""Developer tools for `migrate` (table generators); never imported at run time."""
