"""A Keras 1.2.2 program, exactly as it was written in 2016: an MLP on synthetic data.

Run it unchanged with `python -m legacykeras examples/keras1_mlp.py [weights.h5]`.
"""
from __future__ import print_function

import sys

import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense, Dropout, Activation
from keras.optimizers import SGD
from keras.regularizers import l2
from keras.utils import np_utils

np.random.seed(1337)
nb_classes = 3
X = np.random.rand(600, 20).astype('float32')
y = (X[:, :3] * [1.0, 2.0, 3.0]).argmax(axis=1)
Y = np_utils.to_categorical(y, nb_classes)
X_train, X_test, Y_train, Y_test = X[:500], X[500:], Y[:500], Y[500:]

model = Sequential()
model.add(Dense(64, input_dim=20, init='uniform', W_regularizer=l2(0.001)))
model.add(Activation('relu'))
model.add(Dropout(0.2))
model.add(Dense(nb_classes, init='uniform'))
model.add(Activation('softmax'))

sgd = SGD(lr=0.1, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(loss='categorical_crossentropy', optimizer=sgd, metrics=['accuracy'])
history = model.fit(X_train, Y_train, nb_epoch=20, batch_size=16, validation_split=0.2, verbose=0)
score = model.evaluate(X_test, Y_test, batch_size=16, verbose=0)
print('History keys:', sorted(history.history.keys()))
print('Test loss: %.4f  test accuracy: %.4f' % (score[0], score[1]))
print('First predictions:', model.predict_classes(X_test[:10], verbose=0))
if len(sys.argv) > 1:
    model.save_weights(sys.argv[1], overwrite=True)
    print('Saved Keras 1 weights to', sys.argv[1])
