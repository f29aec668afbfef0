"""The loader: $refs across files, JSON Pointer escapes, refs to refs, confinement, positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SPEC

from generator.errors import SpecError
from generator.ir.build import build
from generator.load.loader import Loader, default_root


def test_default_root_is_the_folder_holding_specification() -> None:
    assert default_root(SPEC) == ROOT / "specs/azure-rest-api-specs"


def test_default_root_without_specification_is_the_spec_folder(tmp_path: Path) -> None:
    spec = tmp_path / "a.json"
    spec.write_text("{}")
    assert default_root(spec) == tmp_path


def test_pointer_escapes_and_refs_to_refs(tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text(json.dumps({"defs": {"a/b~c": {"$ref": "#/defs/real"}, "real": {"type": "string"}, "50%": {"type": "integer"}}}))
    main = tmp_path / "main.json"
    main.write_text(json.dumps({"x": {"$ref": "other.json#/defs/a~1b~0c"}, "y": {"$ref": "other.json#/defs/50%25"}}))
    loader = Loader(tmp_path)
    doc = loader.document(main)
    target = loader.resolve(doc.data["x"]["$ref"], doc, "/x/$ref")
    assert target.value == {"type": "string"} and target.pointer == "/defs/real"
    assert loader.resolve(doc.data["y"]["$ref"], doc, "/y/$ref").value == {"type": "integer"}


def test_problems_carry_line_and_column(tmp_path: Path) -> None:
    main = tmp_path / "main.json"
    main.write_text('{\n  "a": {\n    "$ref": "#/nowhere"\n  }\n}\n')
    loader = Loader(tmp_path)
    doc = loader.document(main)
    with pytest.raises(SpecError) as err:
        loader.resolve("#/nowhere", doc, "/a/$ref")
    problem = err.value.problems[0]
    assert (problem.line, problem.col, problem.pointer) == (3, 13, "/a/$ref")
    assert str(problem).startswith("main.json:3:13: #/a/$ref: $ref '#/nowhere' does not resolve") or ":3:13: #/a/$ref:" in str(problem)


def test_dangling_refs_nothing_reaches_are_not_errors() -> None:
    # computeRPCommon.json refers to ./virtualMachine.json, which is not there: nothing we use reaches it.
    api, warnings = build(ROOT / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/runCommand.json")
    assert api.api_version == "2024-11-01" and not warnings


def test_overlay_entry_matching_nothing_is_a_warning(tmp_path: Path) -> None:
    from generator.load.overlay import load_overlay

    overlay = tmp_path / "o.yaml"
    overlay.write_text("secrets:\n  - {definition: Nope, property: x, reason: test}\n")
    _, warnings = build(SPEC, overlay=load_overlay(overlay))
    assert any("Nope.x matches nothing" in w for w in warnings)
    overlay.write_text("secrets:\n  - {definition: Nope, property: x}\n")
    with pytest.raises(SpecError):
        load_overlay(overlay)
