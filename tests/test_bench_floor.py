"""The benchmark's floors: the pure-Python floor model and the response's date-time texts."""

from __future__ import annotations

import copy

from bench import peer_floor
from bench.bench_validators import date_times
from bench.common import GENERATED, bodies

SCHEMAS = GENERATED / "runcommands" / "schemas"


def test_the_floor_gives_both_bodies_back_exactly() -> None:
    trip = peer_floor.round_trip(SCHEMAS, "VirtualMachineRunCommand")
    for body in (bodies()["put"], bodies()["response"]):
        out = trip(body)
        assert out == body and out is not body
        assert out["properties"] is not body["properties"]  # nested objects are read, not shared


def test_the_floor_checks_nothing_a_model_must() -> None:
    """What specgen's models refuse, the floor passes on: it is the cost of copying, no more."""
    body = copy.deepcopy(bodies()["response"])
    body["properties"]["instanceView"]["startTime"] = "yesterday"  # not a date-time
    body["systemData"]["createdByType"] = "Bogus"  # not in the enum
    assert peer_floor.round_trip(SCHEMAS, "VirtualMachineRunCommand")(body) == body


def test_the_floor_builds_its_code_from_names_only_as_literals() -> None:
    floor = peer_floor._Floor(SCHEMAS)
    floor.model("VirtualMachineRunCommand")
    source = "\n".join(floor.source)
    assert "'instanceView'" in source and "def from_dict" in source
    assert "instanceView =" not in source and ".instanceView" not in source  # slots are s0, s1, ...


def test_the_response_has_five_date_times_found_through_its_model() -> None:
    texts = date_times(bodies()["response"])
    assert sorted(texts) == sorted(
        [
            "2024-11-01T10:00:00.1234567Z",
            "2024-11-01T10:05:00.1234567Z",
            "2024-11-01T10:00:01.1234567+00:00",
            "2024-11-01T10:00:09.7654321+00:00",
            "2024-11-01T10:00:09.7654321+00:00",
        ]
    )
