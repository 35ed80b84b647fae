"""Layer rows through the real table (rows written by the layer engineers become rewrites)."""

from __future__ import annotations

from migrate.engine import Options
from tests.migrate.migratelib import MigrateTest, check, unchanged


class TestConvolution2D(MigrateTest):
    def test_kernel_merged_and_keywords_renamed(self):
        self.assertMigrates(
            """
            from keras.layers.convolutional import Convolution2D
            Convolution2D(64, 3, 3, border_mode="same")
            """,
            """
            from keras.layers import Conv2D
            Conv2D(64, kernel_size=(3, 3), padding="same")
            """,
        )

    def test_seed_snippet_with_theano_ordering_from_keras_json(self):
        self.assertMigrates(
            """
            from keras.layers.convolutional import Convolution2D
            Convolution2D(64, 3, 3, border_mode='same', input_shape=(3, 256, 256))
            """,
            """
            from keras.layers import Conv2D
            Conv2D(64, kernel_size=(3, 3), padding='same', input_shape=(3, 256, 256), data_format='channels_first')
            """,
            options=Options(dim_ordering="th"),
        )

    def test_explicit_dim_ordering_values(self):
        self.assertMigrates(
            """
            from keras.layers import Convolution2D, MaxPooling2D
            Convolution2D(8, 5, 5, dim_ordering='th', subsample=(2, 2))
            MaxPooling2D((2, 2), dim_ordering='tf')
            """,
            """
            from keras.layers import Conv2D, MaxPooling2D
            Conv2D(8, kernel_size=(5, 5), data_format='channels_first', strides=(2, 2))
            MaxPooling2D((2, 2), data_format='channels_last')
            """,
        )

    def test_conv2d_with_three_ints_is_keras2_and_stays(self):
        """`Conv2D(64, 3, 3)` means strides=3 in Keras 2/3: not a Keras 1 spelling, so no change."""
        unchanged("""
            from keras.layers import Conv2D
            Conv2D(64, 3, 3)
            """)

    def test_lookalike_class_from_another_library_stays(self):
        unchanged("""
            from mylib import Convolution2D
            Convolution2D(64, 3, 3, border_mode='same')
            """)


class TestDense(MigrateTest):
    def test_output_dim_init_and_regularizer(self):
        self.assertMigrates(
            """
            from keras.layers.core import Dense
            from keras.regularizers import l2
            Dense(output_dim=10, init='uniform', W_regularizer=l2(0.01), bias=False)
            """,
            """
            from keras.layers import Dense
            from keras.regularizers import l2
            import keras
            Dense(units=10, kernel_initializer=keras.initializers.RandomUniform(minval=-0.05, maxval=0.05), kernel_regularizer=l2(0.01), use_bias=False)
            """,
        )

    def test_keras1_positionals_become_keywords(self):
        self.assertMigrates(
            """
            from keras.layers.core import Dense
            Dense(10, 'zero', 'relu')
            """,
            """
            from keras.layers import Dense
            Dense(10, kernel_initializer='zeros', activation='relu')
            """,
        )

    def test_init_from_a_variable_is_left_with_a_todo(self):
        self.assertMigrates(
            """
            from keras.layers.core import Dense
            def block(n, init='he_normal'):
                return Dense(n, init=init)
            """,
            """
            from keras.layers import Dense
            def block(n, init='he_normal'):
                # TODO(migrate): `init` is not a literal: map its Keras 1 values by hand ('zero' -> 'zeros', 'one' -> 'ones', 'uniform' -> keras.initializers.RandomUniform(minval=-0.05, maxval=0.05), 'normal' -> keras.initializers.RandomNormal(stddev=0.05), ...) (LK101)
                return Dense(n, kernel_initializer=init)
            """,
            todo=["LK101"],
        )

    def test_weights_argument_has_no_keras3_spelling(self):
        self.assertMigrates(
            """
            from keras.layers.core import Dense
            Dense(3, weights=[W, b])
            """,
            """
            from keras.layers import Dense
            # TODO(migrate): `Dense(weights=...)`: Keras 3 layers take no initial weights (and Keras 1 weight lists may be laid out differently); instead: call `layer.set_weights(...)` once the layer is built (LK101)
            Dense(3, weights=[W, b])
            """,
            todo=["LK101"],
        )


