# A Sequential model that merges two Sequential branches (Keras 1's Merge layer).
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Merge, Activation

np.random.seed(2)
left_x = np.random.rand(32, 12).astype('float32')
right_x = np.random.rand(32, 6).astype('float32')
labels = np.random.randint(0, 2, size=(32, 1))

left = Sequential()
left.add(Dense(16, input_dim=12, activation='relu'))
right = Sequential()
right.add(Dense(8, input_dim=6, activation='relu'))

model = Sequential()
model.add(Merge([left, right], mode='concat'))
model.add(Dense(1))
model.add(Activation('sigmoid'))
model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
history = model.fit([left_x, right_x], labels, batch_size=8, nb_epoch=2, verbose=0)
assert len(history.history['acc']) == 2
