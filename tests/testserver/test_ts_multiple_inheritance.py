"""multiple-inheritance.json: models whose allOf names one or two parents (Cat is a Pet and a Feline)."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "multiple-inheritance.json"

NOT_PASSED: dict[str, str] = {}


def test_get_and_put_pet(api: Any) -> None:
    pet = api.call("get_pet")
    assert pet == api.models.Pet(name="Peanut")
    assert type(pet) is api.models.Pet
    assert api.call("put_pet", body=api.models.Pet(name="Butter")) == "Pet was correct!"


def test_get_and_put_horse(api: Any) -> None:
    horse = api.call("get_horse")
    assert horse == api.models.Horse(name="Fred", is_a_show_horse=True)
    assert isinstance(horse, api.models.Pet)
    assert api.call("put_horse", body=api.models.Horse(name="General", is_a_show_horse=False)) == "Horse was correct!"


def test_get_and_put_feline(api: Any) -> None:
    feline = api.call("get_feline")
    assert feline == api.models.Feline(meows=True, hisses=True)
    assert api.call("put_feline", body=api.models.Feline(meows=False, hisses=True)) == "Feline was correct!"


def test_get_and_put_cat(api: Any) -> None:
    cat = api.call("get_cat")
    assert cat == api.models.Cat(name="Whiskers", likes_milk=True, meows=True, hisses=True)
    assert cat.additional_properties == {}
    # allOf [Pet, Feline]: a Cat is both.
    assert isinstance(cat, api.models.Pet) and isinstance(cat, api.models.Feline)
    assert cat != api.models.Feline(meows=True, hisses=True)
    assert api.call("put_cat", body=api.models.Cat(name="Boots", likes_milk=False, meows=True, hisses=False)) == "Cat was correct!"


def test_get_and_put_kitten(api: Any) -> None:
    kitten = api.call("get_kitten")
    assert kitten == api.models.Kitten(name="Gatito", likes_milk=True, meows=True, hisses=True, eats_mice_yet=False)
    assert isinstance(kitten, api.models.Cat) and isinstance(kitten, api.models.Feline)
    body = api.models.Kitten(name="Kitty", likes_milk=False, meows=True, hisses=False, eats_mice_yet=True)
    assert api.call("put_kitten", body=body) == "Kitten was correct!"


def test_a_body_missing_a_required_parent_field_is_refused_before_sending(api: Any) -> None:
    # Pet.name is required, and Kitten inherits it through Cat.
    with pytest.raises(api.requests.ParameterError, match="name"):
        api.requests.build_put_kitten_request(body={"meows": True})
