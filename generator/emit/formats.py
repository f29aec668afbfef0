"""Formats whose values have a Python type of their own (`ir.FORMAT_KINDS`): how the generated
code reads, writes and names them.

Each has a codec in the package's `_runtime`: `read_<codec>` takes the JSON value (a DecodeError,
at its pointer, for one that is not of the format) and `write_<codec>` gives the JSON value back.
Models, response parsers and request builders call the same two functions, so they agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator import ir


@dataclass(frozen=True)
class Codec:
    name: str  # `read_<name>` / `write_<name>` in _runtime
    wire: str  # the JSON type of the wire value


CODECS: dict[tuple[str, str], Codec] = {
    ("datetime", "date-time"): Codec("datetime", "string"),
    ("datetime", "date-time-rfc1123"): Codec("rfc1123", "string"),
    ("datetime", "unixtime"): Codec("unixtime", "integer"),
    ("date", "date"): Codec("date", "string"),
    ("time", "time"): Codec("time", "string"),
    ("duration", "duration"): Codec("duration", "string"),
    ("bytes", "byte"): Codec("byte", "string"),
    ("bytes", "base64url"): Codec("base64url", "string"),
    ("decimal", "decimal"): Codec("decimal", "number"),
}


def codec(t: ir.Type) -> Codec | None:
    """The codec of a value of type `t` (None for plain JSON values, models, enums, containers)."""
    return CODECS.get((t.kind, t.format or ""))


def used_codecs(api: ir.Api) -> set[str]:
    """The codecs any value of the API needs (the `_runtime` sections to write)."""
    return {found.name for t in _types(api) if (found := codec(t)) is not None}


def _types(api: ir.Api) -> Iterator[ir.Type]:
    """Every type the API names, items and values included."""
    roots: list[ir.Type | None] = [f.type for m in api.models for f in m.fields]
    roots += [m.additional for m in api.models] + [a.type for a in api.aliases]
    roots += [p.type for op in api.operations for p in op.parameters] + [p.type for p in api.host_parameters]
    roots += [r.body for op in api.operations for r in op.responses]
    roots += [h.type for op in api.operations for r in op.responses for h in r.headers]
    for t in roots:
        while t is not None:
            yield t
            t = t.item
