"""Files legacykeras writes are read by the real Keras 1.2.2 (live oracle; skipped without it)."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap

import numpy as np
import pytest

from legacykeras.layers.core import Activation, Dense, Dropout
from legacykeras.models import Sequential
from testlib import SHARED

ORACLE = SHARED / "keras1-oracle" / "python"

def oracle_env(env: str) -> dict:
    """A clean environment: our TF 2 process sets variables (e.g. TF2_BEHAVIOR) that TF 1.15 obeys."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "KERAS1_ORACLE_HOME", "PYENV_ROOT")}
    return {**keep, "KERAS1_BACKEND": env}


READER = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    from keras.models import model_from_json
    folder = sys.argv[1]
    model = model_from_json(open(folder + '/model.json').read())
    model.load_weights(folder + '/weights.h5')
    np.save(folder + '/oracle_output.npy', model.predict(np.load(folder + '/input.npy')))
    print(json.dumps([layer.name for layer in model.layers]))
    """
)


@pytest.mark.oracle(env="theano")
@pytest.mark.parametrize("env", ["theano", "tensorflow"])
def test_keras1_reads_our_json_and_weights(tmp_path, env):
    from testlib import oracle_available

    if not oracle_available(env):
        pytest.skip(f"keras1-oracle environment {env!r} not set up")
    model = Sequential([Dense(5, input_dim=4, activation="relu"), Dropout(0.5), Dense(2), Activation("softmax")])
    x = np.random.RandomState(1).rand(3, 4).astype("float32")
    (tmp_path / "model.json").write_text(model.to_json())
    model.save_weights(str(tmp_path / "weights.h5"))
    np.save(tmp_path / "input.npy", x)
    script = tmp_path / "reader.py"
    script.write_text(READER)
    result = subprocess.run(
        [str(ORACLE), str(script), str(tmp_path)], capture_output=True, text=True, timeout=300,
        env=oracle_env(env),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    names = json.loads(result.stdout.strip().splitlines()[-1])
    assert names == [layer.name for layer in model.layers]
    np.testing.assert_allclose(np.load(tmp_path / "oracle_output.npy"), model.predict(x), atol=1e-5)
