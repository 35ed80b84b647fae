# TensorFlow image ordering (the default keras.json).
# The seed notes' CNN with TensorFlow ordering: Convolution2D(n, 3, 3, border_mode=...),
# W_regularizer, init names, SGD with decay, nb_epoch, predict_classes.
import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense, Dropout, Activation, Flatten
from keras.layers.convolutional import Convolution2D, MaxPooling2D
from keras.optimizers import SGD
from keras.regularizers import l2
from keras.utils import np_utils

np.random.seed(0)
X = np.random.rand(32, 16, 16, 3).astype('float32')
y = np_utils.to_categorical(np.random.randint(0, 4, 32), nb_classes=4)

model = Sequential()
model.add(Convolution2D(8, 3, 3, border_mode='same', input_shape=(16, 16, 3)))
model.add(Activation('relu'))
model.add(Convolution2D(8, 3, 3, subsample=(1, 1), init='he_normal'))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(output_dim=16, W_regularizer=l2(0.01), init='normal'))
model.add(Activation('relu'))
model.add(Dense(4))
model.add(Activation('softmax'))

sgd = SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(loss='categorical_crossentropy', optimizer=sgd, metrics=['accuracy'])
model.fit(X, y, batch_size=8, nb_epoch=1, verbose=0, validation_split=0.25)
score = model.evaluate(X, y, batch_size=8, verbose=0)
classes = model.predict_classes(X, verbose=0)
assert classes.shape == (32,)
