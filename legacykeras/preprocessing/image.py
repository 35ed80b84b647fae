"""Keras 1.2.2 `keras.preprocessing.image`: ImageDataGenerator and the image helpers.

Keras 3 removed `ImageDataGenerator` (augmentation is a set of layers now:
`keras.layers.RandomRotation`, `RandomTranslation`, `RandomZoom`, `RandomFlip`,
`Rescaling`), so it is implemented here with Keras 1's arguments and
behaviour: `dim_ordering` ('th' channels first, 'tf' channels last, 'default'
from ~/.keras/keras.json), one affine transform per image (rotation, shift,
shear, zoom) sampled with nearest-neighbour interpolation like Keras 1's
`scipy.ndimage.affine_transform(order=0)`, then channel shift and flips;
`standardize` applies preprocessing_function, rescale, sample-wise and
feature-wise centring/normalisation and ZCA whitening in Keras 1's order.
Iterators are endless, thread-safe and yield NumPy batches, for
`fit_generator(datagen.flow(X, Y), samples_per_epoch, nb_epoch)`.

The transform is NumPy: the nearest-neighbour sampling and border modes of the
SciPy that Keras 1 called (SciPy 1.6 later changed 'reflect'), checked against
real Keras 1.2.2 output. Reading and writing images needs Pillow.
"""

from __future__ import annotations

import os
import re
import threading
import warnings

import numpy as np

from legacykeras import config
from legacykeras.rules import preprocessing as rows
from legacykeras.utils._calls import legacy_kwargs

try:
    from PIL import Image as pil_image
except ImportError:  # only load_img / array_to_img / flow_from_directory need it
    pil_image = None


def _require_pil(what):
    if pil_image is None:
        raise ImportError(f"`{what}` needs Pillow, which is not installed: `pip install pillow`.")


def _ordering(dim_ordering):
    if dim_ordering == "default":
        dim_ordering = config.image_dim_ordering()
    if dim_ordering not in ("th", "tf"):
        raise ValueError(f"Invalid dim_ordering: {dim_ordering!r}; expected 'th' (channels first) or "
                         f"'tf' (channels last).")
    return dim_ordering


# --- transforms on one image ----------------------------------------------------------------

def transform_matrix_offset_center(matrix, x, y):
    """`matrix` applied about the image centre instead of the corner (x rows, y columns)."""
    o_x, o_y = float(x) / 2 + 0.5, float(y) / 2 + 0.5
    offset = np.array([[1, 0, o_x], [0, 1, o_y], [0, 0, 1]])
    reset = np.array([[1, 0, -o_x], [0, 1, -o_y], [0, 0, 1]])
    return offset @ matrix @ reset


def _map_coordinate(x, n, fill_mode):
    """Keras 1's SciPy (<= 1.5) `map_coordinate`: fold continuous coordinates outside [0, n-1]
    back inside for 'reflect' and 'wrap' (SciPy 1.6 changed 'reflect'; Keras 1 results used this)."""
    x = np.array(x, dtype=np.float64)
    if n <= 1:
        return np.zeros_like(x)
    low, high = x < 0, x > n - 1
    if fill_mode == "reflect":
        period = 2 * n
        neg = x[low]
        neg = np.where(neg < -period, period * np.trunc(-neg / period) + neg, neg)
        x[low] = np.where(neg < -n, neg + period, -neg - 1)
        pos = x[high] - period * np.trunc(x[high] / period)
        x[high] = np.where(pos < n, pos, period - pos - 1)
    elif fill_mode == "wrap":
        period = n - 1
        x[low] = x[low] + period * (np.trunc(-x[low] / period) + 1)
        x[high] = x[high] - period * np.trunc(x[high] / period)
    return x


def _sample_nearest(channel, matrix, offset, fill_mode, cval):
    """`scipy.ndimage.affine_transform(order=0)` as Keras 1 ran it: output pixel o reads input pixel
    round(matrix @ o + offset), coordinates outside the image handled by `fill_mode`."""
    rows_, cols = channel.shape
    grid = np.indices((rows_, cols)).reshape(2, -1).astype(np.float64)
    source = matrix @ grid + np.asarray(offset, dtype=np.float64).reshape(2, 1)
    outside = np.zeros(source.shape[1], dtype=bool)
    index = []
    for coordinate, n in zip(source, (rows_, cols)):
        if fill_mode == "constant":
            outside |= (coordinate < 0) | (coordinate > n - 1)
        i = np.floor(_map_coordinate(coordinate, n, fill_mode) + 0.5).astype(np.int64)
        if fill_mode == "reflect":  # a rounded index one past the edge mirrors back in
            i = np.where(i < 0, -i, i)
            i = np.where(i > n - 1, 2 * (n - 1) - i, i)
        index.append(np.clip(i, 0, n - 1))
    out = channel[index[0], index[1]]
    if fill_mode == "constant":
        out = np.where(outside, cval, out)
    return out.reshape(rows_, cols).astype(channel.dtype)


