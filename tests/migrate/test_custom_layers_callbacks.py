"""Custom Layer subclasses, callbacks and Keras 1 log keys."""

from __future__ import annotations

from tests.migrate.migratelib import MigrateTest, check, unchanged

LAYER_BEFORE = """
from keras import backend as K
from keras.engine.topology import Layer
from keras import initializations


class Scale(Layer):
    def __init__(self, init='one', **kwargs):
        self.init = initializations.get(init)
        super(Scale, self).__init__(**kwargs)

    def build(self, input_shape):
        self.gamma = self.init((input_shape[-1],), name='{}_gamma'.format(self.name))
        self.beta = K.zeros((input_shape[-1],), name='{}_beta'.format(self.name))
        self.trainable_weights = [self.gamma, self.beta]

    def call(self, x, mask=None):
        return self.gamma * x + self.beta

    def get_output_shape_for(self, input_shape):
        return input_shape
"""

LAYER_AFTER = """
from keras.layers import Layer
from keras import initializers as initializations


class Scale(Layer):
    def __init__(self, init='one', **kwargs):
        self.init = initializations.get(init)
        super(Scale, self).__init__(**kwargs)

    def build(self, input_shape):
        self.gamma = self.add_weight(shape=(input_shape[-1],), initializer=self.init, name='{}_gamma'.format(self.name))
        self.beta = self.add_weight(shape=(input_shape[-1],), initializer='zeros', name='{}_beta'.format(self.name))

    def call(self, x, mask=None):
        return self.gamma * x + self.beta

    def compute_output_shape(self, input_shape):
        return input_shape
"""


class TestCustomLayer(MigrateTest):
    def test_keras1_layer_subclass(self):
        self.assertMigrates(LAYER_BEFORE, LAYER_AFTER)

    def test_weights_not_from_add_weight_leave_a_todo(self):
        self.assertMigrates(
            """
            from keras.engine.topology import Layer
            class L(Layer):
                def build(self, input_shape):
                    self.W = make_weight(input_shape)
                    self.trainable_weights = [self.W]
            """,
            """
            from keras.layers import Layer
            class L(Layer):
                def build(self, input_shape):
                    self.W = make_weight(input_shape)
                    # TODO(migrate): Keras 3 layers cannot assign `self.trainable_weights`: create the weights with `self.add_weight(..., trainable=...)` (LK522)
                    self.trainable_weights = [self.W]
            """,
            todo=["LK522"],
        )

    def test_keras1_add_weight_positionals(self):
        self.assertMigrates(
            """
            from keras.engine.topology import Layer
            class L(Layer):
                def build(self, input_shape):
                    self.W = self.add_weight((3, 3), 'uniform', 'W', True, None, None)
            """,
            """
            from keras.layers import Layer
            class L(Layer):
                def build(self, input_shape):
                    self.W = self.add_weight((3, 3), 'uniform', name='W', trainable=True, regularizer=None, constraint=None)
            """,
        )

    def test_class_with_both_shape_methods_gets_a_todo(self):
        check(
            """
            from keras.engine.topology import Layer
            class L(Layer):
                def get_output_shape_for(self, s):
                    return s
                def compute_output_shape(self, s):
                    return s
            """,
            """
            from keras.layers import Layer
            class L(Layer):
                # TODO(migrate): `get_output_shape_for` is `compute_output_shape` in Keras 3, which this class defines too: merge them (LK522)
                def get_output_shape_for(self, s):
                    return s
                def compute_output_shape(self, s):
                    return s
            """,
            todo=["LK522"],
        )

    def test_non_layer_class_is_untouched(self):
        unchanged("""
            class Helper(object):
                def get_output_shape_for(self, s):
                    self.trainable_weights = [1]
                    return s
            """)


class TestCallbacks(MigrateTest):
    def test_monitor_keys_checkpoint_names_and_epsilon(self):
        self.assertMigrates(
            """
            from keras.callbacks import EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
            cbs = [EarlyStopping(monitor='val_acc', patience=2),
                   ModelCheckpoint('weights.{epoch:02d}.hdf5', save_weights_only=True, period=1),
                   ModelCheckpoint('model.hdf5', monitor='val_loss'),
                   ReduceLROnPlateau(epsilon=1e-3)]
            """,
            """
            from keras.callbacks import EarlyStopping, ModelCheckpoint, ReduceLROnPlateau
            cbs = [EarlyStopping(monitor='val_accuracy', patience=2),
                   ModelCheckpoint('weights.{epoch:02d}.weights.h5', save_weights_only=True),
                   ModelCheckpoint('model.h5', monitor='val_loss'),
                   ReduceLROnPlateau(min_delta=1e-3)]
            """,
        )

    def test_history_and_logs_keys(self):
        self.assertMigrates(
            """
            from keras.callbacks import Callback
            class Log(Callback):
                def on_epoch_end(self, epoch, logs={}):
                    print(logs.get('acc'), logs['val_acc'])
            h = model.fit(X, y, nb_epoch=2)
            print(h.history['acc'][-1])
            """,
            """
            from keras.callbacks import Callback
            class Log(Callback):
                def on_epoch_end(self, epoch, logs={}):
                    print(logs.get('accuracy'), logs['val_accuracy'])
            h = model.fit(X, y, epochs=2)
            print(h.history['accuracy'][-1])
            """,
        )

    def test_keras3_callbacks_are_untouched(self):
        unchanged("""
            import keras
            cb = keras.callbacks.EarlyStopping(monitor='val_accuracy')
            h = model.fit(x, y, epochs=1, callbacks=[cb])
            print(h.history['accuracy'])
            """)
