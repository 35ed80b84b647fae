'''Sentiment LSTM on raw texts: Tokenizer, pad_sequences, Embedding, LSTM (Keras 1.2 style).'''
from __future__ import print_function
import numpy as np
np.random.seed(7)

from keras.preprocessing.text import Tokenizer
from keras.preprocessing.sequence import pad_sequences
from keras.models import Sequential
from keras.layers import Dense, Embedding, LSTM, Dropout
from keras.optimizers import Adam

good = ['a wonderful film with great acting', 'great story and a lovely ending', 'i loved it, truly wonderful',
        'superb, moving and great fun', 'lovely music and a great cast']
bad = ['a boring film with awful acting', 'terrible story and a dull ending', 'i hated it, truly awful',
       'dull, slow and boring', 'awful music and a terrible cast']
texts = (good + bad) * 8
labels = np.array(([1] * len(good) + [0] * len(bad)) * 8)

tokenizer = Tokenizer(nb_words=50)
tokenizer.fit_on_texts(texts)
sequences = tokenizer.texts_to_sequences(texts)
print('Found %s unique tokens.' % len(tokenizer.word_index))
X = pad_sequences(sequences, maxlen=10)
print('Shape of data tensor:', X.shape)

model = Sequential()
model.add(Embedding(50, 16, input_length=10, dropout=0.1))
model.add(LSTM(16, dropout_W=0.1, dropout_U=0.1))
model.add(Dropout(0.1))
model.add(Dense(1, activation='sigmoid'))
model.compile(loss='binary_crossentropy', optimizer=Adam(lr=0.01), metrics=['accuracy'])
model.fit(X, labels, batch_size=8, nb_epoch=20, validation_split=0.2, verbose=2)
loss, acc = model.evaluate(X, labels, verbose=0)
print('Train accuracy:', acc)
classes = model.predict_classes(pad_sequences(tokenizer.texts_to_sequences(['great wonderful', 'awful boring']),
                                              maxlen=10), verbose=0)
print('Predicted classes:', classes.ravel())
matrix = tokenizer.texts_to_matrix(texts[:3], mode='tfidf')
assert matrix.shape == (3, 50)
assert acc > 0.8, acc
print('RESULT text_lstm_tokenizer ok %.2f' % acc)