def apply_transform(x, transform_matrix, channel_axis=0, fill_mode="nearest", cval=0.):
    """Apply a 3x3 homogeneous transform to every channel of the 3D image `x`."""
    if fill_mode not in ("constant", "nearest", "reflect", "wrap"):
        raise ValueError(f"Invalid fill_mode: {fill_mode!r}; expected 'constant', 'nearest', 'reflect' or 'wrap'.")
    x = np.rollaxis(x, channel_axis, 0)
    matrix, offset = transform_matrix[:2, :2], transform_matrix[:2, 2]
    channels = [_sample_nearest(c, matrix, offset, fill_mode, cval) for c in x]
    return np.rollaxis(np.stack(channels, axis=0), 0, channel_axis + 1)


def _rotation(theta):
    return np.array([[np.cos(theta), -np.sin(theta), 0], [np.sin(theta), np.cos(theta), 0], [0, 0, 1]])


def _shear(shear):
    return np.array([[1, -np.sin(shear), 0], [0, np.cos(shear), 0], [0, 0, 1]])


def random_rotation(x, rg, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.):
    """Rotate by a random angle in [-rg, rg] degrees."""
    theta = np.pi / 180 * np.random.uniform(-rg, rg)
    matrix = transform_matrix_offset_center(_rotation(theta), x.shape[row_axis], x.shape[col_axis])
    return apply_transform(x, matrix, channel_axis, fill_mode, cval)


def random_shift(x, wrg, hrg, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.):
    """Shift by random fractions of the height (`hrg`) and width (`wrg`)."""
    h, w = x.shape[row_axis], x.shape[col_axis]
    tx, ty = np.random.uniform(-hrg, hrg) * h, np.random.uniform(-wrg, wrg) * w
    return apply_transform(x, np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]]), channel_axis, fill_mode, cval)


def random_shear(x, intensity, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.):
    """Shear by a random angle in [-intensity, intensity] radians."""
    shear = np.random.uniform(-intensity, intensity)
    matrix = transform_matrix_offset_center(_shear(shear), x.shape[row_axis], x.shape[col_axis])
    return apply_transform(x, matrix, channel_axis, fill_mode, cval)


def random_zoom(x, zoom_range, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.):
    """Zoom rows and columns by random factors in `zoom_range` (a pair)."""
    if len(zoom_range) != 2:
        raise ValueError(f"zoom_range should be a tuple or list of two floats. Received: {zoom_range}")
    if zoom_range[0] == 1 and zoom_range[1] == 1:
        zx, zy = 1, 1
    else:
        zx, zy = np.random.uniform(zoom_range[0], zoom_range[1], 2)
    matrix = transform_matrix_offset_center(np.diag([zx, zy, 1]), x.shape[row_axis], x.shape[col_axis])
    return apply_transform(x, matrix, channel_axis, fill_mode, cval)


def random_channel_shift(x, intensity, channel_axis=0):
    """Add one random offset in [-intensity, intensity] per channel, clipped to the image's range."""
    x = np.rollaxis(x, channel_axis, 0)
    low, high = np.min(x), np.max(x)
    channels = [np.clip(c + np.random.uniform(-intensity, intensity), low, high) for c in x]
    return np.rollaxis(np.stack(channels, axis=0), 0, channel_axis + 1)


def flip_axis(x, axis):
    return np.flip(np.asarray(x), axis=axis)


# --- PIL conversions -------------------------------------------------------------------------

def array_to_img(x, dim_ordering="default", scale=True):
    """A 3D array as a PIL image ('RGB' for 3 channels, 'L' for 1); `scale` stretches to 0-255."""
    _require_pil("array_to_img")
    x = np.asarray(x, dtype=config.floatx())
    if x.ndim != 3:
        raise ValueError(f"Expected image array to have rank 3 (single image). Got array with shape: {x.shape}")
    if _ordering(dim_ordering) == "th":
        x = x.transpose(1, 2, 0)
    if scale:
        x = x + max(-np.min(x), 0)
        peak = np.max(x)
        if peak != 0:
            x = x / peak
        x = x * 255
    if x.shape[2] == 3:
        return pil_image.fromarray(x.astype("uint8"), "RGB")
    if x.shape[2] == 1:
        return pil_image.fromarray(x[:, :, 0].astype("uint8"), "L")
    raise ValueError(f"Unsupported channel number: {x.shape[2]}")


