"""IR operations -> `requests.py` (request builders).

Every builder is specialised per operation here, in Python: its keyword arguments (see
`request_arguments`), the parameter checks and encodings (see `request_values`), the body (see
`request_bodies`, `flat_body`) and the URL expression. The templates only stitch the prepared
fragments. Values from the spec reach the generated code only through `literal()` (black-quoted
repr), `docstring()` or identifiers the IR decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from generator import ir
from generator.emit import bodies, flat_body
from generator.emit import request_arguments as arguments
from generator.emit.annotations import SCALARS, py_type
from generator.emit.model_conversions import ConversionEmitter
from generator.emit.request_host import (
    host_expression,
    host_url_function,
    split_template,
)
from generator.emit.request_values import (
    ValueEmitter,
    constant_text,
    problem,
    query_name,
    static_path,
)
from generator.emit.statements import (
    BODY,
    call,
    dict_entry,
)
from generator.emit.templates import render
from generator.emit.text import docstring, sentence
from generator.format.layout import INDENT, annotated, export_key, literal
from generator.ir import media
from generator.validate.regex import SharedSet


@dataclass(frozen=True)
class BuilderView:
    name: str  # function name
    operation_id: str  # literal
    docstring: str
    signature: tuple[str, ...]  # "name: annotation[ = default]," lines, indented
    body: str  # statements, indented


class RequestEmitter:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.values = ValueEmitter(api)  # parameter checks and encodings
        self.as_codecs = self.values.as_codecs  # the `_as_<codec>` checks of formatted values used
        self.reads: set[str] = set()  # `_runtime` readers the defaults of formatted constants call
        self.conversions = ConversionEmitter(api, qualify="_models.", request="True")  # body writers
        self.scalar_bodies = False  # a body is one checked value (`_string_body`, `_raw_body`)
        self.written_bodies = False  # a body of arrays or maps of formatted values (`_json_body`)
        self.uses_request_id = False

    def constraint_checks(self, p: ir.Parameter, op: ir.Operation, v: str, labels: list[str], ind: str) -> list[str]:
        return self.values.constraint_checks(p, op, v, labels, ind)

    def encoded(self, p: ir.Parameter, op: ir.Operation, ind: str, *, required: bool) -> list[str]:
        return self.values.encoded(p, op, ind, required=required)

    def builder(self, op: ir.Operation) -> BuilderView:
        api = self.api
        body = next((p for p in op.parameters if p.location == "body"), None)
        own = {p.py_name for p in op.parameters if not p.group} | {k for _, k in op.groups}
        choice = {"content_type"} if bodies.chooses(op) else set()
        clash = own & ({"headers"} | choice | ({p.py_name for p in api.host_parameters} if api.host_template else {"base_url"}))
        if clash:
            raise problem(op.source, f"parameter name(s) {sorted(clash)} clash with the request builder's own keyword arguments")
        ind = BODY
        host = list(api.host_parameters) if api.host_template else []
        lines: list[str] = []
        for p in host:
            lines += self.values.encoded(p, op, ind, required=True)
        lines += arguments.unpack_groups(op, ind)
        path_values: dict[str, str] = {}
        secret_path: set[str] = set()  # the encoded variables of secret path parameters
        query: list[tuple[str, str, bool]] = []  # (encoded variable, entry, given always)
        header_lines: list[str] = []
        form = [p for p in op.parameters if p.location == "formData"]
        for p in op.parameters:
            if p.location == "body" or p.binary:
                continue  # (a file in a form: its bytes go into the form as they are)
            if p.request_id:  # x-ms-client-request-id: a fresh UUID unless given
                self.uses_request_id = True
                lines += [f"{ind}if {p.py_name} is None:", f"{ind}{INDENT}{p.py_name} = str(_uuid.uuid4())"]
            given = p.required or p.constant is not None or p.request_id
            lines += self.values.encoded(p, op, ind, required=given)
            expr = f"_e_{p.py_name}"
            if p.location == "path":
                path_values[p.wire_name] = expr
                if p.secret:
                    secret_path.add(expr)
            elif p.location == "query" and p.type.kind == "array" and p.collection_format == "multi":
                query.append((expr, f"*{expr}", given))  # `name=value` for each item
            elif p.location == "query":
                query.append((expr, f"{literal(query_name(p.wire_name) + '=')} + {expr}", given))
            elif p.collection_prefix:  # a header per key
                add = f"_h.update({expr})"
                header_lines += [ind + add] if given else [f"{ind}if {expr} is not None:", ind + INDENT + add]
            elif p.location == "header":
                target = f"_h[{literal(p.wire_name)}]"
                if given:
                    header_lines.append(f"{ind}{target} = {expr}")
                else:
                    header_lines += [f"{ind}if {expr} is not None:", f"{ind}{INDENT}{target} = {expr}"]
        lines += self.url(op, path_values, secret_path, query, ind)
        accept = media.accept(op.produces)
        lines.append(f"{ind}_h: _HeaderDict = {literal({'Accept': accept} if accept else {})}")
        lines += header_lines
        data = "None"
        if body is not None:
            lines += self.body(op, body, ind)
            data = "_data"
        elif form:
            lines += bodies.form_statements(op, form, ind)
            data = "_data"
        lines += [
            f"{ind}if headers:",
            f"{ind}{INDENT}_merge_headers(_h, headers)",
            ind + call("return HttpRequest(", literal(op.method), "_url", "_h", data, *_secret_arguments(op, bool(secret_path))),
        ]
        return BuilderView(
            name=f"build_{op.py_name}_request",
            operation_id=literal(op.operation_id),
            docstring=docstring(_builder_doc(op, body, tuple(host)), len(BODY)),
            signature=self.signature(op, body, host),
            body="\n".join(lines),
        )

    def signature(self, op: ir.Operation, body: ir.Parameter | None, host: list[ir.Parameter]) -> tuple[str, ...]:
        """The keyword arguments, required ones first (each group in place of its members)."""
        api = self.api
        args = [arguments.Argument(p.py_name, py_type(api, p.type, qualify="_models.", argument=True), "") for p in host]
        for p in op.parameters:
            if p.group or p.members:
                continue
            annotation = bodies.annotation(self, p, op.request_media) if p.location == "body" else bodies.file_annotation(p) if p.binary else None
            args.append(arguments.parameter_argument(api, p, self.reads, annotation))
        if body is not None and body.members and not body.group:
            members_required, members_optional = flat_body.signature(api, body)
            args += [arguments.Argument(*entry) for entry in (*members_required, *members_optional)]
        for cls, keyword in op.groups:
            required = arguments.group_required(op, cls)
            args.append(arguments.Argument(keyword, cls, "") if required else arguments.Argument(keyword, f"{cls} | None", " = None"))
        if bodies.chooses(op):
            args.append(arguments.Argument("content_type", "str | None", " = None"))
        own = [] if api.host_template else [arguments.Argument("base_url", "str", f" = {literal(api.scheme + '://' + api.host)}")]
        own.append(arguments.Argument("headers", "Mapping[str, str] | None", " = None"))
        ordered = [a for a in args if not a.default] + [a for a in args if a.default] + own
        return tuple(annotated(a.name, a.annotation, f"{a.default},", BODY) for a in ordered)

    def url(self, op: ir.Operation, path_values: dict[str, str], secret_path: set[str], query: list[tuple[str, str, bool]], ind: str) -> list[str]:
        """`_url`: the base, the path's static text (percent-encoded where needed) and segments,
        then the query: the values always sent, then the others given."""
        api = self.api
        url_parts = [host_expression(api) if api.host_template else "_base(base_url)"]
        path = api.base_path.rstrip("/") + op.path
        for i, chunk in enumerate(split_template(path)):
            if i % 2 == 0:
                if chunk:
                    url_parts.append(literal(static_path(chunk)))
            else:
                if chunk not in path_values:
                    raise problem(op.source, f"path placeholder {{{chunk}}} has no path parameter")
                url_parts.append(path_values[chunk])
        lines = _url_lines(url_parts, secret_path, ind)
        if not query:
            return lines
        inner = ind + INDENT
        always = [entry for _, entry, given in query if given]
        lines.append(ind + (f"_query = [{', '.join(always)}]" if always else "_query: list[str] = []"))
        for var, entry, given in query:
            if not given:
                add = call("_query.extend(", var) if entry.startswith("*") else call("_query.append(", entry)
                lines += [f"{ind}if {var} is not None:", inner + add]
        join = '_url += "?" + "&".join(_query)'
        if any(self.values.encoder(p, op) == "_raw_tail" for p in op.parameters):  # a link's own query
            join = '_url += ("&" if "?" in _url else "?") + "&".join(_query)'
        if any(not entry.startswith("*") for entry in always):  # one value at least: never empty
            return [*lines, ind + join]
        return [*lines, f"{ind}if _query:", inner + join]

    def body(self, op: ir.Operation, body: ir.Parameter, ind: str) -> list[str]:
        """`_data`: the body's bytes (None when an optional body is not given) and its
        Content-Type; a flattened body's model made from its members first (x-ms-client-flatten)."""
        if not body.members:
            return bodies.body_statements(self, op, body, ind)
        labels = [literal(body.py_name), literal(body.wire_name)]
        lines = flat_body.statements(self.api, body, ind)
        encode = call("_model_body(", flat_body.BODY_VAR, f"_models.{self.api.model(body.type.ref or '').py_name}", *labels)
        made = encode if body.required else f"None if {flat_body.BODY_VAR} is _UNSET else {encode}"
        return [*lines, f"{ind}_data = {made}", *bodies.content_type_lines(op, body, ind)]


