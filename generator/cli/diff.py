"""`specgen diff OLD NEW`: what changed between two api-versions, as Azure's breaking-change gate
(openapi-diff) would classify it, and what changes for code using the generated package.

Exit status: 1 when a finding reaches the `--fail-on` severity (default: error; oad's own severity,
or the Azure review policy's with `--severity review`), else 0; 2 for a bad spec. Only argparse is imported here; the
comparison is imported when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EPILOG = """\
examples:
  specgen diff 2024-07-01/runCommand.json 2024-11-01/runCommand.json
  specgen diff OLD NEW --format json -o findings.json
  specgen diff OLD NEW --fail-on warning    # warnings fail too
  specgen diff OLD NEW --fail-on never      # report only
  specgen diff OLD NEW --severity review    # fail on what the Azure review policy calls an error
  specgen diff OLD NEW --beyond-oad         # add the changes oad does not report

exit status:
  0  no finding reaches the --fail-on severity (default: error)
  1  a finding does: by default oad's errors (a breaking change to a spec edited in place)
  2  bad input: a spec could not be read or is invalid
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "diff",
        help="classify the changes between two specs (openapi-diff rules) and the generated Python API",
        description="Compare OLD and NEW (Swagger 2.0, either layout) the way Azure's breaking-change gate does.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("old", type=Path, help="the old spec")
    p.add_argument("new", type=Path, help="the new spec")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown", help="markdown (default) or json (the findings as a list)")
    p.add_argument("--scenario", choices=("same", "cross"), help="compare as oad does for an unchanged ('same') or a new ('cross') api-version (default: from info.version, as oad decides)")
    p.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding reaches this severity (default: error; never: always exit 0 on a report)",
    )
    p.add_argument(
        "--severity",
        choices=("oad", "review"),
        default="oad",
        help="which severity --fail-on and the report order use: oad's own (default; a breaking change is an error "
        "when the api-version is unchanged, a warning across versions) or the Azure review policy's (review column)",
    )
    p.add_argument(
        "--beyond-oad",
        action="store_true",
        help="also report changes oad passes over: a length, item count or value bound added to or removed from a "
        "request or response value, a date api-version going back (marked 'beyond oad', at the review policy's level)",
    )
    p.add_argument("--root", type=Path, help="folder $refs may reach, for both specs (default: per spec)")
    p.add_argument("--old-root", type=Path, help="folder $refs of OLD may reach")
    p.add_argument("--new-root", type=Path, help="folder $refs of NEW may reach")
    p.add_argument("--output", "-o", type=Path, help="write the report here instead of stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.diff.report import fails, run_diff, to_json, to_markdown
    from generator.errors import SpecError

    try:
        result = run_diff(
            args.old,
            args.new,
            scenario=args.scenario,
            old_root=args.old_root or args.root,
            new_root=args.new_root or args.root,
            beyond_oad=args.beyond_oad,
        )
    except SpecError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    text = to_json(result) if args.format == "json" else to_markdown(result, args.severity)
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 1 if fails(result, args.fail_on, args.severity) else 0
