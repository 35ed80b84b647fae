"""Model-level rows: Model(input=, output=), merge/Merge, generators, predict_classes, fit/compile."""

from __future__ import annotations

from tests.migrate.migratelib import MigrateTest, check, unchanged


class TestModel(MigrateTest):
    def test_input_output_keywords(self):
        self.assertMigrates(
            "from keras.models import Model\nm = Model(input=a, output=[b, c])\n",
            "from keras.models import Model\nm = Model(inputs=a, outputs=[b, c])\n",
            fixed=["LK511"],
        )

    def test_modern_model_call_is_untouched(self):
        unchanged("from keras.models import Model\nm = Model(inputs=a, outputs=b, name='x')\n")

    def test_keras1_input_layer_arguments(self):
        self.assertMigrates(
            "from keras.engine.topology import InputLayer\nInputLayer(batch_input_shape=(1, 3), input_dtype='int32')\n",
            "from keras.layers import InputLayer\nInputLayer(batch_shape=(1, 3), dtype='int32')\n",
        )


class TestMerge(MigrateTest):
    def test_merge_function_modes(self):
        self.assertMigrates(
            """
            from keras.layers import merge
            s = merge([a, b], mode='sum')
            c = merge([a, b], mode='concat', concat_axis=1, name='joined')
            m = merge([a, b])
            d = merge([a, b], 'dot', dot_axes=2)
            """,
            """
            from keras.layers import add, concatenate, dot
            s = add([a, b])
            c = concatenate([a, b], axis=1, name='joined')
            m = add([a, b])
            d = dot([a, b], axes=2)
            """,
        )

    def test_merge_attribute_spelling_uses_keras_layers(self):
        self.assertMigrates(
            "import keras\nx = keras.layers.merge([a, b], mode='mul')\n",
            "import keras\nx = keras.layers.multiply([a, b])\n",
        )

    def test_callable_mode_is_a_todo(self):
        self.assertMigrates(
            "from keras.layers import merge\nx = merge([a, b], mode=lambda t: t[0] - t[1], output_shape=(3,))\n",
            "from keras.layers import merge\n# TODO(migrate): `merge` with a callable or unknown `mode`: write a "
            "`keras.layers.Lambda` over the list of tensors (LK514)\nx = merge([a, b], mode=lambda t: t[0] - t[1], "
            "output_shape=(3,))\n",
            todo=["LK514"],
        )

    def test_merge_layer_in_functional_code(self):
        self.assertMigrates(
            "from keras.layers import Merge\ny = Merge(mode='concat', concat_axis=1)([a, b])\n",
            "from keras.layers import Concatenate\ny = Concatenate(axis=1)([a, b])\n",
        )

    def test_sequential_merge_of_models_becomes_functional(self):
        self.assertMigrates(
            """
            from keras.models import Sequential
            from keras.layers import Dense, Merge
            left = Sequential()
            left.add(Dense(8, input_dim=4))
            right = Sequential()
            right.add(Dense(8, input_dim=4))
            # the merged model
            model = Sequential()
            model.add(Merge([left, right], mode='sum'))
            model.add(Dense(1))
            model.compile(loss='mse', optimizer='sgd')
            """,
            """
            from keras.models import Sequential
            from keras.layers import Dense, add
            import keras
            left = Sequential()
            left.add(Dense(8, input_dim=4))
            right = Sequential()
            right.add(Dense(8, input_dim=4))
            # the merged model
            model_output = add([left.outputs[0], right.outputs[0]])
            model_output = Dense(1)(model_output)
            model = keras.Model(inputs=[*left.inputs, *right.inputs], outputs=model_output)
            model.compile(loss='mse', optimizer='sgd')
            """,
        )

    def test_a_branch_shared_by_two_merges_gives_its_inputs_once(self):
        # bAbI memory network: Keras 1's model had 3 inputs (its fit passes 3 arrays), not 4.
        self.assertMigrates(
            """
            from keras.models import Sequential
            from keras.layers import Dense, Merge
            story = Sequential()
            story.add(Dense(8, input_dim=4))
            question = Sequential()
            question.add(Dense(8, input_dim=4))
            match = Sequential()
            match.add(Merge([story, question], mode='sum'))
            answer = Sequential()
            answer.add(Merge([match, question], mode='concat'))
            """,
            """
            from keras.models import Sequential
            from keras.layers import Dense, add
            import keras
            story = Sequential()
            story.add(Dense(8, input_dim=4))
            question = Sequential()
            question.add(Dense(8, input_dim=4))
            match_output = add([story.outputs[0], question.outputs[0]])
            match = keras.Model(inputs=[*story.inputs, *question.inputs], outputs=match_output)
            answer_output = keras.layers.concatenate([match.outputs[0], question.outputs[0]])
            answer = keras.Model(inputs=[*story.inputs, *question.inputs], outputs=answer_output)
            """,
        )

    def test_merge_of_models_elsewhere_is_a_todo(self):
        self.assertMigrates(
            "from keras.layers import Merge\nmerged = Merge([left, right], mode='concat')\n",
            "from keras.layers import Merge\n# TODO(migrate): a `Merge` of models: build a functional model, "
            "`concatenate([a.output, b.output])` and `keras.Model([a.input, b.input], ...)` (LK515)\n"
            "merged = Merge([left, right], mode='concat')\n",
            todo=["LK515"],
        )


