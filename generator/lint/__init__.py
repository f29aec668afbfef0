"""`specgen lint`: Azure ARM spec rules (named as azure-openapi-validator names them) with exact
`line:col` positions, suppressions, baselines, and text/JSON/SARIF output.

`lint(paths)` returns a `LintRun`; nothing here prints. Checks are registered per rule id from
`rules_arm`, `rules_schema` and `rules_specgen`; the rule table (`table.RULES`) is data.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Problem, SpecError
from generator.lint import (  # noqa: F401  (register checks)
    rules_arm,
    rules_arm_models,
    rules_arm_naming,
    rules_arm_native,
    rules_arm_operations,
    rules_arm_paths,
    rules_arm_resources,
    rules_arm_responses,
    rules_dataplane,
    rules_schema,
    rules_specgen,
)
from generator.lint import suppressions as supp
from generator.lint.core import CHECKS, Context, Finding
from generator.lint.reach import is_arm_common_types, references_of
from generator.lint.table import ARM, DATA_PLANE, ERROR, OPENAPI_TYPES, RULES, RuleInfo
from generator.load.files import is_file
from generator.load.loader import Loader, _inside, default_root, display_path

__all__ = ["OPENAPI_TYPES", "RULES", "Finding", "LintRun", "RuleInfo", "is_swagger", "lint", "lint_document", "openapi_type", "spec_candidates"]

SPEC_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
SKIPPED_FOLDERS = frozenset({"examples"})  # x-ms-examples payloads: JSON, but not specs
SUPPRESSION_FILES = frozenset({"suppressions.yaml", "suppressions.yml"})
NO_SPEC_BELOW = 'no Swagger spec below this folder (a .json, .yaml or .yml file with a top-level "swagger" key, outside examples/)'


@dataclass
class LintRun:
    findings: list[Finding] = field(default_factory=list)  # after suppressions (and baseline)
    problems: list[Problem] = field(default_factory=list)  # files that could not be read or parsed
    files: list[Path] = field(default_factory=list)  # the spec files linted (real paths)
    suppressed: int = 0
    baselined: int = 0

    @property
    def failed(self) -> bool:
        return any(f.severity == ERROR for f in self.findings)


def openapi_type(path: Path, data: object) -> str:
    """Azure's `openapi-type` of a spec, as its place says: a file under a `data-plane/` folder,
    or one with `x-ms-parameterized-host`, is a data-plane spec; any other is an ARM one."""
    under_data_plane = DATA_PLANE in Path(os.path.realpath(path)).parts[:-1]
    return DATA_PLANE if under_data_plane or (isinstance(data, dict) and "x-ms-parameterized-host" in data) else ARM


def lint_document(loader: Loader, path: Path, rules: list[str] | None = None, kind: str | None = None) -> list[Finding]:
    """Every finding of the selected rules (default: all) that apply to the spec's openapi-type
    (`kind`; default: `openapi_type()` of the file) in one spec file."""
    doc = loader.document(path)
    kind = kind or openapi_type(path, doc.data)
    ctx = Context(loader, doc)
    for rule_id in rules or list(CHECKS):
        if kind in RULES[rule_id].applies_to:
            CHECKS[rule_id](ctx)
    return ctx.findings()


def lint(
    paths: list[Path],
    *,
    root: Path | None = None,
    pyproject: Path | None = None,
    use_suppressions: bool = True,
    rules: list[str] | None = None,
    kind: str | None = None,
    follow_refs: bool = True,
) -> LintRun:
    """Lint spec files; a folder stands for the Swagger documents below it (`spec_candidates`).
    `kind` ("arm" or "data-plane") overrides each file's detected openapi-type. With
    `follow_refs`, the Swagger files a linted file reaches by `$ref` are linted too, as Azure's
    linter lints them (`reach`): each finding in the file it is in."""
    run = LintRun()
    loaders: dict[Path, Loader] = {}
    linted = run.files
    root_of: dict[Path, Path] = {}
    queued: list[tuple[Path, Loader, str]] = []  # what to lint (with its openapi-type), each file once, in order

    def take(path: Path, named: bool, reached_as: str | None = None) -> bool:
        """Queue one file unless queued before; False for a file found in a folder that is not
        a Swagger document (a named file is linted whatever it holds). A file reached by `$ref`
        is linted as the spec that reaches it (Azure lints all a run's files with one
        openapi-type)."""
        real = Path(os.path.realpath(path))
        if real in root_of:  # named twice, or named and inside a named folder
            return True
        spec_root = Path(os.path.realpath(root)) if root else default_root(path)
        loader = loaders.setdefault(spec_root, Loader(spec_root))
        try:
            if not is_swagger(loader.document(path).data) and not named:
                return False
        except SpecError as exc:  # unreadable or unparsable: reported, since it may be a spec
            run.problems.extend(exc.problems)
            return True
        root_of[real] = spec_root
        queued.append((real, loader, kind or reached_as or openapi_type(real, loader.document(real).data)))
        return True

    for raw in paths:
        path = Path(raw)
        if is_file(path):
            take(path, named=True)
        elif path.is_dir():
            specs = [take(candidate, named=False) for candidate in spec_candidates(path)]
            if not any(specs):
                run.problems.append(Problem(display_path(path), None, NO_SPEC_BELOW, 1, 1))
        else:
            run.problems.append(Problem(display_path(path), None, "no such file or folder", 1, 1))
    if follow_refs:
        # What the queued files reach, loaded before any is linted: rules that look at the
        # files referring to a file (Azure's inventory) see them all. A file that cannot be read
        # is the UnresolvedRef rule's to report, at the reference.
        for real, loader, as_kind in queued:  # grows while it is walked
            for target in references_of(loader, loader.document(real)):
                if _inside(target, loader.root) and is_file(target) and not is_arm_common_types(target):
                    take_reached(target, loader, as_kind, take)
    found: list[Finding] = []
    for real, loader, as_kind in queued:
        found.extend(lint_document(loader, real, rules, as_kind))
        linted.append(real)
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


def take_reached(target: Path, loader: Loader, kind: str, take: Callable[[Path, bool, str], bool]) -> None:
    """Queue a file a linted file references (to be linted as `kind`) if it is a Swagger
    document that can be read."""
    try:
        swagger = is_swagger(loader.document(target).data)
    except SpecError:
        return
    if swagger:
        take(target, False, kind)


def spec_candidates(folder: Path) -> list[Path]:
    """The .json/.yaml/.yml files below `folder` that may be specs, sorted: `examples/` and hidden
    folders are not entered (nor symlinked ones), suppressions files are left out."""
    out = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not d.startswith("."))
        for name in sorted(files):
            if Path(name).suffix.lower() in SPEC_SUFFIXES and name.lower() not in SUPPRESSION_FILES:
                out.append(Path(here) / name)
    return out


def is_swagger(data: object) -> bool:
    """A Swagger document has a top-level "swagger" key (tspconfig.yaml, package.json and the like do not)."""
    return isinstance(data, dict) and "swagger" in data


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
