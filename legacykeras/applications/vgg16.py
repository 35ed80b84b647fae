"""Keras 1.2.2 `keras.applications.vgg16`: VGG16 (Simonyan & Zisserman 2014), Keras 1 layer names."""

from __future__ import annotations

from legacykeras import config
from legacykeras.applications import imagenet_utils as utils
from legacykeras.applications.imagenet_utils import decode_predictions, preprocess_input  # noqa: F401

# (filters per convolution) for each block; VGG19 has four convolutions in blocks 3-5.
BLOCKS = ((64, 64), (128, 128), (256, 256, 256), (512, 512, 512), (512, 512, 512))
FILES = "v0.1/{name}_weights_{ordering}_dim_ordering_{ordering}_kernels{suffix}.h5"


def build_vgg(name, blocks, include_top, weights, input_tensor, input_shape, classes):
    """A VGG network; `blocks` lists the filters of each block's 3x3 convolutions."""
    from legacykeras.layers import Convolution2D, Dense, Flatten, MaxPooling2D
    from legacykeras.models import Model

    utils._check_weights(weights, include_top, classes)
    ordering = config.image_dim_ordering()
    input_shape = utils._obtain_input_shape(input_shape, default_size=224, min_size=48, dim_ordering=ordering,
                                            include_top=include_top)
    img_input = utils._image_input(input_tensor, input_shape)
    x = img_input
    for b, filters in enumerate(blocks, start=1):
        for c, nb_filter in enumerate(filters, start=1):
            x = Convolution2D(nb_filter, 3, 3, activation="relu", border_mode="same", name=f"block{b}_conv{c}")(x)
        x = MaxPooling2D((2, 2), strides=(2, 2), name=f"block{b}_pool")(x)
    if include_top:
        x = Flatten(name="flatten")(x)
        x = Dense(4096, activation="relu", name="fc1")(x)
        x = Dense(4096, activation="relu", name="fc2")(x)
        x = Dense(classes, activation="softmax", name="predictions")(x)
    model = Model(utils._model_inputs(input_tensor, img_input), x, name=name)
    if weights == "imagenet":
        fname = FILES.format(name=name, ordering=ordering, suffix="" if include_top else "_notop")
        utils._load_weights(model, fname.split("/")[1], utils.RELEASES + fname)
    return model


@utils.quiet_legacy_layers
def VGG16(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, classes=1000):
    """VGG16, optionally with Keras 1's ImageNet weights; input (224, 224, 3) ('tf') or (3, 224, 224) ('th')
    with the classifier, at least 48x48 without."""
    return build_vgg("vgg16", BLOCKS, include_top, weights, input_tensor, input_shape, classes)


__all__ = ["VGG16", "preprocess_input", "decode_predictions"]