class TestTraining(MigrateTest):
    def test_fit_keywords(self):
        self.assertMigrates(
            "model.fit(X, y, nb_epoch=5, show_accuracy=True, verbose=2)\n",
            "model.fit(X, y, epochs=5, verbose=2)\n",
            fixed=["LK501"],
        )

    def test_keras1_fit_default_epochs_on_a_known_model(self):
        self.assertMigrates(
            """
            from keras.models import Sequential
            from keras.layers.core import Dense
            model = Sequential()
            model.add(Dense(output_dim=1, input_dim=3))
            model.fit(X, y)
            """,
            """
            from keras.models import Sequential
            from keras.layers import Dense
            model = Sequential()
            model.add(Dense(units=1, input_dim=3))
            model.fit(X, y, epochs=10)
            """,
        )

    def test_sklearn_fit_is_untouched(self):
        unchanged("""
            from sklearn.linear_model import LogisticRegression
            from keras.layers.core import Dense
            clf = LogisticRegression()
            clf.fit(X, y)
            clf.predict(X)
            """.replace("from keras.layers.core import Dense\n            ", ""))

    def test_compile_class_mode_is_dropped_and_acc_metric_renamed(self):
        self.assertMigrates(
            "model.compile(loss='binary_crossentropy', optimizer='adam', class_mode='binary', metrics=['acc'])\n"
            "h = model.fit(X, y, nb_epoch=1)\nprint(h.history['acc'])\n",
            "model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])\n"
            "h = model.fit(X, y, epochs=1)\nprint(h.history['accuracy'])\n",
        )


class TestGenerators(MigrateTest):
    def test_samples_become_steps_when_the_batch_size_is_known(self):
        self.assertMigrates(
            """
            gen = batches(X, y, batch_size=32)
            model.fit_generator(gen, samples_per_epoch=3200, nb_epoch=3, nb_worker=4, pickle_safe=True)
            """,
            """
            gen = batches(X, y, batch_size=32)
            model.fit(gen, steps_per_epoch=100, epochs=3)
            """,
        )

    def test_unknown_batch_size_leaves_a_todo(self):
        result = self.assertMigrates(
            "model.fit_generator(my_generator(), samples_per_epoch=1000, nb_epoch=2)\n",
            "# TODO(migrate): `fit_generator(samples_per_epoch=1000)`: Keras 3 counts batches, not samples: steps = "
            "ceil(samples / batch size), and `migrate` could not tell the generator's batch size; instead: "
            "steps_per_epoch=ceil(samples_per_epoch / batch_size) (LK517)\n"
            "model.fit(my_generator(), samples_per_epoch=1000, epochs=2)\n",
            todo=["LK517"],
        )
        assert result.diagnostics[0].line == 1

    def test_computed_sample_count_uses_math_ceil(self):
        self.assertMigrates(
            """
            from keras.preprocessing.image import ImageDataGenerator
            flow = datagen.flow(X_train, Y_train, batch_size=bs)
            model.fit_generator(flow, X_train.shape[0], 10)
            """,
            """
            import math
            flow = datagen.flow(X_train, Y_train, batch_size=bs)
            model.fit(flow, steps_per_epoch=math.ceil(X_train.shape[0] / bs), epochs=10)
            """,
        )

    def test_evaluate_and_predict_generators(self):
        self.assertMigrates(
            """
            score = model.evaluate_generator(batches(X, y, batch_size=10), val_samples=100)
            out = model.predict_generator(batches(X, batch_size=10), 100)
            """,
            """
            score = model.evaluate(batches(X, y, batch_size=10), steps=10)
            out = model.predict((batch if isinstance(batch, tuple) else (batch,) for batch in batches(X, batch_size=10)), steps=10)
            """,
        )


