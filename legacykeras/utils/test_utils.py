"""Keras 1.2.2 `keras.utils.test_utils`: get_test_data, layer_test, keras_test.

`layer_test` runs a layer the way Keras 1's own test suite did: weights
round trip, functional model, output shape against `get_output_shape_for`,
config round trip, first layer of a Sequential model, JSON round trip.
"""

from __future__ import annotations

import functools
import inspect

import numpy as np
from numpy.testing import assert_allclose

from legacykeras import config


def get_test_data(nb_train=1000, nb_test=500, input_shape=(10,), output_shape=(2,),
                  classification=True, nb_class=2):
    """Random ((X_train, y_train), (X_test, y_test)): inputs centred on the label (classification,
    integer labels in [0, nb_class)) or on a random target (regression, shape `output_shape`)."""
    nb_sample = nb_train + nb_test
    X = np.zeros((nb_sample,) + tuple(input_shape))
    if classification:
        y = np.random.randint(0, nb_class, size=(nb_sample,))
        for i in range(nb_sample):
            X[i] = np.random.normal(loc=y[i], scale=0.7, size=input_shape)
    else:
        centres = np.random.random((nb_sample,))
        y = np.zeros((nb_sample,) + tuple(output_shape))
        for i in range(nb_sample):
            X[i] = np.random.normal(loc=centres[i], scale=0.7, size=input_shape)
            y[i] = np.random.normal(loc=centres[i], scale=0.7, size=output_shape)
    return (X[:nb_train], y[:nb_train]), (X[nb_train:], y[nb_train:])


def _check_shape(expected, actual):
    for expected_dim, actual_dim in zip(expected, actual):
        if expected_dim is not None:
            assert expected_dim == actual_dim, f"output shape {actual} != expected {expected}"


def layer_test(layer_cls, kwargs={}, input_shape=None, input_dtype=None, input_data=None,
               expected_output=None, expected_output_dtype=None, fixed_batch_size=False):
    """Exercise a one-input, one-output layer; returns its output on `input_data`."""
    from legacykeras._keras import keras
    from legacykeras.layers import Input
    from legacykeras.models import Model, Sequential, model_from_json

    kwargs = dict(kwargs)
    if input_data is None:
        assert input_shape, "layer_test needs input_shape or input_data"
        input_dtype = input_dtype or config.floatx()
        shape = [np.random.randint(1, 4) if dim is None else dim for dim in input_shape]
        input_data = (10 * np.random.random(shape)).astype(input_dtype)
    elif input_shape is None:
        input_shape = input_data.shape
    input_dtype = input_dtype or str(input_data.dtype)
    if expected_output_dtype is None:
        expected_output_dtype = input_dtype

    layer = layer_cls(**kwargs)
    weights = layer.get_weights()
    layer.set_weights(weights)
    if "weights" in inspect.signature(layer_cls.__init__).parameters:
        kwargs["weights"] = weights
        layer = layer_cls(**kwargs)

    if fixed_batch_size:
        x = Input(batch_shape=input_shape, dtype=input_dtype)
    else:
        x = Input(shape=input_shape[1:], dtype=input_dtype)
    y = layer(x)
    assert keras.backend.standardize_dtype(y.dtype) == expected_output_dtype, (y.dtype, expected_output_dtype)

    model = Model(input=x, output=y)
    model.compile("rmsprop", "mse")
    expected_output_shape = layer.get_output_shape_for(tuple(input_shape))
    actual_output = model.predict(input_data)
    _check_shape(expected_output_shape, actual_output.shape)
    if expected_output is not None:
        assert_allclose(actual_output, expected_output, rtol=1e-3)

    model = Model.from_config(model.get_config())
    model.compile("rmsprop", "mse")

    layer_config = layer.get_config()
    layer_config["batch_input_shape"] = input_shape
    layer = layer.__class__.from_config(layer_config)
    model = Sequential()
    model.add(layer)
    model.compile("rmsprop", "mse")
    actual_output = model.predict(input_data)
    _check_shape(expected_output_shape, actual_output.shape)
    if expected_output is not None:
        assert_allclose(actual_output, expected_output, rtol=1e-3)

    model_from_json(model.to_json())
    return actual_output


def keras_test(func):
    """Decorator: clear the Keras session after the test (TensorFlow graphs and layer names)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from legacykeras._keras import keras

        output = func(*args, **kwargs)
        keras.backend.clear_session()
        return output

    return wrapper


__all__ = ["get_test_data", "layer_test", "keras_test"]
