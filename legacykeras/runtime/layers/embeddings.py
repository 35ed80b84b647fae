"""Keras 1 `keras.layers.embeddings`: Embedding."""

from legacykeras.rules.layers import embeddings as rows
from legacykeras.runtime.factory import legacy_layer_class
from legacykeras.runtime.layer import LegacyLayerMixin
from legacykeras.runtime.layers.embedding import EmbeddingCore


def _finish(self, translation):
    LegacyLayerMixin._legacy_finish(self, translation)
    if self._legacy_batch_input_shape is None:
        # Keras 1 always gave an Embedding the input shape (input_length,), int32.
        self._legacy_batch_input_shape = (translation.base.get("batch_size"),
                                          translation.legacy.get("input_length"))


Embedding = legacy_layer_class(
    rows.EMBEDDING, EmbeddingCore, module="legacykeras.layers.embeddings",
    extra={"_legacy_finish": _finish, "_legacy_default_input_dtype": "int32"})

__all__ = ["Embedding"]
