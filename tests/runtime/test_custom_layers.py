"""Keras 1 user layers (subclasses of `keras.engine.topology.Layer`) written the Keras 1 way, verbatim.

The first two are the custom activation layers of the seed notes; then a Keras 1 style
Antirectifier (the keras/examples/antirectifier.py pattern), a layer built with Keras 1.2's
`add_weight`, one with non-trainable weights and `self.updates`, and one with constraints.
They must build, run, train, and save/load weights in the Keras 1 HDF5 layout.
"""

from __future__ import annotations

import numpy as np
import pytest

from legacykeras import backend as K
from legacykeras import initializations
from legacykeras.engine.topology import InputSpec, Layer
from legacykeras.layers.core import Dense
from legacykeras.models import Sequential


# --- the seed's layers, as Keras 1 code wrote them -------------------------------------------------
class My_activation(Layer):
    def __init__(self, theta=1.0, alpha1=0.2, alpha2=0.1, **kwargs):
        super(My_activation, self).__init__(**kwargs)
        self.theta = K.cast_to_floatx(theta)
        self.alpha1 = K.cast_to_floatx(alpha1)
        self.alpha2 = K.cast_to_floatx(alpha2)

    def call(self, x, mask=None):
        # x > theta: alpha1 * (x - theta) + theta; 0 <= x <= theta: x; x < 0: alpha2 * x
        fx_0 = K.relu(x)
        fx_1 = self.alpha1 * (x - self.theta) * K.cast(x > self.theta, K.floatx())
        fx_2 = self.alpha2 * x * K.cast(x < 0., K.floatx())
        return fx_0 - K.relu(x - self.theta) + fx_1 + fx_2

    def get_output_shape_for(self, input_shape):
        return input_shape

    def get_config(self):
        config = {'theta': float(self.theta), 'alpha1': float(self.alpha1), 'alpha2': float(self.alpha2)}
        base_config = super(My_activation, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class Trainable_activation(Layer):
    def __init__(self, init='zero', alpha=None, **kwargs):
        self.init = initializations.get(init)
        self.initial_alpha = alpha
        self.axis = 1
        super(Trainable_activation, self).__init__(**kwargs)

    def build(self, input_shape):
        self.alpha1 = self.init(input_shape[1:], name='alpha1')
        if self.initial_alpha is not None:
            self.set_weights([self.initial_alpha])
        self.trainable_weights = [self.alpha1]

    def call(self, x, mask=None):
        return K.relu(x) + self.alpha1 * (x - K.abs(x)) * 0.5

    def get_output_shape_for(self, input_shape):
        return input_shape


def my_activation_reference(x, theta=1.0, alpha1=0.2, alpha2=0.1):
    return np.where(x > theta, alpha1 * (x - theta) + theta, np.where(x < 0, alpha2 * x, x))


# --- other Keras 1 patterns -------------------------------------------------------------------
class Antirectifier(Layer):
    """keras/examples/antirectifier.py (Keras 1): concatenate the positive and negative parts."""

    def get_output_shape_for(self, input_shape):
        shape = list(input_shape)
        assert len(shape) == 2
        shape[-1] *= 2
        return tuple(shape)

    def call(self, x, mask=None):
        x -= K.mean(x, axis=1, keepdims=True)
        x = K.l2_normalize(x, axis=1)
        pos = K.relu(x)
        neg = K.relu(-x)
        return K.concatenate([pos, neg], axis=1)


class ScaledDense(Layer):
    """Keras 1.2 `add_weight(shape, initializer, name, trainable, regularizer, constraint)`."""

    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super(ScaledDense, self).__init__(**kwargs)

    def build(self, input_shape):
        self.input_spec = [InputSpec(shape=input_shape)]
        self.W = self.add_weight((input_shape[1], self.output_dim), 'glorot_uniform', '{}_W'.format(self.name),
                                 regularizer=lambda w: 0.01 * K.sum(K.square(w)))
        self.scale = self.add_weight((self.output_dim,), initializer='one', name='{}_scale'.format(self.name))
        self.count = self.add_weight((), initializer='zero', name='{}_count'.format(self.name), trainable=False)
        self.built = True

    def call(self, x, mask=None):
        self.add_update([(self.count, self.count + 1.)], x)
        return K.dot(x, self.W) * self.scale

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.output_dim)

    def get_config(self):
        config = {'output_dim': self.output_dim}
        base_config = super(ScaledDense, self).get_config()
        return dict(list(base_config.items()) + list(config.items()))


