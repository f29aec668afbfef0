"""The typed response headers of `responses.py`: for every operation that declares response
headers, a frozen dataclass (`<Operation>Headers`) and `parse_<operation>_headers(headers)`, which
reads each declared header into its type (None when the response did not send it).

The parser of an operation keeps returning the body's model; its headers are read on request,
from the same `headers` the parser took, so that operations without declared headers (and callers
that do not need them) pay nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.emit.annotations import or_none, py_type
from generator.emit.formats import codec
from generator.emit.statements import BODY, call, function_def
from generator.emit.text import docstring
from generator.format.layout import INDENT, annotated, literal

# The helper that reads a header's text into a scalar, by kind.
_READERS = {"integer": "_int_text", "number": "_float_text", "boolean": "_bool_text"}
# A format's value comes from the package's `_runtime` (`read_<codec>`), as models read it; one
# whose JSON value is a number is read as one first (unix time, decimal).
_NUMBER_FIRST = {"integer": "_int_text", "number": "_float_text"}


@dataclass(frozen=True)
class HeaderReaderView:
    class_name: str
    function_name: str
    class_def: str  # the dataclass, complete
    signature: str  # the `def` line(s) of the reader
    docstring: str
    body: str  # statements, indented
    helpers: frozenset[str]  # the runtime readers it calls


def reader_name(op: ir.Operation) -> str:
    return f"parse_{op.py_name}_headers"


def header_reader(api: ir.Api, op: ir.Operation) -> HeaderReaderView | None:
    if not op.response_headers or op.headers_class is None:
        return None
    cls = op.headers_class
    fields = [
        "@dataclass(frozen=True, slots=True, kw_only=True)",
        f"class {cls}:",
        INDENT + docstring(f"The response headers {op.operation_id} declares, read by `{reader_name(op)}`: None for one the response did not send.", len(INDENT)),
        "",
    ]
    values = []
    helpers = set()
    for h in op.response_headers:
        annotation, expression, helper = _read(api, h)
        helpers.add(helper)
        fields.append(annotated(h.py_name, annotation, "", INDENT))
        about = " ".join(h.description.split())
        what = f"Every header named `{h.collection_prefix}<key>`, by key" if h.collection_prefix else f"`{h.wire_name}`"
        fields.append(INDENT + docstring(f"{what}. {about}".strip(), len(INDENT)))
        values.append(f"{h.py_name}={expression}")
    name = reader_name(op)
    doc = (
        f"The response headers of {op.operation_id}, typed (the parser returns the body). Names are "
        "compared case-insensitively; an empty value reads as None except for text. Raises "
        "DecodeError for a value that is not of its header's type."
    )
    body = [f"{BODY}found = _header_values(headers)", BODY + call(f"return {cls}(", *values)]
    return HeaderReaderView(
        class_name=cls,
        function_name=name,
        class_def="\n".join(fields),
        signature=function_def(name, ["headers: Headers | None"], cls),
        docstring=docstring(doc, len(BODY)),
        body="\n".join(body),
        helpers=frozenset(helpers),
    )


def _read(api: ir.Api, h: ir.Header) -> tuple[str, str, str]:
    """The annotation of a header's field, the expression that reads it from `found`, and the
    helper that reads its text."""
    name = literal(h.wire_name.lower())
    if h.collection_prefix:
        return "dict[str, str]", call("_prefixed_headers(", "headers", literal(h.collection_prefix.lower())), "_prefixed_headers"
    t = h.type
    annotation = or_none(py_type(api, t, qualify="_models."))
    if t.kind == "enum":
        enum = api.enum(t.ref or "")
        read = _READERS.get(enum.value_kind, "_text")
        args = ("found", name, f"_models.{enum.py_name}", str(enum.extensible), read)
        return annotation, call("_enum_header(", *args), read
    found = codec(t)
    if found is not None:
        read = f"_read_{found.name}"
        first = _NUMBER_FIRST.get(found.wire)
        return annotation, call("_typed_header(", "found", name, read, *([first] if first else [])), read
    if t.kind in _READERS:
        return annotation, call("_typed_header(", "found", name, _READERS[t.kind]), _READERS[t.kind]
    return "str | None", f"found.get({name})", "_text"


def runtime_readers(readers: list[HeaderReaderView]) -> set[str]:
    """The `_runtime` readers (`_read_<codec>`) the header readers call."""
    return {helper for r in readers for helper in r.helpers if helper.startswith("_read_")}


def kinds(api: ir.Api) -> set[str]:
    """The kinds of the typed headers' values (their types are imported)."""
    return {h.type.kind for op in api.operations if op.headers_class for h in op.response_headers if not h.collection_prefix}

