"""The `legacykeras` command: inspect and convert Keras 1 / 0.x model files.

    legacykeras --version
    legacykeras inspect FILE [--json]
    legacykeras convert OLD NEW.keras [--weights W] [--source-backend theano|tensorflow] [--unsafe] [--verify]

(`python -m legacykeras script.py` runs Keras 1 programs; this command works on files.)
"""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK = 0
EXIT_NEEDS_LEGACYKERAS = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_CANNOT_CONVERT = 4

_EPILOG = f"""exit codes:
  {EXIT_OK}  success (convert: the output loads with plain Keras 3)
  {EXIT_NEEDS_LEGACYKERAS}  convert wrote the file, but some layers have no Keras 3 equivalent: loading it
     needs legacykeras (the layers are listed)
  {EXIT_USAGE}  usage error
  {EXIT_BAD_INPUT}  the input is missing, unreadable, truncated, not a Keras file, or does not match
     its weights
  {EXIT_CANNOT_CONVERT}  the model cannot be built or converted (a layer class legacykeras lacks, a Lambda
     that cannot be rebuilt safely, ...): the message says which layer and what to do
"""


def _parser():
    from legacykeras.version import VERSION

    parser = argparse.ArgumentParser(
        prog="legacykeras", description="Inspect and convert Keras 1 / Keras 0.x model files (JSON, YAML, HDF5).",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version",
                        version=f"legacykeras {VERSION} (Keras 1.2.2 API on Keras 3)")
    sub = parser.add_subparsers(dest="command")
    inspect = sub.add_parser("inspect", help="describe a Keras 1 / 0.x file: version, layers, weights, conversions",
                             epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    inspect.add_argument("file")
    inspect.add_argument("--json", action="store_true", help="print the description as JSON")
    convert = sub.add_parser(
        "convert", help="write a native Keras 3 .keras file from a Keras 1 / 0.x model file",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    convert.add_argument("old", help="a Keras 1 model.save HDF5 file, or a JSON/YAML architecture")
    convert.add_argument("new", help="the .keras file to write")
    convert.add_argument("--weights", help="the HDF5 weights of a JSON/YAML architecture")
    convert.add_argument("--source-backend", choices=("theano", "tensorflow"), default=None,
                         help="which backend trained the convolution kernels (Keras 1 files do not record it; "
                              "default: guessed from dim_ordering, th -> theano, tf -> tensorflow, with a warning)")
    convert.add_argument("--unsafe", action="store_true",
                         help="execute Lambda bytecode written by this Python version (never needed for simple "
                              "arithmetic lambdas, which are rebuilt safely)")
    convert.add_argument("--verify", action="store_true",
                         help="load the output with plain Keras 3 in a fresh Python and compare predictions")
    return parser


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "inspect":
            return _inspect(args)
        return _convert(args)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message and an exit code
        code = _exit_code(exc)
        print(f"legacykeras {args.command}: error: {exc}", file=sys.stderr)
        return code


def _exit_code(exc) -> int:
    from legacykeras.io.config_json import ConfigFileError
    from legacykeras.io.hdf5_weights import WeightFileError

    if isinstance(exc, (FileNotFoundError, ConfigFileError, WeightFileError, IsADirectoryError, PermissionError)):
        return EXIT_BAD_INPUT
    return EXIT_CANNOT_CONVERT


def _inspect(args) -> int:
    from legacykeras.io.inspect import format_report, inspect_file

    info = inspect_file(args.file)
    print(json.dumps(info, indent=1) if args.json else format_report(info))
    return EXIT_OK


def _convert(args) -> int:
    from legacykeras.io.convert import convert

    if not args.new.endswith(".keras"):
        print("legacykeras convert: error: NEW must end in .keras", file=sys.stderr)
        return EXIT_USAGE
    report = convert(args.old, args.new, weights=args.weights, source_backend=args.source_backend,
                     safe_mode=not args.unsafe, verify=args.verify)
    print("\n".join(report.lines()))
    return EXIT_OK if report.plain_keras else EXIT_NEEDS_LEGACYKERAS


if __name__ == "__main__":
    sys.exit(main())
