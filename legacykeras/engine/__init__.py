"""Keras 1.2.2 `keras.engine`: Layer, InputSpec, Input, Model, Merge (topology and training)."""
