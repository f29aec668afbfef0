"""`specgen`: generate, diff, lint. Exit status: 0 ok, 1 findings or stale output, 2 bad input."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path

from generator.config import find_config
from generator.errors import SpecError

_PACKAGE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


EPILOG = """\
examples:
  specgen generate                  # the default spec, from [tool.specgen] in pyproject.toml
  specgen diff OLD NEW              # what changed between two api-versions
  specgen lint specs/               # Azure's ARM rules on every spec below a folder
  specgen COMMAND --help            # a command's options, examples and exit statuses

exit status: 0 ok, 1 findings or stale output, 2 bad input
"""

GENERATE_EPILOG = """\
examples:
  specgen generate                  # the default from [tool.specgen] in pyproject.toml
  specgen generate path/to/spec.json --out build --package myclient
  specgen generate --check          # CI or pre-commit: print a diff, write nothing

exit status:
  0  written (or unchanged); with --check: the output is up to date
  1  with --check: the output is stale (the diff is on stdout)
  2  bad input: an unreadable or invalid spec, a bad option
"""


def main(argv: list[str] | None = None) -> int:
    from generator.cli.version import VersionAction

    parser = argparse.ArgumentParser(
        prog="specgen",
        description="Azure Swagger 2.0 specs -> a self-contained Python package",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=VersionAction)
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser(
        "generate",
        help="generate the package (default: [tool.specgen] in pyproject.toml)",
        description="Generate a standard-library-only Python package from a Swagger 2.0 spec.",
        epilog=GENERATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    gen.add_argument("spec", nargs="?", type=Path, help="the Swagger file (default: the embedded default)")
    gen.add_argument("--out", type=Path, help="output folder (the package goes in OUT/PACKAGE)")
    gen.add_argument("--package", help="package name")
    gen.add_argument("--root", type=Path, help="folder $refs may reach (default: the one holding specification/, else the spec's folder)")
    gen.add_argument("--overlay", type=Path, help="overlay file marking secrets (default: from pyproject.toml)")
    gen.add_argument("--no-overlay", action="store_true", help="ignore the configured overlay")
    gen.add_argument("--check", action="store_true", help="write nothing; print a diff and exit 1 if the output is stale")
    gen.add_argument("--force", action="store_true", help="replace OUT/PACKAGE even if it holds files specgen did not write")
    gen.add_argument("--target", choices=("dataclasses", "pydantic"), default="dataclasses", help="pydantic: also write PACKAGE/pydantic_models.py, pydantic v2 models (needs the [pydantic] extra)")
    gen.set_defaults(run=_generate)

    # Other commands live in their own modules, imported only when used.
    for module in ("generator.cli.diff", "generator.cli.lint"):
        try:
            importlib.import_module(module).add_parser(sub)
        except ModuleNotFoundError as exc:  # until that stage has landed
            if exc.name != module:
                raise

    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except SpecError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except RecursionError:  # a check that should have stopped this with a location did not
        print("error: the input nests deeper than specgen can follow; nothing was written", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _generate(args: argparse.Namespace) -> int:
    import keyword

    from generator.errors import MissingExtra
    from generator.pipeline import generate_package
    from generator.write.atomic import WriteError, diff, write_atomically

    config = find_config()
    spec = args.spec or config.spec
    if spec is None:
        print("error: no SPEC given and no [tool.specgen] spec in pyproject.toml", file=sys.stderr)
        return 2
    package = args.package or config.package
    if not _PACKAGE.match(package) or keyword.iskeyword(package):
        print(f"error: --package {package!r} is not a name Python can import", file=sys.stderr)
        return 2
    out = args.out or config.out
    if out.exists() and not out.is_dir():
        print(f"error: --out {out} is not a folder", file=sys.stderr)
        return 2
    overlay = None if args.no_overlay else (args.overlay or config.overlay)
    try:
        result = generate_package(spec, package, root=args.root, overlay=overlay, target=args.target)
    except MissingExtra as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    target = out / package
    if args.check:
        changes = diff(target, result.files)
        if changes:
            sys.stdout.write(changes)
            again = "specgen generate" + (f" --target {args.target}" if args.target != "dataclasses" else "")
            print(f"{target} is stale: run `{again}`", file=sys.stderr)
            return 1
        print(f"{target} is up to date", file=sys.stderr)
        return 0
    from generator.diff.report import version_bump_notice

    notice = version_bump_notice(target, spec, result.api_version, root=args.root)  # api-version bump: summarise the diff
    if notice:
        print(notice, file=sys.stderr)
    try:
        changed = write_atomically(target, result.files, force=args.force)
    except WriteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot write {exc.filename or target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{'wrote' if changed else 'unchanged:'} {target} ({len(result.files)} files, api-version {result.api_version})", file=sys.stderr)
    return 0

if __name__ == "__main__":
    sys.exit(main())
