"""Every upstream x-ms-example body parses into its operation's model and round-trips exactly."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import SPEC, example_cases, spec_examples

from generator.ir import Api, Type
from generator.ir.build import build
from generator.load.overlay import load_overlay


def _model(pkg: ModuleType, api: Api, t: Type) -> Any:
    assert t.kind == "model", t
    return getattr(pkg.models, api.model(t.ref or "").py_name)


@pytest.mark.parametrize(("spec", "op_id", "example"), example_cases())
def test_example_round_trips(packages: dict[Path, tuple[Api, ModuleType]], spec: Path, op_id: str, example: dict[str, Any]) -> None:
    api, pkg = packages[spec]
    op = next(o for o in api.operations if o.operation_id == op_id)
    checked = 0
    for param in op.parameters:
        if param.location == "body" and param.wire_name in example["parameters"]:
            body = example["parameters"][param.wire_name]
            model = _model(pkg, api, param.type)
            assert model.from_dict(body).to_dict() == body
            checked += 1
    declared = {r.status: r for r in op.responses}
    for status, response in example["responses"].items():
        assert status in declared, f"{op_id}: the example answers {status}, which the spec does not declare"
        if "body" not in response:
            assert declared[status].body is None
            continue
        declared_response = declared.get(status) or declared["default"]
        assert declared_response.body is not None, f"{op_id} {status} has a body the spec does not declare"
        model = _model(pkg, api, declared_response.body)
        assert model.from_dict(response["body"]).to_dict() == response["body"]
        checked += 1
    assert checked or op.method == "DELETE", "the example has no body to check"


def test_every_operation_of_the_default_spec_has_an_example() -> None:
    api, _ = build(SPEC, overlay=load_overlay(None))
    with_examples = {op_id for op_id, _, _ in spec_examples(SPEC)}
    assert len(api.operations) == 14
    assert {o.operation_id for o in api.operations} == with_examples
