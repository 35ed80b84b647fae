"""Keras 1.2.2 `keras.applications.resnet50`: ResNet50 (He et al. 2015), Keras 1 layer names."""

from __future__ import annotations

from legacykeras import config
from legacykeras.applications import imagenet_utils as utils
from legacykeras.applications.imagenet_utils import decode_predictions, preprocess_input  # noqa: F401

MD5 = {("th", True): "1c1f8f5b0c8ee28fe9d950625a230e1c", ("th", False): "f64f049c92468c9affcd44b0976cdafe",
       ("tf", True): "a7b3fe01876f51b976af0dea6bc144eb", ("tf", False): "a268eb855778b3df3c7506639542a6af"}
# (stage, filters, number of identity blocks after the conv block, first stride)
STAGES = ((2, (64, 64, 256), 2, (1, 1)), (3, (128, 128, 512), 3, (2, 2)),
          (4, (256, 256, 1024), 5, (2, 2)), (5, (512, 512, 2048), 2, (2, 2)))


def _bottleneck(input_tensor, kernel_size, filters, stage, block, strides=None):
    """1x1 -> kxk -> 1x1 convolutions with batch norm, added to the input (identity block) or to a
    strided 1x1 projection of it (conv block, when `strides` is given)."""
    from legacykeras.layers import Activation, BatchNormalization, Convolution2D, merge

    conv, bn, axis = f"res{stage}{block}_branch", f"bn{stage}{block}_branch", utils._bn_axis()
    f1, f2, f3 = filters
    # Layers are made in Keras 1's order, so automatic names (activation_N) match its files too.
    x = Convolution2D(f1, 1, 1, subsample=strides or (1, 1), name=conv + "2a")(input_tensor)
    x = BatchNormalization(axis=axis, name=bn + "2a")(x)
    x = Activation("relu")(x)
    x = Convolution2D(f2, kernel_size, kernel_size, border_mode="same", name=conv + "2b")(x)
    x = BatchNormalization(axis=axis, name=bn + "2b")(x)
    x = Activation("relu")(x)
    x = Convolution2D(f3, 1, 1, name=conv + "2c")(x)
    x = BatchNormalization(axis=axis, name=bn + "2c")(x)
    shortcut = input_tensor
    if strides is not None:
        shortcut = Convolution2D(f3, 1, 1, subsample=strides, name=conv + "1")(input_tensor)
        shortcut = BatchNormalization(axis=axis, name=bn + "1")(shortcut)
    x = merge([x, shortcut], mode="sum")
    return Activation("relu")(x)


def identity_block(input_tensor, kernel_size, filters, stage, block):
    return _bottleneck(input_tensor, kernel_size, filters, stage, block)


def conv_block(input_tensor, kernel_size, filters, stage, block, strides=(2, 2)):
    return _bottleneck(input_tensor, kernel_size, filters, stage, block, strides=strides)


@utils.quiet_legacy_layers
def ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, classes=1000):
    """ResNet50, optionally with Keras 1's ImageNet weights; at least 197x197 without the classifier."""
    from legacykeras.layers import (Activation, AveragePooling2D, BatchNormalization, Convolution2D, Dense,
                                    Flatten, MaxPooling2D, ZeroPadding2D)
    from legacykeras.models import Model

    utils._check_weights(weights, include_top, classes)
    ordering = config.image_dim_ordering()
    input_shape = utils._obtain_input_shape(input_shape, default_size=224, min_size=197, dim_ordering=ordering,
                                            include_top=include_top)
    img_input = utils._image_input(input_tensor, input_shape)
    x = ZeroPadding2D((3, 3))(img_input)
    x = Convolution2D(64, 7, 7, subsample=(2, 2), name="conv1")(x)
    x = BatchNormalization(axis=utils._bn_axis(), name="bn_conv1")(x)
    x = Activation("relu")(x)
    x = MaxPooling2D((3, 3), strides=(2, 2))(x)
    for stage, filters, identities, strides in STAGES:
        x = conv_block(x, 3, filters, stage=stage, block="a", strides=strides)
        for block in "bcdef"[:identities]:
            x = identity_block(x, 3, filters, stage=stage, block=block)
    x = AveragePooling2D((7, 7), name="avg_pool")(x)
    if include_top:
        x = Flatten()(x)
        x = Dense(classes, activation="softmax", name="fc1000")(x)
    model = Model(utils._model_inputs(input_tensor, img_input), x, name="resnet50")
    if weights == "imagenet":
        fname = f"resnet50_weights_{ordering}_dim_ordering_{ordering}_kernels{'' if include_top else '_notop'}.h5"
        utils._load_weights(model, fname, utils.RELEASES + "v0.2/" + fname, md5_hash=MD5[(ordering, include_top)])
    return model


__all__ = ["ResNet50", "identity_block", "conv_block", "preprocess_input", "decode_predictions"]
