"""A model whose allOf names several parents extends each of them in Python (a Cat is a Pet and
a Feline); a parent that cannot be a superclass as well (its fields changed, polymorphic, or an
inconsistent class order) is left out, its fields written out as before."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_spec
from hypothesis import given, settings
from hypothesis import strategies as st

B = {"type": "boolean"}


def _all_of(*parents: str, **properties: Any) -> dict[str, Any]:
    return {"type": "object", "allOf": [{"$ref": f"#/definitions/{p}"} for p in parents], "properties": properties}


SPEC = {
    "swagger": "2.0",
    "info": {"title": "T", "version": "1"},
    "paths": {"/cats": {"put": {
        "operationId": "Cats_Put",
        "parameters": [{"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Kitten"}}],
        "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Cat"}}},
    }}},
    "definitions": {
        "Animal": {"type": "object", "properties": {"legs": {"type": "integer"}}},
        "Pet": {**_all_of("Animal", name={"type": "string"}), "required": ["name"]},
        "Feline": _all_of("Animal", meows=B, hisses=B),  # a diamond: Pet and Feline are Animals
        "Cat": _all_of("Pet", "Feline", likesMilk=B),
        "Kitten": _all_of("Cat", eatsMiceYet=B),
        # The second parent's field is changed here: it cannot be a superclass.
        "Lion": _all_of("Pet", "Feline", meows={"type": "string"}),
        # The second parent is a subclass of the first: no consistent class order.
        "Tiger": _all_of("Animal", "Feline"),
        # A polymorphic subtype extends its polymorphic parent first, a plain one as a mixin;
        # a second polymorphic parent keeps its own hierarchy.
        "Shape": {"type": "object", "discriminator": "kind", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
        "Label": {"type": "object", "discriminator": "style", "properties": {"style": {"type": "string"}}},
        "Tag": {"type": "object", "properties": {"tag": {"type": "string"}}},
        "Drawing": _all_of("Tag", "Shape", "Label"),
    },
}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, Path]:
    folder = tmp_path_factory.mktemp("multi")
    return generate_spec(SPEC, folder), folder / "out"


def test_a_model_extends_every_parent_it_can(pkg: tuple[ModuleType, Path]) -> None:
    m = pkg[0].models
    assert m.Cat.__bases__ == (m.Pet, m.Feline)
    assert m.Kitten.__mro__ == (m.Kitten, m.Cat, m.Pet, m.Feline, m.Animal, object)
    kitten = m.Kitten(name="Kitty", meows=True, likes_milk=False, eats_mice_yet=True, legs=4)
    assert isinstance(kitten, m.Feline) and isinstance(kitten, m.Pet) and isinstance(kitten, m.Animal)
    wire = {"legs": 4, "name": "Kitty", "meows": True, "likesMilk": False, "eatsMiceYet": True}
    assert kitten.to_dict() == wire
    assert m.Kitten.from_dict(wire) == kitten
    # Equal only to the same model: a Feline with the same fields is not a Cat.
    cat = m.Cat(name="c", meows=True)
    assert cat != m.Feline(meows=True) and m.Feline(meows=True) != cat
    assert m.Feline(meows=True) == m.Feline(meows=True)
    assert dataclasses.replace(cat, hisses=True) == m.Cat(name="c", meows=True, hisses=True)


def test_a_parent_that_cannot_be_a_superclass_is_left_out(pkg: tuple[ModuleType, Path]) -> None:
    m = pkg[0].models
    assert m.Lion.__bases__ == (m.Pet,) and m.Lion(name="l", meows="roar").to_dict() == {"name": "l", "meows": "roar"}
    assert m.Tiger.__bases__ == (m.Animal,) and "hisses" in {f.name for f in dataclasses.fields(m.Tiger)}
    assert m.Drawing.__bases__ == (m.Shape, m.Tag)
    drawing = m.Shape.from_dict({"kind": "Drawing", "tag": "t", "style": "s"})
    assert type(drawing) is m.Drawing and isinstance(drawing, m.Tag) and not isinstance(drawing, m.Label)
    assert drawing.to_dict() == {"kind": "Drawing", "tag": "t", "style": "s"}


def test_mixins_keep_their_fields_in_a_dict_and_the_rest_in_slots(pkg: tuple[ModuleType, Path]) -> None:
    m = pkg[0].models
    # A class may have one base with slots of its own; the mixin and what it extends have none.
    assert "__slots__" not in vars(m.Feline) and "__slots__" not in vars(m.Animal)
    assert "__slots__" not in vars(m.Tag)
    assert vars(m.Pet)["__slots__"] == ("name",) and vars(m.Cat)["__slots__"] == ("hisses", "likes_milk", "meows")
    # Animal (which Feline extends) has no slots: its fields are the only ones in the dict.
    assert set(vars(m.Cat(name="c"))) == {"legs", "additional_properties"}


def test_the_package_passes_mypy_strict_and_ruff(pkg: tuple[ModuleType, Path]) -> None:
    package, out = pkg
    name = package.__name__
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", name], cwd=out, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", name], cwd=out, check=False, capture_output=True, text=True, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-3000:]


def test_schemas_refer_to_every_parent_and_validators_check_their_fields(pkg: tuple[ModuleType, Path]) -> None:
    package = pkg[0]
    cat = package.schemas.load("Cat")
    assert cat["allOf"] == [{"$ref": "Pet.json"}, {"$ref": "Feline.json"}] and list(cat["properties"]) == ["likesMilk"]
    assert list(package.schemas.load("Lion")["properties"]) == ["meows", "hisses"]  # no mixin: Feline's fields written out
    errors = package.validators.validate("Kitten", {"meows": "yes", "likesMilk": True, "eatsMiceYet": 1})
    assert sorted((e.path, e.keyword) for e in errors) == [("", "required"), ("/eatsMiceYet", "type"), ("/meows", "type")]


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_drawn_bodies_are_valid_and_round_trip(pkg: tuple[ModuleType, Path], data: st.DataObject) -> None:
    package = pkg[0]
    body = data.draw(package.strategies.for_definition("Kitten"))
    assert package.validators.validate("Kitten", body) == []
    assert package.models.Kitten.from_dict(body).to_dict() == body
