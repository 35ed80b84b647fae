"""Test-wide setup.

Keras 1 read `image_dim_ordering` from ~/.keras/keras.json. Tests run against a
private KERAS_HOME whose keras.json is an old Keras 1 file, `"backend":
"theano"` included, which must not break anything (Keras 3 would refuse that
backend; legacykeras pins TensorFlow). Set before anything imports keras.
"""

from __future__ import annotations

import json
import os
import tempfile

import pytest

_KERAS_HOME = tempfile.mkdtemp(prefix="legacykeras-tests-")
with open(os.path.join(_KERAS_HOME, "keras.json"), "w") as _f:
    json.dump({"floatx": "float32", "epsilon": 1e-07, "backend": "theano", "image_dim_ordering": "tf"}, _f)
os.environ["KERAS_HOME"] = _KERAS_HOME
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# oneDNN's reordered float sums cost parity digits against Keras 1 and log noise at import.
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")

from testlib import oracle_available  # noqa: E402


def pytest_collection_modifyitems(config, items):
    for item in items:
        marker = item.get_closest_marker("oracle")
        if marker is None:
            continue
        env = marker.kwargs.get("env", "theano")
        if not oracle_available(env):
            item.add_marker(pytest.mark.skip(reason=f"keras1-oracle environment {env!r} not set up"))


@pytest.fixture(autouse=True)
def _fresh_legacy_warnings():
    """Each test sees its own first warning per call site."""
    try:
        from legacykeras import warnings as lk_warnings
    except ImportError:
        yield
        return
    lk_warnings.reset()
    yield