def test_dropout_p_and_modern_dropout():
    check("from keras.layers import Dropout\nDropout(p=0.5)\nDropout(0.5)\n",
          "from keras.layers import Dropout\nDropout(rate=0.5)\nDropout(0.5)\n")


def test_batchnormalization_mode_2_is_left_with_only_a_todo():
    result = check(
        """
        from keras.layers.normalization import BatchNormalization
        x = BatchNormalization(mode=2)(x)
        """,
        """
        from keras.layers import BatchNormalization
        # TODO(migrate): `BatchNormalization(mode=2)`: Keras 3 has no per-sample (mode=1) or always-batch-statistics (mode=2) normalization; instead: keep legacykeras' BatchNormalization, or a custom Layer (mode=1: gamma * (x - mean) / (std + eps) + beta over the last axis per sample) (LK155)
        x = BatchNormalization(mode=2)(x)
        """,
        todo=["LK155"],
    )
    assert [d.line for d in result.diagnostics if d.severity == "todo"] == [2]


def test_batchnormalization_mode_0_is_dropped():
    """mode=0 is what Keras 3's layer does, so the row drops it (and the shim warns)."""
    check(
        """
        from keras.layers.normalization import BatchNormalization
        x = BatchNormalization(mode=0, axis=1)(x)
        """,
        """
        from keras.layers import BatchNormalization
        x = BatchNormalization(axis=1)(x)
        """,
    )


def test_time_distributed_dense_is_time_distributed_of_dense():
    check(
        """
        from keras.layers.core import TimeDistributedDense
        model.add(TimeDistributedDense(8, input_dim=4, input_length=6, init='zero'))
        """,
        """
        from keras.layers import Dense, TimeDistributed
        model.add(TimeDistributed(Dense(8, kernel_initializer='zeros'), input_shape=(6, 4)))
        """,
    )


def test_every_keras1_attribute_spelling_is_rewritten():
    check(
        """
        import keras
        keras.layers.convolutional.Convolution2D(8, 3, 3)
        keras.layers.Convolution2D(8, 3, 3)
        """,
        """
        import keras
        keras.layers.Conv2D(8, kernel_size=(3, 3))
        keras.layers.Conv2D(8, kernel_size=(3, 3))
        """,
    )


class TestThroughLibcstCodemodTest(MigrateTest):
    """The whole migration as a LibCST codemod command (`assertCodemod`, warnings pinned)."""

    def test_assert_codemod(self):
        self.assertCodemod(
            """
            from keras.layers.convolutional import Convolution2D
            Convolution2D(64, 3, 3, border_mode="same")
            """,
            """
            from keras.layers import Conv2D
            Conv2D(64, kernel_size=(3, 3), padding="same")
            """,
            expected_warnings=[],
        )

    def test_assert_codemod_with_warning(self):
        self.assertCodemod(
            "from keras import backend as K\nf = K.function([a], [b])\n",
            "from keras import backend as K\n# TODO(migrate): `function` has no Keras 3 equivalent: Keras 3 has no "
            "graph-mode API: build a `keras.Model(inputs, outputs)` for `K.function`, use `keras.Input` for "
            "placeholders and `tf.GradientTape` for gradients (LK791)\nf = K.function([a], [b])\n",
            expected_warnings=["LK791 `function` has no Keras 3 equivalent: Keras 3 has no graph-mode API: build a "
                               "`keras.Model(inputs, outputs)` for `K.function`, use `keras.Input` for placeholders "
                               "and `tf.GradientTape` for gradients"],
        )
