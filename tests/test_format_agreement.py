"""Models and validators agree on every format a model reads, exactly.

A spec with one field per format (and a list and a map of them): for any value a mutation of a
valid one, or of another JSON type, the model refuses it (DecodeError) exactly when the validator
does, and at the pointer of the validator's first error. The two call the same definitions
(generator/validate/fmt_*.py, copied into `_runtime` and into `validators`), and the documents
name each format so that jsonschema, checking the formats it knows, never refuses a value a
model reads (JSON Schema's own `time` and `duration` mean other things: `azure-time`,
`azure-duration`).
"""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_spec
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from generator.emit.formats import CODECS, READ_FORMATS, runtime_checks
from generator.validate.formats import FORMATS, HELPERS, helper_closure

FIELDS: dict[str, dict[str, str]] = {
    "day": {"type": "string", "format": "date"},
    "clock": {"type": "string", "format": "time"},
    "stamp": {"type": "string", "format": "date-time"},
    "httpDate": {"type": "string", "format": "date-time-rfc1123"},
    "epoch": {"type": "integer", "format": "unixtime"},
    "span": {"type": "string", "format": "duration"},
    "blob": {"type": "string", "format": "byte"},
    "urlBlob": {"type": "string", "format": "base64url"},
    "amount": {"type": "number", "format": "decimal"},
}
SPEC = {
    "swagger": "2.0",
    "info": {"title": "Formats", "version": "2024-01-01"},
    "paths": {},
    "definitions": {
        "Values": {
            "type": "object",
            "properties": {
                **FIELDS,
                "days": {"type": "array", "items": FIELDS["day"]},
                "spans": {"type": "object", "additionalProperties": FIELDS["span"]},
            },
        }
    },
}
FORMAT_OF = {**{name: schema["format"] for name, schema in FIELDS.items()}, "days": "date", "spans": "duration"}