class ClippedBias(Layer):
    """Keras 1.0/1.1 style: K.variable weights, `self.constraints[...]`, `self.non_trainable_weights`."""

    def __init__(self, **kwargs):
        self.supports_masking = True
        super(ClippedBias, self).__init__(**kwargs)

    def build(self, input_shape):
        from legacykeras._keras import keras

        dim = input_shape[-1]
        self.b = K.variable(np.full((dim,), 0.5), name='{}_b'.format(self.name))
        self.running = K.zeros((dim,), name='{}_running'.format(self.name))
        self.trainable_weights = [self.b]
        self.non_trainable_weights = [self.running]
        self.constraints[self.b] = keras.constraints.NonNeg()

    def call(self, x, mask=None):
        self.updates = [(self.running, 0.9 * self.running + 0.1 * K.mean(x, axis=0))]
        return x + self.b


# --- tests -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def data():
    rng = np.random.RandomState(0)
    x = rng.randn(64, 4).astype("float32")
    y = (x[:, :1] - 0.5 * x[:, 1:2]).astype("float32")
    return x, y


def seed_model():
    return Sequential([Dense(6, input_dim=4), My_activation(), Trainable_activation(), Dense(1)])


def test_seed_layers_names_and_shapes():
    model = seed_model()
    act, trainable = model.layers[1], model.layers[2]
    assert act.name.startswith("my_activation_") and trainable.name.startswith("trainable_activation_")
    assert trainable.output_shape == (None, 6)
    assert [w.shape for w in trainable.get_weights()] == [(6,)]
    assert len(model.trainable_weights) == 5  # 2 Dense kernels + 2 biases + alpha1


def test_my_activation_is_the_piecewise_function():
    x = np.linspace(-3, 3, 25).astype("float32").reshape(5, 5)
    model = Sequential([My_activation(theta=1.0, alpha1=0.2, alpha2=0.1, input_shape=(5,))])
    np.testing.assert_allclose(model.predict(x), my_activation_reference(x), atol=1e-6)


