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
    """

    names: Callable[[dict], Sequence[str]]
    to_modern: Callable[[list, dict], list]
    to_legacy: Callable[[list, dict], list]
    attributes: dict = dataclasses.field(default_factory=dict)


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
