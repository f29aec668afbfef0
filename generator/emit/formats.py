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
from generator.validate.formats import HELPERS, helper_closure


@dataclass(frozen=True)
class Codec:
    name: str  # `read_<name>` / `write_<name>` in _runtime
    wire: str  # the JSON type of the wire value
    # The `format` the JSON Schema documents give the value, which the validators assert: the
    # syntax the reader reads, no more, no less (see below).
    schema_format: str
    # What the reader calls to judge the wire text: definitions of generator/validate/fmt_*.py,
    # copied into `_runtime` as they are copied into the validators (who call `_fmt_<format>`).
    checks: tuple[str, ...] = ()


# How the documents say each format. JSON Schema 2020-12's own name where it means what the reader
# reads: `date-time` and `date` (RFC 3339, years 0001 to 9999, as jsonschema's checks too). Where
# 2020-12 means something else by the name, an `azure-` prefix: its `time` requires an offset
# (Azure sends `11:34:56`), its `duration` has no sign, fraction or lower case (.NET's XmlConvert
# writes `-P1DT0.5S`). The others keep Swagger's names, which JSON Schema does not define
# (`date-time-rfc1123`, AutoRest's; `unixtime`, `byte`, `base64url`, `decimal`, the OpenAPI format
# registry's). A validator that does not know a name takes it as an annotation, so jsonschema with
# its format checker never refuses what a model reads; ours assert each exactly as the reader
# reads it (generator/validate/fmt_time.py, fmt_azure.py, shared with `_runtime`).
CODECS: dict[tuple[str, str], Codec] = {
    ("datetime", "date-time"): Codec("datetime", "string", "date-time"),
    ("datetime", "date-time-rfc1123"): Codec("rfc1123", "string", "date-time-rfc1123", ("_rfc1123_fields",)),
    ("datetime", "unixtime"): Codec("unixtime", "integer", "unixtime", ("_fmt_unixtime",)),
    ("date", "date"): Codec("date", "string", "date", ("_fmt_date",)),
    ("time", "time"): Codec("time", "string", "azure-time", ("_AZURE_TIME",)),
    ("duration", "duration"): Codec("duration", "string", "azure-duration", ("_duration_fields",)),
    ("bytes", "byte"): Codec("byte", "string", "byte", ("_fmt_byte",)),
    ("bytes", "base64url"): Codec("base64url", "string", "base64url", ("_fmt_base64url",)),
    ("decimal", "decimal"): Codec("decimal", "number", "decimal", ("_fmt_decimal",)),
}
#: Every format a model reads, as the documents name them.
READ_FORMATS: tuple[str, ...] = tuple(sorted({c.schema_format for c in CODECS.values()}))


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


def runtime_checks(codecs: set[str]) -> str:
    """The source of the checks the readers of `codecs` call, and of `too_deep`'s finder, for
    `_runtime` (each definition once, in the order the validators get them)."""
    wanted = {"_deepest"} | {check for c in CODECS.values() if c.name in codecs for check in c.checks}
    closure = helper_closure(wanted)
    imports = {line for name in closure for line in HELPERS[name].imports}
    if not imports <= {"import re", "import math"}:  # what `_runtime` imports (math with decimals)
        raise AssertionError(f"a format check needs an import _runtime lacks: {sorted(imports)}")
    return "\n\n".join(HELPERS[name].source for name in closure)
