"""Keras 1.2.2 `keras.applications.inception_v3`: Inception v3 (Szegedy et al. 2015) as Keras 1 built it.

Keras 1's version differs from Keras 2's in three places its weight files depend
on: every mixed0-2 pooling branch has 32 filters, mixed7's double 7x7 branch
starts with 160 filters, and mixed8 pools by average.
"""

from __future__ import annotations

from legacykeras import config
from legacykeras.applications import imagenet_utils as utils
from legacykeras.applications.imagenet_utils import decode_predictions  # noqa: F401

MD5 = {("th", True): "b3baf3070cc4bf476d43a2ea61b0ca5f", ("th", False): "79aaa90ab4372b4593ba3df64e142f05",
       ("tf", True): "fe114b3ff2ea4bf891e9353d1bbfb32f", ("tf", False): "2f3609166de1d967d1a481094754f691"}


def conv2d_bn(x, nb_filter, nb_row, nb_col, border_mode="same", subsample=(1, 1), name=None):
    """Convolution (ReLU) then batch normalization; named `<name>_conv` / `<name>_bn` when named."""
    from legacykeras.layers import BatchNormalization, Convolution2D

    x = Convolution2D(nb_filter, nb_row, nb_col, subsample=subsample, activation="relu", border_mode=border_mode,
                      name=None if name is None else name + "_conv")(x)
    return BatchNormalization(axis=utils._bn_axis(), name=None if name is None else name + "_bn")(x)


def _concat(tensors, name=None):
    from legacykeras.layers import merge

    return merge(tensors, mode="concat", concat_axis=utils._bn_axis(), name=name)


def _chain(x, *convs):
    """Apply conv2d_bn for each (filters, rows, cols[, options]) in turn."""
    for spec in convs:
        options = spec[3] if len(spec) > 3 else {}
        x = conv2d_bn(x, *spec[:3], **options)
    return x


_VALID_STRIDE2 = {"subsample": (2, 2), "border_mode": "valid"}


def _avg_pool_same(x):
    from legacykeras.layers import AveragePooling2D

    return AveragePooling2D((3, 3), strides=(1, 1), border_mode="same")(x)


@utils.quiet_legacy_layers
def InceptionV3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, classes=1000):
    """Inception v3, optionally with Keras 1's ImageNet weights; input 299x299 with the classifier,
    at least 139x139 without. Preprocess with `inception_v3.preprocess_input` (scale to [-1, 1])."""
    from legacykeras.layers import AveragePooling2D, Dense, Flatten, MaxPooling2D
    from legacykeras.models import Model

    utils._check_weights(weights, include_top, classes)
    ordering = config.image_dim_ordering()
    input_shape = utils._obtain_input_shape(input_shape, default_size=299, min_size=139, dim_ordering=ordering,
                                            include_top=include_top)
    img_input = utils._image_input(input_tensor, input_shape)

    x = conv2d_bn(img_input, 32, 3, 3, subsample=(2, 2), border_mode="valid")
    x = conv2d_bn(x, 32, 3, 3, border_mode="valid")
    x = conv2d_bn(x, 64, 3, 3)
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = conv2d_bn(x, 80, 1, 1, border_mode="valid")
    x = conv2d_bn(x, 192, 3, 3, border_mode="valid")
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)

    for i in range(3):  # mixed0-2: 35x35
        branches = [_chain(x, (64, 1, 1)),
                    _chain(x, (48, 1, 1), (64, 5, 5)),
                    _chain(x, (64, 1, 1), (96, 3, 3), (96, 3, 3)),
                    _chain(_avg_pool_same(x), (32, 1, 1))]
        x = _concat(branches, name=f"mixed{i}")

    branch3x3 = _chain(x, (384, 3, 3, _VALID_STRIDE2))  # mixed3: to 17x17
    branch3x3dbl = _chain(x, (64, 1, 1), (96, 3, 3), (96, 3, 3, _VALID_STRIDE2))
    x = _concat([branch3x3, branch3x3dbl, MaxPooling2D((3, 3), strides=(2, 2))(x)], name="mixed3")

    # mixed4-7, factorized 7x7: (branch7x7 width, branch7x7dbl first 1x1, branch7x7dbl width).
    for i, (width, dbl_first, dbl_width) in enumerate(((128, 128, 128), (160, 160, 160), (160, 160, 160),
                                                       (192, 160, 192))):
        branches = [_chain(x, (192, 1, 1)),
                    _chain(x, (width, 1, 1), (width, 1, 7), (192, 7, 1)),
                    _chain(x, (dbl_first, 1, 1), (dbl_width, 7, 1), (dbl_width, 1, 7), (dbl_width, 7, 1),
                           (192, 1, 7)),
                    _chain(_avg_pool_same(x), (192, 1, 1))]
        x = _concat(branches, name=f"mixed{4 + i}")

    branch3x3 = _chain(x, (192, 1, 1), (320, 3, 3, _VALID_STRIDE2))  # mixed8: to 8x8
    branch7x7x3 = _chain(x, (192, 1, 1), (192, 1, 7), (192, 7, 1), (192, 3, 3, _VALID_STRIDE2))
    x = _concat([branch3x3, branch7x7x3, AveragePooling2D((3, 3), strides=(2, 2))(x)], name="mixed8")

    for i in range(2):  # mixed9-10: expanded filter banks
        branch1x1 = _chain(x, (320, 1, 1))
        branch3x3 = _chain(x, (384, 1, 1))
        branch3x3 = _concat([_chain(branch3x3, (384, 1, 3)), _chain(branch3x3, (384, 3, 1))], name=f"mixed9_{i}")
        branch3x3dbl = _chain(x, (448, 1, 1), (384, 3, 3))
        branch3x3dbl = _concat([_chain(branch3x3dbl, (384, 1, 3)), _chain(branch3x3dbl, (384, 3, 1))])
        branch_pool = _chain(_avg_pool_same(x), (192, 1, 1))
        x = _concat([branch1x1, branch3x3, branch3x3dbl, branch_pool], name=f"mixed{9 + i}")

    if include_top:
        x = AveragePooling2D((8, 8), strides=(8, 8), name="avg_pool")(x)
        x = Flatten(name="flatten")(x)
        x = Dense(classes, activation="softmax", name="predictions")(x)
    model = Model(utils._model_inputs(input_tensor, img_input), x, name="inception_v3")
    if weights == "imagenet":
        fname = f"inception_v3_weights_{ordering}_dim_ordering_{ordering}_kernels{'' if include_top else '_notop'}.h5"
        utils._load_weights(model, fname, utils.RELEASES + "v0.2/" + fname, md5_hash=MD5[(ordering, include_top)])
    return model


def preprocess_input(x):
    """Scale pixel values from [0, 255] to [-1, 1] (in place, as Keras 1 did)."""
    x /= 255.
    x -= 0.5
    x *= 2.
    return x


__all__ = ["InceptionV3", "conv2d_bn", "preprocess_input", "decode_predictions"]
