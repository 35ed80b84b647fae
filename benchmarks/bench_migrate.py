"""Benchmark: `migrate` vs TensorFlow's `tf_upgrade_v2` on the same generated Keras 1 scripts.

    python -m benchmarks.bench_migrate [--files 120] [--seed 0] [--repeat 3] [--keep DIR] [--no-cli]

Makes a corpus of Keras 1 scripts (layers with Keras 1 arguments, optimizers,
generators, merges, custom layers, backend calls; 80-200 lines each), then
measures files per second:

- in process (after imports): `migrate` with 1 and 2 worker processes, against
  `tf_upgrade_v2`'s own engine (`ASTCodeUpgrader(TFAPIChangeSpec()).process_file`),
  which has no parallel mode. Each tool runs in a process of its own with the
  imports it needs: `tf_upgrade_v2` imports TensorFlow, whose ~380,000 Python
  objects slow every garbage collection in that process; timed in one process,
  `migrate` (which never imports TensorFlow) ran 50% slower than on its own;
- whole command lines, start-up included: `python -m migrate --check -j 1|2 DIR`
  against `tf_upgrade_v2 --intree DIR --outtree OUT`.

Both tools read every file and compute their rewrite; neither writes into the
corpus (`migrate --check` writes nothing, `tf_upgrade_v2` writes a copy). The
target is `migrate` at least 2x `tf_upgrade_v2`'s files per second. Timings
depend on the machine and its load; the ratios are what to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

# -- the corpus ---------------------------------------------------------------------------------

_HEADER = """\
from __future__ import print_function
import numpy as np
np.random.seed({seed})
from keras.models import Sequential, Model
from keras.layers.core import Dense, Dropout, Activation, Flatten, Reshape
from keras.layers.convolutional import Convolution2D, MaxPooling2D, ZeroPadding2D
from keras.layers.recurrent import LSTM, GRU
from keras.layers.embeddings import Embedding
from keras.layers.normalization import BatchNormalization
from keras.layers import Input, merge
from keras.optimizers import SGD, Adam, RMSprop
from keras.regularizers import l2, l1l2
from keras.callbacks import EarlyStopping, ModelCheckpoint
from keras.utils import np_utils
from keras import backend as K
"""

_BLOCKS = [
    """
def build_cnn_{i}(nb_classes={n}):
    model = Sequential()
    model.add(ZeroPadding2D((1, 1), input_shape=(3, {s}, {s})))
    model.add(Convolution2D({f}, 3, 3, border_mode='same', activation='relu', init='he_normal'))
    model.add(Convolution2D({f}, 3, 3, subsample=(2, 2), W_regularizer=l2({r})))
    model.add(MaxPooling2D(pool_size=(2, 2), strides=(2, 2), dim_ordering='th'))
    model.add(Dropout({p}))
    model.add(Flatten())
    model.add(Dense(output_dim={u}, init='glorot_normal'))
    model.add(BatchNormalization(mode=0, axis=1))
    model.add(Activation('relu'))
    model.add(Dense(nb_classes, activation='softmax'))
    sgd = SGD(lr={lr}, decay=1e-6, momentum=0.9, nesterov=True)
    model.compile(loss='categorical_crossentropy', optimizer=sgd, metrics=['accuracy'])
    return model
""",
    """
def build_rnn_{i}(vocab={n}, maxlen={s}):
    model = Sequential()
    model.add(Embedding(vocab, {u}, input_length=maxlen, dropout={p}))
    model.add(LSTM(output_dim={f}, dropout_W={p}, dropout_U={p}, return_sequences=True))
    model.add(GRU({f}, inner_activation='hard_sigmoid', consume_less='gpu'))
    model.add(Dense(1, W_regularizer=l1l2(), activation='sigmoid'))
    model.compile(loss='binary_crossentropy', optimizer=Adam(lr={lr}), metrics=['acc'])
    return model
""",
    """
def train_{i}(model, X, Y, X_val, Y_val):
    callbacks = [EarlyStopping(monitor='val_acc', patience={n}),
                 ModelCheckpoint('weights_{i}.hdf5', save_best_only=True, save_weights_only=True)]
    Y = np_utils.to_categorical(Y, nb_classes={n})
    history = model.fit(X, Y, batch_size={u}, nb_epoch={f}, verbose=1, show_accuracy=True,
                        validation_data=(X_val, Y_val), callbacks=callbacks)
    print(history.history['val_acc'][-1])
    score = model.evaluate(X_val, Y_val, batch_size={u}, verbose=0)
    return score
""",
    """
