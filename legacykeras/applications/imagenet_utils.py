"""Keras 1.2.2 `keras.applications.imagenet_utils`: preprocess_input, decode_predictions,
and the input-shape and weight-file helpers the models share."""

from __future__ import annotations

import functools
import json
import warnings

import numpy as np

from legacykeras import config
from legacykeras.utils.data_utils import get_file

CLASS_INDEX = None
CLASS_INDEX_PATH = "https://s3.amazonaws.com/deep-learning-models/image-models/imagenet_class_index.json"
RELEASES = "https://github.com/fchollet/deep-learning-models/releases/download/"
_CAFFE_BGR_MEAN = (103.939, 116.779, 123.68)


def _ordering(dim_ordering):
    if dim_ordering == "default":
        dim_ordering = config.image_dim_ordering()
    if dim_ordering not in ("th", "tf"):
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}; expected 'th' or 'tf'.")
    return dim_ordering


def preprocess_input(x, dim_ordering="default"):
    """Caffe-style input for VGG16/VGG19/ResNet50: RGB -> BGR, minus the ImageNet channel means."""
    if _ordering(dim_ordering) == "th":
        x = x[:, ::-1, :, :]
        for channel, mean in enumerate(_CAFFE_BGR_MEAN):
            x[:, channel, :, :] -= mean
    else:
        x = x[:, :, :, ::-1]
        for channel, mean in enumerate(_CAFFE_BGR_MEAN):
            x[:, :, :, channel] -= mean
    return x


def decode_predictions(preds, top=5):
    """Per sample, the `top` (class id, class name, score) tuples of a (samples, 1000) prediction."""
    global CLASS_INDEX
    preds = np.asarray(preds)
    if preds.ndim != 2 or preds.shape[1] != 1000:
        raise ValueError("`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape "
                         f"(samples, 1000)). Found array with shape: {preds.shape}")
    if CLASS_INDEX is None:
        with open(get_file("imagenet_class_index.json", CLASS_INDEX_PATH, cache_subdir="models")) as f:
            CLASS_INDEX = json.load(f)
    results = []
    for pred in preds:
        top_indices = pred.argsort()[-top:][::-1]
        result = [tuple(CLASS_INDEX[str(i)]) + (pred[i],) for i in top_indices]
        results.append(sorted(result, key=lambda r: r[2], reverse=True))
    return results


def _obtain_input_shape(input_shape, default_size, min_size, dim_ordering, include_top):
    """The model's input shape: the default with the classifier on top, else `input_shape` checked."""
    channels_first = dim_ordering == "th"
    default_shape = (3, default_size, default_size) if channels_first else (default_size, default_size, 3)
    if include_top:
        if input_shape is not None and tuple(input_shape) != default_shape:
            raise ValueError(f"When setting`include_top=True`, `input_shape` should be {default_shape}.")
        return default_shape
    if input_shape is None:
        return (3, None, None) if channels_first else (None, None, 3)
    input_shape = tuple(input_shape)
    if len(input_shape) != 3:
        raise ValueError("`input_shape` must be a tuple of three integers.")
    channels, spatial = (input_shape[0], input_shape[1:]) if channels_first else (input_shape[-1], input_shape[:2])
    if channels != 3:
        raise ValueError(f"The input must have 3 channels; got `input_shape={input_shape}`")
    if any(size is not None and size < min_size for size in spatial):
        raise ValueError(f"Input size must be at least {min_size}x{min_size}, got `input_shape={input_shape}`")
    return input_shape


def _check_weights(weights, include_top, classes, pretrained="imagenet", classes_pretrained=1000):
    if weights not in (pretrained, None):
        raise ValueError(f"The `weights` argument should be either `None` (random initialization) or "
                         f"`{pretrained}` (pre-trained weights).")
    if weights == pretrained and include_top and classes != classes_pretrained:
        raise ValueError(f"If using `weights` as {pretrained} with `include_top` as true, `classes` should be "
                         f"{classes_pretrained}")


def _image_input(input_tensor, input_shape):
    """The model's input tensor: a new Input, or the caller's tensor."""
    from legacykeras import backend as K
    from legacykeras.layers import Input

    if input_tensor is None:
        return Input(shape=input_shape)
    if not K.is_keras_tensor(input_tensor):
        return Input(tensor=input_tensor, shape=input_shape)
    return input_tensor


def _model_inputs(input_tensor, img_input):
    if input_tensor is None:
        return img_input
    from legacykeras._keras import keras

    return keras.utils.get_source_inputs(input_tensor)


def _load_weights(model, fname, url, md5_hash=None, by_name=False):
    """Load one of Keras 1's pre-trained files from ~/.keras/models; '_th_kernels' files hold
    Theano (flipped) convolution kernels."""
    path = get_file(fname, url, cache_subdir="models", md5_hash=md5_hash)
    backend = "theano" if "_th_kernels" in fname else "tensorflow"
    model.load_weights(path, by_name=by_name, source_backend=backend)


def quiet_legacy_layers(build):
    """The models are written in Keras 1 layers on purpose: their Keras 1 spellings are ours, not the
    caller's, so building one does not warn about them."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        from legacykeras.warnings import LegacyKerasWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", LegacyKerasWarning)
            return build(*args, **kwargs)

    return wrapper


def _bn_axis():
    return 1 if config.image_dim_ordering() == "th" else 3


__all__ = ["preprocess_input", "decode_predictions", "get_file"]
