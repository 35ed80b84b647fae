"""`Embedding`: Keras 1's Embedding on Keras 3's, with Keras 1's `dropout`.

Keras 1 `dropout` dropped whole rows of the embedding matrix (whole words) in
training, scaling the kept rows by 1 / (1 - dropout); Keras 3 has no such
argument. Keras 1 made the input int32 and shaped `(input_length,)`.
"""

from __future__ import annotations

from legacykeras._keras import keras

ops = keras.ops


class EmbeddingCore(keras.layers.Embedding):
    def __init__(self, *args, input_length=None, dropout=0.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.dropout = float(dropout or 0.0)
        self._seed_generator = keras.random.SeedGenerator() if 0.0 < self.dropout < 1.0 else None

    def call(self, inputs, training=None):
        if ops.dtype(inputs) != "int32":
            inputs = ops.cast(inputs, "int32")
        if training and self._seed_generator is not None:
            keep = 1.0 - self.dropout
            rows = keras.random.uniform((self.input_dim, 1), seed=self._seed_generator) < keep
            table = self.embeddings * ops.cast(rows, self.embeddings.dtype) / keep
            return ops.take(table, inputs, axis=0)
        return super().call(inputs)
