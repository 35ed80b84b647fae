"""Rows for `keras.layers.recurrent` (Keras 1.2.2). Codes LK300-LK309.

Keras 1 recurrent layers map onto Keras 3's `SimpleRNN`/`GRU`/`LSTM` with:
- the Keras 2 keyword renames (`output_dim` -> `units`, `inner_init` ->
  `recurrent_initializer`, `inner_activation` -> `recurrent_activation`,
  `U_regularizer` -> `recurrent_regularizer`, `dropout_W`/`dropout_U` ->
  `dropout`/`recurrent_dropout`);
- Keras 1's default `inner_activation='hard_sigmoid'`, which was clip(0.2x + 0.5)
  (Keras 3's default is `sigmoid`, and its `hard_sigmoid` has slope 1/6);
- GRU without reset-after (`reset_after=False`, one bias per gate);
- `forget_bias_init` 'one'/'zero' as `unit_forget_bias` True/False;
- `consume_less`, which only chose Keras 1's kernels and weight layout
  ('cpu'/'mem': one array per gate, 12 for LSTM in i, c, f, o order and 9 for GRU;
  'gpu': 3 arrays with the gates side by side): the weight layouts `lstm`, `gru`
  read it; Keras 3 has no such argument.

Keras 1 quirk kept by the shim: in 'cpu'/'mem' mode GRU and LSTM initialised the
recurrent kernels with `init` (not `inner_init`) and regularised them with
`W_regularizer` (not `U_regularizer`) -- see 1.2.2's `GRU.build`/`LSTM.build`.
"""

from legacykeras.rules.schema import CallRule, Drop, Expr, MapValue, NoEquivalent, Refuse
from legacykeras.rules.values import ACTIVATION, INIT_NAMES, REGULARIZER_NAMES

_MOD = "keras.layers.recurrent."

RECURRENT_RENAMES = {
    "output_dim": "units",
    "init": "kernel_initializer",
    "inner_init": "recurrent_initializer",
    "inner_activation": "recurrent_activation",
    "W_regularizer": "kernel_regularizer",
    "U_regularizer": "recurrent_regularizer",
    "b_regularizer": "bias_regularizer",
    "dropout_W": "dropout",
    "dropout_U": "recurrent_dropout",
}

RECURRENT_VALUES = {
    "init": INIT_NAMES,
    "inner_init": INIT_NAMES,
    "activation": ACTIVATION,
    "inner_activation": ACTIVATION,
    "W_regularizer": REGULARIZER_NAMES,
    "U_regularizer": REGULARIZER_NAMES,
    "b_regularizer": REGULARIZER_NAMES,
}

KERAS1_HARD_SIGMOID = Expr("legacykeras.activations.get", {"identifier": "hard_sigmoid"})
# Keras 1's default inner_init 'orthogonal' had gain 1.1 (Keras 3's default has 1.0).
KERAS1_ORTHOGONAL = INIT_NAMES.mapping["orthogonal"]

CONSUME_LESS = Drop(
    "consume_less",
    why="Keras 3 chooses its own kernels; legacykeras keeps the Keras 1 weight layout it implied",
)

FORGET_BIAS = MapValue(
    mapping={"one": True, "zero": False},
    why="`forget_bias_init` 'one'/'zero' is `unit_forget_bias` True/False",
)
FORGET_BIAS_OTHER = Refuse(
    "forget_bias_init",
    when=lambda value: value not in ("one", "zero"),
    why="Keras 3 can only start the forget-gate bias at one (`unit_forget_bias=True`) or with "
        "`bias_initializer`",
    instead="forget_bias_init='one' or 'zero', then set the bias with set_weights",
)

# Keras 1 get_config() of the Recurrent base, with defaults.
_RECURRENT_CONFIG = {"return_sequences": False, "go_backwards": False, "stateful": False, "unroll": False,
                     "consume_less": "cpu", "input_dim": None, "input_length": None}

SIMPLERNN = CallRule(
    code="LK300",
    old=_MOD + "SimpleRNN",
    new="keras.layers.SimpleRNN",
    positional=("output_dim", "init", "inner_init", "activation", "W_regularizer", "U_regularizer",
                "b_regularizer", "dropout_W", "dropout_U"),
    rename={k: v for k, v in RECURRENT_RENAMES.items() if k != "inner_activation"},
    values={k: v for k, v in RECURRENT_VALUES.items() if k != "inner_activation"},
    drop=[CONSUME_LESS],
    defaults={"recurrent_initializer": KERAS1_ORTHOGONAL},
    weights="simple_rnn",
    config={"output_dim": None, "init": "glorot_uniform", "inner_init": "orthogonal", "activation": "tanh",
            "W_regularizer": None, "U_regularizer": None, "b_regularizer": None, "dropout_W": 0.0,
            "dropout_U": 0.0, **_RECURRENT_CONFIG},
    why="Keras 2 renamed the recurrent arguments (output_dim -> units, inner_init -> recurrent_initializer)",
)