def img_to_array(img, dim_ordering="default"):
    """A PIL image as a float 3D array, channels first ('th') or last ('tf')."""
    ordering = _ordering(dim_ordering)
    x = np.asarray(img, dtype=config.floatx())
    if x.ndim == 3:
        return x.transpose(2, 0, 1) if ordering == "th" else x
    if x.ndim == 2:
        return x.reshape((1,) + x.shape) if ordering == "th" else x.reshape(x.shape + (1,))
    raise ValueError(f"Unsupported image shape: {x.shape}")


def load_img(path, grayscale=False, target_size=None):
    """Open an image file as RGB (or 'L' for grayscale), resized to (height, width) if given."""
    _require_pil("load_img")
    img = pil_image.open(path)
    img = img.convert("L" if grayscale else "RGB")
    if target_size:
        img = img.resize((target_size[1], target_size[0]))
    return img


def list_pictures(directory, ext="jpg|jpeg|bmp|png"):
    return [os.path.join(root, f) for root, _, files in os.walk(directory) for f in files
            if re.match(r"([\w]+\.(?:" + ext + "))", f)]


# --- the generator --------------------------------------------------------------------------

class ImageDataGenerator:
    """Keras 1 real-time image augmentation: `ImageDataGenerator(featurewise_center=False, ...,
    rescale=None, preprocessing_function=None, dim_ordering='default')`.

    Args: as Keras 1.2.2 (see the module docstring). `zoom_range` z means [1-z, 1+z].
    """

    def __init__(self, *args, **kwargs):
        kw = legacy_kwargs(rows.IMAGE_DATA_GENERATOR, args, kwargs)
        known = set(rows.IMAGE_DATA_GENERATOR.positional) - {"dim_ordering"} | {"data_format"}
        unknown = set(kw) - known
        if unknown:
            raise TypeError(f"ImageDataGenerator got unexpected keyword arguments {sorted(unknown)}")
        data_format = kw.pop("data_format", None)
        self.dim_ordering = _ordering("default") if data_format is None else \
            {"channels_first": "th", "channels_last": "tf"}.get(data_format, data_format)
        _ordering(self.dim_ordering)
        self.featurewise_center = kw.get("featurewise_center", False)
        self.samplewise_center = kw.get("samplewise_center", False)
        self.featurewise_std_normalization = kw.get("featurewise_std_normalization", False)
        self.samplewise_std_normalization = kw.get("samplewise_std_normalization", False)
        self.zca_whitening = kw.get("zca_whitening", False)
        self.rotation_range = kw.get("rotation_range", 0.)
        self.width_shift_range = kw.get("width_shift_range", 0.)
        self.height_shift_range = kw.get("height_shift_range", 0.)
        self.shear_range = kw.get("shear_range", 0.)
        self.channel_shift_range = kw.get("channel_shift_range", 0.)
        self.fill_mode = kw.get("fill_mode", "nearest")
        self.cval = kw.get("cval", 0.)
        self.horizontal_flip = kw.get("horizontal_flip", False)
        self.vertical_flip = kw.get("vertical_flip", False)
        self.rescale = kw.get("rescale")
        self.preprocessing_function = kw.get("preprocessing_function")
        if self.dim_ordering == "th":
            self.channel_axis, self.row_axis, self.col_axis = 1, 2, 3
        else:
            self.channel_axis, self.row_axis, self.col_axis = 3, 1, 2
        self.mean = self.std = self.principal_components = None
        zoom_range = kw.get("zoom_range", 0.)
        if np.isscalar(zoom_range):
            self.zoom_range = [1 - zoom_range, 1 + zoom_range]
        elif len(zoom_range) == 2:
            self.zoom_range = [zoom_range[0], zoom_range[1]]
        else:
            raise ValueError(f"zoom_range should be a float or a tuple or list of two floats. Received: {zoom_range}")

    def flow(self, X, y=None, batch_size=32, shuffle=True, seed=None, save_to_dir=None, save_prefix="",
             save_format="jpeg"):
        """Endless batches `(x, y)` (or `x`) of augmented, standardized images from arrays."""
        return NumpyArrayIterator(X, y, self, batch_size=batch_size, shuffle=shuffle, seed=seed,
                                  dim_ordering=self.dim_ordering, save_to_dir=save_to_dir,
                                  save_prefix=save_prefix, save_format=save_format)

    def flow_from_directory(self, directory, target_size=(256, 256), color_mode="rgb", classes=None,
                            class_mode="categorical", batch_size=32, shuffle=True, seed=None,
                            save_to_dir=None, save_prefix="", save_format="jpeg", follow_links=False):
        """Endless batches from a folder with one sub-folder of images per class."""
        return DirectoryIterator(directory, self, target_size=target_size, color_mode=color_mode,
                                 classes=classes, class_mode=class_mode, dim_ordering=self.dim_ordering,
                                 batch_size=batch_size, shuffle=shuffle, seed=seed, save_to_dir=save_to_dir,
                                 save_prefix=save_prefix, save_format=save_format, follow_links=follow_links)

    def _unfitted(self, what):
        warnings.warn(f"This ImageDataGenerator specifies `{what}`, but it hasn't been fit on any training "
                      f"data. Fit it first by calling `.fit(numpy_data)`.", stacklevel=3)

    def standardize(self, x):
        """Normalise one image (3D array), in place where possible, as Keras 1 did."""
        if self.preprocessing_function:
            x = self.preprocessing_function(x)
        if self.rescale:
            x *= self.rescale
        channel_axis = self.channel_axis - 1
        if self.samplewise_center:
            x -= np.mean(x, axis=channel_axis, keepdims=True)
        if self.samplewise_std_normalization:
            x /= np.std(x, axis=channel_axis, keepdims=True) + 1e-7
        if self.featurewise_center:
            if self.mean is not None:
                x -= self.mean
            else:
                self._unfitted("featurewise_center")
        if self.featurewise_std_normalization:
            if self.std is not None:
                x /= self.std + 1e-7
            else:
                self._unfitted("featurewise_std_normalization")
        if self.zca_whitening:
            if self.principal_components is not None:
                x = np.reshape(np.dot(np.reshape(x, x.size), self.principal_components), x.shape)
            else:
                self._unfitted("zca_whitening")
        return x

    def random_transform(self, x):
        """One random rotation/shift/shear/zoom (as one transform), channel shift and flips."""
        row_axis, col_axis, channel_axis = self.row_axis - 1, self.col_axis - 1, self.channel_axis - 1
        theta = np.pi / 180 * np.random.uniform(-self.rotation_range, self.rotation_range) \
            if self.rotation_range else 0
        tx = np.random.uniform(-self.height_shift_range, self.height_shift_range) * x.shape[row_axis] \
            if self.height_shift_range else 0
        ty = np.random.uniform(-self.width_shift_range, self.width_shift_range) * x.shape[col_axis] \
            if self.width_shift_range else 0
        shear = np.random.uniform(-self.shear_range, self.shear_range) if self.shear_range else 0
        if self.zoom_range[0] == 1 and self.zoom_range[1] == 1:
            zx, zy = 1, 1
        else:
            zx, zy = np.random.uniform(self.zoom_range[0], self.zoom_range[1], 2)
        translation = np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]])
        matrix = _rotation(theta) @ translation @ _shear(shear) @ np.diag([zx, zy, 1])
        matrix = transform_matrix_offset_center(matrix, x.shape[row_axis], x.shape[col_axis])
        x = apply_transform(x, matrix, channel_axis, fill_mode=self.fill_mode, cval=self.cval)
        if self.channel_shift_range != 0:
            x = random_channel_shift(x, self.channel_shift_range, channel_axis)
        if self.horizontal_flip and np.random.random() < 0.5:
            x = flip_axis(x, col_axis)
        if self.vertical_flip and np.random.random() < 0.5:
            x = flip_axis(x, row_axis)
        return x

    def fit(self, x, augment=False, rounds=1, seed=None):
        """Compute the feature-wise mean, std and ZCA matrix from a rank-4 sample of images."""
        x = np.asarray(x, dtype=config.floatx())
        if x.ndim != 4:
            raise ValueError(f"Input to `.fit()` should have rank 4. Got array with shape: {x.shape}")
        if x.shape[self.channel_axis] not in (1, 3, 4):
            raise ValueError(
                f"Expected input to be images (as Numpy array) following the dimension ordering convention "
                f"{self.dim_ordering!r} (channels on axis {self.channel_axis}), i.e. expected either 1, 3 or 4 "
                f"channels on axis {self.channel_axis}. However, it was passed an array with shape {x.shape} "
                f"({x.shape[self.channel_axis]} channels).")
        if seed is not None:
            np.random.seed(seed)
        x = np.copy(x)
        if augment:
            augmented = np.zeros((rounds * x.shape[0],) + x.shape[1:], dtype=config.floatx())
            for r in range(rounds):
                for i in range(x.shape[0]):
                    augmented[i + r * x.shape[0]] = self.random_transform(x[i])
            x = augmented
        broadcast = [1, 1, 1]
        broadcast[self.channel_axis - 1] = x.shape[self.channel_axis]
        if self.featurewise_center:
            self.mean = np.reshape(np.mean(x, axis=(0, self.row_axis, self.col_axis)), broadcast)
            x -= self.mean
        if self.featurewise_std_normalization:
            self.std = np.reshape(np.std(x, axis=(0, self.row_axis, self.col_axis)), broadcast)
            x /= self.std + config.epsilon()
        if self.zca_whitening:
            flat = np.reshape(x, (x.shape[0], -1))
            sigma = flat.T @ flat / flat.shape[0]
            u, s, _ = np.linalg.svd(sigma)
            self.principal_components = (u * (1. / np.sqrt(s + 10e-7))) @ u.T


