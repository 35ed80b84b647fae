# A Keras 1 custom layer: initializations.get, self.init(...) weights, K.zeros bias,
# trainable_weights assignment, get_output_shape_for, K.dot.
import numpy as np
from keras import backend as K
from keras import initializations
from keras.engine.topology import Layer
from keras.models import Sequential
from keras.layers.core import Dense, Activation


class MyDense(Layer):
    def __init__(self, output_dim, init='glorot_uniform', **kwargs):
        self.output_dim = output_dim
        self.init = initializations.get(init)
        super(MyDense, self).__init__(**kwargs)

    def build(self, input_shape):
        input_dim = input_shape[1]
        self.W = self.init((input_dim, self.output_dim), name='{}_W'.format(self.name))
        self.b = K.zeros((self.output_dim,), name='{}_b'.format(self.name))
        self.trainable_weights = [self.W, self.b]

    def call(self, x, mask=None):
        return K.dot(x, self.W) + self.b

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.output_dim)


np.random.seed(3)
X = np.random.rand(32, 10).astype('float32')
Y = np.random.rand(32, 3).astype('float32')

model = Sequential()
model.add(Dense(12, input_dim=10))
model.add(MyDense(5))
model.add(Activation('tanh'))
model.add(Dense(3))
model.compile(loss='mse', optimizer='sgd')
model.fit(X, Y, nb_epoch=1, batch_size=8, verbose=0)
