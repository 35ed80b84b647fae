# Callbacks and history keys: EarlyStopping/ModelCheckpoint/ReduceLROnPlateau on 'val_acc',
# a custom Callback reading logs, LearningRateScheduler, CSVLogger; TimeDistributedDense,
# a Lambda using the backend, Adagrad with Keras 1 defaults.
import numpy as np
from keras.models import Sequential
from keras.layers.core import Dense, TimeDistributedDense, Lambda, Flatten
from keras.layers.recurrent import GRU
from keras.callbacks import (Callback, CSVLogger, EarlyStopping, LearningRateScheduler, ModelCheckpoint,
                             ReduceLROnPlateau)
from keras.optimizers import Adagrad
from keras import backend as K


class AccuracyLog(Callback):
    def on_train_begin(self, logs={}):
        self.seen = []

    def on_epoch_end(self, epoch, logs={}):
        self.seen.append(logs.get('acc'))


np.random.seed(5)
X = np.random.rand(40, 6, 4).astype('float32')
Y = np.eye(3)[np.random.randint(0, 3, 40)]

model = Sequential()
model.add(TimeDistributedDense(8, input_dim=4, input_length=6))
model.add(GRU(10, return_sequences=True))
model.add(Lambda(lambda x: K.mean(x, axis=1), output_shape=(10,)))
model.add(Dense(3, activation='softmax'))
model.compile(loss='categorical_crossentropy', optimizer=Adagrad(), metrics=['acc'])

log = AccuracyLog()
callbacks = [
    EarlyStopping(monitor='val_acc', patience=3),
    ModelCheckpoint('best.hdf5', monitor='val_acc', save_best_only=True, save_weights_only=True),
    ReduceLROnPlateau(monitor='val_loss', patience=1, epsilon=1e-3),
    LearningRateScheduler(lambda epoch: 0.01),
    CSVLogger('training.csv'),
    log,
]
history = model.fit(X, Y, batch_size=10, nb_epoch=2, validation_split=0.25, callbacks=callbacks, verbose=0)
assert len(history.history['val_acc']) == 2
assert len(log.seen) == 2 and log.seen[0] is not None
