"""`specgen lint` tells a data-plane spec from an ARM one (Azure's `openapi-type`) and applies the
matching rule set; `--openapi-type` overrides what the file's place says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from generator.lint import RULES, lint, openapi_type

ROOT = Path(__file__).resolve().parents[1]
SECRETS = ROOT / "specs/specs-arm/specification/keyvault/data-plane/Microsoft.KeyVault/stable/7.2/secrets.json"
KEYVAULT = ROOT / "specs/specs-arm/specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2019-09-01/keyvault.json"

ARM_ONLY = {r.id for r in RULES.values() if r.applies_to == ("arm",)}


def _spec(**top: Any) -> dict[str, Any]:
    """A PUT without 201 or default (ARM-only PutResponseCodes, RequiredDefaultResponse) whose
    operationId repeats its noun (OperationIdNounVerb, a rule for both kinds)."""
    return {
        "swagger": "2.0",
        "info": {"title": "t", "version": "2024-01-01"},
        "paths": {"/widgets/{name}": {"put": {
            "operationId": "Widgets_PutWidget",
            "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
            "responses": {"200": {"description": "ok"}},
        }}},
        **top,
    }


def _write(tmp_path: Path, folder: str, spec: dict[str, Any]) -> Path:
    path = tmp_path / "specification/widgets" / folder / "stable/2024-01-01/widgets.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


def _rules(path: Path, kind: str | None = None) -> set[str]:
    run = lint([path], use_suppressions=False, kind=kind)
    assert run.problems == []
    return {f.rule for f in run.findings}


HOST = {"x-ms-parameterized-host": {"hostTemplate": "{endpoint}", "parameters": [{"name": "endpoint", "in": "path", "required": True, "type": "string"}]}}


@pytest.mark.parametrize(
    ("folder", "top", "kind"),
    [("resource-manager", {}, "arm"), ("data-plane", {}, "data-plane"), ("resource-manager", HOST, "data-plane"), ("other", HOST, "data-plane")],
)
def test_the_spec_says_which_rule_set_applies(tmp_path: Path, folder: str, top: dict[str, Any], kind: str) -> None:
    path = _write(tmp_path, folder, _spec(**top))
    assert openapi_type(path, json.loads(path.read_text(encoding="utf-8"))) == kind
    found = _rules(path)
    assert "OperationIdNounVerb" in found
    if kind == "arm":
        assert {"PutResponseCodes", "RequiredDefaultResponse"} <= found
    else:
        assert not found & ARM_ONLY
        assert {"PutResponseCodes", "RequiredDefaultResponse"} <= _rules(path, kind="arm")  # the override


def test_override_applies_the_data_plane_set_to_an_arm_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "resource-manager", _spec())
    assert not _rules(path, kind="data-plane") & ARM_ONLY


def test_real_data_plane_spec_gets_no_arm_rule() -> None:
    found = _rules(SECRETS)
    assert found and not found & ARM_ONLY
    assert _rules(SECRETS, kind="arm") & ARM_ONLY  # what the ARM set would have said
    assert _rules(KEYVAULT) & ARM_ONLY  # the management-plane sibling is linted as ARM


def test_cli_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "data-plane", _spec())
    main(["lint", "--format", "json", "--no-suppressions", str(path)])
    assert "PutResponseCodes" not in {f["rule"] for f in json.loads(capsys.readouterr().out)}
    main(["lint", "--format", "json", "--no-suppressions", "--openapi-type", "arm", str(path)])
    assert "PutResponseCodes" in {f["rule"] for f in json.loads(capsys.readouterr().out)}
    with pytest.raises(SystemExit) as info:
        main(["lint", "--openapi-type", "rpaas", str(path)])
    assert info.value.code == 2
    capsys.readouterr()
    main(["lint", "--explain", "PutResponseCodes"])
    assert "ARM only" in capsys.readouterr().out