class Iterator:
    """Endless, thread-safe batches of indices; `n` samples, reshuffled at each pass when `shuffle`."""

    def __init__(self, n, batch_size, shuffle, seed):
        self.n = n
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.batch_index = 0
        self.total_batches_seen = 0
        self.lock = threading.Lock()
        self.index_generator = self._flow_index(n, batch_size, shuffle, seed)

    def reset(self):
        self.batch_index = 0

    def _flow_index(self, n, batch_size=32, shuffle=False, seed=None):
        self.reset()
        index_array = np.arange(n)
        while True:
            if seed is not None:
                np.random.seed(seed + self.total_batches_seen)
            if self.batch_index == 0:
                index_array = np.random.permutation(n) if shuffle else np.arange(n)
            current_index = (self.batch_index * batch_size) % n
            if n >= current_index + batch_size:
                current_batch_size = batch_size
                self.batch_index += 1
            else:
                current_batch_size = n - current_index
                self.batch_index = 0
            self.total_batches_seen += 1
            yield index_array[current_index:current_index + current_batch_size], current_index, current_batch_size

    def __iter__(self):
        return self

    def __next__(self):
        return self.next()

    def __len__(self):
        return (self.n + self.batch_size - 1) // self.batch_size

    def _save(self, batch_x, current_index):
        if not self.save_to_dir:
            return
        for i in range(len(batch_x)):
            img = array_to_img(batch_x[i], self.dim_ordering, scale=True)
            name = f"{self.save_prefix}_{current_index + i}_{np.random.randint(10000)}.{self.save_format}"
            img.save(os.path.join(self.save_to_dir, name))


