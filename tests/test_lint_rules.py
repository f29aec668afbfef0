"""Every lint rule: a minimal failing and a minimal passing fragment, with rule, severity and position."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_lint_cases import CASES, RES

from generator.cli import main
from generator.lint import RULES, lint

SUPPRESSION_RULES = {"SuppressionWithoutReason", "UnusedSuppression", "InvalidSuppression"}  # test_lint_suppressions
ROOT = Path(__file__).resolve().parents[1]


def write_spec(tmp_path: Path, text: str, name: str = "spec.json") -> Path:
    folder = tmp_path / "specification"
    folder.mkdir(exist_ok=True)
    (folder / "other.json").write_text('{"definitions": {' + RES + "}}", encoding="utf-8")
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_rule_has_a_case() -> None:
    assert {c[0] for c in CASES} | SUPPRESSION_RULES == set(RULES)
    for info in RULES.values():
        assert info.severity in ("error", "warning") and info.description and len(info.explanation) > len(info.description)


@pytest.mark.parametrize("rule, bad, where, good", CASES, ids=[c[0] for c in CASES])
def test_rule(tmp_path: Path, rule: str, bad: str, where: tuple[int, int, str], good: str) -> None:
    json.loads(bad), json.loads(good)  # the fragments are valid JSON
    spec = write_spec(tmp_path, bad, "bad.json")
    found = [f for f in lint([spec], rules=[rule], use_suppressions=False).findings if f.rule == rule]
    line, col, token = where
    assert [(f.rule, f.severity, f.line, f.column) for f in found] == [(rule, RULES[rule].severity, line, col)]
    assert bad.split("\n")[line - 1][col - 1:].startswith(token)  # the position is that of the culprit
    assert found[0].file.endswith("bad.json") and (found[0].pointer == "" or found[0].pointer.startswith("/"))
    spec = write_spec(tmp_path, good, "good.json")
    assert [f for f in lint([spec], rules=[rule], use_suppressions=False).findings if f.rule == rule] == []


def test_all_rules_at_once_do_not_crash_on_the_fragments(tmp_path: Path) -> None:
    for i, (_, bad, _, good) in enumerate(CASES):
        for text in (bad, good):
            run = lint([write_spec(tmp_path, text, f"s{i}.json")], use_suppressions=False)
            assert run.problems == []


YAML_SPEC = """\
swagger: "2.0"
info: {title: t, version: "2024-01-01"}
paths:
  /subscriptions/{s}/providers/Microsoft.X/widgets/{name}:
    get:
      operationId: Widgets_Get
      parameters:
        - {name: api-version, in: query, type: string}
        - {name: s, in: path, required: true, type: string}
        - {name: name, in: path, required: true, type: string}
        - name: filter
          in: query
          type: string
      responses:
        "200":
          description: ok
          schema: {$ref: "#/definitions/Widget"}
        default: {description: error}
definitions:
  Widget:
    type: object
    properties:
      id: {type: string, readOnly: true}
      name: {type: string, readOnly: true}
      type: {type: string, readOnly: true}
      count: {type: integer, description: "  "}