def functional_{i}():
    a = Input(shape=({s},))
    b = Input(shape=({s},))
    x = Dense({u}, activation='relu', init='uniform')(a)
    y = Dense({u}, activation='relu', W_regularizer=l2({r}))(b)
    s = merge([x, y], mode='sum')
    c = merge([s, x], mode='concat', concat_axis=-1)
    out = Dense({n}, activation='softmax')(c)
    model = Model(input=[a, b], output=out)
    model.compile(optimizer=RMSprop(lr={lr}), loss='categorical_crossentropy')
    return model
""",
    """
def batches_{i}(X, Y, batch_size={u}):
    while True:
        for start in range(0, len(X), batch_size):
            yield X[start:start + batch_size], Y[start:start + batch_size]


def train_generator_{i}(model, X, Y):
    gen = batches_{i}(X, Y, batch_size={u})
    model.fit_generator(gen, samples_per_epoch=len(X), nb_epoch={f},
                        validation_data=batches_{i}(X, Y, batch_size={u}), nb_val_samples={s})
    return model.predict_generator(batches_{i}(X, Y, batch_size={u}), val_samples={s})
""",
    """
def custom_loss_{i}(y_true, y_pred):
    diff = K.abs(y_true - y_pred)
    if K.image_dim_ordering() == 'th':
        diff = K.permute_dimensions(diff, (0, 2, 3, 1))
    return K.mean(K.square(diff), axis=-1) + K.epsilon()


def normalise_{i}(x):
    x = x.astype(np.float)
    return (x - K.epsilon()) / {lr}
""",
]


def make_corpus(folder: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        parts = [_HEADER.format(seed=index)]
        for block in rng.sample(_BLOCKS, k=rng.randint(3, len(_BLOCKS))):
            parts.append(block.format(i=index, n=rng.randint(2, 10), s=rng.choice([16, 28, 32, 64]),
                                      f=rng.choice([16, 32, 64]), u=rng.choice([8, 16, 32, 128]),
                                      p=rng.choice([0.1, 0.25, 0.5]), r=rng.choice([0.01, 0.001]),
                                      lr=rng.choice([0.01, 0.001, 0.1])))
        parts.append("\n\nif __name__ == '__main__':\n    print('keras 1 script {}')\n".format(index))
        path = os.path.join(folder, f"script_{index:04d}.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(parts))
        paths.append(path)
    return paths


# -- measurements --------------------------------------------------------------------------------

def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def _timed(run, count: int) -> tuple[float, float]:
    """(files per second, files per CPU-second of this process) for one `run()` over `count` files."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return _rate(count, time.perf_counter() - wall), _rate(count, time.process_time() - cpu)


def measure_migrate(paths, jobs: int) -> tuple[float, float]:
    from migrate import cli
    from migrate.engine import Options

    # What `migrate PATH` does by default: diffs, and positions only for what needs a person.
    cli._run(paths[:1], Options(locate_fixed=False), want_diff=True, jobs=1, progress=False)  # warm-up

    def run():
        outcomes = cli._run(paths, Options(locate_fixed=False), want_diff=True, jobs=jobs, progress=False)
        failed = [o.report.path for o in outcomes if o.report.error]
        assert not failed, failed

    return _timed(run, len(paths))


def measure_tf_upgrade(paths, out_folder: str) -> tuple[float, float] | None:
    try:
        from tensorflow.tools.compatibility import ast_edits, tf_upgrade_v2
    except ImportError:
        return None
    upgrader = ast_edits.ASTCodeUpgrader(tf_upgrade_v2.TFAPIChangeSpec())
    upgrader.process_file(paths[0], os.path.join(out_folder, "warm-up.py"))

    def run():
        for path in paths:
            upgrader.process_file(path, os.path.join(out_folder, os.path.basename(path)))

    return _timed(run, len(paths))


def measure_libcst_floor(paths) -> tuple[float, float]:
    """LibCST alone: read, parse, generate the code back (the way `migrate` does), no rewriting.

    The ceiling for any codemod that parses whole files with LibCST, `migrate` at `-j 1` included.
    """
    import libcst

    from migrate.codegen import node_code

    def run():
        for path in paths:
            with open(path, encoding="utf-8") as f:
                node_code(libcst.parse_module(f.read()))

    return _timed(run, len(paths))


