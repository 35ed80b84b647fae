"""Rows for `keras.initializations` functions (Keras 1.2.2). Codes LK850-LK869.

Keras 1's `normal(shape, scale=0.05, name=None)` made a variable; Keras 3's
`RandomNormal(stddev=0.05)` is an initializer object, which a layer calls with
the kernel's shape. Keras 1 code used the functions as initializers through a
wrapper, `init=lambda shape, name: normal(shape, scale=0.01, name=name)` (the
Keras 1 docs' "custom initialization"): that wrapper *is* the Keras 3 object,
so `migrate` writes the object. `shape` is the argument the layer supplies;
`name` and `dim_ordering` have no Keras 3 counterpart (Keras 3 kernels are
channels-last, and the fans of the `glorot`/`he`/`lecun` initializers are
computed for that layout, which is what Keras 1's `dim_ordering` chose).

The shim keeps Keras 1's functions as they were (`legacykeras.initializations`).
"""

from legacykeras.rules.schema import CallRule, Drop

_DROPS = (
    Drop("name", why="Keras 3 initializers make tensors; the layer names its weights"),
    Drop("dim_ordering", why="Keras 3 kernels are channels-last, and fans are computed for that layout"),
)
_SCALED = ("shape", "scale", "name", "dim_ordering")
_PLAIN = ("shape", "name", "dim_ordering")

# For rows that map Keras 1's `scale` to a symmetric range: the keyword that gets `-scale`.
NEGATED_SCALE = {"keras.initializations.uniform": "minval"}


def _row(code, name, new, positional=_PLAIN, rename=None, defaults=None, why=""):
    return CallRule(code=code, old=f"keras.initializations.{name}", new=f"keras.initializers.{new}",
                    positional=positional, rename=rename or {}, defaults=defaults or {}, drop=_DROPS,
                    layer=False, why=why)


RULES = [
    _row("LK850", "normal", "RandomNormal", _SCALED, rename={"scale": "stddev"},
         why="`normal(shape, scale=s)` is `RandomNormal(stddev=s)`, called with the shape"),
    _row("LK851", "uniform", "RandomUniform", _SCALED, rename={"scale": "maxval"},
         why="`uniform(shape, scale=s)` is `RandomUniform(minval=-s, maxval=s)`, called with the shape"),
    _row("LK852", "identity", "Identity", _SCALED, rename={"scale": "gain"},
         why="`identity(shape, scale=g)` is `Identity(gain=g)`, called with the shape"),
    _row("LK853", "orthogonal", "Orthogonal", _SCALED, rename={"scale": "gain"}, defaults={"gain": 1.1},
         why="`orthogonal(shape, scale=1.1)` is `Orthogonal(gain=1.1)` (Keras 3's default gain is 1.0)"),
    _row("LK854", "zero", "Zeros", why="`zero(shape)` is `Zeros()`, called with the shape"),
    _row("LK855", "one", "Ones", why="`one(shape)` is `Ones()`, called with the shape"),
    _row("LK856", "glorot_normal", "VarianceScaling",
         defaults={"scale": 1.0, "mode": "fan_avg", "distribution": "untruncated_normal"},
         why="Keras 1's `glorot_normal` was an untruncated normal (Keras 3's `GlorotNormal` is truncated)"),
    _row("LK857", "glorot_uniform", "GlorotUniform", why="`glorot_uniform(shape)` is `GlorotUniform()`"),
    _row("LK858", "he_normal", "VarianceScaling",
         defaults={"scale": 2.0, "mode": "fan_in", "distribution": "untruncated_normal"},
         why="Keras 1's `he_normal` was an untruncated normal (Keras 3's `HeNormal` is truncated)"),
    _row("LK859", "he_uniform", "HeUniform", why="`he_uniform(shape)` is `HeUniform()`"),
    _row("LK860", "lecun_uniform", "LecunUniform", why="`lecun_uniform(shape)` is `LecunUniform()`"),
]
