"""`make demo`: the three products of legacykeras on files shipped with this repository.

1. the shim runs an unmodified Keras 1 script (examples/keras1_mlp.py) with `python -m legacykeras`;
2. the loader reads a Keras 1 model file written by the real Keras 1.2.2 on Theano and predicts
   what Keras 1.2.2 predicted;
3. `legacykeras convert` writes a native .keras file that plain Keras 3 loads;
4. `migrate` shows the Keras 3 source for the same script.
"""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import tempfile

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "keras1_mlp.py"
CASE = ROOT / "fixtures" / "theano-tf" / "mlp_slice"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")  # quiet import; numerics closer to Keras 1
ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}


def step(title: str) -> None:
    print(f"\n=== {title} ===", flush=True)


def run(*args: str, ok=(0,)) -> str:
    result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=ENV, cwd=ROOT)
    if result.returncode not in ok:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"demo step failed: {' '.join(args)}")
    return result.stdout


def main() -> int:
    work = pathlib.Path(tempfile.mkdtemp(prefix="legacykeras-demo-"))
    weights = work / "mlp_weights.h5"

    step(f"1. Shim: python -m legacykeras {SCRIPT.relative_to(ROOT)} (imports say `keras`, unchanged)")
    print(run("-m", "legacykeras", str(SCRIPT), str(weights)), end="")

    step(f"2. Loader: a Keras 1.2.2 / Theano file pair from {CASE.relative_to(ROOT)}")
    from legacykeras.models import model_from_json

    model = model_from_json((CASE / "model.json").read_text())
    model.load_weights(str(CASE / "weights.h5"), source_backend="theano")
    ours = model.predict(np.load(CASE / "input.npy"))
    theirs = np.load(CASE / "output.npy")
    print("layers:", ", ".join(f"{layer.name} ({type(layer).__name__})" for layer in model.layers))
    print(f"max |legacykeras - Keras 1.2.2| over {ours.size} outputs: {np.abs(ours - theirs).max():.2e}")

    step("3. Convert: legacykeras convert model.h5 model.keras, then plain Keras 3 loads it")
    native = work / "mlp_slice.keras"
    print(run("-m", "legacykeras.cli", "convert", str(CASE / "model.h5"), str(native), "--source-backend", "theano"), end="")
    check = (
        "import numpy as np, keras, sys; m = keras.saving.load_model(sys.argv[1]);"
        "out = m.predict(np.load(sys.argv[2]), verbose=0);"
        "print('plain Keras', keras.__version__, 'loaded', type(m).__name__, 'max diff vs Keras 1.2.2: %.2e'"
        " % np.abs(out - np.load(sys.argv[3])).max());"
        "assert 'legacykeras' not in sys.modules"
    )
    print(run("-c", check, str(native), str(CASE / "input.npy"), str(CASE / "output.npy")), end="")

    step(f"4. Codemod: migrate {SCRIPT.relative_to(ROOT)} (diff only; nothing is written)")
    print(run("-m", "migrate", str(SCRIPT), ok=(0, 1)), end="")  # 1: it would change the file
    print(f"\nDemo files are in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
