'''Variational autoencoder with a custom loss and a sampling Lambda (Keras 1.2 style).'''
from __future__ import print_function
import numpy as np
np.random.seed(11)

from keras.layers import Input, Dense, Lambda
from keras.models import Model
from keras import backend as K
from keras import objectives

batch_size = 20
original_dim = 64
latent_dim = 2
intermediate_dim = 16
nb_epoch = 3
epsilon_std = 1.0

x = Input(batch_shape=(batch_size, original_dim))
h = Dense(intermediate_dim, activation='relu')(x)
z_mean = Dense(latent_dim)(h)
z_log_var = Dense(latent_dim)(h)


def sampling(args):
    z_mean, z_log_var = args
    epsilon = K.random_normal(shape=(batch_size, latent_dim), mean=0., std=epsilon_std)
    return z_mean + K.exp(z_log_var / 2) * epsilon


z = Lambda(sampling, output_shape=(latent_dim,))([z_mean, z_log_var])
decoder_h = Dense(intermediate_dim, activation='relu')
decoder_mean = Dense(original_dim, activation='sigmoid')
h_decoded = decoder_h(z)
x_decoded_mean = decoder_mean(h_decoded)


def vae_loss(x, x_decoded_mean):
    xent_loss = original_dim * objectives.binary_crossentropy(x, x_decoded_mean)
    kl_loss = - 0.5 * K.sum(1 + z_log_var - K.square(z_mean) - K.exp(z_log_var), axis=-1)
    return xent_loss + kl_loss


vae = Model(x, x_decoded_mean)
vae.compile(optimizer='rmsprop', loss=vae_loss)

x_train = (np.random.rand(200, original_dim) > 0.5).astype('float32')
x_test = (np.random.rand(40, original_dim) > 0.5).astype('float32')
history = vae.fit(x_train, x_train, shuffle=True, nb_epoch=nb_epoch, batch_size=batch_size,
                  validation_data=(x_test, x_test), verbose=2)

encoder = Model(x, z_mean)
x_test_encoded = encoder.predict(x_test, batch_size=batch_size)
assert x_test_encoded.shape == (40, latent_dim)
decoder_input = Input(shape=(latent_dim,))
generator = Model(decoder_input, decoder_mean(decoder_h(decoder_input)))
assert generator.predict(np.zeros((1, latent_dim))).shape == (1, original_dim)
assert history.history['loss'][-1] < history.history['loss'][0]
print('RESULT vae_custom_loss ok %.3f' % history.history['val_loss'][-1])
