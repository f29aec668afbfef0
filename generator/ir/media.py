"""Media types: how a request body is written for each type an operation consumes, and how a
response body is read for what it produces.

JSON is `application/json`, `text/json` and any structured `+json` type (merge-patch, problem,
...); text is any other `text/*`; form data is multipart/form-data or
application/x-www-form-urlencoded; anything else is raw bytes. A schema of `type: file` or
`format: binary`/`file` is raw bytes whatever the media type says.
"""

from __future__ import annotations

import codecs
from email.message import Message
from typing import Any, Literal

from generator import ir

MULTIPART = "multipart/form-data"
URLENCODED = "application/x-www-form-urlencoded"


def essence(media_type: str) -> str:
    """`Text/Plain; charset=UTF-8` -> `text/plain`."""
    return media_type.split(";", 1)[0].strip().lower()


def is_json(media_type: str) -> bool:
    name = essence(media_type)
    return name in ("application/json", "text/json") or name.endswith("+json")


def is_text(media_type: str) -> bool:
    return essence(media_type).startswith("text/") and not is_json(media_type)


def is_header_text(media_type: str) -> bool:
    """Printable ASCII, not empty: what a Content-Type or Accept header can carry as it is."""
    return bool(media_type.strip()) and all(" " <= c <= "~" for c in media_type)


def charset(media_type: str) -> str:
    """The charset a media type's parameters name (a text codec Python knows), else UTF-8."""
    message = Message()
    message["Content-Type"] = media_type
    named = message.get_content_charset()
    if not named:
        return "utf-8"
    try:
        "".encode(named)  # a text encoding, not a transform such as rot13
        b"".decode(named)
    except (LookupError, ValueError):
        return "utf-8"
    return codecs.lookup(named).name


def is_binary_schema(schema: Any) -> bool:
    """`type: file`, or a string/object of format binary or file: the bytes themselves."""
    return isinstance(schema, dict) and (schema.get("type") == "file" or schema.get("format") in ("binary", "file"))


def request_media(consumes: tuple[str, ...], body: ir.Parameter | None, form: list[ir.Parameter]) -> tuple[ir.MediaType, ...]:
    """The media types the builder may send, the default first (then the spec's order).

    formData parameters go as multipart/form-data or urlencoded, whichever of them the operation
    consumes (a file needs multipart; neither named: multipart with a file, else urlencoded). A
    body goes in every type consumed (JSON once): JSON, text or raw bytes as the type says, always
    raw bytes when its schema is binary. The default is JSON when consumed, else the first; a
    binary body's default is the first type that is not JSON."""
    if form:
        files = any(p.binary for p in form)
        named = [m for m in consumes if essence(m) == MULTIPART or (essence(m) == URLENCODED and not files)]
        if not named:
            named = [MULTIPART if files else URLENCODED]
        return tuple(ir.MediaType(m, "multipart" if essence(m) == MULTIPART else "urlencoded") for m in named)
    if body is None or not consumes:
        return ()
    made = [_for_body(m, body.binary) for m in consumes]
    if not body.binary:  # one JSON type is enough (ARM's `application/json, text/json`)
        first = next((m for m in made if m.encoding == "json"), None)
        made = [m for m in made if m.encoding != "json" or m is first]
    if body.binary:
        default = next((m for m in made if not is_json(m.name)), made[0])
    else:
        default = next((m for m in made if m.encoding == "json"), made[0])
    return (default, *[m for m in made if m is not default])


def _for_body(media_type: str, binary: bool) -> ir.MediaType:
    if binary:
        return ir.MediaType(media_type, "binary")
    if is_json(media_type):
        return ir.MediaType(media_type, "json")
    if is_text(media_type):
        return ir.MediaType(media_type, "text", charset(media_type))
    return ir.MediaType(media_type, "binary")


def accept(produces: tuple[str, ...]) -> str | None:
    """The Accept header: every type produced, JSON named once (the parsers read any JSON)."""
    first = next((m for m in produces if is_json(m)), None)
    kept = [m for m in produces if not is_json(m) or m == first]
    return ", ".join(dict.fromkeys(kept)) or None


def response_media(schema: Any, produces: tuple[str, ...]) -> tuple[Literal["json", "text", "binary"], str]:
    """How a response body of `schema` is read, and the charset text falls back to.

    Binary schemas are bytes. An operation that produces no JSON reads a string schema as text
    (when it produces a `text/*` type) or as bytes; everything else is JSON."""
    texts = [m for m in produces if is_text(m)]
    fallback = charset(texts[0]) if texts else "utf-8"
    if is_binary_schema(schema):
        return "binary", fallback
    if produces and not any(is_json(m) for m in produces) and isinstance(schema, dict) and schema.get("type") == "string":
        return ("text" if texts else "binary"), fallback
    return "json", fallback
