"""IR operations -> `responses.py` (response parsers, pagers, long-running polling and results).

Every parser is specialised per operation here, in Python: the status dispatch, the model each
status carries, the error model. The template only stitches the prepared fragments.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from generator import ir
from generator.emit import response_headers
from generator.emit.annotations import SCALARS, or_none, py_type
from generator.emit.bodies import uses_streams
from generator.emit.formats import codec
from generator.emit.model_conversions import ConversionEmitter
from generator.emit.statements import BODY, call, dict_entry, function_def
from generator.emit.templates import render
from generator.emit.text import docstring
from generator.format.layout import INDENT, export_key, literal


@dataclass(frozen=True)
class ParserView:
    name: str
    operation_id: str  # literal
    signature: str  # the `def` line(s)
    docstring: str
    body: str  # statements, indented
    returns: str = "None"  # the return annotation


@dataclass(frozen=True)
class PagerView:
    next_link_name: str  # function names
    items_name: str
    next_link_signature: str  # the `def` line(s)
    items_signature: str
    next_link_body: str  # statements, indented
    items_body: str
    next_link_docstring: str  # how to get the next page: follow_link or the next operation


@dataclass(frozen=True)
class ResultView:
    """`lro_result_<op>`: a long-running operation's result, read from a response that carries it."""

    name: str
    operation_id: str  # literal
    signature: str
    docstring: str
    body: str


class ResponseEmitter:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.error_models = self._error_models()
        # Bodies that are not models (arrays, maps, scalars, enums) are read as models read a
        # field of their type; the runtime helpers that takes are in `conversions.used`.
        self.conversions = ConversionEmitter(api, qualify="_models.")
        self.value_kinds: set[str] = set()  # kinds in the values parsers return (their types are imported)

    def _error_models(self) -> dict[str, str | None]:
        """operationId -> the model its `default` response carries (None for a `default` without
        one); operations that declare no `default` use the model most operations of the API use
        (ARM's CloudError), so their errors still parse."""
        own: dict[str, str | None] = {}
        for op in self.api.operations:
            default = next((r for r in op.responses if r.status == "default"), None)
            if default is not None:
                own[op.operation_id] = default.body.ref if default.body and default.body.kind == "model" else None
        counts = Counter(ref for ref in own.values() if ref)
        common = min(counts, key=lambda r: (-counts[r], r)) if counts else None
        return {op.operation_id: own.get(op.operation_id, common) for op in self.api.operations}

    def error_reader(self, op: ir.Operation) -> str:
        ref = self.error_models[op.operation_id]
        return f"_models.{self.api.model(ref).py_name}.from_dict" if ref else "None"

    def error_annotation(self) -> str:
        refs = {r for r in self.error_models.values() if r}
        refs |= {r.body.ref for op in self.api.operations for r in op.responses if r.error and r.body and r.body.kind == "model" and r.body.ref}
        return " | ".join([f"_models.{self.api.model(r).py_name}" for r in sorted(refs)] + ["None"])

    def parser(self, op: ir.Operation) -> ParserView:
        groups: dict[str, list[int]] = {}
        returns: list[str] = []
        readers: dict[str, list[str]] = {}  # statements returning the status's value, indented
        errors: list[str] = []  # x-ms-error-response statuses whose body is not the default's model
        numeric = [r for r in op.responses if r.status.isdigit()]
        for r in numeric:
            if r.error:
                reader = f"_models.{self.api.model(r.body.ref or '').py_name}.from_dict" if r.body and r.body.kind == "model" else self.error_reader(op)
                if reader != self.error_reader(op):
                    errors.append(call("raise _error(", "status_code", "headers", "body", reader, literal(op.operation_id)))
                    errors[-1] = f"{BODY}if status_code == {int(r.status)}:\n{BODY + INDENT}{errors[-1]}"
                continue
            annotation, statements = self.returned(op, r, int(r.status))
            key = "\n".join(statements)
            groups.setdefault(key, []).append(int(r.status))
            readers[key] = statements
            if annotation not in returns:
                returns.append(annotation)
        values = any(r.body is not None and r.body.kind not in ("model", "any") for r in op.responses if r.status.isdigit() and not r.error)
        # An operation that declares no 2xx at all takes a 2xx as its `default`, a success.
        default = next((r for r in op.responses if r.status == "default"), None)
        default_success: list[str] | None = None
        if default is not None and not any(200 <= int(r.status) < 300 for r in numeric):
            annotation, default_success = self.returned(op, default, 200)
            if annotation not in returns:
                returns.append(annotation)
        ind = BODY
        lines = []
        nothing = "\n".join(self.success(None)[1])
        only_none = set(groups) <= {nothing} and (default_success is None or "\n".join(default_success) == nothing)
        for key, statuses in groups.items():
            test = f"status_code == {statuses[0]}" if len(statuses) == 1 else f"status_code in {literal(tuple(sorted(statuses)))}"
            lines += [f"{ind}if {test}:", *([f"{ind}{INDENT}return"] if only_none else readers[key])]
        if default_success is not None:
            lines += [f"{ind}if 200 <= status_code < 300:", *([f"{ind}{INDENT}return"] if only_none else default_success)]
        error = call("raise _error(", "status_code", "headers", "body", self.error_reader(op), literal(op.operation_id))
        lines += errors
        lines.append(ind + error)
        # None once, last: a status without a body and a nullable value's `X | None` say it alike.
        nullable = any(a == "None" or a.endswith(" | None") for a in returns)
        ordered = list(dict.fromkeys(a.removesuffix(" | None") for a in returns if a not in ("None", "Any")))
        if "Any" in returns:
            ordered = ["Any"]
        elif nullable:
            ordered.append("None")
        declared = ", ".join(r.status + (" (error)" if r.error else "") for r in op.responses)
        doc = (
            f"Parse a response of {op.operation_id} ({op.method} {op.path}).\n\n"
            f"Declared responses: {declared}. Returns the {'model or value' if values else 'model'} of the status (None when the status has no "
            "body); raises HttpResponseError for the default response"
            + (", an error response" if any(r.error for r in op.responses) else "")
            + " and any undeclared status."
        )
        if op.method == "HEAD":
            doc += " HEAD: True for a success, False for a declared failure (a 404)."
        if default_success is not None:
            doc += " No 2xx is declared: a 2xx is the default response, and a success."
        if any(r.media == "binary" and r.body is not None for r in op.responses):
            doc += " Binary content is bytes, or the file-like `body` itself, unread (the caller reads it)."
        name = f"parse_{op.py_name}_response"
        returns_annotation = " | ".join(ordered) or "None"
        return ParserView(
            name=name,
            operation_id=literal(op.operation_id),
            signature=function_def(name, ["status_code: int", "headers: Headers | None", "body: Body"], returns_annotation),
            docstring=docstring(doc, len(BODY)),
            body="\n".join(lines),
            returns=returns_annotation,
        )

    def returned(self, op: ir.Operation, r: ir.Response, status: int) -> tuple[str, list[str]]:
        """What a successful status returns: HEAD has no body to read (True for a success, False
        for a declared failure such as a 404); text and binary content as their media says;
        anything else is JSON (`success`)."""
        inner = BODY + INDENT
        if op.method == "HEAD":
            return "bool", [f"{inner}return {status < 400}"]
        if r.body is not None and r.media == "binary":
            return "bytes | Readable", [f"{inner}return _binary(body)"]
        if r.body is not None and r.media == "text":
            return "str", [f"{inner}return _text(headers, body, {literal(r.charset)})"]
        return self.success(r.body)

    def success(self, body: ir.Type | None) -> tuple[str, list[str]]:
        """A success status's return annotation, and the statements (in the status's `if`) that
        return its value. A body that is not a model may be absent or null (then None)."""
        inner = BODY + INDENT
        if body is None:
            return "None", [f"{inner}return None"]
        if body.kind == "model":
            annotation = f"_models.{self.api.model(body.ref or '').py_name}"
            return annotation, [inner + call(f"return {annotation}.from_dict(", "_load(body)")]
        if body.kind == "any":
            return "Any", [f"{inner}return _load(body)"]
        item: ir.Type | None = body
        while item is not None:  # (the types of formats it names are imported)
            self.value_kinds.add(item.kind)
            item = item.item
        read = self.conversions.read_expr(replace(body, nullable=False), "data")
        returned = f"None if data is None else {read}"
        found = codec(body)
        load = "_load_exact(body)" if found is not None and found.name == "decimal" else "_load(body)"  # every digit
        return or_none(self.conversions.annotation(body)), [f"{inner}data = {load}", inner + f"return {returned}"]

    def lro_result(self, op: ir.Operation, parser: ParserView) -> ResultView:
        """Reads the result with the operation's own parser, as the status that declares the
        result's type (a Location's last answer or a final GET may come with another 2xx)."""
        result = _result_response(op)
        name = f"lro_result_{op.py_name}"
        ind, inner = BODY, BODY + INDENT
        errors = f"{parser.name}(status_code, headers, body)"  # raises for an error status
        lines = [f"{ind}if not 200 <= status_code < 300:", inner + (errors if parser.returns == "None" else f"return {errors}")]
        if result is None:
            if parser.returns != "None":
                lines.append(f"{ind}return None")
            what = "it declares no result, so None"
        else:
            lines += [f"{ind}if _is_empty(body):", f"{inner}return None", f"{ind}return {parser.name}({int(result.status)}, headers, body)"]
            what = f"the body of its {result.status} response, or None without a body"
        returns = parser.returns if parser.returns in ("None", "Any") or parser.returns.endswith("| None") else parser.returns + " | None"
        doc = (
            f"The result of {op.operation_id} once done, from the response that carries it (the last one read, "
            f"or the GET of `PollInfo.final_url`): {what}. Any 2xx status reads the same; an error status raises "
            f"as `{parser.name}` does."
        )
        return ResultView(
            name=name,
            operation_id=literal(op.operation_id),
            signature=function_def(name, ["status_code: int", "headers: Headers | None", "body: Body"], returns),
            docstring=docstring(doc, len(BODY)),
            body="\n".join(lines),
        )

    def next_link_doc(self, op: ir.Operation) -> str:
        """How a user gets the next page: the next operation the spec names, else `follow_link`."""
        following = {o.operation_id: o for o in self.api.operations}.get(op.next_operation or "")
        if following is None:
            if any(p.location == "query" and p.wire_name.lower() == "api-version" for o in self.api.operations for p in o.parameters):
                return (
                    "The URL of the next page, or None on the last page: GET it with `requests.follow_link(link, "
                    "base_url=..., api_version=...)`, the api-version you use (Azure's SDKs send it with every next page)."
                )
            return "The URL of the next page, or None on the last page: GET it with `requests.follow_link(link, base_url=...)`."
        builder = f"requests.build_{following.py_name}_request"
        link = next((p for p in following.parameters if p.wire_name.lower() == "nextlink"), None)
        if link is None:
            return f"Whether there is a next page: a link, or None on the last page. The next page is `{builder}(...)` (the spec's operationName); the link is not sent."
        return f"The next link, or None on the last page. The next page is `{builder}({link.py_name}=link, ...)` (the spec's operationName), with the other arguments of this call."

    def pager(self, op: ir.Operation) -> PagerView | None:
        if not op.pageable:
            return None
        ok = next((r for r in op.responses if r.status.isdigit() and r.body is not None and r.body.kind == "model"), None)
        if ok is None or ok.body is None:
            return None
        model = self.api.model(ok.body.ref or "")
        page = f"_models.{model.py_name}"
        next_field = next((f for f in model.fields if f.wire_name == op.next_link_name), None)
        item_field = next((f for f in model.fields if f.wire_name == op.item_name), None)
        ind = BODY
        if next_field is None:
            next_body = f"{ind}return None  # the operation names no next link: one page only"
        else:
            next_body = f"{ind}link = page.{next_field.py_name}\n{ind}return link if link.__class__ is str and link else None"
        item = "Any"
        if item_field is None:
            items_body = f"{ind}return []"
        else:
            t = item_field.type
            if t.kind == "array" and t.item is not None:
                item = py_type(self.api, t.item, qualify="_models.", argument=True)
                if t.item.kind == "enum":
                    item = "Any"
            items_body = f"{ind}items = page.{item_field.py_name}\n{ind}return list(items) if isinstance(items, list) else []"
        next_name, items_name = f"next_link_{op.py_name}", f"items_{op.py_name}"
        return PagerView(
            next_link_name=next_name,
            items_name=items_name,
            next_link_signature=function_def(next_name, [f"page: {page}"], "str | None"),
            items_signature=function_def(items_name, [f"page: {page}"], f"list[{item}]"),
            next_link_body=next_body,
            items_body=items_body,
            next_link_docstring=docstring(self.next_link_doc(op), len(BODY)),
        )


def emit(api: ir.Api, schemas: dict[str, Any], common: dict[str, Any]) -> dict[str, str]:
    """`responses.py` for the package."""
    emitter = ResponseEmitter(api)
    parsers = [emitter.parser(op) for op in api.operations]
    pagers = [(op, p) for op in api.operations if (p := emitter.pager(op)) is not None]
    entry = INDENT  # a dict entry's indentation
    long_running = [
        f"{entry}{literal(op.operation_id)}: {literal((op.method, op.final_state_via))},"
        for op in api.operations
        if op.long_running
    ]
    results = [emitter.lro_result(op, parser) for op, parser in zip(api.operations, parsers, strict=True) if op.long_running]
    readers = [r for op in api.operations if (r := response_headers.header_reader(api, op)) is not None]
    poll_reader = _poll_error_reader(api, emitter)
    texts = [emitter.error_annotation(), poll_reader, *(text for p in parsers for text in (p.signature, p.body))]
    texts += [text for _, p in pagers for text in (p.next_link_signature, p.items_signature, p.items_body)]
    texts += [text for r in readers for text in (r.class_def, r.body)]
    text = render(
        "responses.py.jinja",
        uses_models=any("_models." in text for text in texts),
        parsers=parsers,
        header_readers=readers,
        pagers=[p for _, p in pagers],
        pageable=[f"{entry}{literal(op.operation_id)}: {literal((op.next_link_name, op.item_name))}," for op, _ in pagers],
        long_running=long_running,
        parser_table=[entry + dict_entry(p.operation_id, p.name, entry) for p in parsers],
        lro_results=results,
        lro_result_table=[entry + dict_entry(r.operation_id, r.name, entry) for r in results],
        error_annotation=emitter.error_annotation(),
        runtime_imports=sorted(emitter.conversions.used | response_headers.runtime_readers(readers)),
        datetime_names=_datetime_names(emitter.value_kinds | response_headers.kinds(api)),
        reads_decimals="decimal" in emitter.value_kinds | response_headers.kinds(api),
        streams=uses_streams(api),
        text_responses=any(r.media == "text" and r.body is not None for op in api.operations for r in op.responses),
        poll_error_reader=poll_reader,
        poll_error_wrapped=_wraps_error(api, poll_reader),
        exports=sorted(
            [
                "LONG_RUNNING",
                "LRO_RESULTS",
                "PAGEABLE",
                "PARSERS",
                "Body",
                "Headers",
                "HttpResponseError",
                "PollInfo",
                "PollStatus",
                "lro_poll_info",
                "lro_poll_update",
                "parse_poll_status",
                "retry_after_seconds",
            ]
            + [p.name for p in parsers]
            + [r.name for r in results]
            + [n for _, p in pagers for n in (p.next_link_name, p.items_name)]
            + [n for r in readers for n in (r.class_name, r.function_name)],
            key=export_key,
        ),
        **common,
    )
    return {"responses.py": text}


