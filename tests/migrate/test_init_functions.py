"""`keras.initializations` functions (rows LK850-LK860).

Keras 1's custom-initialization idiom, `init=lambda shape, name: normal(shape, scale=0.01,
name=name)`, is the Keras 3 initializer object; so is `init=normal`. Any other call made a
variable in Keras 1 and gets a TODO.
"""

from __future__ import annotations

from tests.migrate.migratelib import check


def test_wrapper_lambdas_become_initializer_objects():
    check(
        """
        from keras.layers import SimpleRNN
        from keras.initializations import normal, identity
        SimpleRNN(8, init=lambda shape, name: normal(shape, scale=0.001, name=name),
                  inner_init=lambda shape, name: identity(shape, scale=1.0, name=name))
        """,
        """
        from keras.layers import SimpleRNN
        from keras.initializers import RandomNormal, Identity
        SimpleRNN(8, kernel_initializer=RandomNormal(stddev=0.001),
                  recurrent_initializer=Identity(gain=1.0))
        """,
    )


def test_uniform_scale_is_a_symmetric_range():
    check(
        """
        from keras import initializations
        from keras.layers import Dense
        Dense(4, init=lambda shape, name=None: initializations.uniform(shape, 0.1, name=name))
        Dense(4, init=lambda shape, name: initializations.uniform(shape, scale=s, name=name))
        Dense(4, init=lambda shape, name: initializations.uniform(shape, scale=a * b, name=name))
        """,
        """
        from keras import initializers as initializations
        from keras.layers import Dense
        Dense(4, kernel_initializer=initializations.RandomUniform(minval=-0.1, maxval=0.1))
        Dense(4, kernel_initializer=initializations.RandomUniform(minval=-s, maxval=s))
        Dense(4, kernel_initializer=initializations.RandomUniform(minval=-(a * b), maxval=a * b))
        """,
    )


def test_keras1_defaults_are_written_out():
    # Keras 1's orthogonal had gain 1.1; its glorot_normal/he_normal were untruncated normals.
    result = check(
        """
        import keras
        keras.layers.Dense(4, init=(lambda shape: keras.initializations.orthogonal(shape)))
        keras.layers.Dense(4, init=lambda shape, name: keras.initializations.glorot_normal(shape, name=name))
        keras.layers.Dense(4, init=lambda shape, name: keras.initializations.he_normal(shape, name=name,
                                                                                       dim_ordering='th'))
        """,
        """
        import keras
        keras.layers.Dense(4, kernel_initializer=(keras.initializers.Orthogonal(gain=1.1)))
        keras.layers.Dense(4, kernel_initializer=keras.initializers.VarianceScaling(scale=1.0, mode='fan_avg', distribution='untruncated_normal'))
        keras.layers.Dense(4, kernel_initializer=keras.initializers.VarianceScaling(scale=2.0, mode='fan_in', distribution='untruncated_normal'))
        """,
    )
    fixed = [d.code for d in result.diagnostics if d.severity == "fixed"]
    assert fixed == ["LK101", "LK853", "LK101", "LK856", "LK101", "LK858"]  # `init` renamed, lambda replaced


def test_the_function_itself_as_init():
    check(
        """
        from keras.initializations import normal, zero
        from keras.layers import Dense
        Dense(4, init=normal, bias=True)
        Dense(4, init=zero)
        """,
        """
        from keras.initializers import RandomNormal, Zeros
        from keras.layers import Dense
        Dense(4, kernel_initializer=RandomNormal(), use_bias=True)
        Dense(4, kernel_initializer=Zeros())
        """,
    )


def test_other_calls_make_a_tensor_with_a_todo():
    check(
        """
        from keras.initializations import normal
        from keras.layers import Dense

        def my_init(shape, name=None):
            return normal(shape, scale=0.01, name=name)

        Dense(4, init=lambda shape, name: normal(shape, scale=shape[0], name=name))
        """,
        """
        from keras.initializers import RandomNormal
        from keras.layers import Dense

        def my_init(shape, name=None):
            # TODO(migrate): Keras 1's `normal(shape, ...)` made a variable; this makes a tensor (`keras.Variable(...)` makes a variable), and a function given to a layer as its initializer is called as `f(shape, dtype=None)` in Keras 3 (LK850)
            return RandomNormal(stddev=0.01)(shape)

        # TODO(migrate): Keras 1's `normal(shape, ...)` made a variable; this makes a tensor (`keras.Variable(...)` makes a variable), and a function given to a layer as its initializer is called as `f(shape, dtype=None)` in Keras 3 (LK850)
        Dense(4, kernel_initializer=lambda shape, name: RandomNormal(stddev=shape[0])(shape))
        """,
        todo=["LK850", "LK850"],
    )


def test_a_call_it_cannot_read_is_left_with_a_todo():
    check(
        """
        from keras.initializations import normal
        normal(*args)
        """,
        """
        from keras.initializers import RandomNormal
        # TODO(migrate): cannot read the arguments of `normal(...)`: `normal(shape, scale=s)` is `RandomNormal(stddev=s)`, called with the shape (LK850)
        RandomNormal(*args)
        """,
        todo=["LK850"],
    )

