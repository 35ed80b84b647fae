# Generators: fit_generator / evaluate_generator / predict_generator with samples counts,
# a generator whose batch size the call states, predict_proba.
import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense, Dropout


def batches(X, Y, batch_size=32):
    while True:
        for start in range(0, len(X), batch_size):
            yield X[start:start + batch_size], Y[start:start + batch_size]


def inputs_only(X, batch_size=32):
    while True:
        for start in range(0, len(X), batch_size):
            yield X[start:start + batch_size]


np.random.seed(4)
X = np.random.rand(64, 20).astype('float32')
Y = (np.random.rand(64, 1) > 0.5).astype('float32')

model = Sequential()
model.add(Dense(32, input_dim=20, activation='relu'))
model.add(Dropout(p=0.2))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='rmsprop')

train = batches(X, Y, batch_size=16)
model.fit_generator(train, samples_per_epoch=64, nb_epoch=2, verbose=0,
                    validation_data=batches(X, Y, batch_size=16), nb_val_samples=32)
loss = model.evaluate_generator(batches(X, Y, batch_size=16), val_samples=64)
predictions = model.predict_generator(inputs_only(X, batch_size=16), 64)
assert predictions.shape == (64, 1)
probabilities = model.predict_proba(X, verbose=0)
labels = model.predict_classes(X, verbose=0)
assert labels.shape == (64, 1)
