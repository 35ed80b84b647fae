"""`migrate`: rewrite Keras 1 code (.py, .ipynb) as Keras 3 code.

    migrate PATH...               show a unified diff, write nothing
    migrate --write PATH...       rewrite files in place (atomically)
    migrate --check PATH...       exit 1 if anything would change (CI, pre-commit)
    migrate --out-dir DIR PATH... write migrated copies into DIR (a complete tree), originals untouched

Defaults for --select, --ignore, --exclude, --dim-ordering and -j come from
`[tool.migrate]` in the closest pyproject.toml (`migrate.config`); flags win.
`# migrate: skip` / `# migrate: skip-file` comments leave code as it is
(`migrate.pragmas`).

Exit codes:
    0  nothing to change (or --write / --out-dir wrote it), every file was read
    1  --check: some file would change
    2  usage error (bad option, path that does not exist, --write with --out-dir,
       an out-dir inside an input folder, a bad [tool.migrate] table)
    3  some file could not be processed (syntax error, Python 2, unreadable);
       it was left as it was. Takes precedence over 1.

Diagnostics go to stderr as `path:line:col CODE message` (`[todo]` where a
person must finish the job: the code holds a `# TODO(migrate): ...` line);
diffs and `--check`'s list of files go to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys

EXIT_OK, EXIT_CHANGES, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _codes(values) -> list[str]:
    out = []
    for value in values or ():
        out.extend(v.strip().upper() for v in value.split(",") if v.strip())
    return out


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="migrate",
        description="Rewrite Keras 1 code as Keras 3 code. Default: print a unified diff and write nothing.",
        epilog="settings: [tool.migrate] in the closest pyproject.toml (this folder and up, not past the\n"
               "  repository root) gives defaults for select, ignore, exclude, dim-ordering, jobs;\n"
               "  flags replace them (--no-config: ignore the file)\n"
               "pragmas: `# migrate: skip` on a statement's line (or alone on the line above it) leaves\n"
               "  that statement as it is; `# migrate: skip-file` in a file's header leaves the file\n"
               "exit codes: 0 nothing to change / done; 1 --check found changes; 2 usage error;\n"
               "  3 a file could not be processed or written (left untouched)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files (.py, .ipynb) and folders")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", "-w", action="store_true", help="rewrite the files in place (atomically)")
    mode.add_argument("--check", action="store_true",
                      help="write nothing; list the files that would change and exit 1 if any")
    mode.add_argument("--out-dir", metavar="DIR",
                      help="write migrated copies into DIR, mirroring the inputs (relative to their common "
                           "folder), originals untouched; files that need no change and other files under the "
                           "given folders are copied too, so DIR is a complete tree to run (skipped paths are "
                           "not copied). Not with --write; DIR may not be inside an input folder unless that "
                           "folder's walk skips it (--exclude)")
    parser.add_argument("--diff", action="store_true", help="print diffs also with --check (default without it)")
    parser.add_argument("--report", metavar="FILE.json", help="write every diagnostic as JSON")
    parser.add_argument("--exclude", action="append", metavar="GLOB",
                        help="skip paths matching GLOB (repeatable; matched on the path and on each part)")
    parser.add_argument("--select", action="append", metavar="CODE",
                        help="apply only these rule codes or prefixes (LK1, LK101; comma-separated)")
    parser.add_argument("--ignore", action="append", metavar="CODE", help="skip these rule codes or prefixes")
    parser.add_argument("--dim-ordering", choices=("th", "tf"),
                        help="the image_dim_ordering your keras.json had: 'th' writes "
                             "data_format='channels_first' where Keras 1 used the default")
    parser.add_argument("-j", "--jobs", type=int, metavar="N",
                        help="worker processes (default: number of CPUs; 1: no subprocesses)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print every change made")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--no-config", action="store_true", help="ignore [tool.migrate] in pyproject.toml")
    parser.add_argument("--list-rules", action="store_true", help="print the rule codes and exit")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from legacykeras.version import VERSION

        print(f"migrate (legacykeras {VERSION})")
        return EXIT_OK
    if args.list_rules:
        return _list_rules()
    if not args.paths:
        parser.print_usage(sys.stderr)
        print("migrate: error: give at least one PATH", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 0:
        parser.error("-j must be 0 (all CPUs) or more")
    if _apply_config(args) is not None:
        return EXIT_USAGE

    from migrate.engine import Options
    from migrate.files import find_files

    files, missing = find_files(args.paths, args.exclude)
    for path in missing:
        print(f"migrate: error: {path}: no such file or folder", file=sys.stderr)
    if missing:
        return EXIT_USAGE
    plan = None
    if args.out_dir:
        from migrate import outdir

        try:
            plan = outdir.plan(args.paths, args.out_dir, args.exclude, files)
        except outdir.OutDirError as error:
            print(f"migrate: error: {error}", file=sys.stderr)
            return EXIT_USAGE
    options = Options(dim_ordering=args.dim_ordering, select=_codes(args.select) or ("ALL",),
                      ignore=_codes(args.ignore), locate_fixed=bool(args.verbose or args.report))
    want_diff = (not args.check or args.diff) and not args.out_dir
    outcomes = _run(files, options, want_diff, args.jobs, progress=_progress_wanted(args, len(files)))
    return _finish(outcomes, args, plan)


def _apply_config(args) -> str | None:
    """Fill the options not given on the command line from [tool.migrate]; the error, if any (printed)."""
    settings = {}
    if not args.no_config:
        from migrate import config

        try:
            found = config.load()
        except config.ConfigError as error:
            print(f"migrate: error: {error}", file=sys.stderr)
            return str(error)
        settings = found.values
        if found.path and args.verbose:
            print(f"migrate: settings from {found.path}", file=sys.stderr)
    if args.select is None and "select" in settings:
        args.select = settings["select"]
    if args.ignore is None and "ignore" in settings:
        args.ignore = settings["ignore"]
    if args.exclude is None:
        args.exclude = settings.get("exclude", [])
    if args.dim_ordering is None:
        args.dim_ordering = settings.get("dim-ordering")
    if args.jobs is None:
        args.jobs = settings.get("jobs", 0)
    return None


def _progress_wanted(args, count: int) -> bool:
    return not (args.no_progress or args.quiet) and count >= 20 and sys.stderr.isatty()


def _run(files, options, want_diff: bool, jobs: int, progress: bool):
    from migrate.files import process

    jobs = jobs or os.cpu_count() or 1
    jobs = min(jobs, max(1, len(files)))
    bar = _Progress(len(files)) if progress else None
    outcomes = []
    if jobs == 1:
        for path in files:
            outcomes.append(process(path, options, want_diff=want_diff))
            if bar:
                bar.step()
    else:
        import multiprocessing

        from migrate.names import default_tables

        default_tables()  # build the tables once, before forking
        context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        with context.Pool(jobs) as pool:
            work = [(path, options, want_diff) for path in files]
            for outcome in pool.imap_unordered(_work, work, chunksize=max(1, len(files) // (jobs * 8))):
                outcomes.append(outcome)
                if bar:
                    bar.step()
    if bar:
        bar.done()
    return sorted(outcomes, key=lambda o: o.report.path)


def _work(item):
    from migrate.files import process

    path, options, want_diff = item
    return process(path, options, want_diff=want_diff)


def _finish(outcomes, args, plan=None) -> int:
    from migrate.files import write_atomically
    from migrate.report import write_json

    out, err = sys.stdout, sys.stderr
    changed = failed = todos = fixed = written = copied = skipped = 0
    for outcome in outcomes:
        report = outcome.report
        problem = None  # writing into the out-dir failed (printed at once)
        if report.error is not None:
            failed += 1
        if plan is not None:
            written_now, copied_now, problem = _to_out_dir(plan, outcome)
            written += written_now
            copied += copied_now
            if problem is not None:
                print(f"{report.path}: error: {problem}", file=err)
                if report.error is None:
                    failed += 1
                    report.error = problem
        if report.changed:
            changed += 1
            if args.write:
                try:
                    write_atomically(report.path, outcome.new_bytes)
                    written += 1
                except OSError as error:
                    report.error = f"cannot write: {error}"
                    failed += 1
            elif args.check and not args.quiet:
                print(f"would migrate {report.path}", file=out)
            if outcome.diff and not args.write and not args.out_dir and not args.quiet:
                out.write(outcome.diff)
        for diagnostic in report.diagnostics:
            if diagnostic.severity == "todo":
                todos += 1
            elif diagnostic.severity == "fixed":
                fixed += 1
            elif diagnostic.severity == "skipped":
                skipped += 1
            show = diagnostic.severity == "error" or (not args.quiet and (
                diagnostic.severity == "todo" or args.verbose))
            if show:
                print(diagnostic.render(report.path), file=err)
        if report.error is not None and report.error != problem and not any(
                d.severity == "error" for d in report.diagnostics):
            print(f"{report.path}: error: {report.error}", file=err)
    if plan is not None:
        for path in plan.others:
            problem = _copy_other(plan, path)
            if problem is None:
                copied += 1
            else:
                print(f"{path}: error: {problem}", file=err)
                failed += 1
    total = len(outcomes)
    verb = f"migrated into {args.out_dir}" if args.out_dir else "migrated" if args.write else "would be migrated"
    summary = (f"{changed} of {total} file{'s' if total != 1 else ''} {verb}, {failed} failed; "
               f"{fixed} change{'s' if fixed != 1 else ''}, {todos} TODO{'s' if todos != 1 else ''} left")
    if skipped:
        summary += f", {skipped} skipped by `# migrate: skip`"
    if plan is not None:
        summary += f"; {copied} file{'s' if copied != 1 else ''} copied as {'they were' if copied != 1 else 'it was'}"
    print(summary, file=err)
    if changed and not args.write and not args.out_dir and not args.quiet:
        print("run `migrate --write` on the same paths to apply", file=err)
    if args.report:
        mode = "write" if args.write else "out-dir" if args.out_dir else "check" if args.check else "diff"
        totals = {"files": total, "changed": changed, "written": written, "failed": failed, "fixed": fixed,
                  "todos": todos, "skipped": skipped, "mode": mode}
        if plan is not None:
            totals.update(out_dir=plan.out_dir, copied=copied)
        write_json(args.report, [o.report for o in outcomes], totals)
    if failed:
        return EXIT_FAILED
    if args.check and changed:
        return EXIT_CHANGES
    return EXIT_OK


def _to_out_dir(plan, outcome) -> tuple[int, int, str | None]:
    """Write one processed file into the out-dir: (written, copied, problem)."""
    from migrate import outdir

    report = outcome.report
    destination = plan.destination(report.path)
    try:
        if report.changed:
            outdir.write(destination, outcome.new_bytes, report.path)
            return 1, 0, None
        outdir.copy(report.path, destination, follow_symlinks=True)  # unchanged, or not processed: as it is
        return 0, 1, None
    except OSError as error:
        return 0, 0, f"cannot write {destination}: {error.strerror or error}"


def _copy_other(plan, path: str) -> str | None:
    """Copy a file that is not migrated into the out-dir; the problem, if any."""
    from migrate import outdir

    destination = plan.destination(path)
    try:
        outdir.copy(path, destination)
        return None
    except OSError as error:
        return f"cannot copy to {destination}: {error.strerror or error}"


def _list_rules() -> int:
    from legacykeras import rules
    from migrate.report import DESCRIPTIONS

    for code, text in DESCRIPTIONS.items():
        print(f"{code.value}  (migrate) {text}")
    for row in sorted(rules.MODULE_RULES, key=lambda r: r.code):
        print(f"{row.code}  {row.old} -> {row.new or '(none)'}  {row.why}".rstrip())
    for row in sorted(rules.ALL_RULES, key=lambda r: r.code):
        print(f"{row.code}  {row.old} -> {row.new or '(none)'}  {row.why}".rstrip())
    return EXIT_OK


class _Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, total: int):
        self.total = total
        self.count = 0

    def step(self) -> None:
        self.count += 1
        width = 30
        filled = width * self.count // max(1, self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.count}/{self.total} files")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r" + " " * 60 + "\r")
        sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
