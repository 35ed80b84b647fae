"""Keras 1.2.2 `keras.applications.xception`: Xception (Chollet 2016), channels-last only.

Keras 1: with image_dim_ordering 'th' the model is still built channels-last
(with a warning), as Keras 1 did.
"""

from __future__ import annotations

import warnings

from legacykeras import config
from legacykeras.applications import imagenet_utils as utils
from legacykeras.applications.imagenet_utils import decode_predictions  # noqa: F401
from legacykeras.applications.inception_v3 import preprocess_input  # noqa: F401

TF_WEIGHTS_PATH = utils.RELEASES + "v0.4/xception_weights_tf_dim_ordering_tf_kernels.h5"
TF_WEIGHTS_PATH_NO_TOP = utils.RELEASES + "v0.4/xception_weights_tf_dim_ordering_tf_kernels_notop.h5"


def _sepconv_bn(x, filters, name, act_name=None):
    """(optional ReLU) -> 3x3 separable convolution without bias -> batch norm."""
    from legacykeras.layers import Activation, BatchNormalization, SeparableConvolution2D

    if act_name is not None:
        x = Activation("relu", name=act_name)(x)
    x = SeparableConvolution2D(filters, 3, 3, border_mode="same", bias=False, name=name)(x)
    return BatchNormalization(name=name + "_bn")(x)


def _residual(x, filters):
    from legacykeras.layers import BatchNormalization, Convolution2D

    residual = Convolution2D(filters, 1, 1, subsample=(2, 2), border_mode="same", bias=False)(x)
    return BatchNormalization()(residual)


def _downsample(x, block, filters, first_act=True):
    """Entry/exit flow block: two separable convolutions and a strided max pool, plus a 1x1 projection."""
    from legacykeras.layers import MaxPooling2D, merge

    residual = _residual(x, filters[1])
    prefix = f"block{block}"
    x = _sepconv_bn(x, filters[0], prefix + "_sepconv1", prefix + "_sepconv1_act" if first_act else None)
    x = _sepconv_bn(x, filters[1], prefix + "_sepconv2", prefix + "_sepconv2_act")
    x = MaxPooling2D((3, 3), strides=(2, 2), border_mode="same", name=prefix + "_pool")(x)
    return merge([x, residual], mode="sum")


@utils.quiet_legacy_layers
def Xception(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, classes=1000):
    """Xception, optionally with Keras 1's ImageNet weights; 299x299 with the classifier, at least 71x71
    without. Preprocess with `xception.preprocess_input` (scale to [-1, 1])."""
    from legacykeras.layers import Activation, BatchNormalization, Convolution2D, Dense, GlobalAveragePooling2D, merge
    from legacykeras.models import Model

    utils._check_weights(weights, include_top, classes)
    old_ordering = config.image_dim_ordering()
    if old_ordering != "tf":
        warnings.warn("The Xception model is only available for the input dimension ordering \"tf\" (width, height, "
                      "channels), but your settings say \"th\". The model returned expects \"tf\" inputs.",
                      stacklevel=2)
        config.set_image_dim_ordering("tf")
    try:
        input_shape = utils._obtain_input_shape(input_shape, default_size=299, min_size=71, dim_ordering="tf",
                                                include_top=include_top)
        img_input = utils._image_input(input_tensor, input_shape)
        x = Convolution2D(32, 3, 3, subsample=(2, 2), bias=False, name="block1_conv1")(img_input)
        x = BatchNormalization(name="block1_conv1_bn")(x)
        x = Activation("relu", name="block1_conv1_act")(x)
        x = Convolution2D(64, 3, 3, bias=False, name="block1_conv2")(x)
        x = BatchNormalization(name="block1_conv2_bn")(x)
        x = Activation("relu", name="block1_conv2_act")(x)

        # Keras 1 named block 2's first activation 'block2_sepconv2_act' and skipped the first ReLU.
        residual = _residual(x, 128)
        x = _sepconv_bn(x, 128, "block2_sepconv1")
        x = _sepconv_bn(x, 128, "block2_sepconv2", "block2_sepconv2_act")
        from legacykeras.layers import MaxPooling2D

        x = MaxPooling2D((3, 3), strides=(2, 2), border_mode="same", name="block2_pool")(x)
        x = merge([x, residual], mode="sum")
        x = _downsample(x, 3, (256, 256))
        x = _downsample(x, 4, (728, 728))
        for i in range(8):  # middle flow
            residual, prefix = x, f"block{i + 5}"
            for j in (1, 2, 3):
                x = _sepconv_bn(x, 728, f"{prefix}_sepconv{j}", f"{prefix}_sepconv{j}_act")
            x = merge([x, residual], mode="sum")
        x = _downsample(x, 13, (728, 1024))
        x = _sepconv_bn(x, 1536, "block14_sepconv1")
        x = Activation("relu", name="block14_sepconv1_act")(x)
        x = _sepconv_bn(x, 2048, "block14_sepconv2")
        x = Activation("relu", name="block14_sepconv2_act")(x)
        if include_top:
            x = GlobalAveragePooling2D(name="avg_pool")(x)
            x = Dense(classes, activation="softmax", name="predictions")(x)
        model = Model(utils._model_inputs(input_tensor, img_input), x, name="xception")
        if weights == "imagenet":
            url = TF_WEIGHTS_PATH if include_top else TF_WEIGHTS_PATH_NO_TOP
            utils._load_weights(model, url.rsplit("/", 1)[1], url)
    finally:
        config.set_image_dim_ordering(old_ordering)
    return model


__all__ = ["Xception", "preprocess_input", "decode_predictions"]