def test_trainable_activation_starts_as_relu_and_learns_alpha(data):
    x, y = data
    model = seed_model()
    layer = model.layers[2]
    hidden = Sequential(model.layers[:3])
    pre = Sequential(model.layers[:2])
    np.testing.assert_allclose(hidden.predict(x), np.maximum(pre.predict(x), 0), atol=1e-6)
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(x, y, nb_epoch=3, batch_size=16, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert np.abs(layer.get_weights()[0]).max() > 0  # alpha1 was trained


def test_seed_layers_save_and_load_weights(tmp_path, data):
    x, y = data
    model = seed_model()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(x, y, nb_epoch=1, verbose=0)
    path = str(tmp_path / "weights.h5")
    model.save_weights(path)
    import h5py

    with h5py.File(path, "r") as f:
        names = [n.decode() for n in f.attrs["layer_names"]]
        assert names[2] == model.layers[2].name
        assert [n.decode() for n in f[names[2]].attrs["weight_names"]] == ["alpha1"]
    other = seed_model()
    other.load_weights(path)
    np.testing.assert_allclose(other.predict(x), model.predict(x), atol=1e-6)


def test_trainable_activation_weights_argument():
    alpha = np.arange(3, dtype="float32")
    layer = Trainable_activation(weights=[alpha], input_shape=(3,))
    model = Sequential([layer])
    np.testing.assert_array_equal(layer.get_weights()[0], alpha)
    out = model.predict(np.array([[-1.0, -1.0, 2.0]], "float32"))
    np.testing.assert_allclose(out, [[0.0, -1.0, 2.0]])


def test_antirectifier_doubles_features_and_trains(data):
    x, y = data
    model = Sequential([Dense(8, input_shape=(4,)), Antirectifier(), Dense(1)])
    assert model.layers[1].output_shape == (None, 16)
    out = Sequential(model.layers[:2]).predict(x[:3])
    assert (out >= 0).all() and out.shape == (3, 16)
    model.compile("adam", "mse")
    model.fit(x, y, nb_epoch=1, verbose=0)


def test_add_weight_layer_regularizer_updates_and_weights(data):
    x, y = data
    model = Sequential([ScaledDense(3, input_dim=4), Dense(1)])
    layer = model.layers[0]
    assert [w.name for w in layer.trainable_weights] == [f"{layer.name}_W", f"{layer.name}_scale"]
    assert [w.name for w in layer.non_trainable_weights] == [f"{layer.name}_count"]
    assert layer.get_weights()[1].tolist() == [1.0, 1.0, 1.0]
    model.compile("sgd", "mse")
    model.fit(x, y, nb_epoch=1, batch_size=32, verbose=0)
    assert float(layer.get_weights()[2]) == 2.0  # two training batches ran the update
    model.predict(x)
    assert float(layer.get_weights()[2]) == 2.0  # prediction does not
    assert len(model.losses) >= 1  # the weight regularizer
    assert layer.get_config()["output_dim"] == 3


def test_constraints_dict_and_non_trainable_weights(data):
    x, _ = data
    model = Sequential([ClippedBias(input_shape=(4,))])
    layer = model.layers[0]
    assert len(layer.trainable_weights) == 1 and len(layer.non_trainable_weights) == 1
    assert [w.shape for w in layer.get_weights()] == [(4,), (4,)]
    model.compile("sgd", "mse")
    model.fit(x, np.full_like(x, -100.0), nb_epoch=1, verbose=0)
    b, running = layer.get_weights()
    assert (b >= 0).all()  # NonNeg held against a loss pulling b down
    assert np.abs(running).max() > 0


def test_unknown_keyword_is_a_keras1_type_error():
    with pytest.raises(TypeError, match="not understood"):
        Antirectifier(foo=1)


def test_masking_unsupported_raises_supported_passes():
    assert not Antirectifier().supports_masking
    assert ClippedBias().supports_masking
    with pytest.raises(TypeError, match="does not support masking"):
        Antirectifier().compute_mask(None, np.ones((2,), bool))


class OldStyleRegularized(Layer):
    """Keras 1.0/1.1 style: `regularizer.set_param(W)` and a `self.regularizers` list."""

    def __init__(self, output_dim, W_regularizer=None, **kwargs):
        from legacykeras import regularizers

        self.output_dim = output_dim
        self.W_regularizer = regularizers.get(W_regularizer)
        super(OldStyleRegularized, self).__init__(**kwargs)

    def build(self, input_shape):
        self.W = K.variable(np.ones((input_shape[1], self.output_dim)), name='{}_W'.format(self.name))
        self.trainable_weights = [self.W]
        self.regularizers = []
        if self.W_regularizer:
            self.W_regularizer.set_param(self.W)
            self.regularizers.append(self.W_regularizer)

    def call(self, x, mask=None):
        return K.dot(x, self.W)

    def get_output_shape_for(self, input_shape):
        return (input_shape[0], self.output_dim)


def test_keras1_0_regularizers_list_is_honoured():
    from legacykeras.regularizers import l2

    model = Sequential([OldStyleRegularized(2, W_regularizer=l2(0.5), input_shape=(3,))])
    model.compile("sgd", "mse")
    x = np.zeros((4, 3), "float32")
    loss = model.evaluate(x, np.zeros((4, 2), "float32"), verbose=0)
    assert loss == pytest.approx(0.5 * 6)  # prediction error 0, penalty 0.5 * sum(W ** 2)


def test_seed_layers_model_save_and_load_model_with_custom_objects(tmp_path, data):
    models = pytest.importorskip("legacykeras.models")
    if not hasattr(models, "load_model"):
        pytest.skip("legacykeras.models.load_model not available")
    x, _ = data
    model = seed_model()
    model.compile(optimizer="sgd", loss="mse")
    path = str(tmp_path / "model.h5")
    model.save(path)
    custom = {"My_activation": My_activation, "Trainable_activation": Trainable_activation}
    loaded = models.load_model(path, custom_objects=custom)
    assert [type(layer).__name__ for layer in loaded.layers[1:3]] == ["My_activation", "Trainable_activation"]
    np.testing.assert_allclose(loaded.predict(x), model.predict(x), atol=1e-6)
    again = models.model_from_json(model.to_json(), custom_objects=custom)
    assert [layer.name for layer in again.layers] == [layer.name for layer in model.layers]
