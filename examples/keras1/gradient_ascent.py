'''Gradient ascent on the input to maximise a filter's activation, with K.function (Keras 1.2 style).'''
from __future__ import print_function
import numpy as np
np.random.seed(5)

from keras.models import Sequential
from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense
from keras import backend as K

img_width, img_height = 16, 16
if K.image_dim_ordering() == 'th':
    input_shape = (3, img_width, img_height)
else:
    input_shape = (img_width, img_height, 3)

model = Sequential()
model.add(Convolution2D(4, 3, 3, activation='relu', border_mode='same', input_shape=input_shape, name='conv1'))
model.add(MaxPooling2D((2, 2)))
model.add(Convolution2D(6, 3, 3, activation='relu', border_mode='same', name='conv2'))
model.add(Flatten())
model.add(Dense(3, activation='softmax'))

layer_dict = dict([(layer.name, layer) for layer in model.layers])
input_img = model.input
layer_output = layer_dict['conv2'].output
input_img_data = np.random.random((1,) + input_shape) * 20 + 128.
start = input_img_data.copy()
# As Keras 1's conv_filter_visualization does, skip dead filters (a ReLU filter that never fires on
# this input has zero loss and zero gradient): initial weights are random.
for filter_index in range(6):
    if K.image_dim_ordering() == 'th':
        loss = K.mean(layer_output[:, filter_index, :, :])
    else:
        loss = K.mean(layer_output[:, :, :, filter_index])
    grads = K.gradients(loss, input_img)[0]
    grads /= (K.sqrt(K.mean(K.square(grads))) + 1e-5)
    iterate = K.function([input_img, K.learning_phase()], [loss, grads])
    if iterate([start, 0])[0] > 0:
        break

input_img_data = start.copy()
losses = []
for i in range(20):
    loss_value, grads_value = iterate([input_img_data, 0])
    input_img_data += grads_value * 1.
    losses.append(float(loss_value))
print('losses', losses[0], losses[-1])
assert losses[-1] > losses[0]


def deprocess_image(x):
    x -= x.mean()
    x /= (x.std() + 1e-5)
    x *= 0.1
    x += 0.5
    x = np.clip(x, 0, 1)
    x *= 255
    if K.image_dim_ordering() == 'th':
        x = x.transpose((1, 2, 0))
    return np.clip(x, 0, 255).astype('uint8')


img = deprocess_image(input_img_data[0])
assert img.shape == (img_width, img_height, 3)
print('RESULT gradient_ascent ok %.3f' % (losses[-1] - losses[0]))
