"""Rows for `keras.preprocessing` (image, sequence, text), Keras 1.2.2.

Keras 3 removed `ImageDataGenerator` and `Tokenizer` (their Keras 2 copies
live on only in `tf_keras`); the image helpers and `pad_sequences` moved to
`keras.utils`, with `dim_ordering` spelled `data_format`. Codes LK401-LK419.
"""

from legacykeras.rules.schema import CallRule
from legacykeras.rules.values import DIM_ORDERING

_AUGMENT = ("Keras 3 has no ImageDataGenerator: put augmentation layers in the model "
            "(keras.layers.RandomRotation, RandomTranslation, RandomZoom, RandomFlip, Rescaling, "
            "Normalization) and read folders with keras.utils.image_dataset_from_directory")

IMAGE_DATA_GENERATOR = CallRule(
    code="LK401",
    old="keras.preprocessing.image.ImageDataGenerator",
    new=None,
    positional=("featurewise_center", "samplewise_center", "featurewise_std_normalization",
                "samplewise_std_normalization", "zca_whitening", "rotation_range", "width_shift_range",
                "height_shift_range", "shear_range", "zoom_range", "channel_shift_range", "fill_mode",
                "cval", "horizontal_flip", "vertical_flip", "rescale", "preprocessing_function",
                "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING},
    kept_positional=17,
    why=_AUGMENT,
)

ARRAY_TO_IMG = CallRule(
    code="LK402",
    old="keras.preprocessing.image.array_to_img",
    new="keras.utils.array_to_img",
    positional=("x", "dim_ordering", "scale"),
    rename={"dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING},
    kept_positional=1,
    why="`array_to_img` moved to `keras.utils`; `dim_ordering` became `data_format`",
)

IMG_TO_ARRAY = CallRule(
    code="LK403",
    old="keras.preprocessing.image.img_to_array",
    new="keras.utils.img_to_array",
    positional=("img", "dim_ordering"),
    rename={"dim_ordering": "data_format"},
    values={"dim_ordering": DIM_ORDERING},
    kept_positional=1,
    why="`img_to_array` moved to `keras.utils`; `dim_ordering` became `data_format`",
)

LOAD_IMG = CallRule(
    code="LK404",
    old="keras.preprocessing.image.load_img",
    new="keras.utils.load_img",
    positional=("path", "grayscale", "target_size"),
    kept_positional=3,
    why="`load_img` moved to `keras.utils` (Keras 3 spells `grayscale=True` as color_mode='grayscale')",
)

PAD_SEQUENCES = CallRule(
    code="LK405",
    old="keras.preprocessing.sequence.pad_sequences",
    new="keras.utils.pad_sequences",
    positional=("sequences", "maxlen", "dtype", "padding", "truncating", "value"),
    kept_positional=6,
    why="`pad_sequences` moved to `keras.utils`",
)

TOKENIZER = CallRule(
    code="LK406",
    old="keras.preprocessing.text.Tokenizer",
    new=None,
    positional=("nb_words", "filters", "lower", "split", "char_level"),
    rename={"nb_words": "num_words"},
    kept_positional=0,
    why="Keras 3 has no Tokenizer: use keras.layers.TextVectorization(max_tokens=...) "
        "(Keras 2 called `nb_words` `num_words`)",
)

SKIPGRAMS = CallRule(
    code="LK407",
    old="keras.preprocessing.sequence.skipgrams",
    new=None,
    positional=("sequence", "vocabulary_size", "window_size", "negative_samples", "shuffle",
                "categorical", "sampling_table"),
    why="Keras 3 has no skipgrams: build word pairs with NumPy or tf.keras.preprocessing.sequence.skipgrams",
)

RULES = [IMAGE_DATA_GENERATOR, ARRAY_TO_IMG, IMG_TO_ARRAY, LOAD_IMG, PAD_SEQUENCES, TOKENIZER, SKIPGRAMS]
