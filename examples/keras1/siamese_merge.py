'''Siamese network built from Sequential branches joined with a Merge layer (Keras 1.2 style).'''
from __future__ import print_function
import numpy as np
np.random.seed(3)

from keras.models import Sequential
from keras.layers import Dense, Dropout, Merge
from keras.optimizers import RMSprop


def create_base_network(input_dim):
    seq = Sequential()
    seq.add(Dense(16, input_shape=(input_dim,), activation='relu'))
    seq.add(Dropout(0.1))
    seq.add(Dense(8, activation='relu'))
    return seq


input_dim = 10
n = 200
a = np.random.rand(n, input_dim).astype('float32')
same = np.random.rand(n) < 0.5
b = np.where(same[:, None], a + 0.05 * np.random.randn(n, input_dim), np.random.rand(n, input_dim)).astype('float32')
y = same.astype('float32')

left = create_base_network(input_dim)
right = create_base_network(input_dim)
model = Sequential()
model.add(Merge([left, right], mode='concat'))
model.add(Dense(8, activation='relu'))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer=RMSprop(lr=0.01), metrics=['accuracy'])
history = model.fit([a, b], y, batch_size=32, nb_epoch=20, verbose=0)
print('final loss', history.history['loss'][-1])
assert history.history['loss'][-1] < history.history['loss'][0]
pred = model.predict([a[:4], b[:4]])
assert pred.shape == (4, 1)

# The same pair network with a shared base and a distance merge in the functional API.
from keras.layers import Input, Lambda, merge
from keras.models import Model
from keras import backend as K
base = create_base_network(input_dim)
in_a, in_b = Input(shape=(input_dim,)), Input(shape=(input_dim,))
distance = merge([base(in_a), base(in_b)], mode=lambda t: K.sqrt(K.sum(K.square(t[0] - t[1]), axis=1, keepdims=True)),
                 output_shape=lambda shapes: (shapes[0][0], 1))
siamese = Model(input=[in_a, in_b], output=distance)
siamese.compile(loss='mse', optimizer='rmsprop')
siamese.fit([a, b], 1 - y, batch_size=32, nb_epoch=2, verbose=0)
assert siamese.predict([a[:3], b[:3]]).shape == (3, 1)
print('RESULT siamese_merge ok %.4f' % history.history['loss'][-1])
