"""Keras 1's symbolic backend use: K.placeholder, K.function (with K.learning_phase()), K.gradients,
symbolic updates -- the way Keras 1 scripts used them (filter visualisation, feature extraction)."""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras.layers import Activation, Convolution2D, Dense, Dropout, Flatten
from legacykeras.models import Sequential

import tensorflow as tf


@pytest.fixture(scope="module")
def convnet():
    model = Sequential([
        Convolution2D(4, 3, 3, border_mode="same", input_shape=(8, 8, 3), dim_ordering="tf"),
        Activation("relu"),
        Flatten(),
        Dropout(0.5),
        Dense(2),
    ])
    return model


def test_gradient_ascent_on_the_input_image(convnet):
    # keras/examples/conv_filter_visualization.py (Keras 1), on a small model.
    layer_output = convnet.layers[0].output
    loss = K.mean(layer_output[:, :, :, 1])
    input_img = convnet.input
    grads = K.gradients(loss, convnet.input)[0]  # the example, verbatim
    grads /= (K.sqrt(K.mean(K.square(grads))) + 1e-5)
    iterate = K.function([input_img, K.learning_phase()], [loss, grads])

    img = np.random.RandomState(0).random_sample((1, 8, 8, 3)).astype("float32")
    first_loss, first_grads = iterate([img, 0])
    assert first_grads.shape == img.shape

    # The same gradient by tf.GradientTape.
    x = tf.constant(img)
    conv = convnet.layers[0]
    with tf.GradientTape() as tape:
        tape.watch(x)
        reference_loss = tf.reduce_mean(conv(x)[:, :, :, 1])
    reference = tape.gradient(reference_loss, x).numpy()
    reference /= np.sqrt(np.mean(reference ** 2)) + 1e-5
    np.testing.assert_allclose(first_grads, reference, atol=1e-5)
    np.testing.assert_allclose(first_loss, reference_loss.numpy(), atol=1e-6)

    for _ in range(5):
        loss_value, grads_value = iterate([img, 0])
        img += grads_value * 0.1
    assert loss_value > first_loss


def test_function_feeds_the_learning_phase(convnet):
    get_output = K.function([convnet.input, K.learning_phase()], [convnet.output])
    img = np.ones((2, 8, 8, 3), "float32")
    test_a, test_b = get_output([img, 0])[0], get_output([img, 0])[0]
    np.testing.assert_array_equal(test_a, test_b)
    np.testing.assert_allclose(test_a, convnet.predict(img), atol=1e-5)
    train = [get_output([img, 1])[0] for _ in range(3)]
    assert any(np.abs(t - test_a).max() > 1e-4 for t in train)  # dropout is on


def test_intermediate_layer_output_function(convnet):
    # Keras 1 FAQ: "How can I obtain the output of an intermediate layer?"
    get_3rd_layer_output = K.function([convnet.layers[0].input], [convnet.layers[2].output])
    img = np.ones((3, 8, 8, 3), "float32")
    assert get_3rd_layer_output([img])[0].shape == (3, 8 * 8 * 4)


def test_gradient_wrt_intermediate_output_and_weights(convnet):
    loss = K.sum(convnet.output[:, 0])
    conv_out = convnet.layers[1].output
    kernel = convnet.layers[0].trainable_weights[0]
    grads = K.gradients(loss, [conv_out, kernel])
    f = K.function([convnet.input, K.learning_phase()], grads)
    img = np.random.RandomState(1).rand(2, 8, 8, 3).astype("float32")
    g_conv, g_kernel = f([img, 0])
    assert g_conv.shape == (2, 8, 8, 4) and g_kernel.shape == tuple(kernel.shape)
    x = tf.constant(img)
    with tf.GradientTape() as tape:
        out = convnet(x, training=False)
        total = tf.reduce_sum(out[:, 0])
    np.testing.assert_allclose(g_kernel, tape.gradient(total, kernel).numpy(), rtol=1e-4, atol=1e-5)


def test_placeholders_functions_and_symbolic_updates():
    x = K.placeholder(shape=(None, 3))
    y = K.placeholder(ndim=2)
    total = K.variable(0.0)
    out = K.sum(x * 2, axis=1) + K.sum(y, axis=1)
    f = K.function([x, y], [out, K.square(out)], updates=[K.update_add(total, K.sum(x))])
    a, b = np.ones((2, 3), "float32"), np.full((2, 1), 0.5, "float32")
    result, squared = f([a, b])
    np.testing.assert_allclose(result, [6.5, 6.5])
    np.testing.assert_allclose(squared, [42.25, 42.25])
    f([a, b])
    assert K.get_value(total) == pytest.approx(12.0)
    g = K.gradients(K.sum(K.square(x)), [x])[0]
    np.testing.assert_allclose(K.function([x], [g])([a])[0], 2 * a)
    assert K.is_keras_tensor(x) and K.int_shape(x) == (None, 3) and K.ndim(y) == 2


