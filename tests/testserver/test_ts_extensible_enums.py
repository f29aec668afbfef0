"""extensible-enums-swagger.json: x-ms-enum modelAsString values, known and unknown, kept exactly."""

from __future__ import annotations

from typing import Any

SWAGGER = "extensible-enums-swagger.json"

NOT_PASSED = {}


def test_expected_values(api: Any) -> None:
    tommy = api.call("pet_get_by_pet_id", pet_id="tommy")
    assert tommy.name == "Tommy Tomson"
    assert tommy.days_of_week is api.models.DaysOfWeekExtensibleEnum.MONDAY
    assert tommy.int_enum is api.models.IntEnum.V1


def test_unexpected_value_is_kept(api: Any) -> None:
    casper = api.call("pet_get_by_pet_id", pet_id="casper")
    assert casper.days_of_week == "Weekend" and type(casper.days_of_week) is str
    assert casper.int_enum is api.models.IntEnum.V2
    assert casper.to_dict() == {"name": "Casper Ghosty", "DaysOfWeek": "Weekend", "IntEnum": "2"}


def test_allowed_value_is_kept(api: Any) -> None:
    # x-ms-enum `allowedValues` say "2.1" stands for "2"; the value is kept as sent
    scooby = api.call("pet_get_by_pet_id", pet_id="scooby")
    assert scooby.days_of_week is api.models.DaysOfWeekExtensibleEnum.THURSDAY
    assert scooby.int_enum == "2.1" and type(scooby.int_enum) is str


def test_round_trip(api: Any) -> None:
    pet = api.models.Pet(name="Retriever", int_enum=api.models.IntEnum.V3, days_of_week=api.models.DaysOfWeekExtensibleEnum.FRIDAY)
    got = api.call("pet_add_pet", body=pet)
    assert got == pet
    assert got.days_of_week is api.models.DaysOfWeekExtensibleEnum.FRIDAY and got.int_enum is api.models.IntEnum.V3
