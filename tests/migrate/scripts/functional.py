# Functional API: Input, merge(mode=...), Model(input=, output=), Embedding + LSTM, BatchNormalization.
import numpy as np
from keras.layers import Input, Dense, Embedding, LSTM, merge
from keras.layers.normalization import BatchNormalization
from keras.models import Model
from keras import backend as K

np.random.seed(1)
words = np.random.randint(1, 50, size=(32, 10))
extra = np.random.rand(32, 8).astype('float32')
target = np.random.rand(32, 1).astype('float32')

text = Input(shape=(10,), dtype='int32', name='text')
embedded = Embedding(input_dim=50, output_dim=8, input_length=10)(text)
encoded = LSTM(output_dim=16, dropout_W=0.1, dropout_U=0.1)(embedded)
side = Input(shape=(8,), name='side')
side_dense = Dense(16, activation='relu')(side)
summed = merge([encoded, side_dense], mode='sum')
joined = merge([summed, side], mode='concat', concat_axis=-1)
hidden = BatchNormalization()(Dense(8, init='glorot_normal')(joined))
out = Dense(1, activation='sigmoid', name='out')(hidden)

model = Model(input=[text, side], output=out)
model.compile(optimizer='rmsprop', loss='binary_crossentropy')
model.fit([words, extra], target, nb_epoch=1, batch_size=16, verbose=0)
if K.image_dim_ordering() == 'tf':
    prediction = model.predict([words, extra], batch_size=16)
    assert prediction.shape == (32, 1)
