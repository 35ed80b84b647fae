"""Run Keras 1 (or migrated) scripts in this process; print what each built, as JSON.

    python e2e_probe.py OUT.json SCRIPT...               # plain Keras 3 (migrated scripts)
    python -m legacykeras e2e_probe.py OUT.json SCRIPT...  # the original scripts under the shim

Each script runs in its own temporary folder and must leave a `model`. The
result per script: the parameter count, the output shapes, and whether
`legacykeras` was imported; or the error.
"""

import json
import os
import runpy
import sys
import tempfile
import traceback


def probe(script):
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as work:
        os.chdir(work)
        try:
            scope = runpy.run_path(script, run_name="__main__")
            model = scope["model"]
            return {
                "params": int(model.count_params()),
                "outputs": [[None if d is None else int(d) for d in t.shape] for t in model.outputs],
                "legacykeras": "legacykeras" in sys.modules,
            }
        except BaseException:  # report, and go on with the next script
            return {"error": traceback.format_exc()[-3000:]}
        finally:
            os.chdir(here)


def main():
    out, scripts = sys.argv[1], sys.argv[2:]
    results = {}
    for script in scripts:
        results[os.path.basename(script)] = probe(os.path.abspath(script))
        try:
            import keras

            keras.backend.clear_session()
        except Exception:
            pass
    with open(out, "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
