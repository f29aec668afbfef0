"""One annotation function for every module that writes or reports a Python type."""

from __future__ import annotations

import pytest

from generator import ir
from generator.emit.annotations import py_type


def _api() -> ir.Api:
    model = ir.Model(name="vm-Thing", py_name="VmThing", fields=())  # type: ignore[call-arg]
    closed = ir.Enum(name="Color", py_name="Color", members=(), extensible=False)
    open_ = ir.Enum(name="Level", py_name="Level", members=(), extensible=True, value_kind="integer")
    return ir.Api(title="t", api_version="1", host="h", scheme="https", base_path="", spec_display="s", spec_sha256="0", models=(model,), enums=(closed, open_), operations=())


@pytest.mark.parametrize(("t", "parsed", "argument"), [
    (ir.Type("string"), "str", "str"),
    (ir.Type("datetime"), "datetime", "datetime"),
    (ir.Type("any"), "Any", "Any"),
    (ir.Type("model", ref="vm-Thing"), "VmThing", "_models.VmThing"),
    (ir.Type("enum", ref="Color"), "Color", "_models.Color | str"),
    (ir.Type("enum", ref="Level"), "Level | int", "_models.Level | int"),
    (ir.Type("array", item=ir.Type("model", ref="vm-Thing")), "list[VmThing]", "Sequence[_models.VmThing]"),
    (ir.Type("map", item=ir.Type("array", item=ir.Type("integer"))), "dict[str, list[int]]", "Mapping[str, Sequence[int]]"),
])
def test_py_type(t: ir.Type, parsed: str, argument: str) -> None:
    api = _api()
    assert py_type(api, t) == parsed
    assert py_type(api, t, qualify="_models.", argument=True) == argument
