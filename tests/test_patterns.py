"""A spec's `pattern`s in the generated package and at the command line.

- Request builders check a parameter's pattern as the service does (.NET: Unicode `\\w`, `\\d`),
  so they never refuse what it accepts; schemas and validators follow JSON Schema (ECMA-262).
- A pattern that is invalid in its dialect, or may match in superlinear time, stops
  `specgen generate` with its location (exit 2, never a traceback); `specgen lint` reports it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, generate_into

from generator.lint import lint

# -- the generated package: builders read .NET, validators ECMA ------------------------------------


def _spec(parameters: list[dict[str, Any]], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Patterns", "version": "2024-01-01"},
        "host": "management.azure.com",
        "paths": {
            "/things/{name}": {
                "put": {
                    "operationId": "Things_Put",
                    "parameters": [*parameters, {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Thing"}}],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "definitions": {"Thing": {"type": "object", "properties": properties}},
    }


def _write(folder: Path, spec: dict[str, Any]) -> Path:
    path = folder / "spec.json"
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return path


def test_builders_accept_what_the_service_accepts_and_validators_follow_json_schema(tmp_path: Path) -> None:
    name, digits, letters = r"^[-\w\._\(\)]+$", r"^\d+$", r"(?i)^[a-f]+$"
    spec = _spec(
        [
            {"name": "name", "in": "path", "required": True, "type": "string", "pattern": name},
            {"name": "code", "in": "query", "required": True, "type": "string", "pattern": digits},
            {"name": "x-tag", "in": "header", "required": False, "type": "string", "pattern": letters},
        ],
        {"name": {"type": "string", "pattern": name}, "code": {"type": "string", "pattern": digits}},
    )
    pkg = generate_into(_write(tmp_path, spec), tmp_path / "out", overlay=None)
    build = pkg.requests.build_things_put_request
    for value in ("grüppe", "gru\u0308ppe", "資源", "my-rg_1.(x)"):
        assert build(name=value, code="1", body={}).url.startswith("https://management.azure.com/things/")
    assert "code=%D9%A3%D9%A4" in build(name="rg", code="\u0663\u0664", body={}).url  # Arabic-Indic digits
    assert build(name="rg", code="1", x_tag="BEEF", body={}).headers["x-tag"] == "BEEF"
    for bad in ({"name": "rg/x"}, {"name": "rg x"}, {"code": "1a"}, {"code": "²"}, {"x_tag": "beefy"}):
        with pytest.raises(pkg.requests.ParameterError, match="does not match the pattern"):
            build(**{"name": "rg", "code": "1", "body": {}, **bad})
    # The same patterns in a schema mean what JSON Schema says: \w and \d are ASCII.
    validate = pkg.validators.validate
    assert validate("Thing", {"name": "my-rg_1.(x)", "code": "123"}) == []
    for body in ({"name": "grüppe"}, {"name": "gru\u0308ppe"}, {"code": "\u0663"}):
        (error,) = validate("Thing", body)
        assert error.keyword == "pattern" and error.path == "/" + next(iter(body))
    assert pkg.schemas.load("Thing")["properties"]["name"]["pattern"] == name


# -- refusals with the location ------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("^(a+)+$", "exponential in the length of the input"),
        ("[a-z]+x", "not anchored"),
        ("([", "unterminated character class"),
        ("a{3,2}", "numbers out of order"),
        ("(?<=a+)b", "look-behind requires fixed-width pattern"),
        ("x" + "(" * 150 + ")" * 150, "nested more than 100 deep"),
    ],
)
@pytest.mark.parametrize("where", ["parameter", "property"])
def test_generate_refuses_a_bad_pattern_with_its_location(tmp_path: Path, pattern: str, message: str, where: str) -> None:
    parameter = {"name": "name", "in": "path", "required": True, "type": "string"}
    prop: dict[str, Any] = {"type": "string"}
    (parameter if where == "parameter" else prop)["pattern"] = pattern
    spec = _write(tmp_path, _spec([parameter], {"x": prop}))
    run = _cli("generate", str(spec), "--out", str(tmp_path / "out"), "--package", "p", "--no-overlay")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    pointer = "#/paths/~1things~1{name}/put/parameters/0/pattern" if where == "parameter" else "#/definitions/Thing/properties/x/pattern"
    line = next(i for i, text in enumerate(spec.read_text().splitlines(), 1) if '"pattern"' in text)
    assert re.search(rf"spec\.json:{line}:\d+: {re.escape(pointer)}: .*{re.escape(message)}", run.stderr), run.stderr
    assert not (tmp_path / "out" / "p").exists()
    found = lint([spec], rules=["InvalidPattern", "PatternSuperLinear"], use_suppressions=False).findings
    assert [(f.line, f.pointer) for f in found] == [(line, pointer[1:])]
    assert found[0].rule == ("PatternSuperLinear" if message in ("exponential in the length of the input", "not anchored") else "InvalidPattern")


def test_a_pattern_that_is_not_a_string_is_an_error(tmp_path: Path) -> None:
    spec = _write(tmp_path, _spec([], {"x": {"type": "string", "pattern": 5}}))
    run = _cli("generate", str(spec), "--out", str(tmp_path / "out"), "--package", "p", "--no-overlay")
    assert run.returncode == 2 and "#/definitions/Thing/properties/x/pattern: pattern must be a string" in run.stderr
    assert [f.rule for f in lint([spec], rules=["InvalidPattern"], use_suppressions=False).findings] == ["InvalidPattern"]
