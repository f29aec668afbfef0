"""body-formdata-urlencoded.json: `formData` parameters sent as application/x-www-form-urlencoded,
enums and constants included."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

import pytest

SWAGGER = "body-formdata-urlencoded.json"

NOT_PASSED: dict[str, str] = {}


def test_update_pet_with_form(api: Any) -> None:
    request = api.requests.build_formdataurlencoded_update_pet_with_form_request(
        pet_id=1, pet_type=api.models.PetType.DOG, pet_food="meat", pet_age=42, name="Fido"
    )
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(request.body.decode(), strict_parsing=True) == [("pet_type", "dog"), ("pet_food", "meat"), ("pet_age", "42"), ("name", "Fido")]
    assert api.call("formdataurlencoded_update_pet_with_form", pet_id=1, pet_type="dog", pet_food="meat", pet_age=42, name="Fido") is None


def test_form_values_are_checked_and_encoded(api: Any) -> None:
    build = api.requests.build_formdataurlencoded_update_pet_with_form_request
    with pytest.raises(api.requests.ParameterError, match="pet_type"):
        build(pet_id=1, pet_type="horse", pet_food="meat", pet_age=42)
    with pytest.raises(api.requests.ParameterError, match="pet_age"):
        build(pet_id=1, pet_type="dog", pet_food="meat", pet_age="42")
    odd = build(pet_id=1, pet_type="dog", pet_food="a b&c=d", pet_age=1, status="é")
    assert dict(parse_qsl(odd.body.decode())) == {"pet_type": "dog", "pet_food": "a b&c=d", "pet_age": "1", "status": "é"}


def test_partial_constant_body(api: Any) -> None:
    request = api.requests.build_formdataurlencoded_partial_constant_body_request(service="bar", aad_access_token="foo")
    assert dict(parse_qsl(request.body.decode())) == {"grant_type": "access_token", "service": "bar", "access_token": "foo"}
    assert api.call("formdataurlencoded_partial_constant_body", service="bar", aad_access_token="foo") is None