def _in_own_process(what: str, folder: str, out: str, jobs: int = 1) -> tuple[float, float] | None:
    """Run one measurement in a fresh Python with only the imports its tool needs."""
    command = [sys.executable, "-m", "benchmarks.bench_migrate", "--measure", what, "--corpus", folder,
               "--out", out, "--jobs", str(jobs)]
    result = subprocess.run(command, capture_output=True, text=True,
                            cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if result.returncode != 0:
        raise RuntimeError(f"measuring {what} failed: {result.stderr[-2000:]}")
    rates = json.loads(result.stdout.strip().splitlines()[-1])
    return None if rates is None else tuple(rates)


def _measure_main(args) -> int:
    paths = sorted(os.path.join(args.corpus, name) for name in os.listdir(args.corpus) if name.endswith(".py"))
    if args.measure == "migrate":
        rates = measure_migrate(paths, args.jobs)
    elif args.measure == "tf_upgrade_v2":
        rates = measure_tf_upgrade(paths, args.out)
    else:
        rates = measure_libcst_floor(paths)
    print(json.dumps(rates))
    return 0


def bench_command(command, count: int) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{command[:3]} failed ({result.returncode}): {result.stderr[-2000:]}")
    return _rate(count, seconds)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=120)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it")
    parser.add_argument("--repeat", type=int, default=3, help="in-process rounds (the best is kept)")
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-command measurements")
    parser.add_argument("--measure", choices=("migrate", "tf_upgrade_v2", "libcst"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        return _measure_main(args)

    folder = args.keep or tempfile.mkdtemp(prefix="bench-migrate-")
    os.makedirs(folder, exist_ok=True)
    out = tempfile.mkdtemp(prefix="bench-tf-upgrade-")
    try:
        paths = make_corpus(folder, args.files, args.seed)
        lines = sum(open(p, encoding="utf-8").read().count("\n") for p in paths)
        print(f"corpus: {len(paths)} Keras 1 scripts, {lines} lines ({lines // len(paths)} per file); "
              f"{os.cpu_count()} CPUs")

        rows = []
        # Best of `--repeat` rounds, the tools interleaved, so a busy machine penalises all alike.
        best: dict[str, tuple[float, float]] = {}
        for _ in range(args.repeat):
            for key, what, jobs in (("m1", "migrate", 1), ("m2", "migrate", 2), ("tf", "tf_upgrade_v2", 1),
                                    ("floor", "libcst", 1)):
                rates = _in_own_process(what, folder, out, jobs)
                if rates is not None:
                    old = best.get(key, (0.0, 0.0))
                    best[key] = (max(old[0], rates[0]), max(old[1], rates[1]))
        tf_wall, tf_cpu = best.get("tf", (None, None))
        rows.append(("in process", best["m1"][0], best["m2"][0], tf_wall))
        rows.append(("per CPU-second", best["m1"][1], float("nan"), tf_cpu))
        floor = best["floor"][1]

        if not args.no_cli:
            env_python = sys.executable
            cli_1 = bench_command([env_python, "-m", "migrate", "--check", "-q", "-j", "1", folder], len(paths))
            cli_2 = bench_command([env_python, "-m", "migrate", "--check", "-q", "-j", "2", folder], len(paths))
            tf_cli = None
            tool = shutil.which("tf_upgrade_v2") or os.path.join(os.path.dirname(env_python), "tf_upgrade_v2")
            if os.path.exists(tool):
                tree = os.path.join(out, "tree")
                tf_cli = bench_command([tool, "--intree", folder, "--outtree", tree, "--reportfile",
                                        os.path.join(out, "report.txt")], len(paths))
            rows.append(("command line", cli_1, cli_2, tf_cli))

        print(f"{'files/second':<16}{'migrate -j 1':>12}{'migrate -j 2':>14}{'tf_upgrade_v2':>15}"
              f"{'ratio -j 1':>12}{'ratio -j 2':>12}")
        for label, one, two, tf in rows:
            ratio_1 = f"{one / tf:.2f}x" if tf else "n/a"
            ratio_2 = f"{two / tf:.2f}x" if tf and two == two else "n/a"
            tf_text = f"{tf:.1f}" if tf else "n/a"
            two_text = f"{two:.1f}" if two == two else "n/a"
            print(f"{label:<16}{one:>12.1f}{two_text:>14}{tf_text:>15}{ratio_1:>12}{ratio_2:>12}")
        if tf_cpu:
            print(f"LibCST parse + code generation alone, no rewriting: {floor:.1f} files per CPU-second "
                  f"= {floor / tf_cpu:.2f}x tf_upgrade_v2 (the ceiling for a whole-file LibCST codemod at -j 1)")
        for label, one, two, tf in rows:
            if not tf or label == "per CPU-second":
                continue
            verdicts = [f"-j {jobs} {rate / tf:.2f}x {'met' if rate / tf >= 2 else 'NOT met'}"
                        for jobs, rate in ((1, one), (2, two)) if rate == rate]
            print(f"target >= 2x tf_upgrade_v2, {label}: {', '.join(verdicts)}")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    finally:
        shutil.rmtree(out, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
