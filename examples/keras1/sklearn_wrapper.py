'''Grid search over a Keras 1 model with the scikit-learn wrapper (2016 style: sklearn.grid_search).'''
from __future__ import print_function
import numpy as np
np.random.seed(1337)

from keras.models import Sequential
from keras.layers import Dense, Activation
from keras.wrappers.scikit_learn import KerasClassifier
from sklearn.grid_search import GridSearchCV

nb_classes = 3
X = np.random.rand(90, 4).astype('float32')
y = (X[:, 0] * nb_classes).astype(int).clip(0, nb_classes - 1)


def make_model(hidden_units=8):
    model = Sequential()
    model.add(Dense(hidden_units, input_dim=4))
    model.add(Activation('relu'))
    model.add(Dense(nb_classes))
    model.add(Activation('softmax'))
    model.compile(loss='categorical_crossentropy', optimizer='adam', metrics=['accuracy'])
    return model


clf = KerasClassifier(make_model, batch_size=16, verbose=0)
validator = GridSearchCV(clf, param_grid={'nb_epoch': [1, 3], 'hidden_units': [8]}, scoring='neg_log_loss', cv=2)
validator.fit(X, y)
print('The parameters of the best model are: ')
print(validator.best_params_)
best_model = validator.best_estimator_.model
metric_names = best_model.metrics_names
metric_values = best_model.evaluate(X, np.eye(nb_classes)[y], verbose=0)
for metric, value in zip(metric_names, metric_values):
    print(metric, ': ', value)
assert metric_names == ['loss', 'acc'], metric_names
print('RESULT sklearn_wrapper ok %s' % validator.best_params_['nb_epoch'])