class TestPredictClasses(MigrateTest):
    def test_softmax_output_is_argmax(self):
        self.assertMigrates(
            """
            from keras.models import Sequential
            from keras.layers import Dense, Activation
            model = Sequential([Dense(10, input_dim=4), Activation('softmax')])
            classes = model.predict_classes(X, batch_size=8)
            probs = model.predict_proba(X)
            """,
            """
            from keras.models import Sequential
            from keras.layers import Dense, Activation
            import numpy as np
            model = Sequential([Dense(10, input_dim=4), Activation('softmax')])
            classes = np.argmax(model.predict(X, batch_size=8), axis=-1)
            probs = model.predict(X)
            """,
        )

    def test_one_sigmoid_unit_is_a_threshold(self):
        self.assertMigrates(
            """
            from keras.models import Sequential
            from keras.layers import Dense
            model = Sequential()
            model.add(Dense(1, input_dim=4, activation='sigmoid'))
            labels = model.predict_classes(X)
            """,
            """
            from keras.models import Sequential
            from keras.layers import Dense
            model = Sequential()
            model.add(Dense(1, input_dim=4, activation='sigmoid'))
            labels = (model.predict(X) > 0.5).astype("int32")
            """,
        )

    def test_softmax_after_a_dense_of_unknown_size_is_argmax(self):
        self.assertMigrates(
            """
            from keras.models import Sequential
            from keras.layers import Dense, Activation, Dropout
            model = Sequential()
            model.add(Dense(nb_classes, input_dim=4))
            model.add(Activation('softmax'))
            model.add(Dropout(0.1))
            classes = model.predict_classes(X)
            other = Sequential()
            other.add(Dense(n, input_dim=4, activation='softmax'))
            other.add(Dense(n, activation='relu'))
            labels = other.predict_classes(X)
            """,
            """
            from keras.models import Sequential
            from keras.layers import Dense, Activation, Dropout
            import numpy as np
            model = Sequential()
            model.add(Dense(nb_classes, input_dim=4))
            model.add(Activation('softmax'))
            model.add(Dropout(0.1))
            classes = np.argmax(model.predict(X), axis=-1)
            other = Sequential()
            other.add(Dense(n, input_dim=4, activation='softmax'))
            other.add(Dense(n, activation='relu'))
            # TODO(migrate): `predict_classes` is gone and the model's output size is unknown here: `numpy.argmax(model.predict(x), axis=-1)` for softmax outputs, `(model.predict(x) > 0.5).astype('int32')` for one sigmoid unit (LK520)
            labels = other.predict_classes(X)
            """,
            todo=["LK520"],
        )

    def test_unknown_model_is_a_todo(self):
        self.assertMigrates(
            "labels = model.predict_classes(X)\n",
            "# TODO(migrate): `predict_classes` is gone and the model's output size is unknown here: "
            "`numpy.argmax(model.predict(x), axis=-1)` for softmax outputs, `(model.predict(x) > 0.5)"
            ".astype('int32')` for one sigmoid unit (LK520)\nlabels = model.predict_classes(X)\n",
            todo=["LK520"],
        )


def test_stateful_first_layer_gets_a_keras_input():
    check(
        """
        from keras.models import Sequential
        from keras.layers import LSTM, Dense
        model = Sequential()
        model.add(LSTM(4, batch_input_shape=(1, 10, 3), stateful=True))
        model.add(Dense(1))
        """,
        """
        from keras.models import Sequential
        from keras.layers import LSTM, Dense
        import keras
        model = Sequential()
        model.add(keras.Input(batch_shape=(1, 10, 3)))
        model.add(LSTM(4, stateful=True, recurrent_initializer=keras.initializers.Orthogonal(gain=1.1)))
        model.add(Dense(1))
        """,
    )


def test_sequential_list_first_layer_batch_shape():
    check(
        """
        from keras.models import Sequential
        from keras.layers import Dense
        model = Sequential([Dense(2, batch_input_shape=(None, 3)), Dense(1)])
        """,
        """
        from keras.models import Sequential
        from keras.layers import Dense
        import keras
        model = Sequential([keras.Input(batch_shape=(None, 3)), Dense(2), Dense(1)])
        """,
    )
