"""Import statements and references: moved modules, renamed names, aliases, star imports."""

from __future__ import annotations

from tests.migrate.migratelib import MigrateTest, check, unchanged


class TestModuleMoves(MigrateTest):
    def test_from_moved_modules_to_keras_layers(self):
        self.assertMigrates(
            """
            from keras.layers.core import Dense, Activation
            from keras.layers.recurrent import LSTM
            """,
            """
            from keras.layers import Dense, Activation
            from keras.layers import LSTM
            """,
            fixed=["LK010", "LK010", "LK014"],
        )

    def test_alias_is_kept_and_renamed_class_imported_under_it(self):
        self.assertMigrates(
            """
            from keras.layers.convolutional import Convolution2D as C2D
            layer = C2D(64, 3, 3, border_mode='same')
            """,
            """
            from keras.layers import Conv2D as C2D
            layer = C2D(64, kernel_size=(3, 3), padding='same')
            """,
        )

    def test_unaliased_renamed_name_is_renamed_everywhere(self):
        self.assertMigrates(
            """
            from keras.layers.convolutional import Convolution2D
            layers = [Convolution2D, Convolution2D(8, 3, 3)]
            assert isinstance(layers[1], Convolution2D)
            """,
            """
            from keras.layers import Conv2D
            layers = [Conv2D, Conv2D(8, kernel_size=(3, 3))]
            assert isinstance(layers[1], Conv2D)
            """,
        )

    def test_module_object_import_keeps_its_local_name(self):
        self.assertMigrates(
            """
            from keras.utils import np_utils
            y = np_utils.to_categorical(labels, 10)
            """,
            """
            from keras import utils as np_utils
            y = np_utils.to_categorical(labels, 10)
            """,
        )

    def test_objectives_and_initializations_modules(self):
        self.assertMigrates(
            """
            from keras import objectives, initializations
            from keras.objectives import categorical_crossentropy
            """,
            """
            from keras import losses as objectives, initializers as initializations
            from keras.losses import categorical_crossentropy
            """,
        )

    def test_import_of_dotted_moved_module(self):
        self.assertMigrates(
            """
            import keras.layers.core
            import keras.layers.core as core
            x = keras.layers.core.Dense(3)
            y = core.Flatten()
            """,
            """
            import keras.layers
            import keras.layers as core
            x = keras.layers.Dense(3)
            y = core.Flatten(data_format='channels_last')
            """,
        )

    def test_engine_names_move_to_the_top_level(self):
        self.assertMigrates(
            """
            from keras.engine.topology import Layer, InputSpec
            from keras.engine import Input
            """,
            """
            from keras.layers import Layer
            from keras import InputSpec
            from keras.layers import Input
            """,
        )

    def test_split_when_names_go_to_different_modules(self):
        self.assertMigrates(
            """
            from keras.utils.np_utils import to_categorical, convert_kernel
            to_categorical(y, nb_classes=3)
            kernel = convert_kernel
            """,
            """
            from keras.utils import to_categorical
            from keras.utils.np_utils import convert_kernel
            to_categorical(y, num_classes=3)
            # TODO(migrate): `convert_kernel` has no Keras 3 equivalent: Keras 3 has no `convert_kernel`: flip the spatial axes with `numpy.flip(kernel, axis=(0, 1))` (Theano-trained weights load through `legacykeras convert`) (LK052)
            kernel = convert_kernel
            """,
            todo=["LK052"],
        )

    def test_name_missing_in_keras3_is_reported(self):
        self.assertMigrates(
            """
            from keras.utils.generic_utils import func_dump
            """,
            """
            # TODO(migrate): `keras.utils.func_dump` does not exist in Keras 3 (LK003)
            from keras.utils import func_dump
            """,
            todo=["LK003"],
        )

    def test_removed_module_is_left_with_a_todo(self):
        result = self.assertMigrates(
            """
            from keras.utils import test_utils
            """,
            """
            # TODO(migrate): `keras.utils.test_utils` has no Keras 3 counterpart: Keras 1's test helpers are not public in Keras 3 (LK035)
            from keras.utils import test_utils
            """,
            todo=["LK035"],
        )
        assert result.diagnostics[0].line == 1

    def test_unused_keras1_import_is_removed_after_its_uses_are_rewritten(self):
        self.assertMigrates(
            """
            from keras import backend as K
            def loss(y_true, y_pred):
                return K.mean(K.square(y_pred - y_true), axis=-1)
            """,
            """
            import keras
            def loss(y_true, y_pred):
                return keras.ops.mean(keras.ops.square(y_pred - y_true), axis=-1)
            """,
        )

    def test_backend_import_kept_while_something_still_uses_it(self):
        result = self.assertMigrates(
            """
            from keras import backend as K
            f = K.function([a], [b])
            s = K.sum(a)
            """,
            """
            from keras import backend as K
            import keras
            # TODO(migrate): `function` has no Keras 3 equivalent: Keras 3 has no graph-mode API: build a `keras.Model(inputs, outputs)` for `K.function`, use `keras.Input` for placeholders and `tf.GradientTape` for gradients (LK791)
            f = K.function([a], [b])
            s = keras.ops.sum(a)
            """,
            todo=["LK791"],
        )
        assert result.diagnostics[0].line == 2


def test_star_import_names_are_resolved_and_reported():
    check(
        """
        from keras.layers.core import *
        model.add(Dense(output_dim=10))
        x = Activation('relu')
        """,
        """
        from keras.layers import *
        model.add(Dense(units=10))
        x = Activation('relu')
        """,
        info=["LK002"],
    )


def test_star_import_of_a_renamed_name_imports_the_new_one():
    check(
        """
        from keras.layers.convolutional import *
        c = Convolution2D(8, 3, 3)
        """,
        """
        from keras.layers import *
        from keras.layers import Conv2D
        c = Conv2D(8, kernel_size=(3, 3))
        """,
    )


def test_relative_and_unrelated_imports_are_untouched():
    unchanged("""
        from . import layers
        from .core import Dense
        from mylib.layers.core import Dense as D
        import os, sys
        D(output_dim=3)
        """)


def test_try_except_import_fallbacks_resolve_to_one_class():
    check(
        """
        try:
            from keras.layers.core import Merge
        except ImportError:
            from keras.engine.topology import Merge
        m = Merge(mode='sum')
        """,
        """
        from keras.layers import Add
        m = Add()
        """,
    )


def test_duplicate_names_after_the_move_are_imported_once():
    check("from keras.layers import Convolution2D, Conv2D\n", "from keras.layers import Conv2D\n")


def test_modern_code_is_untouched():
    unchanged("""
        import keras
        from keras import layers, ops
        from keras.layers import Conv2D, Dense
        model = keras.Sequential([keras.Input((28, 28, 1)), Conv2D(64, 3, 3), layers.Flatten(), Dense(10)])
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
        model.fit(x, y, epochs=3)
        z = ops.sum(x, axis=1)
        """)


def test_a_rewritten_import_does_not_bind_a_name_twice():
    check(
        """
        from keras.layers import Dense
        from keras.layers.core import TimeDistributedDense
        x = TimeDistributedDense(5)
        y = Dense(3)
        """,
        """
        from keras.layers import Dense, TimeDistributed
        x = TimeDistributed(Dense(5))
        y = Dense(3)
        """,
    )