GRU = CallRule(
    code="LK301",
    old=_MOD + "GRU",
    new="keras.layers.GRU",
    positional=("output_dim", "init", "inner_init", "activation", "inner_activation", "W_regularizer",
                "U_regularizer", "b_regularizer", "dropout_W", "dropout_U"),
    rename=RECURRENT_RENAMES,
    values=RECURRENT_VALUES,
    drop=[CONSUME_LESS],
    defaults={"recurrent_activation": KERAS1_HARD_SIGMOID, "recurrent_initializer": KERAS1_ORTHOGONAL,
              "reset_after": False},
    no_equivalent=[NoEquivalent(
        "inner_activation", when=lambda value: value == "hard_sigmoid",
        why="Keras 1's hard_sigmoid was clip(0.2x + 0.5, 0, 1); Keras 3's has slope 1/6",
        instead="a custom activation `lambda x: keras.ops.clip(0.2 * x + 0.5, 0, 1)`",
    )],
    weights="gru",
    config={"output_dim": None, "init": "glorot_uniform", "inner_init": "orthogonal", "activation": "tanh",
            "inner_activation": "hard_sigmoid", "W_regularizer": None, "U_regularizer": None,
            "b_regularizer": None, "dropout_W": 0.0, "dropout_U": 0.0, **_RECURRENT_CONFIG},
    why="Keras 1's GRU applied the reset gate before the recurrent kernel (`reset_after=False`) and "
        "used hard_sigmoid gates",
)

LSTM = CallRule(
    code="LK302",
    old=_MOD + "LSTM",
    new="keras.layers.LSTM",
    positional=("output_dim", "init", "inner_init", "forget_bias_init", "activation", "inner_activation",
                "W_regularizer", "U_regularizer", "b_regularizer", "dropout_W", "dropout_U"),
    rename={**RECURRENT_RENAMES, "forget_bias_init": "unit_forget_bias"},
    values={**RECURRENT_VALUES, "forget_bias_init": FORGET_BIAS},
    drop=[CONSUME_LESS],
    refuse=[FORGET_BIAS_OTHER],
    defaults={"recurrent_activation": KERAS1_HARD_SIGMOID, "recurrent_initializer": KERAS1_ORTHOGONAL},
    no_equivalent=[NoEquivalent(
        "inner_activation", when=lambda value: value == "hard_sigmoid",
        why="Keras 1's hard_sigmoid was clip(0.2x + 0.5, 0, 1); Keras 3's has slope 1/6",
        instead="a custom activation `lambda x: keras.ops.clip(0.2 * x + 0.5, 0, 1)`",
    )],
    weights="lstm",
    config={"output_dim": None, "init": "glorot_uniform", "inner_init": "orthogonal", "forget_bias_init": "one",
            "activation": "tanh", "inner_activation": "hard_sigmoid", "W_regularizer": None,
            "U_regularizer": None, "b_regularizer": None, "dropout_W": 0.0, "dropout_U": 0.0,
            **_RECURRENT_CONFIG},
    why="Keras 1's LSTM used hard_sigmoid gates and stored its gates in i, c, f, o order",
)

RECURRENT = CallRule(
    code="LK303",
    old=_MOD + "Recurrent",
    new="keras.layers.RNN",
    positional=(),
    no_equivalent=[NoEquivalent(
        "step", why="Keras 3 recurrent layers are `keras.layers.RNN(cell)`; a Keras 1 subclass "
                    "overrides step/get_initial_states/preprocess_input/get_constants instead",
        instead="move `step` into a cell class with `call(inputs, states)` and `state_size`, "
                "wrapped in keras.layers.RNN(cell)",
    )],
    config=dict(_RECURRENT_CONFIG),
    why="Keras 2 replaced the `Recurrent` base class with `RNN(cell)`",
)

TIME_DISTRIBUTED_DENSE = CallRule(
    code="LK304",
    old=_MOD + "time_distributed_dense",
    new=None,
    positional=("x", "w", "b", "dropout", "input_dim", "output_dim", "timesteps"),
    layer=False,
    why="a Keras 1 helper: Keras 3 applies Dense (or keras.ops.matmul) to 3D inputs directly",
)

RULES = [SIMPLERNN, GRU, LSTM, RECURRENT, TIME_DISTRIBUTED_DENSE]
