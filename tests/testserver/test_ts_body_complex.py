"""body-complex.json: models with primitive, array and map fields, inheritance, polymorphism
(nested, recursive, dot-syntax discriminators, unknown fields), read-only fields."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

SWAGGER = "body-complex.json"

NOT_PASSED = {
    "putComplexArrayValid": "the server wants a null item in ArrayWrapper.array, whose items the spec does not mark x-nullable; the model refuses it (DecodeError at /array/2) and the builder will not send it",
    "putComplexDictionaryValid": "the server wants a null value in DictionaryWrapper.defaultProgram, whose values the spec does not mark x-nullable; the model refuses it and the builder will not send it",
}

UTC = datetime.UTC


# -- basic ----------------------------------------------------------------------------------------


def test_basic_get_and_put_valid(api: Any) -> None:
    basic = api.call("basic_get_valid")
    assert basic == api.models.Basic(id=2, name="abc", color=api.models.CMYKColors.YELLOW)
    assert basic.color is api.models.CMYKColors.YELLOW
    assert api.call("basic_put_valid", body=api.models.Basic(id=2, name="abc", color=api.models.CMYKColors.MAGENTA)) is None
    # A plain dict is read into the model first, then sent.
    assert api.call("basic_put_valid", body={"id": 2, "name": "abc", "color": "Magenta"}) is None


def test_basic_get_empty_leaves_every_field_unset(api: Any) -> None:
    basic = api.call("basic_get_empty")
    assert basic == api.models.Basic()
    assert basic.id is api.package.UNSET and basic.name is api.package.UNSET
    assert basic.to_dict() == {}


def test_basic_get_null_keeps_the_nulls(api: Any) -> None:
    basic = api.call("basic_get_null")
    assert basic.id is None and basic.name is None
    assert basic.to_dict() == {"id": None, "name": None}


def test_basic_get_not_provided_is_refused(api: Any) -> None:
    # 200 with no body where the spec declares a `basic`: not a Basic.
    with pytest.raises(api.package.DecodeError, match="expected object"):
        api.call("basic_get_not_provided")


def test_basic_get_invalid(api: Any) -> None:
    with pytest.raises(api.package.DecodeError) as caught:
        api.call("basic_get_invalid")
    assert caught.value.pointer == "/id"


# -- primitive fields -----------------------------------------------------------------------------


def test_primitive_int(api: Any) -> None:
    got = api.call("primitive_get_int")
    assert (got.field1, got.field2) == (-1, 2)
    assert api.call("primitive_put_int", body=api.models.IntWrapper(field1=-1, field2=2)) is None


def test_primitive_long(api: Any) -> None:
    got = api.call("primitive_get_long")
    assert (got.field1, got.field2) == (1099511627775, -999511627788)
    assert api.call("primitive_put_long", body=api.models.LongWrapper(field1=1099511627775, field2=-999511627788)) is None


def test_primitive_float(api: Any) -> None:
    got = api.call("primitive_get_float")
    assert (got.field1, got.field2) == (1.05, -0.003)
    assert api.call("primitive_put_float", body=api.models.FloatWrapper(field1=1.05, field2=-0.003)) is None


def test_primitive_double(api: Any) -> None:
    got = api.call("primitive_get_double")
    long_name = "field_56_zeros_after_the_dot_and_negative_zero_before_dot_and_this_is_a_long_field_name_on_purpose"
    assert got.field1 == 3e-100 and getattr(got, long_name) == -5e-57
    assert api.call("primitive_put_double", body=api.models.DoubleWrapper(field1=3e-100, **{long_name: -5e-57})) is None


def test_primitive_bool(api: Any) -> None:
    got = api.call("primitive_get_bool")
    assert got.field_true is True and got.field_false is False
    assert api.call("primitive_put_bool", body=api.models.BooleanWrapper(field_true=True, field_false=False)) is None


def test_primitive_string(api: Any) -> None:
    got = api.call("primitive_get_string")
    assert (got.field, got.empty, got.null) == ("goodrequest", "", None)
    assert api.call("primitive_put_string", body=api.models.StringWrapper(field="goodrequest", empty="", null=None)) is None


def test_primitive_date_time(api: Any) -> None:
    got = api.call("primitive_get_date_time")
    assert got.field == datetime.datetime(1, 1, 1, tzinfo=UTC)
    assert got.now == datetime.datetime(2015, 5, 18, 18, 38, tzinfo=UTC)
    assert got.to_dict() == {"field": "0001-01-01T00:00:00Z", "now": "2015-05-18T18:38:00Z"}
    body = api.models.DatetimeWrapper(field=datetime.datetime(1, 1, 1, tzinfo=UTC), now=datetime.datetime(2015, 5, 18, 18, 38, tzinfo=UTC))
    assert api.call("primitive_put_date_time", body=body) is None


def test_primitive_date(api: Any) -> None:
    got = api.call("primitive_get_date")
    assert (got.field, got.leap) == (datetime.date(1, 1, 1), datetime.date(2016, 2, 29))
    assert type(got.field) is datetime.date
    assert api.call("primitive_put_date", body=api.models.DateWrapper(field=datetime.date(1, 1, 1), leap=datetime.date(2016, 2, 29))) is None


def test_primitive_date_time_rfc1123(api: Any) -> None:
    got = api.call("primitive_get_date_time_rfc1123")
    assert (got.field, got.now) == (datetime.datetime(1, 1, 1, tzinfo=UTC), datetime.datetime(2015, 5, 18, 11, 38, tzinfo=UTC))
    assert got.to_dict() == {"field": "Mon, 01 Jan 0001 00:00:00 GMT", "now": "Mon, 18 May 2015 11:38:00 GMT"}
    body = api.models.Datetimerfc1123Wrapper(field=datetime.datetime(1, 1, 1, tzinfo=UTC), now=datetime.datetime(2015, 5, 18, 11, 38, tzinfo=UTC))
    assert api.call("primitive_put_date_time_rfc1123", body=body) is None


def test_primitive_duration(api: Any) -> None:
    expected = datetime.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)
    got = api.call("primitive_get_duration")
    assert got.field == expected and isinstance(got.field, datetime.timedelta)
    assert got.to_dict() == {"field": "P123DT22H14M12.011S"}
    assert api.call("primitive_put_duration", body=api.models.DurationWrapper(field=expected)) is None


def test_primitive_byte(api: Any) -> None:
    value = bytes([0xFF, 0xFE, 0xFD, 0xFC, 0x00, 0xFA, 0xF9, 0xF8, 0xF7, 0xF6])
    got = api.call("primitive_get_byte")
    assert got.field == value and type(got.field) is bytes
    assert api.call("primitive_put_byte", body=api.models.ByteWrapper(field=value)) is None


# -- array and map fields -------------------------------------------------------------------------


def test_array_valid_with_a_null_item_is_refused_where_it_is(api: Any) -> None:
    # The spec's items are plain strings (no x-nullable); the server sends a null among them.
    with pytest.raises(api.package.DecodeError) as caught:
        api.call("array_get_valid")
    assert caught.value.pointer == "/array/2"
    value = ["1, 2, 3, 4", "", None, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"]
    with pytest.raises(api.requests.ParameterError, match="/array/2"):
        api.requests.build_array_put_valid_request(body={"array": value})


def test_array_empty_and_not_provided(api: Any) -> None:
    assert api.call("array_get_empty").array == []
    assert api.call("array_put_empty", body=api.models.ArrayWrapper(array=[])) is None
    not_provided = api.call("array_get_not_provided")
    assert not_provided.array is api.package.UNSET and not_provided.to_dict() == {}


def test_dictionary_valid_with_a_null_value_is_refused_where_it_is(api: Any) -> None:
    with pytest.raises(api.package.DecodeError) as caught:
        api.call("dictionary_get_valid")
    assert caught.value.pointer == "/defaultProgram/"  # the key is the empty string
    value = {"txt": "notepad", "bmp": "mspaint", "xls": "excel", "exe": "", "": None}
    with pytest.raises(api.requests.ParameterError):
        api.requests.build_dictionary_put_valid_request(body={"defaultProgram": value})


def test_dictionary_empty_null_and_not_provided(api: Any) -> None:
    assert api.call("dictionary_get_empty").default_program == {}
    assert api.call("dictionary_put_empty", body=api.models.DictionaryWrapper(default_program={})) is None
    assert api.call("dictionary_get_null").default_program is None  # x-nullable
    assert api.call("dictionary_get_not_provided").default_program is api.package.UNSET


# -- inheritance ----------------------------------------------------------------------------------


def test_inheritance(api: Any) -> None:
    m = api.models
    siamese = api.call("inheritance_get_valid")
    assert type(siamese) is m.Siamese and isinstance(siamese, m.Cat) and isinstance(siamese, m.Pet)
    hates = [m.Dog(id=1, name="Potato", food="tomato"), m.Dog(id=-1, name="Tomato", food="french fries")]
    assert siamese == m.Siamese(id=2, name="Siameeee", color="green", breed="persian", hates=hates)
    assert api.call("inheritance_put_valid", body=siamese) is None


# -- polymorphism ---------------------------------------------------------------------------------


def _picture() -> bytes:
    return bytes([0xFF, 0xFF, 0xFF, 0xFF, 0xFE])


def _siblings(m: Any) -> list[Any]:
    return [
        m.Shark(age=6, birthday=datetime.datetime(2012, 1, 5, 1, tzinfo=UTC), length=20.0, species="predator"),
        m.Sawshark(age=105, birthday=datetime.datetime(1900, 1, 5, 1, tzinfo=UTC), length=10.0, picture=_picture(), species="dangerous"),
        m.Goblinshark(age=1, birthday=datetime.datetime(2015, 8, 8, tzinfo=UTC), length=30.0, species="scary", jawsize=5, color="pinkish-gray"),
    ]


def test_polymorphism_get_valid_dispatches_on_the_discriminator(api: Any) -> None:
    m = api.models
    salmon = api.call("polymorphism_get_valid")
    assert type(salmon) is m.Salmon and isinstance(salmon, m.Fish)
    assert [type(s) for s in salmon.siblings] == [m.Shark, m.Sawshark, m.Goblinshark]
    assert isinstance(salmon.siblings[1], m.Shark)
    assert [s.age for s in salmon.siblings] == [6, 105, 1]
    assert salmon == m.Salmon(location="alaska", iswild=True, species="king", length=1.0, siblings=_siblings(m))
    # An extensible enum keeps a value the spec does not list.
    assert salmon.siblings[2].color == "pinkish-gray"


def test_polymorphism_put_valid(api: Any) -> None:
    m = api.models
    body = m.Salmon(location="alaska", iswild=True, species="king", length=1.0, siblings=_siblings(m))
    assert api.call("polymorphism_put_valid", body=body) is None


def test_polymorphism_put_valid_missing_required_is_refused_before_sending(api: Any) -> None:
    # A sawshark without its required birthday: the builder checks the subtype's schema.
    body = {
        "fishtype": "salmon",
        "length": 1.0,
        "siblings": [
            {"fishtype": "shark", "age": 6, "birthday": "2012-01-05T01:00:00Z", "length": 20.0},
            {"fishtype": "sawshark", "age": 105, "length": 10.0, "picture": "//////4="},
        ],
    }
    with pytest.raises(api.requests.ParameterError, match="birthday"):
        api.requests.build_polymorphism_put_valid_missing_required_request(body=body)
    errors = api.package.validators.validate("Fish", body)
    assert [(e.path, e.keyword) for e in errors] == [("/siblings/1", "required")]


def test_polymorphism_complicated_keeps_unknown_fields(api: Any) -> None:
    m = api.models
    smart = api.call("polymorphism_get_complicated")
    assert type(smart) is m.SmartSalmon and isinstance(smart, m.Salmon)
    assert smart.additional_properties == {
        "additionalProperty1": 1,
        "additionalProperty2": False,
        "additionalProperty3": "hello",
        "additionalProperty4": {"a": 1, "b": 2},
        "additionalProperty5": [1, 3],
    }
    assert smart.college_degree is api.package.UNSET
    assert api.call("polymorphism_put_complicated", body=smart) is None


def test_polymorphism_missing_discriminator(api: Any) -> None:
    m = api.models
    body = m.Salmon(location="alaska", iswild=True, species="king", length=1.0, siblings=_siblings(m))
    # The request is right; the server answers a salmon without its required discriminator.
    with pytest.raises(api.package.DecodeError, match="'fishtype' is missing"):
        api.call("polymorphism_put_missing_discriminator", body=body)


def test_polymorphism_dot_syntax(api: Any) -> None:
    m = api.models
    dot = api.call("polymorphism_get_dot_syntax")
    assert type(dot) is m.DotSalmon and isinstance(dot, m.DotFish)
    assert dot == m.DotSalmon(location="sweden", iswild=True, species="king")  # a subtype fills in its value
    assert dot.to_dict()["fish.type"] == "DotSalmon"


def test_polymorphism_composed_with_discriminator(api: Any) -> None:
    m = api.models
    market = api.call("polymorphism_get_composed_with_discriminator")
    assert type(market.sample_salmon) is m.DotSalmon
    assert type(market.sample_fish) is m.DotSalmon  # declared DotFish, dispatched to the subtype
    assert [type(f) for f in market.fishes] == [m.DotSalmon, m.DotSalmon]
    assert [s.location for s in market.salmons] == ["sweden", "atlantic"]
    assert market.sample_fish.location == "australia"


def test_polymorphism_composed_without_discriminator_is_refused(api: Any) -> None:
    # `fish.type` is required by DotFish; the server leaves it out.
    with pytest.raises(api.package.DecodeError) as caught:
        api.call("polymorphism_get_composed_without_discriminator")
    assert caught.value.pointer == "/sampleSalmon"


def test_polymorphic_recursive(api: Any) -> None:
    m = api.models
    fish = api.call("polymorphicrecursive_get_valid")
    assert type(fish) is m.Salmon
    assert type(fish.siblings[0]) is m.Shark
    assert type(fish.siblings[0].siblings[0]) is m.Salmon
    assert fish.siblings[0].siblings[0].location == "atlantic"
    assert [type(s) for s in fish.siblings[0].siblings[0].siblings] == [m.Shark, m.Sawshark]
    assert fish.siblings[1].siblings == []
    assert api.call("polymorphicrecursive_put_valid", body=fish) is None


# -- read-only fields -----------------------------------------------------------------------------


def test_readonly_property(api: Any) -> None:
    got = api.call("readonlyproperty_get_valid")
    assert got == api.models.ReadonlyObj(id="1234", size=2)
    # The read-only id is kept when parsing and left out of the request.
    request = api.requests.build_readonlyproperty_put_valid_request(body=got)
    assert request.body == b'{"size":2}'
    assert api.call("readonlyproperty_put_valid", body=got) is None
