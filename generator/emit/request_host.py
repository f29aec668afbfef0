"""x-ms-parameterized-host in `requests.py`: the base-URL expression every builder starts its URL
with, and `host_url()`, the same base URL for `follow_link` (links relative to the host)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import ir
from generator.emit.annotations import py_type
from generator.emit.statements import BODY, call, function_def
from generator.emit.text import docstring
from generator.format.layout import literal

if TYPE_CHECKING:
    from generator.emit.requests import RequestEmitter


def split_template(path: str) -> list[str]:
    """`/a/{b}/c` -> ['/a/', 'b', '/c']: static text and placeholder names alternate."""
    out: list[str] = []
    rest = path
    while True:
        start = rest.find("{")
        end = rest.find("}", start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(rest)
            return out
        out += [rest[:start], rest[start + 1 : end]]
        rest = rest[end + 1 :]


def host_expression(api: ir.Api) -> str:
    """The base URL from x-ms-parameterized-host: the template filled with the host
    parameters' encoded values (`_e_<name>`), then checked to be an absolute http(s) URL."""
    parts = [literal(api.scheme + "://")] if api.use_scheme_prefix else []
    values = {p.wire_name: f"_e_{p.py_name}" for p in api.host_parameters}
    for i, chunk in enumerate(split_template(api.host_template or "")):
        if i % 2 == 0:
            if chunk:
                parts.append(literal(chunk))
        else:
            parts.append(values[chunk])
    first = api.host_parameters[0] if api.host_parameters else None
    labels = (literal(first.py_name), literal(first.wire_name)) if first else ('"host"', '"host"')
    return call("_host(", " + ".join(parts) or '""', *labels)


def host_url_function(emitter: RequestEmitter) -> str:
    """`host_url(**host parameters)`: the host parameters checked as the builders check them,
    then the base URL they make."""
    api = emitter.api
    where = ir.Operation("", "host_url", "GET", "", (), (), source=api.host_parameters[0].source if api.host_parameters else "")
    lines: list[str] = []
    for p in api.host_parameters:
        lines += emitter.encoded(p, where, BODY, required=True)
    lines.append(BODY + f"return {host_expression(api)}")
    params = ["*", *(f"{p.py_name}: {py_type(api, p.type, qualify='_models.', argument=True)}" for p in api.host_parameters)]
    doc = (
        f"The base URL the request builders send to: x-ms-parameterized-host `{api.host_template}` filled in. "
        "Pass it as `follow_link(..., base_url=...)` to follow links relative to it."
    )
    return "\n".join([function_def("host_url", params, "str"), BODY + docstring(doc, len(BODY)), *lines])
