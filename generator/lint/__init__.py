"""`specgen lint`: Azure ARM spec rules (named as azure-openapi-validator names them) with exact
`line:col` positions, suppressions, baselines, and text/JSON/SARIF output.

`lint(paths)` returns a `LintRun`; nothing here prints. Checks are registered per rule id from
`rules_arm`, `rules_schema` and `rules_specgen`; the rule table (`table.RULES`) is data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem, SpecError
from generator.lint import rules_arm, rules_schema, rules_specgen  # noqa: F401  (register checks)
from generator.lint import suppressions as supp
from generator.lint.core import CHECKS, Context, Finding
from generator.lint.table import ERROR, RULES, RuleInfo
from generator.load.loader import Loader, default_root, display_path

__all__ = ["RULES", "Finding", "LintRun", "RuleInfo", "lint", "lint_document"]


@dataclass
class LintRun:
    findings: list[Finding] = field(default_factory=list)  # after suppressions (and baseline)
    problems: list[Problem] = field(default_factory=list)  # files that could not be read or parsed
    suppressed: int = 0
    baselined: int = 0

    @property
    def failed(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)


def lint_document(loader: Loader, path: Path, rules: list[str] | None = None) -> list[Finding]:
    """Every finding of the selected rules (default: all) in one spec file."""
    ctx = Context(loader, loader.document(path))
    for rule_id in rules or list(CHECKS):
        CHECKS[rule_id](ctx)
    return ctx.findings()


def lint(
    paths: list[Path],
    *,
    root: Path | None = None,
    pyproject: Path | None = None,
    use_suppressions: bool = True,
    rules: list[str] | None = None,
) -> LintRun:
    run = LintRun()
    loaders: dict[Path, Loader] = {}
    linted: list[Path] = []
    root_of: dict[Path, Path] = {}
    found: list[Finding] = []
    for raw in paths:
        path = Path(raw)
        spec_root = Path(os.path.realpath(root)) if root else default_root(path)
        loader = loaders.setdefault(spec_root, Loader(spec_root))
        try:
            if not path.is_file():
                raise SpecError([Problem(display_path(path), None, "no such file", 1, 1)])
            found.extend(lint_document(loader, path, rules))
        except SpecError as exc:
            run.problems.extend(exc.problems)
            continue
        real = Path(os.path.realpath(path))
        linted.append(real)
        root_of[real] = spec_root
    findings = sorted(set(found))
    if use_suppressions:
        entries: list[supp.Suppression] = []
        sources = supp.find_files(linted, root_of)
        if pyproject is not None and pyproject.is_file():
            sources.append(pyproject)
        for source in sources:
            try:
                loaded, bad = supp.load_yaml(source) if source.suffix in (".yaml", ".yml") else supp.load_pyproject(source)
            except SpecError as exc:
                run.problems.extend(exc.problems)
                continue
            entries.extend(loaded)
            findings.extend(bad)
        findings, unused, run.suppressed = supp.apply(findings, entries, {str(p) for p in linted})
        findings.extend(unused)
    run.findings = sorted(set(findings))
    return run


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
