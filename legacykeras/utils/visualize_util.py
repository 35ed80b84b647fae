"""Keras 1.2.2 `keras.utils.visualize_util`: `plot` and `model_to_dot` (Keras 3: `keras.utils.plot_model`).

Both need pydot and Graphviz. Importing this module always works (Keras 1
failed at import without pydot); calling `plot` without them raises an
ImportError that says what to install.
"""

from __future__ import annotations

import importlib.util
import shutil

from legacykeras.rules import modules as rows
from legacykeras.utils._calls import legacy_kwargs


def _require_pydot():
    if importlib.util.find_spec("pydot") is None:
        raise ImportError(
            "keras.utils.visualize_util.plot needs pydot and Graphviz to draw the model, and pydot is "
            "not installed. Install both (`pip install pydot`, and Graphviz's `dot`, e.g. "
            "`apt-get install graphviz`), or print the model with `model.summary()` instead. "
            "Keras 3 spelling: keras.utils.plot_model(model, to_file=...)."
        )
    if shutil.which("dot") is None:
        raise ImportError(
            "keras.utils.visualize_util.plot needs Graphviz's `dot` program, which is not on PATH. "
            "Install Graphviz (e.g. `apt-get install graphviz`), or use `model.summary()` instead."
        )


def model_to_dot(model, show_shapes=False, show_layer_names=True):
    """The model as a `pydot.Dot` graph."""
    from legacykeras._keras import keras

    _require_pydot()
    return keras.utils.model_to_dot(model, show_shapes=show_shapes, show_layer_names=show_layer_names)


def plot(model, to_file="model.png", show_shapes=False, show_layer_names=True):
    """Draw the model to an image file."""
    from legacykeras._keras import keras

    kwargs = legacy_kwargs(rows.PLOT, (model, to_file, show_shapes, show_layer_names), {})
    _require_pydot()
    return keras.utils.plot_model(**kwargs)


__all__ = ["plot", "model_to_dot"]
