"""Live legacy layer classes, built from rows (one module per Keras 1 layers module)."""
