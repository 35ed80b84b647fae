"""Keras 1.2.2 `keras.applications.vgg19`: VGG19, Keras 1 layer names."""

from __future__ import annotations

from legacykeras.applications import imagenet_utils as utils
from legacykeras.applications.imagenet_utils import decode_predictions, preprocess_input  # noqa: F401
from legacykeras.applications.vgg16 import build_vgg

BLOCKS = ((64, 64), (128, 128), (256,) * 4, (512,) * 4, (512,) * 4)


@utils.quiet_legacy_layers
def VGG19(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, classes=1000):
    """VGG19, optionally with Keras 1's ImageNet weights (see VGG16 for shapes)."""
    return build_vgg("vgg19", BLOCKS, include_top, weights, input_tensor, input_shape, classes)


__all__ = ["VGG19", "preprocess_input", "decode_predictions"]
