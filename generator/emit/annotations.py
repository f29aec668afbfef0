"""The Python type of an IR type, as the generated code spells it: one function for every module
that writes or reports an annotation (models, requests, responses, strategies, the diff's
Python-API section), so they cannot disagree."""

from __future__ import annotations

from generator import ir

SCALARS = {
    "string": "str", "integer": "int", "number": "float", "boolean": "bool", "datetime": "datetime",
    "date": "date", "time": "time", "duration": "timedelta", "bytes": "bytes", "decimal": "Decimal",
}
# How models.py names the types of formats: its class bodies may hold a field called `time` or
# `bytes`, which a type checker would take an annotation `time` for, so they are imported there
# under names the resolver never hands out (`datetime` is a reserved field name instead).
PRIVATE = {"date": "_date", "time": "_time", "duration": "_timedelta", "bytes": "_bytes", "decimal": "_Decimal"}


def scalar(kind: str) -> str:
    """The Python type of a JSON scalar kind (an enum's values, a field's plain type)."""
    return SCALARS.get(kind, "Any")


def py_type(api: ir.Api, t: ir.Type, *, qualify: str = "", argument: bool = False, private: bool = False) -> str:
    """`t` as a Python type.

    `qualify` prefixes the package's classes (`"_models."` outside models.py). `argument`: a value
    the caller passes in, so containers are the read-only `Sequence`/`Mapping` and every enum also
    takes its plain value; otherwise (what parsing gives back) `list`/`dict`, and only an
    extensible enum adds its plain type. `private`: format types by their models.py names.
    """
    spelled = _spelled(api, t, qualify, argument, private)
    return or_none(spelled) if t.nullable else spelled


def or_none(annotation: str) -> str:
    """`annotation | None`, once (an x-nullable type already says it)."""
    return annotation if annotation.endswith(" | None") else f"{annotation} | None"


def _spelled(api: ir.Api, t: ir.Type, qualify: str, argument: bool, private: bool) -> str:
    if private and t.kind in PRIVATE:
        return PRIVATE[t.kind]
    if t.kind == "model":
        return qualify + api.model(t.ref or "").py_name
    if t.kind == "enum":
        enum = api.enum(t.ref or "")
        name = qualify + enum.py_name
        return f"{name} | {scalar(enum.value_kind)}" if enum.extensible or argument else name
    if t.kind in ("array", "map"):
        item = py_type(api, t.item or ir.Type("any"), qualify=qualify, argument=argument, private=private)
        if t.kind == "array":
            return f"{'Sequence' if argument else 'list'}[{item}]"
        return f"{'Mapping' if argument else 'dict'}[str, {item}]"
    return scalar(t.kind)