class NumpyArrayIterator(Iterator):
    """Batches of augmented images from arrays `x` (rank 4) and labels `y`."""

    def __init__(self, x, y, image_data_generator, batch_size=32, shuffle=False, seed=None,
                 dim_ordering="default", save_to_dir=None, save_prefix="", save_format="jpeg"):
        if y is not None and len(x) != len(y):
            raise ValueError(f"X (images tensor) and y (labels) should have the same length. "
                             f"Found: X.shape = {np.asarray(x).shape}, y.shape = {np.asarray(y).shape}")
        self.dim_ordering = _ordering(dim_ordering)
        self.x = np.asarray(x, dtype=config.floatx())
        if self.x.ndim != 4:
            raise ValueError(f"Input data in `NumpyArrayIterator` should have rank 4. You passed an array "
                             f"with shape {self.x.shape}")
        channels_axis = 3 if self.dim_ordering == "tf" else 1
        if self.x.shape[channels_axis] not in (1, 3, 4):
            raise ValueError(
                f"NumpyArrayIterator is set to use the dimension ordering convention {self.dim_ordering!r} "
                f"(channels on axis {channels_axis}), i.e. expected either 1, 3 or 4 channels on axis "
                f"{channels_axis}. However, it was passed an array with shape {self.x.shape} "
                f"({self.x.shape[channels_axis]} channels).")
        self.y = np.asarray(y) if y is not None else None
        self.image_data_generator = image_data_generator
        self.save_to_dir, self.save_prefix, self.save_format = save_to_dir, save_prefix, save_format
        super().__init__(self.x.shape[0], batch_size, shuffle, seed)

    def next(self):
        with self.lock:
            index_array, current_index, current_batch_size = next(self.index_generator)
        batch_x = np.zeros((current_batch_size,) + self.x.shape[1:], dtype=config.floatx())
        for i, j in enumerate(index_array):
            x = self.image_data_generator.random_transform(self.x[j].astype(config.floatx()))
            batch_x[i] = self.image_data_generator.standardize(x)
        self._save(batch_x, current_index)
        if self.y is None:
            return batch_x
        return batch_x, self.y[index_array]


_IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "bmp")


class DirectoryIterator(Iterator):
    """Batches of augmented images read from `directory/<class>/...`, labelled by sub-folder."""

    def __init__(self, directory, image_data_generator, target_size=(256, 256), color_mode="rgb",
                 dim_ordering="default", classes=None, class_mode="categorical", batch_size=32, shuffle=True,
                 seed=None, save_to_dir=None, save_prefix="", save_format="jpeg", follow_links=False):
        self.dim_ordering = _ordering(dim_ordering)
        self.directory = directory
        self.image_data_generator = image_data_generator
        self.target_size = tuple(target_size)
        if color_mode not in ("rgb", "grayscale"):
            raise ValueError(f"Invalid color mode: {color_mode!r}; expected 'rgb' or 'grayscale'.")
        self.color_mode = color_mode
        depth = 3 if color_mode == "rgb" else 1
        self.image_shape = self.target_size + (depth,) if self.dim_ordering == "tf" else (depth,) + self.target_size
        if class_mode not in ("categorical", "binary", "sparse", None):
            raise ValueError(f"Invalid class_mode: {class_mode!r}; expected one of 'categorical', 'binary', "
                             f"'sparse', or None.")
        self.class_mode = class_mode
        self.save_to_dir, self.save_prefix, self.save_format = save_to_dir, save_prefix, save_format
        if not classes:
            classes = [d for d in sorted(os.listdir(directory)) if os.path.isdir(os.path.join(directory, d))]
        self.nb_class = len(classes)
        self.class_indices = dict(zip(classes, range(len(classes))))
        self.filenames, labels = [], []
        for subdir in classes:
            walk = sorted(os.walk(os.path.join(directory, subdir), followlinks=follow_links), key=lambda t: t[0])
            for root, _, files in walk:
                for fname in files:
                    if fname.lower().endswith(tuple("." + e for e in _IMAGE_EXTENSIONS)):
                        labels.append(self.class_indices[subdir])
                        self.filenames.append(os.path.relpath(os.path.join(root, fname), directory))
        self.nb_sample = len(self.filenames)
        self.classes = np.array(labels, dtype="int32")
        print(f"Found {self.nb_sample} images belonging to {self.nb_class} classes.")
        super().__init__(self.nb_sample, batch_size, shuffle, seed)

    def next(self):
        with self.lock:
            index_array, current_index, current_batch_size = next(self.index_generator)
        batch_x = np.zeros((current_batch_size,) + self.image_shape, dtype=config.floatx())
        for i, j in enumerate(index_array):
            img = load_img(os.path.join(self.directory, self.filenames[j]),
                           grayscale=self.color_mode == "grayscale", target_size=self.target_size)
            x = self.image_data_generator.random_transform(img_to_array(img, dim_ordering=self.dim_ordering))
            batch_x[i] = self.image_data_generator.standardize(x)
        self._save(batch_x, current_index)
        if self.class_mode == "sparse":
            return batch_x, self.classes[index_array]
        if self.class_mode == "binary":
            return batch_x, self.classes[index_array].astype(config.floatx())
        if self.class_mode == "categorical":
            batch_y = np.zeros((len(batch_x), self.nb_class), dtype=config.floatx())
            batch_y[np.arange(len(batch_x)), self.classes[index_array]] = 1.
            return batch_x, batch_y
        return batch_x


__all__ = ["ImageDataGenerator", "NumpyArrayIterator", "DirectoryIterator", "Iterator", "array_to_img",
           "img_to_array", "load_img", "list_pictures", "apply_transform", "flip_axis", "random_rotation",
           "random_shift", "random_shear", "random_zoom", "random_channel_shift", "transform_matrix_offset_center"]
