"""Hand-written pydantic v2 models of the runCommands bodies: the peer for round trips.

Written the way a careful user would: wire names as aliases, extra fields allowed (and kept),
`populate_by_name`, enums as `str` Enums. Kept exact on the wire: **timestamps as `str`**, since a
pydantic `datetime` keeps 6 fractional digits and writes `Z` for `+00:00`, so Azure's text would
not come back (specgen parses them and still writes the exact text, so this peer does less work
per timestamp). A round trip is
`Model.model_validate(body).model_dump(by_alias=True, exclude_unset=True, mode="json")`.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Base(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class ExecutionState(str, Enum):
    UNKNOWN = "Unknown"
    PENDING = "Pending"
    RUNNING = "Running"
    FAILED = "Failed"
    SUCCEEDED = "Succeeded"
    TIMED_OUT = "TimedOut"
    CANCELED = "Canceled"


class StatusLevelTypes(str, Enum):
    INFO = "Info"
    WARNING = "Warning"
    ERROR = "Error"


class CreatedByType(str, Enum):
    USER = "User"
    APPLICATION = "Application"
    MANAGED_IDENTITY = "ManagedIdentity"
    KEY = "Key"


class SystemData(_Base):
    created_by: str | None = Field(None, alias="createdBy")
    created_by_type: CreatedByType | str | None = Field(None, alias="createdByType")
    created_at: str | None = Field(None, alias="createdAt")
    last_modified_by: str | None = Field(None, alias="lastModifiedBy")
    last_modified_by_type: CreatedByType | str | None = Field(None, alias="lastModifiedByType")
    last_modified_at: str | None = Field(None, alias="lastModifiedAt")


class InstanceViewStatus(_Base):
    code: str | None = None
    level: StatusLevelTypes | None = None
    display_status: str | None = Field(None, alias="displayStatus")
    message: str | None = None
    time: str | None = None


class VirtualMachineRunCommandInstanceView(_Base):
    execution_state: ExecutionState | str | None = Field(None, alias="executionState")
    execution_message: str | None = Field(None, alias="executionMessage")
    exit_code: int | None = Field(None, alias="exitCode")
    output: str | None = None
    error: str | None = None
    start_time: str | None = Field(None, alias="startTime")
    end_time: str | None = Field(None, alias="endTime")
    statuses: list[InstanceViewStatus] | None = None


class RunCommandManagedIdentity(_Base):
    client_id: str | None = Field(None, alias="clientId")
    object_id: str | None = Field(None, alias="objectId")


class RunCommandInputParameter(_Base):
    name: str
    value: str


class VirtualMachineRunCommandScriptSource(_Base):
    script: str | None = None
    script_uri: str | None = Field(None, alias="scriptUri")
    command_id: str | None = Field(None, alias="commandId")
    script_uri_managed_identity: RunCommandManagedIdentity | None = Field(None, alias="scriptUriManagedIdentity")


class VirtualMachineRunCommandProperties(_Base):
    source: VirtualMachineRunCommandScriptSource | None = None
    parameters: list[RunCommandInputParameter] | None = None
    protected_parameters: list[RunCommandInputParameter] | None = Field(None, alias="protectedParameters")
    async_execution: bool | None = Field(None, alias="asyncExecution")
    run_as_user: str | None = Field(None, alias="runAsUser")
    run_as_password: str | None = Field(None, alias="runAsPassword")
    timeout_in_seconds: int | None = Field(None, alias="timeoutInSeconds")
    output_blob_uri: str | None = Field(None, alias="outputBlobUri")
    error_blob_uri: str | None = Field(None, alias="errorBlobUri")
    output_blob_managed_identity: RunCommandManagedIdentity | None = Field(None, alias="outputBlobManagedIdentity")
    error_blob_managed_identity: RunCommandManagedIdentity | None = Field(None, alias="errorBlobManagedIdentity")
    provisioning_state: str | None = Field(None, alias="provisioningState")
    instance_view: VirtualMachineRunCommandInstanceView | None = Field(None, alias="instanceView")
    treat_failure_as_deployment_failure: bool | None = Field(None, alias="treatFailureAsDeploymentFailure")


class VirtualMachineRunCommand(_Base):
    id: str | None = None
    name: str | None = None
    type: str | None = None
    system_data: SystemData | None = Field(None, alias="systemData")
    tags: dict[str, str] | None = None
    location: str
    properties: VirtualMachineRunCommandProperties | None = None


def round_trip(body: dict[str, Any]) -> Any:
    """wire -> model -> wire."""
    return VirtualMachineRunCommand.model_validate(body).model_dump(by_alias=True, exclude_unset=True, mode="json")