def test_variable_combines_with_placeholders():
    x = K.placeholder(shape=(None, 2))
    v = K.variable(np.array([1.0, 2.0]))
    f = K.function([x], [v * x + 1.0])
    np.testing.assert_allclose(f([np.ones((1, 2), "float32")])[0], [[2.0, 3.0]])


def test_in_train_phase_inside_a_layer_follows_fit_and_predict():
    from legacykeras.engine.topology import Layer

    class TrainOnlyNoise(Layer):
        def call(self, x, mask=None):
            return K.in_train_phase(x + 100.0, x)

    model = Sequential([TrainOnlyNoise(input_shape=(2,))])
    x = np.zeros((4, 2), "float32")
    np.testing.assert_array_equal(model.predict(x), x)
    f = K.function([model.layers[0].input, K.learning_phase()], [model.layers[0].output])
    np.testing.assert_array_equal(f([x, 1])[0], x + 100.0)
    np.testing.assert_array_equal(f([x, 0])[0], x)
    K.set_learning_phase(1)
    try:
        np.testing.assert_array_equal(K.eval(K.in_train_phase(K.variable(1.0), K.variable(0.0))), 1.0)
    finally:
        K.clear_session()


def test_in_test_phase_and_function_class():
    x = K.placeholder(shape=(None, 1))
    out = K.in_test_phase(x * 0.0, x + 1.0)
    f = K.Function([x, K.learning_phase()], [out])
    ones = np.ones((2, 1), "float32")
    np.testing.assert_array_equal(f([ones, 0])[0], 0 * ones)
    np.testing.assert_array_equal(f([ones, 1])[0], 2 * ones)
    single = K.function([x], K.sum(x))
    assert single([ones]) == 2.0


def test_switch_on_the_learning_phase_placeholder():
    x = K.placeholder(shape=(None, 2))
    f = K.function([x, K.learning_phase()], [K.switch(K.learning_phase(), x * 10.0, x)])
    ones = np.ones((1, 2), "float32")
    np.testing.assert_array_equal(f([ones, 1])[0], 10 * ones)
    np.testing.assert_array_equal(f([ones, 0])[0], ones)


def test_rnn_on_a_placeholder():
    x = K.placeholder(shape=(None, 4, 1))

    def step(inputs, states):
        total = states[0] + inputs
        return total, [total]

    last, outputs, states = K.rnn(step, x, [K.zeros_like(x[:, 0, :])])
    f = K.function([x], [last, outputs])
    data = np.arange(8, dtype="float32").reshape(2, 4, 1)
    got_last, got_outputs = f([data])
    np.testing.assert_allclose(got_outputs, np.cumsum(data, axis=1))
    np.testing.assert_allclose(got_last, data.sum(axis=1))


def test_learning_phase_outside_a_run_is_a_placeholder():
    phase = K.learning_phase()
    with pytest.raises(TypeError, match="placeholder"):
        bool(phase)


def test_eager_gradients_and_unfed_eval_say_what_to_do_instead():
    with pytest.raises(RuntimeError, match="GradientTape"):
        K.gradients(K.sum(K.variable([1.0])), [K.variable([1.0])])
    with pytest.raises(ValueError, match="K.function"):
        K.eval(K.placeholder(shape=(1,)) * 2)


def test_gradients_inside_a_traced_graph():
    v = K.variable([3.0])

    @tf.function
    def grad():
        return K.gradients(K.sum(K.square(v)), [v])[0]

    np.testing.assert_allclose(grad().numpy(), [6.0])


def test_neural_style_pattern_input_tensor_from_variables_and_a_placeholder():
    # keras/examples/neural_style_transfer.py (Keras 1): the model's input is an expression of
    # fixed images (variables) and the image being optimised (a placeholder).
    from legacykeras.engine.topology import Input
    from legacykeras.models import Model

    rng = np.random.RandomState(2)
    base_image = K.variable(rng.rand(1, 8, 8, 3))
    combination_image = K.placeholder((1, 8, 8, 3))
    input_tensor = K.concatenate([base_image, combination_image], axis=0)
    inp = Input(tensor=input_tensor, shape=(8, 8, 3))
    features = Convolution2D(4, 3, 3, border_mode="same", dim_ordering="tf")(inp)
    Model(inp, features)
    loss = K.sum(K.square(features[0] - features[1]))
    grads = K.gradients(loss, combination_image)
    f_outputs = K.function([combination_image], [loss] + grads)
    x = rng.rand(1, 8, 8, 3).astype("float32")
    loss_value, grad_value = f_outputs([x])
    assert grad_value.shape == x.shape
    same_loss, _ = f_outputs([K.get_value(base_image).astype("float32")])
    assert same_loss == pytest.approx(0.0, abs=1e-6) and loss_value > 0
