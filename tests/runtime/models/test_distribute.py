"""A legacy model trains under `tf.distribute.MirroredStrategy` (two logical CPUs) like on one device.

Logical devices must be configured before TensorFlow starts, so the training
runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import numpy as np

SCRIPT = textwrap.dedent("""
    import json, sys
    # legacykeras first: it pins Keras 3's backend (the tests' keras.json says theano).
    from legacykeras.models import Sequential
    from legacykeras.layers.core import Dense
    from legacykeras.optimizers import SGD
    import numpy as np, tensorflow as tf
    cpu = tf.config.list_physical_devices("CPU")[0]
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)

    rng = np.random.RandomState(0)
    x = rng.randn(20, 4).astype("float32")
    y = np.eye(3, dtype="float32")[rng.randint(0, 3, 20)]
    sw = rng.uniform(0.5, 2, 20).astype("float32"); sw[3] = 0
    init = [rng.randn(4, 5).astype("float32") * .5, np.zeros(5, "float32"),
            rng.randn(5, 3).astype("float32") * .5, np.zeros(3, "float32")]

    def run(strategy, **fit):
        with strategy.scope():
            model = Sequential([Dense(5, input_dim=4, activation="tanh"), Dense(3, activation="softmax")])
            model.set_weights(init)
            model.compile(loss="categorical_crossentropy", optimizer=SGD(lr=0.1, momentum=0.9),
                          metrics=["accuracy"])
        # batches of 8, 8, 4: split across the replicas; the weighted run is not split
        history = model.fit(x, y, batch_size=8, nb_epoch=2, shuffle=False, verbose=0, **fit)
        return {"history": history.history, "weights": [w.tolist() for w in model.get_weights()],
                "replicas": strategy.num_replicas_in_sync}

    mirrored = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
    out = {"mirrored": run(mirrored), "single": run(tf.distribute.get_strategy()),
           "mirrored_weighted": run(mirrored, sample_weight=sw),
           "single_weighted": run(tf.distribute.get_strategy(), sample_weight=sw)}
    sys.stdout.write("RESULT " + json.dumps(out) + "\\n")
""")


def test_mirrored_strategy_on_two_logical_cpus_matches_one_device():
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    out = json.loads(lines[-1][len("RESULT "):])
    assert out["mirrored"]["replicas"] == 2 and out["single"]["replicas"] == 1
    for a, b in (("mirrored", "single"), ("mirrored_weighted", "single_weighted")):
        assert set(out[a]["history"]) == {"loss", "acc"}
        for key in out[a]["history"]:
            np.testing.assert_allclose(out[a]["history"][key], out[b]["history"][key], atol=1e-5, err_msg=key)
        for ours, theirs in zip(out[a]["weights"], out[b]["weights"]):
            np.testing.assert_allclose(ours, theirs, atol=1e-5)
