"""Keras 1.2.2 `keras.applications.audio_conv_utils`: mel-spectrogram input and tag decoding for
MusicTaggerCRNN. Reading audio needs librosa (`pip install librosa`)."""

from __future__ import annotations

import numpy as np

from legacykeras import config

TAGS = ["rock", "pop", "alternative", "indie", "electronic", "female vocalists", "dance", "00s",
        "alternative rock", "jazz", "beautiful", "metal", "chillout", "male vocalists", "classic rock", "soul",
        "indie rock", "Mellow", "electronica", "80s", "folk", "90s", "chill", "instrumental", "punk", "oldies",
        "blues", "hard rock", "ambient", "acoustic", "experimental", "female vocalist", "guitar", "Hip-Hop", "70s",
        "party", "country", "easy listening", "sexy", "catchy", "funk", "electro", "heavy metal",
        "Progressive rock", "60s", "rnb", "indie pop", "sad", "House", "happy"]

SAMPLE_RATE, N_FFT, N_MELS, HOP_LENGTH, DURATION = 12000, 512, 96, 256, 29.12


def preprocess_input(audio_path, dim_ordering="default"):
    """The log-power mel-spectrogram (96 x 1366) of the middle 29.12 s of an audio file, with a channel
    axis first ('th') or last ('tf')."""
    if dim_ordering == "default":
        dim_ordering = config.image_dim_ordering()
    if dim_ordering not in ("th", "tf"):
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}")
    try:
        import librosa
    except ImportError:
        raise ImportError("Librosa is required to process audio files. Install it via `pip install librosa`.") from None
    src, sr = librosa.load(audio_path, sr=SAMPLE_RATE)
    wanted = int(DURATION * sr)
    if src.shape[0] < wanted:
        src = np.hstack((src, np.zeros((wanted - src.shape[0],))))
    elif src.shape[0] > wanted:
        src = src[(src.shape[0] - wanted) // 2:(src.shape[0] + wanted) // 2]
    power = librosa.feature.melspectrogram(y=src, sr=sr, hop_length=HOP_LENGTH, n_fft=N_FFT, n_mels=N_MELS) ** 2
    # librosa.logamplitude(S, ref_power=1.0) of Keras 1's day is power_to_db(S, ref=1.0) today.
    x = librosa.power_to_db(power, ref=1.0)
    return np.expand_dims(x, axis=0 if dim_ordering == "th" else -1)


def decode_predictions(preds, top_n=5):
    """Per sample, the `top_n` (tag, score) pairs of a (samples, 50) prediction."""
    preds = np.asarray(preds)
    if preds.ndim != 2 or preds.shape[1] != 50:
        raise ValueError(f"decode_predictions expects a (samples, 50) array; got shape {preds.shape}")
    return [sorted(zip(TAGS, pred), key=lambda t: t[1], reverse=True)[:top_n] for pred in preds]


__all__ = ["preprocess_input", "decode_predictions", "TAGS"]
