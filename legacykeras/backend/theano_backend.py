"""Keras 1.2.2 `keras.backend.theano_backend`: not available.

legacykeras runs Keras 1 code on TensorFlow 2 through Keras 3; Theano is not
installed and its graph objects (shared variables, `T.switch`, scan) have no
equivalent here. The same functions, with the same Keras 1 names and
arguments, live in `keras.backend` (legacykeras.backend).
"""

raise ImportError(
    "keras.backend.theano_backend is not available: legacykeras runs Keras 1 code on TensorFlow "
    "(Theano is discontinued). Instead: `from keras import backend as K` gives the same Keras 1 "
    "functions (K.conv2d, K.rnn, K.function, ...) on TensorFlow."
)
