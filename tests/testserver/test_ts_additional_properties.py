"""additionalProperties.json: models that keep the fields the spec does not define (additionalProperties
true, {}, a typed schema; a property that is itself called `additionalProperties`)."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "additionalProperties.json"

NOT_PASSED = {}

PUPPY_EXTRA = {"birthdate": "2017-12-13T02:29:51Z", "complexProperty": {"color": "Red"}}


def test_additional_properties_true(api: Any) -> None:
    pet = api.models.PetAPTrue(id=1, name="Puppy", additional_properties=dict(PUPPY_EXTRA))
    got = api.call("pets_create_ap_true", body=pet)
    assert type(got) is api.models.PetAPTrue
    assert (got.id, got.name, got.status) == (1, "Puppy", True)  # status is read-only: sent back only
    assert got.additional_properties == PUPPY_EXTRA


def test_additional_properties_true_subclass(api: Any) -> None:
    cat = api.models.CatAPTrue(id=1, name="Lisa", friendly=True, additional_properties=dict(PUPPY_EXTRA))
    got = api.call("pets_create_cat_ap_true", body=cat)
    assert type(got) is api.models.CatAPTrue
    assert (got.id, got.name, got.friendly, got.status) == (1, "Lisa", True, True)
    assert got.additional_properties == PUPPY_EXTRA


def test_additional_properties_any_object(api: Any) -> None:
    extra = {"siblings": [{"id": 1, "name": "Puppy", **PUPPY_EXTRA}], "picture": "//////4="}
    pet = api.models.PetAPObject(id=2, name="Hira", additional_properties=extra)
    got = api.call("pets_create_ap_object", body=pet)
    assert (got.id, got.name, got.status) == (2, "Hira", True)
    assert got.additional_properties == extra


def test_additional_properties_typed_string(api: Any) -> None:
    extra = {"color": "red", "weight": "10 kg", "city": "Bombay"}
    got = api.call("pets_create_ap_string", body=api.models.PetAPString(id=3, name="Tommy", additional_properties=extra))
    assert (got.id, got.name, got.status) == (3, "Tommy", True)
    assert got.additional_properties == extra
    # a value that is not a string is refused where it is, on the way out and on the way in
    with pytest.raises(ValueError, match="/weight"):
        api.requests.build_pets_create_ap_string_request(body={"id": 3, "weight": 10})
    with pytest.raises(api.package.DecodeError) as caught:
        api.models.PetAPString.from_dict({"id": 3, "weight": 10})
    assert caught.value.pointer == "/weight"


def test_property_named_additional_properties(api: Any) -> None:
    sizes = {"height": 5.61, "weight": 599, "footsize": 11.5}
    got = api.call("pets_create_ap_in_properties", body=api.models.PetAPInProperties(id=4, name="Bunny", additional_properties_=sizes))
    assert (got.id, got.name, got.status) == (4, "Bunny", True)
    assert got.additional_properties_ == sizes
    assert got.additional_properties == {}


def test_property_named_additional_properties_and_typed_extra(api: Any) -> None:
    sizes = {"height": 5.61, "weight": 599, "footsize": 11.5}
    extra = {"color": "red", "city": "Seattle", "food": "tikka masala"}
    pet = api.models.PetAPInPropertiesWithAPString(id=5, name="Funny", odata_location="westus", additional_properties_=sizes, additional_properties=extra)
    got = api.call("pets_create_ap_in_properties_with_ap_string", body=pet)
    assert (got.id, got.name, got.odata_location, got.status) == (5, "Funny", "westus", True)
    assert got.additional_properties_ == sizes
    assert got.additional_properties == extra
