'''Stateful LSTM learning a lagged moving average, as in Keras 1's stateful_lstm example.'''
from __future__ import print_function
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, LSTM

tsteps = 1
batch_size = 5
epochs = 3
lahead = 1


def gen_cosine_amp(amp=100, period=25, x0=0, xn=200, step=1, k=0.0001):
    cos = np.zeros(((xn - x0) * step, 1, 1))
    for i in range(len(cos)):
        idx = x0 + i * step
        cos[i, 0, 0] = amp * np.cos(idx / (2 * np.pi * period))
        cos[i, 0, 0] = cos[i, 0, 0] * np.exp(-k * idx)
    return cos


cos = gen_cosine_amp()
expected_output = np.zeros((len(cos), 1))
for i in range(len(cos) - lahead):
    expected_output[i, 0] = np.mean(cos[i + 1:i + lahead + 1])

model = Sequential()
model.add(LSTM(10, batch_input_shape=(batch_size, tsteps, 1), return_sequences=True, stateful=True))
model.add(LSTM(10, return_sequences=False, stateful=True))
model.add(Dense(1))
model.compile(loss='mse', optimizer='rmsprop')

for i in range(epochs):
    print('Epoch', i, '/', epochs)
    model.fit(cos / 100., expected_output / 100., batch_size=batch_size, verbose=0, nb_epoch=1, shuffle=False)
    model.reset_states()

predicted = model.predict(cos / 100., batch_size=batch_size)
assert predicted.shape == (len(cos), 1)
# State carries across calls: the same batch gives a different answer once the state has moved.
model.reset_states()
first = model.predict_on_batch(cos[:batch_size] / 100.)
second = model.predict_on_batch(cos[:batch_size] / 100.)
assert not np.allclose(first, second)
model.reset_states()
assert np.allclose(model.predict_on_batch(cos[:batch_size] / 100.), first, atol=1e-6)
print('RESULT stateful_lstm ok %.4f' % float(np.mean((predicted - expected_output / 100.) ** 2)))
