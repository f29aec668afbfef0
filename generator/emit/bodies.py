"""A request builder's body: the statements that write it in the media type chosen (see
generator/ir/media.py), and the annotation of what the body argument takes.

One media type: the body is written the one way it says. Several: the builder takes
`content_type` (one of them; None for the default, which comes first) and dispatches on it.
formData parameters make one urlencoded or multipart/form-data body of their checked texts
(`_e_<name>`) and files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator import ir
from generator.emit import request_bodies
from generator.emit.statements import call
from generator.format.layout import INDENT, literal

if TYPE_CHECKING:
    from generator.emit.requests import RequestEmitter

BINARY = "bytes | bytearray | Readable"  # what a file or a binary body may be
_CONTENT = '_h["Content-Type"]'
_JSON = ir.MediaType("application/json", "json")


def chooses(op: ir.Operation) -> bool:
    """The builder takes `content_type`: the body may go in more than one media type (a body made
    from flattened fields is always the model's JSON)."""
    flattened = any(p.members for p in op.parameters if p.location == "body")
    return len(op.request_media) > 1 and not flattened


def annotation(emitter: RequestEmitter, p: ir.Parameter, media: tuple[ir.MediaType, ...]) -> str:
    """What the body argument takes: the union of what each of its media types takes."""
    kinds: list[str] = []
    for m in media or (_JSON,):
        if m.encoding == "binary":
            kinds.append(BINARY)
        elif m.encoding == "text":
            kinds.append("str")
        else:
            kinds.append(request_bodies.body_annotation(emitter, p))
    return "Any" if "Any" in kinds else " | ".join(dict.fromkeys(kinds))


def file_annotation(p: ir.Parameter) -> str:
    """What a formData file parameter takes (an array of files: a sequence of them)."""
    return f"Sequence[{BINARY}]" if p.type.kind == "array" else BINARY


def content_type_lines(op: ir.Operation, p: ir.Parameter, ind: str) -> list[str]:
    """The Content-Type of a body written the one way its first media type says."""
    name = literal((op.request_media or (_JSON,))[0].name)
    if p.required:
        return [f"{ind}{_CONTENT} = {name}"]
    return [f"{ind}if _data is not None:", f"{ind}{INDENT}{_CONTENT} = {name}"]


def body_statements(emitter: RequestEmitter, op: ir.Operation, p: ir.Parameter, ind: str) -> list[str]:
    """Statements leaving the body in `_data` (None when an optional body is not given) and its
    media type in the Content-Type header."""
    media = op.request_media or (_JSON,)
    if not chooses(op):
        return _written(emitter, op, p, media[0], ind) + content_type_lines(op, p, ind)
    streams = any(m.encoding == "binary" for m in media)
    typed = "bytes" + (" | Readable" if streams else "")
    if p.required:
        lines, inner = [f"{ind}_data: {typed}"], ind
    else:
        lines, inner = [f"{ind}_data: {typed} | None = None", f"{ind}if {p.py_name} is not None:"], ind + INDENT
    given = replace(p, required=True)  # within `if body is not None`

    def write(members: list[ir.MediaType], at: str) -> list[str]:
        return _written(emitter, op, given, members[0], at)

    lines += _dispatch(media, lambda m: (m.encoding, m.charset if m.encoding == "text" else ""), write, inner)
    lines.append(f"{inner}{_CONTENT} = _ct")
    return lines


def _written(emitter: RequestEmitter, op: ir.Operation, p: ir.Parameter, m: ir.MediaType, ind: str) -> list[str]:
    """Statements leaving the body written as `m` says in `_data` (None when optional and not given)."""
    labels = (literal(p.py_name), literal(p.wire_name))
    if m.encoding == "json":  # the model, a checked value of a format, or any JSON value
        inner = ind if p.required else ind + INDENT
        checks = emitter.constraint_checks(p, op, p.py_name, list(labels), inner)
        return request_bodies.body_statements(emitter, p, ind, checks)
    if m.encoding == "binary":
        encode = call("_binary_body(", p.py_name, *labels)
    else:
        encode = call("_text_body(", p.py_name, literal(m.charset), *labels)
    if p.required:
        return [f"{ind}_data = {encode}"]
    return [f"{ind}_data = None if {p.py_name} is None else {encode}"]


def form_statements(op: ir.Operation, fields: list[ir.Parameter], ind: str) -> list[str]:
    """Statements writing the formData parameters as one body in `_data`, and its Content-Type."""
    media = op.request_media

    def write(members: list[ir.MediaType], at: str) -> list[str]:
        if members[0].encoding == "multipart":
            return _multipart(fields, at)
        return _urlencoded(fields, at, literal(members[0].name) if len(media) == 1 else "_ct")

    if len(media) == 1:
        return write(list(media), ind)
    return _dispatch(media, lambda m: (m.encoding, ""), write, ind)


def _dispatch(
    media: tuple[ir.MediaType, ...],
    key: Callable[[ir.MediaType], tuple[str, str]],
    write: Callable[[list[ir.MediaType], str], list[str]],
    ind: str,
) -> list[str]:
    """`_ct = <the type chosen>`, then a branch per way of writing (the last one an `else`)."""
    chosen = call("_content_type(", "content_type", literal(tuple(m.name for m in media)))
    lines = [f"{ind}_ct = {literal(media[0].name)} if content_type is None else {chosen}"]
    groups: dict[tuple[str, str], list[ir.MediaType]] = {}
    for m in media:
        groups.setdefault(key(m), []).append(m)
    ordered = list(groups.values())
    if len(ordered) == 1:
        return lines + write(ordered[0], ind)
    for i, members in enumerate(ordered):
        names = tuple(m.name for m in members)
        test = f"_ct == {literal(names[0])}" if len(names) == 1 else f"_ct in {literal(names)}"
        if i == len(ordered) - 1:
            lines.append(f"{ind}else:")
        else:
            lines.append(ind + f"{'if' if i == 0 else 'elif'} {test}:")
        lines += write(members, ind + INDENT)
    return lines


def _urlencoded(fields: list[ir.Parameter], ind: str, media_type: str) -> list[str]:
    pairs = [f"({literal(p.wire_name)}, _e_{p.py_name})" for p in fields]
    return [f"{ind}_data = _urlencoded([{', '.join(pairs)}])", f"{ind}{_CONTENT} = {media_type}"]


def _multipart(fields: list[ir.Parameter], ind: str) -> list[str]:
    """Parts in the parameters' order: a file's content, or a field's text (UTF-8); an array of
    files is one part per file; a parameter not given has no part."""
    lines = [f"{ind}_parts: list[tuple[str, bytes]] = []"]
    for p in fields:
        given = p.required or p.constant is not None
        at = ind if given else ind + INDENT
        head = literal(_part_head(p))
        labels = f"{literal(p.py_name)}, {literal(p.wire_name)}"
        if p.binary and p.type.kind == "array":
            add = f"_parts += [({head}, _f) for _f in _file_parts({p.py_name}, {labels})]"
        elif p.binary:
            add = f"_parts.append(({head}, _file_part({p.py_name}, {labels})))"
        else:
            add = f"_parts.append(({head}, _e_{p.py_name}.encode()))"
        if not given:
            lines.append(f"{ind}if {p.py_name if p.binary else '_e_' + p.py_name} is not None:")
        lines.append(at + add)
    lines.append(f"{ind}{_CONTENT}, _data = _multipart(_parts)")
    return lines


def _part_head(p: ir.Parameter) -> str:
    """A part's headers (RFC 7578): its name quoted as browsers do (`"` and line breaks
    percent-encoded); a file also gets a filename (its name) and a binary content type."""
    name = p.wire_name.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")
    head = f'Content-Disposition: form-data; name="{name}"'
    if p.binary:
        head += f'; filename="{name}"\r\nContent-Type: application/octet-stream'
    return head


def helpers(api: ir.Api) -> dict[str, bool]:
    """Which body helpers requests.py defines: those its builders use."""
    encodings = {m.encoding for op in api.operations for m in op.request_media}
    return {
        "binary_bodies": bool(encodings & {"binary", "multipart"}),
        "text_bodies": "text" in encodings,
        "content_types": any(chooses(op) for op in api.operations),
        "urlencoded_bodies": "urlencoded" in encodings,
        "multipart_bodies": "multipart" in encodings,
        "form_bodies": bool(encodings & {"urlencoded", "multipart"}),
    }


def uses_streams(api: ir.Api) -> bool:
    """Whether the package passes file-like objects through (a binary body or file, a binary
    response): then `_runtime` defines `Readable`."""
    return helpers(api)["binary_bodies"] or any(r.media == "binary" for op in api.operations for r in op.responses)
