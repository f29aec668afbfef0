"""Hand-written mashumaro dataclasses of the runCommands bodies: a peer for round trips.

Written the way a careful user would, kept exact on the wire for the bodies the bench uses:

* `DataClassDictMixin` dataclasses, wire names as aliases (`serialize_by_alias`); optional
  fields default to `None` and `omit_none` leaves them out, so a field the body did not have is
  never emitted. mashumaro has no "unset" apart from `None`: an explicit `null` is dropped too
  (specgen keeps it), which the bench's bodies do not have;
* closed enums (`StatusLevelTypes`) as an `Enum`; extensible ones (`modelAsString: true`:
  `ExecutionState`, `CreatedByType`) as `str`, as in the msgspec peer;
* **timestamps as `str`**: mashumaro reads them with `datetime.fromisoformat`, which keeps 6
  fractional digits, so Azure's 7th digit would be lost. specgen parses them and still writes the
  exact text, so this peer does less work per timestamp than specgen does;
* unknown fields are dropped (specgen keeps them), which the bench's bodies do not have.

A round trip is `VirtualMachineRunCommand.from_dict(body).to_dict()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from mashumaro import DataClassDictMixin
from mashumaro.config import BaseConfig


def config(**aliases: str) -> type[BaseConfig]:
    """A dataclass's mashumaro config: `None` left out, these fields under their wire names."""
    return type("Config", (BaseConfig,), {"omit_none": True, "serialize_by_alias": True, "aliases": aliases})


class StatusLevelTypes(Enum):
    INFO = "Info"
    WARNING = "Warning"
    ERROR = "Error"


@dataclass(kw_only=True)
class SystemData(DataClassDictMixin):
    created_by: str | None = None
    created_by_type: str | None = None
    created_at: str | None = None
    last_modified_by: str | None = None
    last_modified_by_type: str | None = None
    last_modified_at: str | None = None

    Config = config(
        created_by="createdBy",
        created_by_type="createdByType",
        created_at="createdAt",
        last_modified_by="lastModifiedBy",
        last_modified_by_type="lastModifiedByType",
        last_modified_at="lastModifiedAt",
    )


@dataclass(kw_only=True)
class InstanceViewStatus(DataClassDictMixin):
    code: str | None = None
    level: StatusLevelTypes | None = None
    display_status: str | None = None
    message: str | None = None
    time: str | None = None

    Config = config(display_status="displayStatus")


@dataclass(kw_only=True)
class VirtualMachineRunCommandInstanceView(DataClassDictMixin):
    execution_state: str | None = None
    execution_message: str | None = None
    exit_code: int | None = None
    output: str | None = None
    error: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    statuses: list[InstanceViewStatus] | None = None

    Config = config(
        execution_state="executionState",
        execution_message="executionMessage",
        exit_code="exitCode",
        start_time="startTime",
        end_time="endTime",
    )


@dataclass(kw_only=True)
class RunCommandManagedIdentity(DataClassDictMixin):
    client_id: str | None = None
    object_id: str | None = None

    Config = config(client_id="clientId", object_id="objectId")


@dataclass(kw_only=True)
class RunCommandInputParameter(DataClassDictMixin):
    name: str
    value: str

    Config = config()


@dataclass(kw_only=True)
class VirtualMachineRunCommandScriptSource(DataClassDictMixin):
    script: str | None = None
    script_uri: str | None = None
    command_id: str | None = None
    script_uri_managed_identity: RunCommandManagedIdentity | None = None

    Config = config(
        script_uri="scriptUri",
        command_id="commandId",
        script_uri_managed_identity="scriptUriManagedIdentity",
    )


@dataclass(kw_only=True)
class VirtualMachineRunCommandProperties(DataClassDictMixin):
    source: VirtualMachineRunCommandScriptSource | None = None
    parameters: list[RunCommandInputParameter] | None = None
    protected_parameters: list[RunCommandInputParameter] | None = None
    async_execution: bool | None = None
    run_as_user: str | None = None
    run_as_password: str | None = None
    timeout_in_seconds: int | None = None
    output_blob_uri: str | None = None
    error_blob_uri: str | None = None
    output_blob_managed_identity: RunCommandManagedIdentity | None = None
    error_blob_managed_identity: RunCommandManagedIdentity | None = None
    provisioning_state: str | None = None
    instance_view: VirtualMachineRunCommandInstanceView | None = None
    treat_failure_as_deployment_failure: bool | None = None

    Config = config(
        protected_parameters="protectedParameters",
        async_execution="asyncExecution",
        run_as_user="runAsUser",
        run_as_password="runAsPassword",
        timeout_in_seconds="timeoutInSeconds",
        output_blob_uri="outputBlobUri",
        error_blob_uri="errorBlobUri",
        output_blob_managed_identity="outputBlobManagedIdentity",
        error_blob_managed_identity="errorBlobManagedIdentity",
        provisioning_state="provisioningState",
        instance_view="instanceView",
        treat_failure_as_deployment_failure="treatFailureAsDeploymentFailure",
    )


@dataclass(kw_only=True)
class VirtualMachineRunCommand(DataClassDictMixin):
    location: str
    id: str | None = None
    name: str | None = None
    type: str | None = None
    system_data: SystemData | None = None
    tags: dict[str, str] | None = None
    properties: VirtualMachineRunCommandProperties | None = None

    Config = config(system_data="systemData")


def round_trip(body: dict[str, Any]) -> Any:
    """wire -> dataclass -> wire."""
    return VirtualMachineRunCommand.from_dict(body).to_dict()
