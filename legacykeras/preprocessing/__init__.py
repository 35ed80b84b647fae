"""Keras 1.2.2 `keras.preprocessing`: image (ImageDataGenerator), sequence, text (Tokenizer)."""
