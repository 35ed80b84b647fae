"""Keras 1.2.2 `keras.wrappers`: scikit_learn (KerasClassifier, KerasRegressor)."""