# Values near the edges of each grammar, valid and not (mutations of valid values come on top).
CORNERS: dict[str, list[Any]] = {
    "date": ["2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2024-13-01", "2024-00-10",
             "2024-04-31", "2024-1-01", "2024-01-01T00:00:00Z", "20240101", "2024-W01-1", "2024-01-01\n", " 2024-01-01", "\u0662024-01-01"],
    "time": ["11:34:56", "00:00:00", "23:59:59", "24:00:00", "23:59:60", "23:59:60Z", "11:34", "11:34:56.", "11:34:56.1234567", "11:34:56,5",
             "11:34:56+14:00", "11:34:56+24:00", "11:34:56-00:00", "11:34:56+00:60", "11:34:56z", "11:34:56 Z", "113456", "1:34:56", "11:34:5\u0666"],
    "date-time": ["2024-05-31T12:00:00.1234567Z", "2016-12-31T23:59:60Z", "2016-12-31T22:59:60Z", "2020-01-01t00:00:00z", "20200101T000000Z",
                  "2020-01-01T00:00:00", "2021-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "2020-01-01 00:00:00Z", "2020-01-01T00:00:00+01"],
    "date-time-rfc1123": ["Fri, 31 May 2024 12:00:00 GMT", "fri, 31 may 2024 12:00:00 gmt", "Sat, 31 May 2024 12:00:00 GMT", "Fri, 31 May 2024 12:00:00 UTC",
                          "Fri, 31 May 2024 24:00:00 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Sat, 01 Jan 0000 00:00:00 GMT", "Thu, 29 Feb 2024 00:00:00 GMT",
                          "Mon, 29 Feb 2100 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Fri, 5 Jan 2024 00:00:00 GMT", "Fri, 00 Jan 2024 00:00:00 GMT",
                          "Fri,  5 Jan 2024 00:00:00 GMT", "\u017fat, 01 Jun 2024 12:00:00 GMT", "Sun, 01 \u017fep 2024 00:00:00 GMT", "Friday, 31 May 2024 12:00:00 GMT"],
    "unixtime": [0, 1460505600, -62135596800, -62135596801, 253402300799, 253402300800, 1.0, 1.5, 1e300, -1e300, float("nan"), float("inf"), True, "0", 10**30],
    "duration": ["P1D", "PT", "P", "-P1D", "+P1D", "P1.5D", "PT1.5S", "PT1,5S", "p1d", "P1W", "P1Y2M3W4DT5H6M7.8S", "P999999999D", "P1000000000D",
                 "-P999999999D", "-P999999999DT1S", "PT" + "9" * 19 + "S", "PT" + "0" * 5000 + "1S", "P" + "9" * 5000 + "D", "P1DT", "PT1H1D", "PT1\u017f", "P\uff11D", "P1D ",
                 "PT86399999999999.999999S", "PT86400000000000S"],
    "byte": ["", "AP8=", "AP8", "AP8==", "YQ==", "YQ=", "Y", "a-b_", "a+b/", "AP8=\n", "AP 8=", "////"],
    "base64url": ["", "AP8", "AP8=", "AP8==", "YQ", "YQ=", "Y", "a+b/", "__79_Pv6-fj39g", "AP8\n"],
    "decimal": [0, 1.5, -0.0, 1e308, 10**400, float("nan"), float("inf"), float("-inf"), True, "1.5"],
}
OTHER_TYPES: list[Any] = [0, 1.5, True, "text", [], {}]  # (null is the deliberate difference: kept by the model)
# What edits insert: the characters of the grammars and some that look like them.
ALPHABET = "0123456789-:.,+ TtZzPpYMWDHSGgmon=/_Aa\n\u0663\u017f\u212a\uff11"


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    folder = tmp_path_factory.mktemp("agreement")
    return generate_spec(SPEC, folder)


def _edited(text: str, edits: list[tuple[int, str, str]]) -> str:
    chars = list(text)
    for at, op, ch in edits:
        i = at % (len(chars) + 1)
        if op == "insert" or not chars or i == len(chars):
            chars.insert(i, ch)
        elif op == "delete":
            del chars[i]
        else:
            chars[i] = ch
    return "".join(chars)


EDITS = st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["insert", "delete", "replace"]), st.sampled_from(ALPHABET)), min_size=1, max_size=3)


def _bad_value(data: st.DataObject, fmt: str, valid: Any) -> Any:
    how = data.draw(st.sampled_from(["edit", "corner", "type"]), label="how")
    if how == "corner":
        return data.draw(st.sampled_from(CORNERS[fmt]), label="corner")
    if how == "type":
        return data.draw(st.sampled_from(OTHER_TYPES), label="other type")
    if isinstance(valid, str):
        return _edited(valid, data.draw(EDITS, label="edits"))
    return data.draw(st.sampled_from([valid + 1, valid - 1, -valid, valid * 10**6, float(valid), valid + 0.5, str(valid)]), label="number")


