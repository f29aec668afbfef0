"""Hand-written msgspec Structs of the runCommands bodies: the compiled peer for round trips.

Written the way a careful user would, kept exact on the wire for the bodies the bench uses:

* wire names by `rename="camel"`; every optional field defaults to `UNSET`, so a field the body
  did not have is never emitted, while an explicit `null` stays `null` (`omit_defaults=True`
  as well, so nothing invented is written either);
* closed enums (`StatusLevelTypes`) as an `Enum`; extensible ones (`modelAsString: true`:
  `ExecutionState`, `CreatedByType`) as `str`, since msgspec cannot take the union `Enum | str`;
* **timestamps as `str`**: msgspec parses RFC 3339 into a `datetime`, which keeps 6 fractional
  digits, so Azure's 7th digit would be lost. specgen parses them and still writes the exact text,
  so this peer does less work per timestamp than specgen does;
* unknown fields are dropped (msgspec cannot keep them; specgen keeps them), which the bench's
  bodies do not have.

A round trip is `msgspec.to_builtins(msgspec.convert(body, VirtualMachineRunCommand))`.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import msgspec
from msgspec import UNSET, UnsetType


class _Wire(msgspec.Struct, rename="camel", omit_defaults=True, kw_only=True):
    pass


class StatusLevelTypes(Enum):
    INFO = "Info"
    WARNING = "Warning"
    ERROR = "Error"


class SystemData(_Wire):
    created_by: str | None | UnsetType = UNSET
    created_by_type: str | None | UnsetType = UNSET
    created_at: str | None | UnsetType = UNSET
    last_modified_by: str | None | UnsetType = UNSET
    last_modified_by_type: str | None | UnsetType = UNSET
    last_modified_at: str | None | UnsetType = UNSET


class InstanceViewStatus(_Wire):
    code: str | None | UnsetType = UNSET
    level: StatusLevelTypes | None | UnsetType = UNSET
    display_status: str | None | UnsetType = UNSET
    message: str | None | UnsetType = UNSET
    time: str | None | UnsetType = UNSET


class VirtualMachineRunCommandInstanceView(_Wire):
    execution_state: str | None | UnsetType = UNSET
    execution_message: str | None | UnsetType = UNSET
    exit_code: int | None | UnsetType = UNSET
    output: str | None | UnsetType = UNSET
    error: str | None | UnsetType = UNSET
    start_time: str | None | UnsetType = UNSET
    end_time: str | None | UnsetType = UNSET
    statuses: list[InstanceViewStatus] | None | UnsetType = UNSET


class RunCommandManagedIdentity(_Wire):
    client_id: str | None | UnsetType = UNSET
    object_id: str | None | UnsetType = UNSET


class RunCommandInputParameter(_Wire):
    name: str
    value: str


class VirtualMachineRunCommandScriptSource(_Wire):
    script: str | None | UnsetType = UNSET
    script_uri: str | None | UnsetType = UNSET
    command_id: str | None | UnsetType = UNSET
    script_uri_managed_identity: RunCommandManagedIdentity | None | UnsetType = UNSET


class VirtualMachineRunCommandProperties(_Wire):
    source: VirtualMachineRunCommandScriptSource | None | UnsetType = UNSET
    parameters: list[RunCommandInputParameter] | None | UnsetType = UNSET
    protected_parameters: list[RunCommandInputParameter] | None | UnsetType = UNSET
    async_execution: bool | None | UnsetType = UNSET
    run_as_user: str | None | UnsetType = UNSET
    run_as_password: str | None | UnsetType = UNSET
    timeout_in_seconds: int | None | UnsetType = UNSET
    output_blob_uri: str | None | UnsetType = UNSET
    error_blob_uri: str | None | UnsetType = UNSET
    output_blob_managed_identity: RunCommandManagedIdentity | None | UnsetType = UNSET
    error_blob_managed_identity: RunCommandManagedIdentity | None | UnsetType = UNSET
    provisioning_state: str | None | UnsetType = UNSET
    instance_view: VirtualMachineRunCommandInstanceView | None | UnsetType = UNSET
    treat_failure_as_deployment_failure: bool | None | UnsetType = UNSET


class VirtualMachineRunCommand(_Wire):
    location: str
    id: str | None | UnsetType = UNSET
    name: str | None | UnsetType = UNSET
    type: str | None | UnsetType = UNSET
    system_data: SystemData | None | UnsetType = UNSET
    tags: dict[str, str] | None | UnsetType = UNSET
    properties: VirtualMachineRunCommandProperties | None | UnsetType = UNSET


def round_trip(body: dict[str, Any]) -> Any:
    """wire -> Struct -> wire."""
    return msgspec.to_builtins(msgspec.convert(body, VirtualMachineRunCommand))
