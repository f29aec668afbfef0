"""Suppressions (suppressions.yaml, pyproject.toml) and baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_lint_cases import DESCRIBED, OK_RESP, PARAMS, op

from generator.cli import main
from generator.lint import lint

# Clean but for a secret (reported twice, as Azure does: in the properties bag's model and at the
# bag's $ref in the resource) and an unreferenced definition.
SECRET = op("get", '"x-ms-examples": {}, ' + OK_RESP.replace('"default": {"description": "error"}', '"default": {"description": "error", "schema": {"$ref": "#/definitions/Error"}}'),
            params=PARAMS.replace('"type": "string"}', '"type": "string", "description": "d"}'),
            defs=DESCRIBED.replace('"provisioningState"', '"runAsPassword": {"type": "string"}, "provisioningState"')
            + ',\n    "Orphan": {"type": "string", "description": "unused"},'
            + '\n    "Error": {"type": "object", "description": "error", "properties": {"error": {"$ref": "#/definitions/ErrorDetail"}}},'
            + '\n    "ErrorDetail": {"type": "object", "description": "detail", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}',
            ).replace("Widgets_Do", "Widgets_Get").replace("{s}", "{subscriptionId}").replace('"name": "s"', '"name": "subscriptionId"')
POINTER = "/definitions/Props/properties/runAsPassword"

SUPPRESSIONS = f"""\
suppressions:
  - rule: XMSSecretInResponse
    file: spec.json
    pointer: {POINTER}
    reason: the service never returns it
  - rule: UnusedDefinition
    file: spec.json
    pointer: /definitions/Orphan
  - rule: EnumInsteadOfBoolean
    file: spec.json
    pointer: /definitions/Props
    reason: nothing matches this one
  - rule: NoSuchRule
    file: spec.json
    pointer: /
    reason: typo
  - rule: EnumInsteadOfBoolean
    file: other.json
    pointer: ""
    reason: other.json is not linted, so this is not reported as unused
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    spec_dir = tmp_path / "specification" / "x"
    spec_dir.mkdir(parents=True)
    (spec_dir / "spec.json").write_text(SECRET, encoding="utf-8")
    (spec_dir / "other.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return spec_dir / "spec.json"


def rows(spec: Path, **kw: object) -> list[tuple[str, int, int, str]]:
    return [(Path(f.file).name, f.line, f.column, f.rule) for f in lint([spec], **kw).findings]  # type: ignore[arg-type]


def test_without_suppressions(project: Path) -> None:
    assert rows(project) == [
        ("spec.json", 1, 1, "OperationsAPIImplementation"),  # the whole spec: it has no operations API
        ("spec.json", 8, 53, "XMSSecretInResponse"),  # the bag's $ref in the resource
        ("spec.json", 9, 82, "XMSSecretInResponse"),
        ("spec.json", 10, 5, "UnusedDefinition"),
    ]


def test_suppressions_yaml_found_between_file_and_spec_root(project: Path) -> None:
    (project.parents[1] / "suppressions.yaml").write_text(SUPPRESSIONS.replace("file: ", "file: x/"), encoding="utf-8")
    run = lint([project])
    assert run.suppressed == 1
    assert [(Path(f.file).name, f.line, f.column, f.severity, f.rule) for f in run.findings] == [
        ("suppressions.yaml", 6, 5, "error", "SuppressionWithoutReason"),
        ("suppressions.yaml", 9, 5, "warning", "UnusedSuppression"),
        ("suppressions.yaml", 13, 5, "error", "InvalidSuppression"),
        ("spec.json", 1, 1, "error", "OperationsAPIImplementation"),
        ("spec.json", 8, 53, "error", "XMSSecretInResponse"),  # another pointer than the suppressed one
        ("spec.json", 10, 5, "warning", "UnusedDefinition"),  # its suppression has no reason, so it stays
    ]
    assert run.findings[0].pointer == "/suppressions/1"
    assert "no reason" in run.findings[0].message and "matches no finding" in run.findings[1].message


def test_pointer_prefix_and_whole_file(project: Path) -> None:
    (project.parent / "suppressions.yaml").write_text(
        "- {rule: XMSSecretInResponse, file: spec.json, pointer: /definitions, reason: covers every model}\n"
        "- {rule: UnusedDefinition, file: spec.json, pointer: '', reason: whole file}\n"
        "- {rule: OperationsAPIImplementation, file: spec.json, pointer: '', reason: another spec has it}\n", encoding="utf-8")
    run = lint([project])
    assert run.findings == [] and run.suppressed == 4


def test_no_suppressions_flag(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project.parent / "suppressions.yaml").write_text(SUPPRESSIONS, encoding="utf-8")
    assert main(["lint", "--no-suppressions", str(project)]) == 1
    out = capsys.readouterr().out
    assert "XMSSecretInResponse" in out and "suppressions.yaml" not in out


def test_pyproject_suppressions(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project.parents[2] / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.specgen.lint]\nsuppressions = [\n'
        f'  {{rule = "XMSSecretInResponse", file = "specification/x/spec.json", pointer = "{POINTER}", reason = "documented"}},\n'
        '  {rule = "UnusedDefinition", file = "specification/x/spec.json", pointer = "/definitions/Orphan", reason = ""},\n'
        "]\n", encoding="utf-8")
    assert main(["lint", str(project)]) == 1  # the reason-less suppression is an error
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "pyproject.toml:7:4: error SuppressionWithoutReason Suppression of UnusedDefinition in specification/x/spec.json has no reason; it is ignored.",
        "specification/x/spec.json:1:1: error OperationsAPIImplementation The operations API (GET /providers/Microsoft.X/operations) must be implemented.",
        "specification/x/spec.json:8:53: error XMSSecretInResponse Property 'runAsPassword' looks like a secret (its name ends in a secret keyword) but has no \"x-ms-secret\": true.",
        "specification/x/spec.json:10:5: warning UnusedDefinition Definition 'Orphan' is not referenced.",
    ]


