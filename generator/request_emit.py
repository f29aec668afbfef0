"""IR operations -> `requests.py` (request builders) and `responses.py` (response parsers).

Every builder and parser is specialised per operation here, in Python: the parameter checks,
the URL expression, the status dispatch. The templates only stitch the prepared fragments.
Values from the spec reach the generated code only through `literal()` (repr), `docstring()`
or identifiers the IR decided; regular expressions are translated from ECMA-262 and checked
before they are written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from generator import ir
from generator.errors import Problem, SpecError
from generator.render import render
from generator.text import docstring, literal
from generator.validator_regex import RegexTranslationError, translate

# Keyword arguments every builder has besides the spec's parameters.
_BUILDER_KEYWORDS = ("base_url", "headers")
# Characters kept as they are in the static parts of a path (RFC 3986 pchar plus "/").
_PATH_SAFE = "/-._~!$&'()*+,;=:@"
_QUERY_NAME_SAFE = "-._~!$'()*+,;:@/?"


@dataclass(frozen=True)
class BuilderView:
    name: str  # function name
    operation_id: str  # literal
    docstring: str
    signature: tuple[str, ...]  # "name: annotation[ = default]"
    body: str  # statements


@dataclass(frozen=True)
class CheckerView:
    name: str
    cache: str
    body: str


@dataclass(frozen=True)
class ParserView:
    name: str
    operation_id: str  # literal
    docstring: str
    returns: str
    body: str


@dataclass(frozen=True)
class PagerView:
    next_link_name: str  # function names
    items_name: str
    page: str  # annotation of the page model
    item: str  # annotation of one item
    next_link_body: str
    items_body: str


def _kind_annotation(api: ir.Api, t: ir.Type) -> str:
    if t.kind == "model":
        return "_models." + api.model(t.ref or "").py_name
    if t.kind == "enum":
        enum = api.enum(t.ref or "")
        scalar = {"integer": "int", "number": "float", "boolean": "bool"}.get(enum.value_kind, "str")
        return f"_models.{enum.py_name} | {scalar}"
    if t.kind == "array":
        return f"Sequence[{_kind_annotation(api, t.item or ir.Type('any'))}]"
    if t.kind == "map":
        return f"Mapping[str, {_kind_annotation(api, t.item or ir.Type('any'))}]"
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "datetime": "datetime"}.get(t.kind, "Any")


def _text_converter(t: ir.Type) -> str:
    """The runtime helper that turns a parameter value into its wire text (after checking its type)."""
    return {
        "string": "_str",
        "integer": "_int",
        "number": "_num",
        "boolean": "_bool",
        "enum": "_enum",
        "datetime": "_datetime",
        "array": "_csv",
    }.get(t.kind, "_json_text")


class RequestEmitter:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.patterns: dict[str, str] = {}  # Python regex source -> module constant name
        self.checkers: dict[tuple[str, tuple[tuple[str, Any], ...]], CheckerView] = {}
        self.error_models = self._error_models()

    # -- shared ------------------------------------------------------------------------------

    def pattern_name(self, ecma: str, where: str) -> str:
        try:
            source = translate(ecma)
        except RegexTranslationError as exc:
            raise _problem(where, f"pattern: {exc}") from None
        if source not in self.patterns:
            self.patterns[source] = f"_PATTERN_{len(self.patterns)}"
        return self.patterns[source]

    def _error_models(self) -> dict[str, str | None]:
        """operationId -> the model its `default` response carries; operations without one use
        the model most operations of the API use (ARM's CloudError), so errors still parse."""
        own = {}
        for op in self.api.operations:
            default = next((r for r in op.responses if r.status == "default"), None)
            own[op.operation_id] = default.body.ref if default and default.body and default.body.kind == "model" else None
        counts = Counter(ref for ref in own.values() if ref)
        common = min(counts, key=lambda r: (-counts[r], r)) if counts else None
        return {op_id: ref or common for op_id, ref in own.items()}

    def error_reader(self, op: ir.Operation) -> str:
        ref = self.error_models[op.operation_id]
        return f"_models.{self.api.model(ref).py_name}.from_dict" if ref else "None"

    def error_annotation(self) -> str:
        refs = sorted({r for r in self.error_models.values() if r})
        return " | ".join([f"_models.{self.api.model(r).py_name}" for r in refs] + ["None"])

    # -- requests ----------------------------------------------------------------------------

    def encoder(self, p: ir.Parameter) -> str:
        """The runtime helper that turns checked wire text into what its location takes."""
        if p.location == "path":
            return "_raw_segment" if p.skip_url_encoding else "_segment"
        if p.location == "query":
            return "_raw_query" if p.skip_url_encoding else "_query_value"
        return "_header_value"

    def checker(self, p: ir.Parameter, op: ir.Operation) -> str:
        """A module-level function checking a string parameter (type, then the spec's
        constraints) and returning its encoded text; parameters checked alike share one. Its
        results are remembered (bounded), so a value seen before costs one dict lookup."""
        key = (self.encoder(p), p.type.constraints)
        if key not in self.checkers:
            i = len(self.checkers)
            lines = [
                "if value.__class__ is not str:",
                "    raise _wrong_type(value, python_name, parameter, 'a string')",
            ]
            lines += self.constraint_checks(p, op, "value", "python_name, parameter")
            lines.append(f"return _remember(_CACHE_{i}, value, {self.encoder(p)}(value, python_name, parameter))")
            self.checkers[key] = CheckerView(f"_check_{i}", f"_CACHE_{i}", "\n".join(lines))
        return self.checkers[key].name

    def encoded(self, p: ir.Parameter, op: ir.Operation) -> list[str]:
        """Statements that check `p` and leave its encoded text in `_e_<py_name>` (None when
        an optional parameter was not given)."""
        v = p.py_name
        labels = f"{literal(v)}, {literal(p.wire_name)}"
        if p.type.kind == "string":
            check = self.checker(p, op)
            cache = check.replace("_check_", "_CACHE_")
            expr = f"{v}.__class__ is str and {cache}.get({v}) or {check}({v}, {labels})"
            if p.required:
                return [f"_e_{v} = {expr}"]
            return [f"_e_{v} = None if {v} is None else ({expr})"]
        lines = [f"_t_{v} = {_text_converter(p.type)}({v}, {labels})"]
        lines += self.constraint_checks(p, op, v, labels)
        lines.append(f"_e_{v} = {self.encoder(p)}(_t_{v}, {labels})")
        if p.required:
            return lines
        return [f"if {v} is None:", f"    _e_{v} = None", "else:"] + ["    " + line for line in lines]

    def constraint_checks(self, p: ir.Parameter, op: ir.Operation, v: str, labels: str) -> list[str]:
        c = dict(p.type.constraints)
        lines: list[str] = []
        kind = p.type.kind
        if kind == "string":
            low, high = c.get("minLength"), c.get("maxLength")
            if isinstance(low, int) and isinstance(high, int):
                lines += [f"if not {low} <= len({v}) <= {high}:", f"    raise _length({labels}, {low}, {high})"]
            elif isinstance(low, int) and low > 0:
                lines += [f"if len({v}) < {low}:", f"    raise _length({labels}, {low}, None)"]
            elif isinstance(high, int):
                lines += [f"if len({v}) > {high}:", f"    raise _length({labels}, None, {high})"]
            pattern = c.get("pattern")
            if isinstance(pattern, str):
                name = self.pattern_name(pattern, p.source or op.source)
                lines += [f"if {name}.search({v}) is None:", f"    raise _mismatch({labels}, {literal(pattern)})"]
        if kind in ("integer", "number"):
            for key, flag, loose, strict in (("minimum", "exclusiveMinimum", "<", "<="), ("maximum", "exclusiveMaximum", ">", ">=")):
                bound = c.get(key)
                if isinstance(bound, (int, float)) and not isinstance(bound, bool):
                    exclusive = c.get(flag) is True  # Swagger 2.0: a flag beside minimum/maximum
                    test = strict if exclusive else loose
                    lines += [f"if {v} {test} {literal(bound)}:", f"    raise _out_of_range({labels}, {literal(key)}, {literal(bound)}, {exclusive})"]
        if kind == "array":
            low, high = c.get("minItems"), c.get("maxItems")
            if isinstance(low, int):
                lines += [f"if len({v}) < {low}:", f"    raise _items({labels}, {low}, None)"]
            if isinstance(high, int):
                lines += [f"if len({v}) > {high}:", f"    raise _items({labels}, None, {high})"]
        if kind == "enum":
            target = self.api.enum(p.type.ref or "")
            if not target.extensible:  # modelAsString false: only the listed values
                allowed = tuple(_constant_text(m.value) for m in target.members)
                lines += [f"if _t_{v} not in {literal(allowed)}:", f"    raise _not_allowed({labels}, {literal(list(allowed))})"]
        enum = c.get("enum")
        if isinstance(enum, tuple) and kind in ("string", "integer", "number", "boolean"):
            lines += [f"if {v} not in {literal(enum)}:", f"    raise _not_allowed({labels}, {literal(list(enum))})"]
        return lines

    def builder(self, op: ir.Operation) -> BuilderView:
        api = self.api
        clash = {p.py_name for p in op.parameters} & set(_BUILDER_KEYWORDS)
        if clash:
            raise _problem(op.source, f"parameter name(s) {sorted(clash)} clash with the request builder's own keyword arguments")
        signature_required: list[str] = []
        signature_optional: list[str] = []
        lines: list[str] = []
        body_param: ir.Parameter | None = None
        path_values: dict[str, str] = {}
        query_required: list[str] = []
        query_optional: list[tuple[str, str]] = []
        header_lines: list[str] = []
        for p in op.parameters:
            if p.location == "body":
                body_param = p
                continue
            text = ""
            if p.constant is not None and p.py_name != "api_version":
                text = _constant_text(p.constant)
                if p.location == "path" and text in ("", ".", ".."):
                    raise _problem(p.source or op.source, f"path parameter {p.wire_name!r} is the constant {text!r}, not a path segment")
                if p.location in ("path", "query") and not p.skip_url_encoding:
                    text = quote(text, safe="")
                value = literal(text)
            else:
                annotation = _kind_annotation(api, p.type)
                if p.py_name == "api_version":
                    signature_optional.append(f"api_version: {annotation} = API_VERSION")
                elif p.required:
                    signature_required.append(f"{p.py_name}: {annotation}")
                else:
                    signature_optional.append(f"{p.py_name}: {annotation} | None = None")
                lines += self.encoded(p, op)
                value = f"_e_{p.py_name}"
            given = p.required or p.constant is not None
            if p.location == "path":
                path_values[p.wire_name] = value
            elif p.location == "query":
                name = quote(p.wire_name, safe=_QUERY_NAME_SAFE) + "="
                entry = literal(name + text) if p.constant is not None and p.py_name != "api_version" else f"{literal(name)} + {value}"
                if given:
                    query_required.append(entry)
                else:
                    query_optional.append((value, entry))
            else:  # header
                entry = f"_h[{literal(p.wire_name)}] = {value}"
                header_lines += [entry] if given else [f"if {value} is not None:", "    " + entry]
        # The URL: the static text of the path (percent-encoded where needed) and the segments.
        url_parts = ["_base(base_url)"]
        path = api.base_path.rstrip("/") + op.path
        for i, chunk in enumerate(_split_template(path)):
            if i % 2 == 0:
                if chunk:
                    url_parts.append(literal(quote(chunk, safe=_PATH_SAFE)))
            else:
                if chunk not in path_values:
                    raise _problem(op.source, f"path placeholder {{{chunk}}} has no path parameter")
                url_parts.append(path_values[chunk])
        lines.append(f"_url = {' + '.join(url_parts)}")
        if query_required or query_optional:
            lines.append(f"_query = [{', '.join(query_required)}]")
            for var, entry in query_optional:
                lines += [f"if {var} is not None:", f"    _query.append({entry})"]
            lines.append("_url += '?' + '&'.join(_query)")
        accept = _choose(op.produces)
        content_type = _choose(op.consumes)
        lines.append(f"_h: dict[str, str] = {{'Accept': {literal(accept)}}}" if accept else "_h: dict[str, str] = {}")
        lines += header_lines
        data = "None"
        if body_param is not None:
            annotation = self.body_annotation(body_param)
            labels = f"{literal(body_param.py_name)}, {literal(body_param.wire_name)}"
            encode = self.body_encoder(body_param, body_param.py_name, labels)
            if body_param.required:
                signature_required.append(f"{body_param.py_name}: {annotation}")
                lines.append(f"_data = {encode}")
            else:
                signature_optional.append(f"{body_param.py_name}: {annotation} | None = None")
                lines.append(f"_data = None if {body_param.py_name} is None else {encode}")
            if content_type and body_param.required:
                lines.append(f"_h['Content-Type'] = {literal(content_type)}")
            elif content_type:
                lines += ["if _data is not None:", f"    _h['Content-Type'] = {literal(content_type)}"]
            data = "_data"
        lines += ["if headers:", "    _merge_headers(_h, headers)", f"return HttpRequest({literal(op.method)}, _url, _h, {data})"]
        signature = tuple(signature_required + signature_optional + [
            f"base_url: str = {literal(api.scheme + '://' + api.host)}",
            "headers: Mapping[str, str] | None = None",
        ])
        return BuilderView(
            name=f"build_{op.py_name}_request",
            operation_id=literal(op.operation_id),
            docstring=docstring(_builder_doc(op, body_param), 4),
            signature=signature,
            body="\n".join(lines),
        )

    def body_annotation(self, p: ir.Parameter) -> str:
        if p.type.kind == "model":
            return f"_models.{self.api.model(p.type.ref or '').py_name} | Mapping[str, Any]"
        return _kind_annotation(self.api, p.type)

    def body_encoder(self, p: ir.Parameter, var: str, labels: str) -> str:
        """An expression: the UTF-8 JSON bytes of the body in `var`."""
        if p.type.kind == "model":
            return f"_model_body({var}, _models.{self.api.model(p.type.ref or '').py_name}, {labels})"
        return f"_any_body({var}, {labels})"

    # -- responses ---------------------------------------------------------------------------

    def parser(self, op: ir.Operation) -> ParserView:
        groups: dict[str, list[int]] = {}
        returns: list[str] = []
        readers: dict[str, str] = {}
        for r in op.responses:
            if r.status == "default" or not r.status.isdigit():
                continue
            if r.body is None:
                key, annotation, reader = "None", "None", ""
            elif r.body.kind == "model":
                annotation = f"_models.{self.api.model(r.body.ref or '').py_name}"
                key, reader = annotation, f"{annotation}.from_dict(_load(body))"
            else:
                key, annotation, reader = "Any", "Any", "_load(body)"
            groups.setdefault(key, []).append(int(r.status))
            readers[key] = reader
            if annotation not in returns:
                returns.append(annotation)
        lines = []
        only_none = list(groups) == ["None"]
        for key, statuses in groups.items():
            test = f"status_code == {statuses[0]}" if len(statuses) == 1 else f"status_code in {literal(tuple(sorted(statuses)))}"
            lines += [f"if {test}:", "    return" if only_none else f"    return {readers[key] or 'None'}"]
        lines.append(f"raise _error(status_code, headers, body, {self.error_reader(op)}, {literal(op.operation_id)})")
        ordered = [a for a in returns if a not in ("None", "Any")]
        if "Any" in returns:
            ordered = ["Any"]
        elif "None" in returns:
            ordered.append("None")
        declared = ", ".join(r.status for r in op.responses)
        doc = (
            f"Parse a response of {op.operation_id} ({op.method} {op.path}).\n\n"
            f"Declared responses: {declared}. Returns the model of the status (None when the status has no "
            "body); raises HttpResponseError for the default response and any undeclared status."
        )
        return ParserView(
            name=f"parse_{op.py_name}_response",
            operation_id=literal(op.operation_id),
            docstring=docstring(doc, 4),
            returns=" | ".join(ordered) or "None",
            body="\n".join(lines),
        )

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
        if next_field is None:
            next_body = "return None  # the operation names no next link: one page only"
        else:
            next_body = f"link = page.{next_field.py_name}\nreturn link if link.__class__ is str and link else None"
        item = "Any"
        if item_field is None:
            items_body = "return []"
        else:
            t = item_field.type
            if t.kind == "array" and t.item is not None:
                item = _kind_annotation(self.api, t.item)
                if t.item.kind == "enum":
                    item = "Any"
            items_body = f"items = page.{item_field.py_name}\nreturn list(items) if isinstance(items, list) else []"
        return PagerView(
            next_link_name=f"next_link_{op.py_name}",
            items_name=f"items_{op.py_name}",
            page=page,
            item=item,
            next_link_body=next_body,
            items_body=items_body,
        )


def _problem(source: str, message: str) -> SpecError:
    """An error about the spec at `source` (`file#pointer`), as the other stages report them."""
    file, _, pointer = source.partition("#")
    return SpecError([Problem(file, pointer or None, message)])


def _constant_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _choose(media_types: tuple[str, ...]) -> str | None:
    """JSON if the operation speaks it, else the first media type it names."""
    for m in media_types:
        if m.split(";")[0].strip().lower() == "application/json":
            return m
    return media_types[0] if media_types else None


def _split_template(path: str) -> list[str]:
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


def _builder_doc(op: ir.Operation, body: ir.Parameter | None) -> str:
    lines = [op.description.strip() or op.operation_id, "", f"`{op.method} {op.path}` ({op.operation_id})."]
    if op.long_running:
        lines.append("Long-running: see `responses.lro_poll_info`.")
    if op.pageable:
        lines.append("Pageable: see `responses.next_link_*` and `follow_link`.")
    params = [p for p in op.parameters if p.constant is None or p.py_name == "api_version"]
    if params:
        lines += ["", "Keyword arguments:"]
        for p in params:
            desc = " ".join(p.description.split()) if p.description else ""
            lines.append(f"    {p.py_name} (`{p.wire_name}`, {p.location}): {desc}".rstrip().rstrip(":"))
    if body is not None and body.type.kind == "model":
        lines += ["", "The body may be the model or a plain dict; read-only fields are left out."]
    lines += ["", "Raises ParameterError (a ValueError) naming the parameter before anything is built."]
    return "\n".join(lines)


def emit(api: ir.Api, schemas: dict[str, Any], common: dict[str, Any]) -> dict[str, str]:
    """`requests.py` and `responses.py` for the package."""
    emitter = RequestEmitter(api)
    builders = [emitter.builder(op) for op in api.operations]
    parsers = [emitter.parser(op) for op in api.operations]
    pagers = [(op, p) for op in api.operations if (p := emitter.pager(op)) is not None]
    long_running = [
        (literal(op.operation_id), literal(op.method), literal(op.final_state_via))
        for op in api.operations
        if op.long_running
    ]
    requests_text = render(
        "requests.py.jinja",
        builders=builders,
        operations=[(b.operation_id, b.name) for b in builders],
        checkers=list(emitter.checkers.values()),
        patterns=sorted(((name, literal(source)) for source, name in emitter.patterns.items()), key=lambda t: int(t[0].rsplit("_", 1)[1])),
        default_base_url=literal(api.scheme + "://" + api.host),
        exports=sorted(["API_VERSION", "OPERATIONS", "HttpRequest", "ParameterError", "follow_link"] + [b.name for b in builders], key=_export_key),
        **common,
    )
    responses_text = render(
        "responses.py.jinja",
        parsers=parsers,
        pagers=[p for _, p in pagers],
        pageable=[(literal(op.operation_id), literal(op.next_link_name), literal(op.item_name)) for op, _ in pagers],
        long_running=long_running,
        parser_table=[(p.operation_id, p.name) for p in parsers],
        error_annotation=emitter.error_annotation(),
        poll_error_reader=_poll_error_reader(api, emitter),
        exports=sorted(
            ["LONG_RUNNING", "PAGEABLE", "PARSERS", "Body", "Headers", "HttpResponseError", "PollInfo", "PollStatus", "lro_poll_info", "parse_poll_status", "retry_after_seconds"]
            + [p.name for p in parsers]
            + [n for _, p in pagers for n in (p.next_link_name, p.items_name)],
            key=_export_key,
        ),
        **common,
    )
    return {"requests.py": requests_text, "responses.py": responses_text}


def _poll_error_reader(api: ir.Api, emitter: RequestEmitter) -> str:
    refs = Counter(r for r in emitter.error_models.values() if r)
    if not refs:
        return "None"
    ref = min(refs, key=lambda r: (-refs[r], r))
    return f"_models.{api.model(ref).py_name}.from_dict"


def _export_key(name: str) -> tuple[int, str]:
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)
