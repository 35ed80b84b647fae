"""Keras 1.2.2 `keras.applications.music_tagger_crnn`: MusicTaggerCRNN (Choi et al. 2016), convolutional
recurrent tagger of 96 x 1366 mel-spectrograms, with Keras 1's Million Song Dataset weights."""

from __future__ import annotations

from legacykeras import config
from legacykeras.applications import imagenet_utils as utils
from legacykeras.applications.audio_conv_utils import decode_predictions, preprocess_input  # noqa: F401

WEIGHTS_PATH = utils.RELEASES + "v0.3/music_tagger_crnn_weights_tf_kernels_{ordering}_dim_ordering.h5"


@utils.quiet_legacy_layers
def MusicTaggerCRNN(weights="msd", input_tensor=None, include_top=True, classes=50):
    """The tagger; `weights='msd'` loads Keras 1's pre-trained file (TensorFlow kernels, by layer name).
    Without the top it outputs 32 features."""
    from legacykeras.layers import (ELU, GRU, BatchNormalization, Convolution2D, Dense, MaxPooling2D, Permute,
                                    Reshape, ZeroPadding2D)
    from legacykeras.models import Model

    utils._check_weights(weights, include_top, classes, pretrained="msd", classes_pretrained=50)
    ordering = config.image_dim_ordering()
    input_shape = (1, 96, 1366) if ordering == "th" else (96, 1366, 1)
    melgram_input = utils._image_input(input_tensor, input_shape)
    channel_axis, time_axis = (1, 3) if ordering == "th" else (3, 2)

    x = ZeroPadding2D(padding=(0, 37))(melgram_input)
    x = BatchNormalization(axis=time_axis, name="bn_0_freq")(x)
    for i, (filters, pool) in enumerate(((64, 2), (128, 3), (128, 4), (128, 4)), start=1):
        x = Convolution2D(filters, 3, 3, border_mode="same", name=f"conv{i}")(x)
        x = BatchNormalization(axis=channel_axis, mode=0, name=f"bn{i}")(x)
        x = ELU()(x)
        x = MaxPooling2D(pool_size=(pool, pool), strides=(pool, pool), name=f"pool{i}")(x)
    if ordering == "th":
        x = Permute((3, 1, 2))(x)
    x = Reshape((15, 128))(x)
    x = GRU(32, return_sequences=True, name="gru1")(x)
    x = GRU(32, return_sequences=False, name="gru2")(x)
    if include_top:
        x = Dense(classes, activation="sigmoid", name="output")(x)
    model = Model(utils._model_inputs(input_tensor, melgram_input), x, name="music_tagger_crnn")
    if weights == "msd":
        url = WEIGHTS_PATH.format(ordering=ordering)
        utils._load_weights(model, url.rsplit("/", 1)[1], url, by_name=True)
    return model


__all__ = ["MusicTaggerCRNN", "preprocess_input", "decode_predictions"]