def _builder_doc(op: ir.Operation, body: ir.Parameter | None, host: tuple[ir.Parameter, ...]) -> str:
    lines = [sentence(op.description) or op.operation_id, "", f"`{op.method} {op.path}` ({op.operation_id})."]
    if op.long_running:
        lines.append(f"Long-running: see `responses.lro_poll_info`, `lro_poll_update` and `lro_result_{op.py_name}`.")
    if op.pageable:
        lines.append("Pageable: see `responses.next_link_*` and `follow_link`.")
    groups = dict(op.groups)
    entries = []
    for p in (*host, *op.parameters):
        for m in p.members:  # a flattened body: its fields are the arguments
            desc = sentence(" ".join(m.description.split())) if m.description else ""
            name = f"{groups[p.group]}.{m.py_name}" if p.group else m.py_name
            entries.append(f"    {name} (`{'/'.join(m.wire_path)}`, body): {desc}".rstrip().rstrip(":"))
        if p.members:
            continue
        desc = sentence(" ".join(p.description.split())) if p.description else ""
        if p.constant is not None or p.default is not None:
            desc = f"{desc} Default: `{constant_text(p.default if p.constant is None else p.constant)}`.".lstrip()
        if p.request_id:
            desc = f"{desc} Default: a fresh UUID.".lstrip()
        where = "host" if p in host else "file" if p.binary and p.location == "formData" else p.location
        name = f"{groups[p.group]}.{p.py_name}" if p.group else p.py_name
        entries.append(f"    {name} (`{p.wire_name}`, {where}): {desc}".rstrip().rstrip(":"))
    if bodies.chooses(op):
        named = ", ".join(f"`{m.name}`" for m in op.request_media)
        entries.append(f"    content_type: the body's media type, one of {named} (the first when None).")
    if entries:
        lines += ["", "Keyword arguments:", *entries]
    if body is not None and body.members:
        lines += ["", f"The body is a {body.type.ref} made from its fields' arguments (x-ms-client-flatten)."]
    elif body is not None and body.type.kind == "model" and any(m.encoding == "json" for m in op.request_media):
        lines += ["", "The body may be the model or a plain dict; read-only fields are left out."]
    if any(m.encoding == "binary" for m in op.request_media) or any(p.binary for p in op.parameters):
        lines += ["", "Binary content is bytes, or a file-like object (a body is sent as the transport reads it; a file in a form is read here)."]
    lines += ["", "Raises ParameterError (a ValueError) naming the parameter before anything is built."]
    return "\n".join(lines)


