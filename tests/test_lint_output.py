"""JSON and SARIF output; SARIF validates against the official SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SPEC

from generator.cli import main
from generator.lint import RULES, lint

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["lint", *args])
    return status, capsys.readouterr().out


def test_json_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status, out = run(capsys, "--format", "json", "--no-suppressions", str(SPEC.relative_to(ROOT)))
    assert status == 1
    rows = json.loads(out)
    secret = next(r for r in rows if r["rule"] == "XMSSecretInResponse" and r["line"] == 1415)
    assert secret == {
        "rule": "XMSSecretInResponse",
        "severity": "error",
        "file": str(SPEC.relative_to(ROOT)),
        "line": 1415,
        "column": 9,
        "pointer": "/definitions/VirtualMachineRunCommandProperties/properties/runAsPassword",
        "message": "Property 'runAsPassword' looks like a secret (its name ends in a secret keyword) but has no \"x-ms-secret\": true.",
    }
    assert all(set(r) == {"rule", "severity", "file", "line", "column", "pointer", "message"} for r in rows)


def test_sarif_validates_and_has_what_code_scanning_needs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # uris stay repo-relative wherever we run from
    status, out = run(capsys, "--format", "sarif", "--no-suppressions", str(SPEC))
    assert status == 1
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["$schema"] and log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "specgen lint"
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning")
    results = log["runs"][0]["results"]
    assert len(results) == len(lint([SPEC], use_suppressions=False).findings)
    secret = next(r for r in results if r["ruleId"] == "XMSSecretInResponse" and r["locations"][0]["physicalLocation"]["region"]["startLine"] == 1415)
    assert secret["level"] == "error" and "runAsPassword" in secret["message"]["text"]
    location = secret["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == SPEC.relative_to(ROOT).as_posix()
    assert location["region"] == {"startLine": 1415, "startColumn": 9}
    assert {r["level"] for r in results} == {"error", "warning"}


def test_sarif_with_no_findings_validates(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text('{"swagger": "2.0", "info": {"title": "t", "version": "2024-01-01"}, "paths": {"/providers/Microsoft.X/operations": {}}}', encoding="utf-8")
    status, out = run(capsys, "--format", "sarif", str(spec))
    assert status == 0
    log = json.loads(out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []
