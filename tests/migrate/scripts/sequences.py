# Sequence layers given their input the Keras 1 way (input_dim / input_length): Keras 3 reads a bare
# input_dim as a 2D input, so migrate writes input_shape=(length, dim).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Embedding, GRU
from keras.layers.convolutional import Convolution1D, MaxPooling1D
from keras.layers.recurrent import LSTM, SimpleRNN

np.random.seed(2)
text = Sequential()
text.add(Embedding(100, 8, input_length=12))
text.add(Convolution1D(4, 3, border_mode='same', activation='relu'))
text.add(MaxPooling1D(pool_length=2))
text.add(LSTM(6))
text.add(Dense(1, activation='sigmoid'))
text.compile(optimizer='adam', loss='binary_crossentropy')
text.fit(np.random.randint(1, 100, size=(16, 12)), np.random.randint(0, 2, size=(16, 1)), nb_epoch=1,
         batch_size=8, verbose=0)
assert text.predict(np.random.randint(1, 100, size=(4, 12))).shape == (4, 1)

model = Sequential()
model.add(GRU(5, input_dim=3, input_length=7, return_sequences=True))
model.add(SimpleRNN(4, return_sequences=True))
model.add(Convolution1D(2, 2, border_mode='valid'))
model.add(LSTM(3))
model.add(Dense(2, activation='softmax'))
model.compile(optimizer='sgd', loss='categorical_crossentropy')
model.fit(np.random.rand(8, 7, 3), np.eye(2)[np.random.randint(0, 2, 8)], nb_epoch=1, verbose=0)

stream = Sequential()
stream.add(LSTM(4, input_dim=3))
stream.add(Dense(1))
assert stream.predict(np.random.rand(2, 9, 3)).shape == (2, 1)