def emit(api: ir.Api, schemas: dict[str, Any], common: dict[str, Any]) -> dict[str, str]:
    """`requests.py` for the package."""
    emitter = RequestEmitter(api)
    builders = [emitter.builder(op) for op in api.operations]
    values = emitter.values
    kinds = _kinds([p.type for op in api.operations for p in op.parameters] + [p.type for p in api.host_parameters])
    entry = INDENT  # a dict entry's indentation
    patterns = sorted(values.patterns.items(), key=lambda t: int(t[1].rsplit("_", 1)[1]))
    default_base_url = literal(api.scheme + "://" + api.host)
    groups = [arguments.group_class(api, g, emitter.reads) for g in api.parameter_groups]
    host_url = host_url_function(emitter) if api.host_template else ""
    exported = ["API_VERSION", "OPERATIONS", "HttpRequest", "ParameterError", "follow_link"] + (["host_url"] if api.host_template else [])
    exported += [b.name for b in builders] + [g.name for g in groups]
    texts = [host_url, *(t for b in builders for t in (b.body, *b.signature)), *(g.text for g in groups)]
    text = render(
        "requests.py.jinja",
        builders=builders,
        groups=groups,
        uses_builtins=any("_builtins." in text for text in texts),
        uses_models=any("_models." in text for text in texts),
        uses_multiple_of=values.uses_multiple_of,
        uses_arrays=any("_texts(" in b.body for b in builders),
        uses_sequence=any("_texts(" in b.body or "Sequence[" in "".join(b.signature) for b in builders) or any("Sequence[" in g.text for g in groups),
        uses_prefixed=any("_prefixed(" in b.body for b in builders),
        uses_request_id=emitter.uses_request_id,
        operations=[entry + dict_entry(b.operation_id, b.name, entry) for b in builders],
        checkers=list(values.checkers.values()),
        shared_sets=[_shared_set(shared) for _, shared in sorted(values.shared.items())],
        patterns=[f"{name} = _Pattern({_concatenation(parts)})" for parts, name in patterns],
        parameterized_host=api.host_template is not None,
        uses_unset=any("_UNSET" in b.body for b in builders),  # flattened bodies
        uses_unset_type=any("_Unset" in b.body for b in builders),
        as_codecs=emitter.as_codecs,
        scalar_bodies=emitter.scalar_bodies,
        written_bodies=emitter.written_bodies,
        # (`_as_decimal` writes the Decimal's own text; `_datetime` and `_plain` write date-times)
        runtime_imports=sorted(emitter.conversions.used | emitter.reads | {f"_write_{c}" for c in emitter.as_codecs - {"decimal"}} | {"_write_datetime"}),
        datetime_names=sorted(["datetime", *(SCALARS[k] for k in ("date", "time", "duration") if k in kinds)]),
        type_kinds=kinds,
        host_url=host_url,
        raw_tail=any(values.encoder(p, op) == "_raw_tail" for op in api.operations for p in op.parameters),
        **bodies.helpers(api),
        base_url_check=f"{BODY}if base_url == {default_base_url}:",
        exports=sorted(exported, key=export_key),
        **common,
    )
    return {"requests.py": text}


