"""Rows for the Keras 1 `keras.layers.*` modules, one file per Keras 1 module."""
