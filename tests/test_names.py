"""Names are decided once, per context, with predictable collision suffixes."""

from __future__ import annotations

import pytest

from generator.ir.names import Scope, checked, pascal, snake


@pytest.mark.parametrize(("wire", "expected"), [
    ("VirtualMachineRunCommands_CreateOrUpdate", "virtual_machine_run_commands_create_or_update"),
    ("VirtualMachineScaleSetVMs_RunCommand", "virtual_machine_scale_set_vms_run_command"),
    ("vmScaleSetName", "vm_scale_set_name"),
    ("$expand", "expand"),
    ("api-version", "api_version"),
    ("VMSize", "vm_size"),
    ("HTTPServer2Name", "http_server2_name"),
    ("timeoutInSeconds", "timeout_in_seconds"),
])
def test_snake(wire: str, expected: str) -> None:
    assert snake(wire) == expected


def test_pascal_keeps_definition_names() -> None:
    assert pascal("VirtualMachineRunCommand") == "VirtualMachineRunCommand"
    assert pascal("createdByType") == "CreatedByType"
    assert pascal("my-odd name") == "MyOddName"


@pytest.mark.parametrize(("name", "context", "expected"), [
    ("type", "field", "type"),
    ("class", "field", "class_"),
    ("self", "field", "self_"),
    ("from", "parameter", "from_"),
    ("api_version", "parameter", "api_version_"),
    ("name", "enum_member", "name_"),
    ("list", "module", "list_"),
    ("3d", "field", "_3d"),
])
def test_reserved_words_depend_on_context(name: str, context: str, expected: str) -> None:
    assert checked(name, context) == expected


def test_scope_suffixes_collisions_predictably() -> None:
    scope = Scope("field")
    assert [scope.add(n) for n in ("foo_bar", "foo_bar", "foo_bar", "class", "class_")] == ["foo_bar", "foo_bar_2", "foo_bar_3", "class_", "class__2"]


def test_checked_refuses_non_identifiers() -> None:
    with pytest.raises(ValueError):
        checked("a b", "field")