"""


def test_yaml_positions(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, YAML_SPEC, "spec.yaml")
    rules = ["ParametersInPointGet", "IntegerTypeMustHaveFormat", "DescriptiveDescriptionRequired"]
    got = [(f.line, f.column, f.severity, f.rule) for f in lint([spec], use_suppressions=False, rules=rules).findings]
    assert got == [
        (7, 7, "error", "ParametersInPointGet"),  # the GET's parameters, as Azure reports it
        (26, 7, "error", "IntegerTypeMustHaveFormat"),  # the schema with type: integer
        (26, 30, "error", "DescriptiveDescriptionRequired"),  # its description
    ]
    lines = YAML_SPEC.split("\n")
    assert lines[6][6:].startswith("parameters:") and lines[25][6:].startswith("count:") and lines[25][29:].startswith("description:")


def test_cli_text_output_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_spec(tmp_path, CASES[0][1], "bad.json")
    assert main(["lint", "--rule", "PutResponseCodes", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].endswith(
        "bad.json:3:5: error PutResponseCodes A PUT, long-running or not, must have exactly the 200, 201 and default responses; has 200, default."
    )
    warn = write_spec(tmp_path, CASES[[c[0] for c in CASES].index("EnumInsteadOfBoolean")][1], "warn.json")
    assert main(["lint", "--rule", "EnumInsteadOfBoolean", str(warn)]) == 0  # warnings only
    assert "warning EnumInsteadOfBoolean" in capsys.readouterr().out


def test_cli_explain_and_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--explain", "XMSSecretInResponse"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("XMSSecretInResponse (error; Azure") and "runAsPassword" in out
    assert main(["lint", "--list-rules"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(RULES)
    assert main(["lint", "--explain", "NoSuchRule"]) == 2


@pytest.mark.parametrize("text, message", [
    ('{"swagger": "2.0",\n  "paths": {,}}', ":2:13: error: malformed JSON"),
    ("swagger: '2.0'\npaths: [\n", ":3:1: error: malformed YAML"),
])
def test_unparsable_file_exits_2_with_position(tmp_path: Path, text: str, message: str) -> None:
    name = "spec.json" if text.startswith("{") else "spec.yaml"
    spec = write_spec(tmp_path, text, name)
    proc = subprocess.run([sys.executable, "-m", "generator", "lint", str(spec)], check=False, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0].startswith(str(spec)) or name in proc.stderr.splitlines()[0]


def test_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(tmp_path / "nope.json")]) == 2
    assert "nope.json:1:1: error: no such file" in capsys.readouterr().err


def test_cycle_and_remote_refs_are_findings_not_crashes(tmp_path: Path) -> None:
    text = """{"swagger": "2.0", "paths": {},
  "definitions": {"A": {"$ref": "#/definitions/B"}, "B": {"$ref": "#/definitions/A"},
    "C": {"$ref": "https://example.com/x.json#/definitions/C"}, "D": {"$ref": "missing.json#/definitions/D"}}}"""
    spec = write_spec(tmp_path, text)
    got = [(f.line, f.column, f.rule) for f in lint([spec], use_suppressions=False).findings]
    assert (2, 33, "UnresolvedRef") in got and (2, 67, "UnresolvedRef") in got  # the A -> B -> A cycle
    assert (3, 19, "RefOutsideRoot") in got and (3, 79, "UnresolvedRef") in got
    lines = text.split("\n")
    assert lines[1][66:].startswith('"#/definitions/A"') and lines[2][18:].startswith('"https:') and lines[2][78:].startswith('"missing.json')


def test_x_ms_paths_query_is_not_part_of_the_path(tmp_path: Path) -> None:
    # The `?...` of an x-ms-paths key only tells operations apart: its placeholders are no path
    # parameters, and a path parameter named only there is not in the path.
    def spec(color_in: str) -> str:
        params = [
            {"name": "api-version", "in": "query", "type": "string"},
            {"name": "id", "in": "path", "required": True, "type": "string"},
            {"name": "color", "in": color_in, "required": True, "type": "string"},
        ]
        op = {"operationId": "Things_GetByColor", "parameters": params, "responses": {"200": {"description": "ok"}}}
        return json.dumps({"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {},
                           "x-ms-paths": {"/things/{id}?color={color}": {"get": op}}}, indent=1)

    rules = ["PathParameterNotDeclared", "PathParameterNotInPath"]
    assert lint([write_spec(tmp_path, spec("query"), "query.json")], rules=rules, use_suppressions=False).findings == []
    found = lint([write_spec(tmp_path, spec("path"), "path.json")], rules=rules, use_suppressions=False).findings
    assert [(f.rule, f.pointer) for f in found] == [("PathParameterNotInPath", "/x-ms-paths/~1things~1{id}?color={color}/get/parameters/2")]