def _poll_error_reader(api: ir.Api, emitter: ResponseEmitter) -> str:
    refs = Counter(r for r in emitter.error_models.values() if r)
    if not refs:
        return "None"
    ref = min(refs, key=lambda r: (-refs[r], r))
    return f"_models.{api.model(ref).py_name}.from_dict"


def _datetime_names(kinds: set[str]) -> list[str]:
    """What responses.py imports from `datetime`: its own names, and the types that parsers of
    non-model bodies are annotated with."""
    return ["UTC", *sorted(["datetime", *(SCALARS[k] for k in ("date", "time", "duration") if k in kinds)])]


def _wraps_error(api: ir.Api, reader: str) -> bool:
    """Whether the polling error model is ARM's envelope (`{"error": {...}}`): a failed status
    monitor's `error` object is then wrapped in it; otherwise it is that model itself."""
    model = next((m for m in api.models if reader == f"_models.{m.py_name}.from_dict"), None)
    return model is None or any(f.wire_name == "error" for f in model.fields)


def _result_response(op: ir.Operation) -> ir.Response | None:
    """The response whose body is a long-running operation's result (AutoRest's choice): the one
    type the 2xx responses carry, or the 200's when they carry several."""
    carrying = [r for r in op.responses if r.status.isdigit() and 200 <= int(r.status) < 300 and not r.error and r.body is not None]
    if not carrying:
        return None
    if all(r.body == carrying[0].body for r in carrying):
        return carrying[0]
    return next((r for r in carrying if r.status == "200"), carrying[0])
