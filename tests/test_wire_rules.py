"""The wire-fidelity rules of the generated models, one test each (generated/runcommands)."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import pytest
from conftest import STABLE

EXAMPLES = STABLE / "2024-11-01/examples/runCommandExamples"


def _example(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text(encoding="utf-8"))


@pytest.fixture()
def put_body() -> dict[str, Any]:
    return copy.deepcopy(_example("VirtualMachineRunCommand_CreateOrUpdate.json")["parameters"]["runCommand"])


@pytest.fixture()
def get_body() -> dict[str, Any]:
    return copy.deepcopy(_example("VirtualMachineRunCommand_Get.json")["responses"]["200"]["body"])


def test_api_version(pkg: ModuleType) -> None:
    assert pkg.API_VERSION == "2024-11-01"


def test_fields_never_set_are_never_emitted(pkg: ModuleType) -> None:
    m = pkg.models
    rc = m.VirtualMachineRunCommand(location="westus")
    assert rc.to_dict() == {"location": "westus"}
    assert rc.properties is pkg.UNSET and rc.properties is not None
    rc.properties = m.VirtualMachineRunCommandProperties(async_execution=False)
    assert rc.to_dict() == {"location": "westus", "properties": {"asyncExecution": False}}


def test_explicit_null_is_kept_and_differs_from_unset(pkg: ModuleType) -> None:
    body = {"location": "westus", "tags": None}
    assert pkg.models.VirtualMachineRunCommand.from_dict(body).to_dict() == body


def test_empty_object_is_kept(pkg: ModuleType, put_body: dict[str, Any]) -> None:
    # An empty scriptUriManagedIdentity selects the system-assigned identity: it must survive.
    put_body["properties"]["source"]["scriptUriManagedIdentity"] = {}
    rc = pkg.models.VirtualMachineRunCommand.from_dict(put_body)
    assert rc.source.script_uri_managed_identity == pkg.models.RunCommandManagedIdentity()
    assert rc.to_dict()["properties"]["source"]["scriptUriManagedIdentity"] == {}
    assert rc.to_dict() == put_body


def test_unknown_fields_are_kept_at_every_depth(pkg: ModuleType, get_body: dict[str, Any]) -> None:
    get_body["newTopLevel"] = {"a": [1, 2]}
    get_body["properties"]["newFlag"] = True
    get_body["properties"]["source"]["newSourceField"] = "x"
    get_body["properties"]["instanceView"] = {"executionState": "Running", "futureField": 3}
    rc = pkg.models.VirtualMachineRunCommand.from_dict(get_body)
    assert rc.additional_properties == {"newTopLevel": {"a": [1, 2]}}
    assert rc.to_dict() == get_body
    # GET -> modify -> PUT keeps what the server sent and we do not know.
    rc.run_as_user = "other"
    sent = rc.to_dict(request=True)
    assert sent["newTopLevel"] == {"a": [1, 2]}
    assert sent["properties"]["newFlag"] is True
    assert sent["properties"]["source"]["newSourceField"] == "x"


def test_an_unknown_field_in_place_of_a_known_one_is_kept(pkg: ModuleType) -> None:
    """from_dict knows there are unknown keys by counting the fields a body lacks: a body with
    as many keys as the model has fields, one of them unknown, keeps it (fields of a base too)."""
    m = pkg.models
    resource = {"id": "i", "name": "n", "type": "t", "systemData": {}, "location": "l", "tags": {}}
    for cls, body in [
        (m.RunCommandManagedIdentity, {"clientId": "c", "unknown": 1}),
        (m.InstanceViewStatus, {"code": "c", "level": "Info", "displayStatus": "d", "message": "m", "unknown": [1]}),
        (m.VirtualMachineRunCommand, {**resource, "unknown": {}}),  # (its own field, properties, absent)
        (m.VirtualMachineRunCommand, {**{k: v for k, v in resource.items() if k != "tags"}, "properties": {}, "unknown": None}),
    ]:
        model = cls.from_dict(body)
        assert model.additional_properties == {"unknown": body["unknown"]}, cls
        assert model.to_dict() == body


def test_seven_digit_timestamps_round_trip_exactly(pkg: ModuleType) -> None:
    body = {"startTime": "2024-03-01T10:20:30.1234567Z", "endTime": "2024-03-01T10:20:31+02:00", "exitCode": 0}
    view = pkg.models.VirtualMachineRunCommandInstanceView.from_dict(body)
    assert isinstance(view.start_time, datetime)
    assert view.start_time == datetime(2024, 3, 1, 10, 20, 30, 123456, tzinfo=UTC)
    assert view.to_dict() == body
    view.start_time = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert view.to_dict()["startTime"] == "2024-01-02T03:04:05Z"


def test_timestamps_are_checked_when_read_and_made_datetimes_when_first_used(pkg: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    """A date-time in the common form is checked by from_dict() and kept as its text: a round
    trip builds no datetime; the first read of the field builds it, once."""
    made: list[str] = []
    real = pkg._runtime.read_datetime
    monkeypatch.setattr(pkg._runtime, "read_datetime", lambda text: made.append(text) or real(text))
    body = {"startTime": "2024-03-01T10:20:30.1234567Z", "endTime": "2024-02-29T23:59:60Z", "statuses": [{"time": "2024-03-01T10:20:31+02:00"}]}
    view = pkg.models.VirtualMachineRunCommandInstanceView.from_dict(body)
    assert made == ["2024-02-29T23:59:60Z"]  # not the common form: read (a leap second) at once
    assert view.to_dict() == body and made == ["2024-02-29T23:59:60Z"]
    assert view.start_time == datetime(2024, 3, 1, 10, 20, 30, 123456, tzinfo=UTC)
    assert view.start_time is view.start_time and made[1:] == ["2024-03-01T10:20:30.1234567Z"]
    assert view.to_dict() == body  # the datetime made from the text still writes the text
    with pytest.raises(TypeError):  # the text a field keeps is only ever one from_dict checked
        view.end_time = "2024-03-01T10:20:30Z"  # type: ignore[assignment]
    for bad in ("2023-02-29T10:20:30Z", "2024-04-31T10:20:30Z", "0000-01-01T00:00:00Z", "2024-03-01T10:20:30.Z", "2024-03-01T24:00:00Z", "2024-03-01T10:20:30+00:60"):
        with pytest.raises(pkg.DecodeError):
            pkg.models.VirtualMachineRunCommandInstanceView.from_dict({"startTime": bad})


def test_bad_timestamp_is_rejected_with_its_path(pkg: ModuleType) -> None:
    with pytest.raises(pkg.DecodeError) as err:
        pkg.models.VirtualMachineRunCommand.from_dict({"location": "x", "properties": {"instanceView": {"startTime": "yesterday"}}})
    assert err.value.pointer == "/properties/instanceView/startTime"


def test_extensible_enum_accepts_and_keeps_unknown_values(pkg: ModuleType) -> None:
    m = pkg.models
    view = m.VirtualMachineRunCommandInstanceView.from_dict({"executionState": "Succeeded"})
    assert view.execution_state is m.ExecutionState.SUCCEEDED
    view = m.VirtualMachineRunCommandInstanceView.from_dict({"executionState": "Hibernating"})
    assert view.execution_state == "Hibernating"
    assert view.to_dict() == {"executionState": "Hibernating"}


def test_closed_enum_rejects_unknown_values_clearly(pkg: ModuleType) -> None:
    m = pkg.models
    assert m.InstanceViewStatus.from_dict({"level": "Warning"}).level is m.StatusLevelTypes.WARNING
    with pytest.raises(pkg.DecodeError) as err:
        m.RunCommandResult.from_dict({"value": [{"level": "Info"}, {"level": "Bogus"}]})
    assert err.value.pointer == "/value/1/level"
    assert "'Bogus' is not a valid StatusLevelTypes" in str(err.value)


def test_secrets_never_shown(pkg: ModuleType, put_body: dict[str, Any]) -> None:
    put_body["properties"]["runAsPassword"] = "hunter2-SECRET"
    put_body["properties"]["protectedParameters"] = [{"name": "token", "value": "tok-SECRET"}]
    rc = pkg.models.VirtualMachineRunCommand.from_dict(put_body)
    for text in (repr(rc), str(rc), repr(rc.properties), str(rc.properties)):
        assert "SECRET" not in text
        assert "run_as_password=***" in text
    assert rc.run_as_password == "hunter2-SECRET"  # the value itself is there for the caller
    # Items read from a secret field stay masked on their own too, yet compare and serialise as usual.
    items = rc.properties.protected_parameters
    for text in (repr(items), str(items), repr(items[0])):
        assert "SECRET" not in text
    assert items[0].value == "tok-SECRET"
    assert items[0] == pkg.models.RunCommandInputParameter(name="token", value="tok-SECRET")
    assert rc.to_dict()["properties"]["protectedParameters"] == [{"name": "token", "value": "tok-SECRET"}]
    import dataclasses

    assert [f.name for f in dataclasses.fields(items[0])] == ["name", "value", "additional_properties"]
    with pytest.raises(pkg.DecodeError) as err:
        pkg.models.VirtualMachineRunCommand.from_dict({"location": "x", "properties": {"runAsPassword": ["hunter2-SECRET"]}})
    assert "SECRET" not in str(err.value)


def test_read_only_fields_dropped_for_requests(pkg: ModuleType, get_body: dict[str, Any]) -> None:
    get_body["systemData"] = {"createdBy": "me", "createdAt": "2024-01-01T00:00:00Z"}
    get_body["properties"]["instanceView"] = {"executionState": "Succeeded"}
    rc = pkg.models.VirtualMachineRunCommand.from_dict(get_body)
    assert rc.to_dict() == get_body  # kept when parsing
    sent = rc.to_dict(request=True)
    for gone in ("id", "name", "type", "systemData"):
        assert gone not in sent
    assert "provisioningState" not in sent["properties"]
    assert "instanceView" not in sent["properties"]
    assert sent["location"] == get_body["location"]


def test_flattened_properties_both_ways(pkg: ModuleType, put_body: dict[str, Any]) -> None:
    m = pkg.models
    rc = m.VirtualMachineRunCommand.from_dict(put_body)
    assert rc.source is rc.properties.source
    assert rc.timeout_in_seconds == 3600
    fresh = m.VirtualMachineRunCommand(location="westus")
    fresh.source = m.VirtualMachineRunCommandScriptSource(script="echo hi")
    fresh.timeout_in_seconds = 60
    assert fresh.to_dict() == {"location": "westus", "properties": {"source": {"script": "echo hi"}, "timeoutInSeconds": 60}}


def test_missing_required_and_wrong_types_are_located(pkg: ModuleType) -> None:
    with pytest.raises(pkg.DecodeError) as err:
        pkg.models.VirtualMachineRunCommand.from_dict({"properties": {}})
    assert "required property 'location' is missing" in str(err.value)
    with pytest.raises(pkg.DecodeError) as err:
        pkg.models.VirtualMachineRunCommand.from_dict({"location": "x", "properties": {"timeoutInSeconds": "60"}})
    assert err.value.pointer == "/properties/timeoutInSeconds"
    with pytest.raises(pkg.DecodeError):
        pkg.models.VirtualMachineRunCommand.from_dict({"location": "x", "properties": {"asyncExecution": 1}})
    with pytest.raises(pkg.DecodeError):
        pkg.models.VirtualMachineRunCommand.from_dict([])


def test_models_are_slotted_keyword_only_dataclasses(pkg: ModuleType) -> None:
    import dataclasses

    cls = pkg.models.VirtualMachineRunCommandProperties
    assert dataclasses.is_dataclass(cls)
    assert hasattr(cls, "__slots__")
    with pytest.raises(TypeError):
        cls("positional")
    assert issubclass(pkg.models.ExecutionState, str)


def test_schemas_are_valid_2020_12_and_resolve(pkg: ModuleType, put_body: dict[str, Any], get_body: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    docs = pkg.schemas.load_all()
    assert set(docs) == {f"{n}.json" for n in pkg.schemas.NAMES}
    registry = Registry().with_resources((uri, Resource.from_contents(doc)) for uri, doc in docs.items())
    for doc in docs.values():
        Draft202012Validator.check_schema(doc)
    validator = Draft202012Validator(docs["VirtualMachineRunCommand.json"], registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert not list(validator.iter_errors(put_body))
    assert not list(validator.iter_errors(get_body))
    assert docs["VirtualMachineRunCommandProperties.json"]["properties"]["instanceView"]["readOnly"] is True
    # An allOf parent is referred to, not copied: systemData is Resource's (via TrackedResource).
    assert docs["VirtualMachineRunCommand.json"]["allOf"] == [{"$ref": "TrackedResource.json"}]
    assert docs["TrackedResource.json"]["allOf"] == [{"$ref": "Resource.json"}]
    assert "systemData" not in docs["VirtualMachineRunCommand.json"]["properties"]
    assert docs["Resource.json"]["properties"]["systemData"] == {
        "$ref": "SystemData.json", "description": "Azure Resource Manager metadata containing createdBy and modifiedBy information.", "readOnly": True
    }


def test_timestamps_keep_their_text_through_copies_and_pickles(pkg: ModuleType) -> None:
    import pickle

    body = {"startTime": "2024-03-01T10:20:30.1234567Z", "endTime": "2024-03-01t10:20:31z"}
    view = pkg.models.VirtualMachineRunCommandInstanceView.from_dict(body)
    for again in (copy.copy(view), copy.deepcopy(view), pickle.loads(pickle.dumps(view))):
        assert again == view
        assert again.to_dict() == body