def _places(body: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """(path, format) of every formatted value of a body."""
    places: list[tuple[tuple[str | int, ...], str]] = [((name,), FORMAT_OF[name]) for name in FIELDS if name in body]
    places += [(("days", i), "date") for i in range(len(body.get("days", [])))]
    places += [(("spans", key), "duration") for key in body.get("spans", {})]
    return places


def _verdicts(pkg: ModuleType, body: dict[str, Any]) -> tuple[str | None, str | None]:
    """(the validator's first error pointer, the model's DecodeError pointer), None for none."""
    errors = pkg.validators.validate("Values", body)
    try:
        pkg.models.Values.from_dict(body)
    except pkg.DecodeError as exc:
        model: str | None = exc.pointer
    else:
        model = None
    return (errors[0].path if errors else None), model


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_model_and_validator_refuse_the_same_values_at_the_same_pointer(pkg: ModuleType, data: st.DataObject) -> None:
    body = data.draw(pkg.strategies.for_definition("Values", unknown_fields=False), label="valid body")
    places = _places(body)
    if not places:
        return
    path, fmt = data.draw(st.sampled_from(places), label="where")
    parent = body
    for token in path[:-1]:
        parent = parent[token]
    parent[path[-1]] = _bad_value(data, fmt, parent[path[-1]])
    validator, model = _verdicts(pkg, body)
    assert validator == model, f"{parent[path[-1]]!r} ({fmt}): the validator says {validator!r}, the model {model!r}"


@pytest.mark.parametrize(("fmt", "value"), [(fmt, value) for fmt, values in CORNERS.items() for value in values])
def test_every_corner_both_ways(pkg: ModuleType, fmt: str, value: Any) -> None:
    name = next(n for n, f in FORMAT_OF.items() if f == fmt and n in FIELDS)
    validator, model = _verdicts(pkg, {name: value})
    assert validator == model, f"{value!r}: the validator says {validator!r}, the model {model!r}"


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_strategies_draw_only_values_everyone_accepts(pkg: ModuleType, data: st.DataObject) -> None:
    body = data.draw(pkg.strategies.for_definition("Values"), label="body")
    assert pkg.validators.validate("Values", body) == []
    checked = Draft202012Validator(pkg.schemas.load("Values"), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in checked.iter_errors(body)] == []
    assert pkg.models.Values.from_dict(body).to_dict() == body


def test_the_documents_name_the_formats_as_the_validators_assert_them(pkg: ModuleType) -> None:
    props = pkg.schemas.load("Values")["properties"]
    named = {name: props[name]["format"] for name in FIELDS}
    assert named == {**{n: s["format"] for n, s in FIELDS.items()}, "clock": "azure-time", "span": "azure-duration"}
    assert set(named.values()) == set(READ_FORMATS) and set(READ_FORMATS) <= set(FORMATS)


@pytest.mark.parametrize(("standard", "value"), [("time", "11:34:56"), ("duration", "PT1H30m"), ("duration", "P1W2D")])
def test_json_schema_would_refuse_what_the_models_read_under_its_own_names(pkg: ModuleType, standard: str, value: str) -> None:
    """Why `time` and `duration` are renamed: a value the model reads, refused by jsonschema's
    checks of the standard formats of those names."""
    name = "clock" if standard == "time" else "span"
    assert _verdicts(pkg, {name: value}) == (None, None)
    assert not Draft202012Validator.FORMAT_CHECKER.conforms(value, standard)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.sampled_from(CORNERS["date"]), st.sampled_from(CORNERS["date"]).flatmap(lambda v: EDITS.map(lambda e: _edited(v, e)))))
def test_a_date_means_what_json_schema_means(pkg: ModuleType, text: str) -> None:
    """`date` keeps its standard name: jsonschema's check accepts exactly what the model reads."""
    validator, model = _verdicts(pkg, {"day": text})
    assert (validator is None) == (model is None) == Draft202012Validator.FORMAT_CHECKER.conforms(text, "date")


def _definitions(path: Path) -> dict[str, str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef):
            found[stmt.name] = ast.unparse(stmt)
        elif isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name):
            found[stmt.targets[0].id] = ast.unparse(stmt)
    return found


def test_the_readers_call_the_validators_definitions(pkg: ModuleType) -> None:
    """One definition, two copies: what `_runtime` reads with is what `validators` checks with
    (and where both point at a body nested too deeply)."""
    folder = Path(pkg.__file__).parent
    runtime, validators = _definitions(folder / "_runtime.py"), _definitions(folder / "validators.py")
    shared = helper_closure({"_deepest"} | {check for codec in CODECS.values() for check in codec.checks})
    assert {"_AZURE_TIME", "_rfc1123_fields", "_duration_fields", "_fmt_date", "_fmt_byte", "_fmt_decimal"} <= set(shared)
    for helper in shared:
        for stmt in ast.parse(HELPERS[helper].source).body:
            name = stmt.name if isinstance(stmt, ast.FunctionDef) else ast.unparse(stmt).split(" ")[0]
            assert runtime[name] == validators[name] == ast.unparse(stmt), name
    assert runtime_checks(set()) == HELPERS["_deepest"].source  # no format: the finder alone