def _concatenation(parts: tuple[str | SharedSet, ...]) -> str:
    """A pattern's source as an expression: literals, and the constants of shared sets."""
    return " + ".join(literal(p) if isinstance(p, str) else p.constant for p in parts)


def _shared_set(shared: SharedSet) -> str:
    """`_NAME = (...)`: a set's class source as implicitly joined literals, each line fitting."""
    room = 100 - len(INDENT) - 2  # the quotes
    chunks: list[str] = []
    for piece in re.findall(r"\\[xuU][0-9a-f]+(?:-\\[xuU][0-9a-f]+|-[0-9A-Za-z])?|[0-9A-Za-z](?:-\\[xuU][0-9a-f]+|-[0-9A-Za-z])?", shared.source):
        if chunks and len(literal(chunks[-1] + piece)) <= room + 2:
            chunks[-1] += piece
        else:
            chunks.append(piece)
    assert "".join(chunks) == shared.source, "a set's source is ranges of escapes and alphanumerics"
    body = "\n".join(INDENT + literal(c) for c in chunks)
    return f"# {shared.description}.\n{shared.constant} = (\n{body}\n)"


def _kinds(types: list[ir.Type]) -> set[str]:
    """The kinds of `types` and of their items (the types the builders are annotated with)."""
    out: set[str] = set()
    for t in types:
        item: ir.Type | None = t
        while item is not None:
            out.add(item.kind)
            item = item.item
    return out


def _url_lines(parts: list[str], secret: set[str], ind: str) -> list[str]:
    """`_url = base + part ...`; where secret path values go in, the URL is built piece by piece
    and `_secret_path` records where each one stands, for `HttpRequest.__repr__` to hide."""
    if not secret:
        return [f"{ind}_url = {' + '.join(parts)}"]
    lines = [f"{ind}_url = {parts[0]}"]  # parts[0] is the base, never a secret
    spans: list[str] = []
    for hidden, run in groupby(parts[1:], key=secret.__contains__):
        if not hidden:
            lines.append(f"{ind}_url += {' + '.join(run)}")
            continue
        for part in run:  # (`_builtins.len`: a parameter may be called `len`)
            at = f"_s{len(spans)}"
            lines += [f"{ind}{at} = _builtins.len(_url)", f"{ind}_url += {part}"]
            spans.append(f"({at}, {at} + _builtins.len({part}))")
    return [*lines, f"{ind}_secret_path = ({', '.join(spans)},)"]


def _secret_arguments(op: ir.Operation, secret_path: bool) -> list[str]:
    """`HttpRequest`'s keyword arguments for what its `repr()` hides: the names of secret query
    parameters, and (`_secret_path`, when `secret_path`) where the secret path values stand."""
    names = sorted({p.wire_name for p in op.parameters if p.secret and p.location == "query"})
    out = [f"secret_query={literal(tuple(names))}"] if names else []
    return [*out, "secret_path=_secret_path"] if secret_path else out