def test_baseline_matches_by_rule_file_pointer(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    baseline = project.parents[2] / "lint-baseline.json"
    assert main(["lint", "--write-baseline", str(baseline), str(project)]) == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert [(e["rule"], e["file"], e["pointer"]) for e in data["findings"]] == [
        ("OperationsAPIImplementation", "specification/x/spec.json", ""),
        ("UnusedDefinition", "specification/x/spec.json", "/definitions/Orphan"),
        ("XMSSecretInResponse", "specification/x/spec.json", POINTER),
        ("XMSSecretInResponse", "specification/x/spec.json", "/definitions/Widget/properties/properties/properties/runAsPassword"),  # Azure's path
    ]
    capsys.readouterr()
    assert main(["lint", "--baseline", str(baseline), str(project)]) == 0
    assert capsys.readouterr().out == ""
    # Edits elsewhere move every line: the baseline still holds (no line numbers in it).
    moved = SECRET.replace('{"swagger": "2.0",', '{"swagger": "2.0",\n\n\n  "x-note": "moved",', 1)
    project.write_text(moved, encoding="utf-8")
    assert main(["lint", "--baseline", str(baseline), str(project)]) == 0
    # A new problem is reported, alone.
    project.write_text(moved.replace('"Widgets_Get"', '"Widgets_GetWidgets"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["lint", "--baseline", str(baseline), str(project)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and ":6:13: error OperationIdNounVerb Per the Noun_Verb convention for operationIds, the noun 'Widgets' should not appear after the underscore." in out[0]


def test_malformed_baseline_exits_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = project.parent / "baseline.json"
    bad.write_text("{\n  nope", encoding="utf-8")
    assert main(["lint", "--baseline", str(bad), str(project)]) == 2
    assert "baseline.json:2:3: error: malformed JSON" in capsys.readouterr().err
