"""`specgen lint PATH...`: wired into `generator.cli` (which imports this module lazily). A folder
stands for the Swagger documents below it.

Exit status: 0 no error-level finding, 1 an error-level finding remains, 2 a file could not be read
or parsed, or a folder holds no spec (printed as `file:line:col: error: ...`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.lint import LintRun
    from generator.lint.core import Finding

EPILOG = """\
examples:
  specgen lint path/to/spec.json
  specgen lint specs/                 # every Swagger file below (examples/, suppressions.yaml skipped)
  specgen lint --format sarif -o lint.sarif specs/
  specgen lint --explain XMSSecretInResponse
  specgen lint --openapi-type data-plane spec.json   # a data-plane spec outside data-plane/

Like Azure's linter, a spec's run lints the files it reaches by $ref too (not the shared
common-types/resource-management), each finding in its own file; --no-follow-refs lints the named
files only. ARM-only rules (PutResponseCodes, ...) run on ARM specs only; a spec under a data-plane/ folder or
with x-ms-parameterized-host is a data-plane spec (Azure's openapi-type); --openapi-type overrides.

exit status:
  0  no error-level finding (warnings may remain)
  1  an error-level finding remains
  2  bad input: a file that can't be read or parsed, a folder without specs, an unknown rule
"""


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lint = sub.add_parser(
        "lint",
        help="check spec files against Azure's ARM rules (file:line:col: severity RULE message)",
        description="Check Swagger 2.0 spec files against Azure ARM rules, with exact line:col positions.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    lint.add_argument("files", nargs="*", type=Path, metavar="PATH", help="spec files (JSON or YAML), or folders to search for them")
    lint.add_argument("--format", choices=("text", "json", "sarif"), default="text", help="output format (default: text)")
    lint.add_argument("--output", "-o", type=Path, help="write the report here instead of stdout")
    lint.add_argument("--root", type=Path, help="folder $refs may reach (default: the one holding specification/)")
    lint.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not recorded in this baseline")
    lint.add_argument("--write-baseline", type=Path, metavar="FILE", help="record the current findings as a baseline and exit 0")
    lint.add_argument("--no-suppressions", action="store_true", help="ignore suppressions.yaml and [tool.specgen.lint]")
    lint.add_argument("--rule", action="append", metavar="RULE", help="run only this rule (repeatable)")
    lint.add_argument("--no-follow-refs", action="store_true", help="lint only the files named (or found in folders), not the files they reach by $ref")
    lint.add_argument("--openapi-type", choices=("arm", "data-plane"), help="the rule set to apply (default: data-plane for a spec under data-plane/ or with x-ms-parameterized-host, else arm)")
    lint.add_argument("--explain", metavar="RULE", help="describe a rule and exit")
    lint.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    lint.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.lint.table import RULES

    if args.explain:
        info = RULES.get(args.explain) or next((r for r in RULES.values() if r.id.lower() == args.explain.lower()), None)
        if info is None:
            print(f"error: unknown rule {args.explain!r} (see --list-rules)", file=sys.stderr)
            return 2
        origin = "Azure azure-openapi-validator (LintDiff)" if info.source == "azure" else "specgen"
        print(f"{info.id} ({info.severity}; {origin}; {_applies(info.applies_to)} specs)\n\n{info.description}\n\n{info.explanation}")
        return 0
    if args.list_rules:
        for info in RULES.values():
            print(f"{info.id:42} {info.severity:8} {_applies(info.applies_to):19} {info.description}")
        return 0
    if not args.files:
        print("error: no PATH given", file=sys.stderr)
        return 2
    unknown = [r for r in args.rule or [] if r not in RULES]
    if unknown:
        print(f"error: unknown rule {unknown[0]!r} (see --list-rules)", file=sys.stderr)
        return 2

    from generator.errors import SpecError
    from generator.lint import find_pyproject, lint, output
    from generator.lint import suppressions as supp
    from generator.lint.core import CHECKS

    rules = [r for r in args.rule if r in CHECKS] if args.rule else None
    result = lint(
        args.files,
        root=args.root,
        pyproject=None if args.no_suppressions else find_pyproject(),
        use_suppressions=not args.no_suppressions,
        rules=rules,
        kind=args.openapi_type,
        follow_refs=not args.no_follow_refs,
    )
    for problem in result.problems:
        where = f"{problem.file}:{problem.line or 1}:{problem.col or 1}"
        print(f"{where}: error: {problem.message}", file=sys.stderr)
    findings = result.findings
    if args.write_baseline:
        supp.write_baseline(args.write_baseline, findings)
        print(f"wrote {len(findings)} findings to {args.write_baseline}", file=sys.stderr)
        return 2 if result.problems else 0
    if args.baseline:
        try:
            findings, known = supp.filter_baseline(findings, supp.read_baseline(args.baseline))
        except SpecError as exc:
            for problem in exc.problems:
                print(f"{problem.file}:{problem.line or 1}:{problem.col or 1}: error: {problem.message}", file=sys.stderr)
            return 2
        result.baselined = known
    if args.format == "json":
        report = output.as_json(findings)
    elif args.format == "sarif":
        report = output.sarif(findings)
    else:
        report = output.text(findings)
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    if args.format == "text":
        print(_summary(result, findings), file=sys.stderr)
    if result.problems:
        return 2
    return 1 if any(f.severity == "error" for f in findings) else 0


def _summary(result: LintRun, findings: list[Finding]) -> str:
    """The last line. Its errors count every error line printed, a file or folder that could not be
    linted included, so a run that could not lint something never reads as clean."""
    errors = sum(f.severity == "error" for f in findings) + len(result.problems)
    warnings = sum(f.severity != "error" for f in findings)
    extra = "".join(f", {n} {what}" for n, what in ((result.suppressed, "suppressed"), (result.baselined, "in baseline")) if n)
    return f"{len(result.files)} file(s) linted: {errors} error(s), {warnings} warning(s){extra}"


def _applies(kinds: tuple[str, ...]) -> str:
    return "ARM and data-plane" if len(kinds) > 1 else {"arm": "ARM only", "data-plane": "data-plane only"}[kinds[0]]
