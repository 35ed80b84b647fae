"""How Keras 1 weight lists map to Keras 3 ones, per layer kind.

Each layout converts both ways between the Keras 1 array list (the order and
shapes `get_weights()` returned in 1.2.2, and that HDF5 files hold) and the
Keras 3 list of the modern layer. Pure numpy; the facts are in
shared/research/keras2-legacy.md section 3.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Sequence

import numpy as np


@dataclasses.dataclass(frozen=True)
class WeightLayout:
    """Keras 1 <-> Keras 3 arrays of one layer kind.

    Attributes:
        names: Keras 1 weight-name suffixes (`dense_1_W`), given the Keras 1 config.
        to_modern / to_legacy: array list converters, given the Keras 1 config.
        attributes: Keras 1 attribute -> Keras 3 attribute (`layer.W` -> `layer.kernel`).
        axis_maps: where each Keras 1 axis went, per Keras 3 array (None: unchanged).
    """

    names: Callable[[dict], Sequence[str]]
    to_modern: Callable[[list, dict], list]
    to_legacy: Callable[[list, dict], list]
    attributes: dict = dataclasses.field(default_factory=dict)
    # Per Keras 3 array, {Keras 1 axis: Keras 3 axis (None: gone)} when the axes moved, so
    # that `axis=` arguments written for Keras 1 arrays (maxnorm(axis=...)) keep their meaning.
    axis_maps: Callable[[dict], Sequence[dict | None]] | None = None


def _same(arrays, config):
    return [np.asarray(a) for a in arrays]


def _kernel_bias_names(config):
    return ("W", "b") if config.get("bias", True) else ("W",)


LAYOUTS: dict[str, WeightLayout] = {
    "dense": WeightLayout(_kernel_bias_names, _same, _same, {"W": "kernel", "b": "bias"}),
}


def register(name: str, layout: WeightLayout) -> None:
    LAYOUTS[name] = layout


def get(name: str | None) -> WeightLayout | None:
    return None if name is None else LAYOUTS[name]


# --- convolution kernels -------------------------------------------------------------------
# Keras 3 kernels are channels-last whatever the data_format: (*spatial, in, out).
# Keras 1 'th' kernels were (out, in, *spatial); 'tf' kernels were Keras 3's layout already.
# Theano flipped kernels (true convolution); these layouts do not flip: a Theano-trained
# file needs its kernels flipped as well, which the loader decides (io/hdf5_weights.py).


def _is_th(config) -> bool:
    return config.get("dim_ordering") == "th"


def _transposer(th_to_modern: tuple, *, tf_to_modern: tuple | None = None, index: int = 0):
    """Converters that permute array `index` (the kernel) by ordering; the rest pass."""
    def permutation(config, inverse):
        perm = th_to_modern if _is_th(config) else tf_to_modern
        if perm is None:
            return None
        return tuple(np.argsort(perm)) if inverse else perm

    def convert(inverse):
        def run(arrays, config):
            arrays = [np.asarray(a) for a in arrays]
            perm = permutation(config, inverse)
            if perm is not None and len(arrays) > index:
                arrays[index] = np.transpose(arrays[index], perm)
            return arrays
        return run

    def axis_maps(config):
        perm = permutation(config, False)
        if perm is None:
            return [None]
        return [{int(old): new for new, old in enumerate(perm)}]

    return convert(False), convert(True), axis_maps


def _conv1d_to_modern(arrays, config):
    arrays = [np.asarray(a) for a in arrays]
    if arrays and arrays[0].ndim == 4:
        # 1.1+: (filter_length, 1, input_dim, nb_filter); 1.0.x: (nb_filter, input_dim, filter_length, 1).
        kernel = arrays[0]
        if kernel.shape[1] != 1 and kernel.shape[3] == 1:
            kernel = np.transpose(kernel, (2, 3, 1, 0))
        arrays[0] = kernel[:, 0, :, :]
    return arrays


def _conv1d_to_legacy(arrays, config):
    arrays = [np.asarray(a) for a in arrays]
    if arrays:
        arrays[0] = arrays[0][:, np.newaxis, :, :]
    return arrays


_CONV2D = _transposer((2, 3, 1, 0))
_CONV3D = _transposer((2, 3, 4, 1, 0))
# Keras 1 Deconvolution2D kernels were shaped like a Convolution2D kernel of the same
# nb_filter: th (nb_filter, stack, rows, cols), tf (rows, cols, stack, nb_filter); Keras 3's
# Conv2DTranspose wants (rows, cols, filters, stack).
_DECONV2D = _transposer((2, 3, 0, 1), tf_to_modern=(0, 1, 3, 2))


def _separable_to_modern(arrays, config):
    arrays = [np.asarray(a) for a in arrays]
    if _is_th(config):
        arrays[0] = np.transpose(arrays[0], (2, 3, 1, 0))  # (dm, stack, r, c) -> (r, c, stack, dm)
        arrays[1] = np.transpose(arrays[1], (2, 3, 1, 0))  # (F, dm*stack, 1, 1) -> (1, 1, dm*stack, F)
    return arrays


def _separable_to_legacy(arrays, config):
    arrays = [np.asarray(a) for a in arrays]
    if _is_th(config):
        arrays[0] = np.transpose(arrays[0], (3, 2, 0, 1))
        arrays[1] = np.transpose(arrays[1], (3, 2, 0, 1))
    return arrays


def _names(*names, bias_names=("b",)):
    def run(config):
        return (*names, *bias_names) if config.get("bias", True) else names
    return run


_KERNEL = {"W": "kernel", "b": "bias"}

def _conv1d_axes(config):
    # (filter_length, 1, input_dim, nb_filter) -> (filter_length, input_dim, nb_filter)
    return [{0: 0, 1: None, 2: 1, 3: 2}]


def _separable_axes(config):
    if not _is_th(config):
        return [None, None]
    moved = {0: 3, 1: 2, 2: 0, 3: 1}  # both kernels: transpose (2, 3, 1, 0)
    return [moved, moved]


register("conv1d", WeightLayout(_kernel_bias_names, _conv1d_to_modern, _conv1d_to_legacy, _KERNEL, _conv1d_axes))
register("conv2d", WeightLayout(_kernel_bias_names, *_CONV2D[:2], _KERNEL, _CONV2D[2]))
register("conv3d", WeightLayout(_kernel_bias_names, *_CONV3D[:2], _KERNEL, _CONV3D[2]))
register("deconv2d", WeightLayout(_kernel_bias_names, *_DECONV2D[:2], _KERNEL, _DECONV2D[2]))
register("separable_conv2d", WeightLayout(
    _names("depthwise_kernel", "pointwise_kernel"), _separable_to_modern, _separable_to_legacy,
    {"b": "bias"}, _separable_axes,
))

# --- layers whose Keras 3 arrays are Keras 1's, in order and shape -----------------------------
register("batch_normalization", WeightLayout(
    lambda config: ("gamma", "beta", "running_mean", "running_std"), _same, _same,
    # running_std holds a variance since Keras 1.0.6 (research notes, 3.4).
    {"running_mean": "moving_mean", "running_std": "moving_variance"},
))
register("embedding", WeightLayout(lambda config: ("W",), _same, _same, {"W": "embeddings"}))
register("prelu", WeightLayout(lambda config: ("alphas",), _same, _same, {"alphas": "alpha"}))
# legacykeras' own layers keep Keras 1's arrays and attribute names.
register("highway", WeightLayout(_names("W", "W_carry", bias_names=("b", "b_carry")), _same, _same))
register("maxout_dense", WeightLayout(_kernel_bias_names, _same, _same))
register("parametric_softplus", WeightLayout(lambda config: ("alphas", "betas"), _same, _same))
register("srelu", WeightLayout(lambda config: ("t_left", "a_left", "t_right", "a_right"), _same, _same))
register("locally_connected", WeightLayout(_kernel_bias_names, _same, _same))


# --- recurrent layers (legacykeras.rules.layers.recurrent; research notes 3.2) -----------------
# Keras 3 concatenates the gates on the last axis: LSTM i, f, c, o; GRU z, r, h (reset_after=False,
# one bias per gate). Keras 1 'gpu' mode had that layout already; 'cpu'/'mem' kept one array per
# gate: LSTM in i, c, f, o order (its explicit trainable_weights list), GRU in z, r, h order.
_LSTM_GATES = ("i", "c", "f", "o")
_LSTM_TO_MODERN_ORDER = (0, 2, 1, 3)  # i, c, f, o -> i, f, c, o
_GRU_GATES = ("z", "r", "h")


def _per_gate(config) -> bool:
    return config.get("consume_less", "cpu") != "gpu"


def _gated_names(gates):
    def run(config):
        if not _per_gate(config):
            return ("W", "U", "b")
        return tuple(f"{kind}_{gate}" for gate in gates for kind in ("W", "U", "b"))
    return run


def _gated_to_modern(gates, order):
    def run(arrays, config):
        arrays = [np.asarray(a) for a in arrays]
        if not _per_gate(config) or len(arrays) == 3:
            return arrays
        by_gate = [arrays[3 * g:3 * g + 3] for g in range(len(gates))]
        return [np.concatenate([by_gate[g][kind] for g in order], axis=-1) for kind in range(3)]
    return run


def _gated_to_legacy(gates, order):
    def run(arrays, config):
        arrays = [np.asarray(a) for a in arrays]
        if not _per_gate(config):
            return arrays
        pieces = [np.split(a, len(gates), axis=-1) for a in arrays]  # modern gate order
        out = []
        for gate in range(len(gates)):
            modern_index = order.index(gate)
            out += [pieces[kind][modern_index] for kind in range(3)]
        return out
    return run


_RNN_ATTRIBUTES = {"W": "kernel", "U": "recurrent_kernel", "b": "bias"}

register("simple_rnn", WeightLayout(lambda config: ("W", "U", "b"), _same, _same, _RNN_ATTRIBUTES))
register("lstm", WeightLayout(
    _gated_names(_LSTM_GATES), _gated_to_modern(_LSTM_GATES, _LSTM_TO_MODERN_ORDER),
    _gated_to_legacy(_LSTM_GATES, _LSTM_TO_MODERN_ORDER), _RNN_ATTRIBUTES,
))
register("gru", WeightLayout(
    _gated_names(_GRU_GATES), _gated_to_modern(_GRU_GATES, (0, 1, 2)),
    _gated_to_legacy(_GRU_GATES, (0, 1, 2)), _RNN_ATTRIBUTES,
))


def _conv_lstm_to_modern(arrays, config):
    arrays = [np.asarray(a) for a in arrays]
    if _is_th(config):  # per gate: W (F, C, r, c) and U (F, F, r, c) -> (r, c, in, F)
        arrays = [np.transpose(a, (2, 3, 1, 0)) if a.ndim == 4 else a for a in arrays]
    return _gated_to_modern(_LSTM_GATES, _LSTM_TO_MODERN_ORDER)(arrays, {"consume_less": "cpu"})


def _conv_lstm_to_legacy(arrays, config):
    arrays = _gated_to_legacy(_LSTM_GATES, _LSTM_TO_MODERN_ORDER)(arrays, {"consume_less": "cpu"})
    if _is_th(config):
        arrays = [np.transpose(a, (3, 2, 0, 1)) if a.ndim == 4 else a for a in arrays]
    return arrays


register("conv_lstm2d", WeightLayout(
    _gated_names(_LSTM_GATES), _conv_lstm_to_modern, _conv_lstm_to_legacy, _RNN_ATTRIBUTES,
))
