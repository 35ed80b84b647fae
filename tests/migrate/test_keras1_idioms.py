"""Keras 1 idioms Keras 3 reads differently: sequence-layer shapes, Embedding dropout, reset_states,
trainable at compile, losses over intermediate tensors.

Keras 3 reads `input_dim` as `input_shape=(input_dim,)`: on a recurrent layer or a Convolution1D
that is a 2D input, so `LSTM(32, input_dim=10)` left as it is builds the wrong model.
"""

from __future__ import annotations

from tests.migrate.migratelib import check, unchanged


def test_recurrent_input_dim_becomes_a_sequence_shape():
    check(
        """
        from keras.layers import LSTM, GRU
        LSTM(32, input_dim=10)
        GRU(8, input_dim=4, input_length=5, return_sequences=True)
        """,
        """
        from keras.layers import LSTM, GRU
        import keras
        LSTM(32, input_shape=(None, 10), recurrent_initializer=keras.initializers.Orthogonal(gain=1.1))
        GRU(8, input_shape=(5, 4), return_sequences=True, recurrent_initializer=keras.initializers.Orthogonal(gain=1.1), reset_after=False)
        """,
    )


def test_convolution1d_input_dim_and_length():
    check(
        """
        from keras.layers.convolutional import Convolution1D
        Convolution1D(10, 3, input_dim=5, input_length=7)
        """,
        """
        from keras.layers import Conv1D
        Conv1D(10, 3, input_shape=(7, 5))
        """,
    )


def test_input_length_alone_set_no_shape_in_keras1():
    check(
        """
        from keras.layers.recurrent import SimpleRNN
        SimpleRNN(4, input_length=5)
        """,
        """
        from keras.layers import SimpleRNN
        import keras
        SimpleRNN(4, recurrent_initializer=keras.initializers.Orthogonal(gain=1.1))
        """,
    )


def test_embedding_input_length_is_its_input_shape():
    check(
        """
        from keras.layers import Embedding
        Embedding(1000, 64, input_length=80)
        """,
        """
        from keras.layers import Embedding
        Embedding(1000, 64, input_shape=(80,))
        """,
    )


def test_shape_given_twice_is_left_with_a_todo():
    check(
        """
        from keras.layers import LSTM
        LSTM(32, input_dim=10, input_shape=(5, 10))
        """,
        """
        from keras.layers import LSTM
        import keras
        # TODO(migrate): `input_dim`/`input_length` given with an input shape: keep one `input_shape` (LK302)
        LSTM(32, input_dim=10, input_shape=(5, 10), recurrent_initializer=keras.initializers.Orthogonal(gain=1.1))
        """,
        todo=["LK302"],
    )


def test_dense_input_dim_means_the_same_in_keras3():
    unchanged(
        """
        from keras.layers import Dense
        Dense(3, input_dim=4)
        """
    )


def test_embedding_dropout_is_a_keras1_call_with_a_todo():
    result = check(
        """
        from keras.layers import Embedding
        Embedding(100, 128, dropout=0.2)
        """,
        """
        from keras.layers import Embedding
        # TODO(migrate): `Embedding(dropout=0.2)`: Keras 3's Embedding has no dropout of whole embedding rows; instead: keep legacykeras' Embedding, or a SpatialDropout1D after the Embedding (close, not equal) (LK156)
        Embedding(100, 128, dropout=0.2)
        """,
        todo=["LK156"],
    )
    assert result.diagnostics[0].col == 21  # at the argument


def test_reset_states_on_a_model_gets_a_todo_but_a_layer_is_left_alone():
    check(
        """
        from keras.models import Sequential
        model = Sequential()
        model.reset_states()
        layer.reset_states()
        """,
        """
        from keras.models import Sequential
        model = Sequential()
        # TODO(migrate): `reset_states` has no Keras 3 equivalent: Keras 3 models have no `reset_states`: call `layer.reset_state()` on each stateful RNN layer (`for layer in model.layers: if getattr(layer, 'stateful', False): layer.reset_state()`) (LK523)
        model.reset_states()
        layer.reset_states()
        """,
        todo=["LK523"],
    )


def test_trainable_flag_set_after_compile_gets_a_todo():
    check(
        """
        from keras.models import Sequential, Model
        from keras.optimizers import Adam
        from keras.layers import Dense
        discriminator = Sequential()
        discriminator.compile(optimizer='adam', loss='binary_crossentropy')
        discriminator.trainable = False
        generator = Sequential()
        generator.trainable = False
        generator.fit(x, y, nb_epoch=1)
        """,
        """
        from keras.models import Sequential, Model
        from keras.optimizers import Adam
        from keras.layers import Dense
        discriminator = Sequential()
        discriminator.compile(optimizer='adam', loss='binary_crossentropy')
        # TODO(migrate): Keras 1 froze `discriminator.trainable` when `discriminator` was compiled; Keras 3 reads it at every training step, so `discriminator` no longer trains: set `discriminator.trainable = True` before its own train_on_batch/fit and False before training the model that contains it (LK009)
        discriminator.trainable = False
        generator = Sequential()
        generator.trainable = False
        generator.fit(x, y, epochs=1)
        """,
        todo=["LK009"],
    )


def test_loss_reading_intermediate_tensors_gets_a_todo():
    check(
        """
        from keras.layers import Input, Dense
        from keras.models import Model
        from keras import backend as K
        x = Input(shape=(4,))
        z_mean = Dense(2)(x)
        out = Dense(4)(z_mean)

        def vae_loss(y_true, y_pred):
            return K.mean(K.square(y_true - y_pred)) + K.sum(z_mean)

        def plain_loss(y_true, y_pred):
            z_mean = y_pred * 2
            return K.mean(z_mean)

        vae = Model(input=x, output=out)
        vae.compile(optimizer='rmsprop', loss=vae_loss)
        vae.compile('rmsprop', plain_loss)
        """,
        """
        from keras.layers import Input, Dense
        from keras.models import Model
        import keras
        x = Input(shape=(4,))
        z_mean = Dense(2)(x)
        out = Dense(4)(z_mean)

        def vae_loss(y_true, y_pred):
            return keras.ops.mean(keras.ops.square(y_true - y_pred)) + keras.ops.sum(z_mean)

        def plain_loss(y_true, y_pred):
            z_mean = y_pred * 2
            return keras.ops.mean(z_mean)

        vae = Model(inputs=x, outputs=out)
        # TODO(migrate): the loss `vae_loss` reads the model's intermediate tensors (`z_mean`); Keras 3 losses see only y_true and y_pred: add that term with `self.add_loss(...)` in a layer's `call`, or override the model's `train_step` (LK048)
        vae.compile(optimizer='rmsprop', loss=vae_loss)
        vae.compile('rmsprop', plain_loss)
        """,
        todo=["LK048"],
    )
