"""IR operations -> `requests.py` (request builders) and `responses.py` (response parsers).

Every builder and parser is specialised per operation here, in Python: the parameter checks,
the URL expression, the status dispatch. The templates only stitch the prepared fragments.
Values from the spec reach the generated code only through `literal()` (black-quoted repr), `docstring()`
or identifiers the IR decided. A parameter's pattern is translated with .NET's meaning, as the
service reads it (Unicode `\\w`, `\\d`; see generator/validate/regex.py), so a check never
refuses a value the service takes; the IR has made sure it is valid and linear-time to match.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from generator import ir
from generator.emit.annotations import py_type
from generator.emit.templates import render
from generator.emit.text import docstring, sentence
from generator.errors import Problem, SpecError
from generator.format.layout import (
    INDENT,
    annotated,
    bracket,
    def_line,
    fits,
    literal,
    statement,
    value,
)
from generator.validate.regex import RegexTranslationError, SharedSet, translate_parts

# Keyword arguments every builder has besides the spec's parameters.
_BUILDER_KEYWORDS = ("base_url", "headers")
# Characters kept as they are in the static parts of a path (RFC 3986 pchar plus "/").
_PATH_SAFE = "/-._~!$&'()*+,;=:@"
_QUERY_NAME_SAFE = "-._~!$'()*+,;:@/?"


# Generated statements are laid out as black writes them (see generator/layout.py): every body
# below is complete lines, indented for where the template puts them (a function body: 4 spaces).
_BODY = INDENT


@dataclass(frozen=True)
class BuilderView:
    name: str  # function name
    operation_id: str  # literal
    docstring: str
    signature: tuple[str, ...]  # "name: annotation[ = default]," lines, indented
    body: str  # statements, indented


@dataclass(frozen=True)
class CheckerView:
    name: str
    cache: str
    body: str  # statements, indented


@dataclass(frozen=True)
class ParserView:
    name: str
    operation_id: str  # literal
    signature: str  # the `def` line(s)
    docstring: str
    body: str  # statements, indented


@dataclass(frozen=True)
class PagerView:
    next_link_name: str  # function names
    items_name: str
    next_link_signature: str  # the `def` line(s)
    items_signature: str
    next_link_body: str  # statements, indented
    items_body: str


# -- the expressions written here, laid out by generator.format.layout ---------------------------------


@dataclass(frozen=True)
class _Call:
    """`head` (ending in "(") + arguments + ")"."""

    head: str
    args: tuple[str, ...]

    def flat(self) -> str:
        return f"{self.head}{', '.join(self.args)})"

    def lay(self, indent: str, tail: str = "") -> str:
        return _lay(self.flat() + tail, indent)


@dataclass(frozen=True)
class _Group:
    """`head` + operands joined by spaces (`a`, `and b`, `or c`; `None`, `if c`, `else d`), in
    parentheses unless `optional` (then they are black's own, shown only when it splits)."""

    head: str
    parts: tuple[_Call | _Group | str, ...]
    tail: str = ""
    optional: bool = False

    def flat(self) -> str:
        inner = " ".join(part if isinstance(part, str) else part.flat() for part in self.parts)
        return self.head + (inner if self.optional else f"({inner})") + self.tail

    def lay(self, indent: str, tail: str = "") -> str:
        return _lay(self.flat() + tail, indent)


def _lay(text: str, indent: str) -> str:
    """Statement `text` as black lays it out at `indent`, its first line unindented (the caller's)."""
    return statement(text, indent)[len(indent) :]


def _assign(target: str, expression: str, indent: str) -> str:
    return _lay(f"{target} = {expression}", indent)


def _call_with_data(head: str, args: list[str], data: Any, indent: str) -> str:
    """A call whose last argument is a JSON-ish literal."""
    return _lay(f"{head}{', '.join([*args, literal(data)])})", indent)


def _entry(key: str, expression: str, indent: str) -> str:
    """A `key: expression,` line of an exploded dict; one that does not fit puts the expression in
    parentheses on a line of its own (black keeps those, and cannot split a name itself)."""
    one = f"{key}: {expression},"
    if fits(indent + one) or not fits(indent + INDENT + expression):
        return one
    return f"{key}: (\n{indent}{INDENT}{expression}\n{indent}),"


def _parameter(name: str, annotation: str, default: str, indent: str) -> str:
    """A `name: annotation = default,` line of an exploded parameter list."""
    return annotated(name, annotation, f"{default},", indent)[len(indent) :]


def _not_in(subject: str, values: tuple[Any, ...], indent: str) -> str:
    return _lay(f"if {subject} not in {literal(values)}:", indent)


def _def(name: str, params: list[str], returns: str) -> str:
    """A module-level `def` line; black splits the parameter list first."""
    return def_line(f"def {name}(", params, f" -> {returns}:", "")


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
        self.patterns: dict[tuple[str | SharedSet, ...], str] = {}  # translated pattern -> constant name
        self.shared: dict[str, SharedSet] = {}  # constant name -> a large set the patterns share
        self.checkers: dict[tuple[str, tuple[tuple[str, Any], ...]], CheckerView] = {}
        self.error_models = self._error_models()

    # -- shared ------------------------------------------------------------------------------

    def pattern_name(self, pattern: str, where: str) -> str:
        """The module constant holding a parameter's `pattern`, compiled as .NET reads it."""
        try:
            parts = translate_parts(pattern, "dotnet")
        except RegexTranslationError as exc:
            raise _problem(where, f"pattern: {exc}") from None
        for part in parts:
            if isinstance(part, SharedSet):
                self.shared[part.constant] = part
        if parts not in self.patterns:
            self.patterns[parts] = f"_PATTERN_{len(self.patterns)}"
        return self.patterns[parts]

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

    def host_expression(self) -> str:
        """The base URL from x-ms-parameterized-host: the template filled with the host
        parameters' encoded values (`_e_<name>`), then checked to be an absolute http(s) URL."""
        api = self.api
        parts = [literal(api.scheme + "://")] if api.use_scheme_prefix else []
        values = {p.wire_name: f"_e_{p.py_name}" for p in api.host_parameters}
        for i, chunk in enumerate(_split_template(api.host_template or "")):
            if i % 2 == 0:
                if chunk:
                    parts.append(literal(chunk))
            else:
                parts.append(values[chunk])
        first = api.host_parameters[0] if api.host_parameters else None
        labels = (literal(first.py_name), literal(first.wire_name)) if first else ('"host"', '"host"')
        return _Call("_host(", (" + ".join(parts) or '""', *labels)).flat()

    def encoder(self, p: ir.Parameter) -> str:
        """The runtime helper that turns checked wire text into what its location takes."""
        if p in self.api.host_parameters:
            return "_raw_host" if p.skip_url_encoding else "_host_segment"
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
            ind = _BODY
            lines = [
                f"{ind}if value.__class__ is not str:",
                f'{ind}{INDENT}raise _wrong_type(value, python_name, parameter, "a string")',
            ]
            lines += self.constraint_checks(p, op, "value", ["python_name", "parameter"], ind)
            encode = _Call(f"{self.encoder(p)}(", ("value", "python_name", "parameter")).flat()
            lines.append(ind + _Call("return _remember(", (f"_CACHE_{i}", "value", encode)).lay(ind))
            self.checkers[key] = CheckerView(f"_check_{i}", f"_CACHE_{i}", "\n".join(lines))
        return self.checkers[key].name

    def check_constant(self, p: ir.Parameter, op: ir.Operation) -> None:
        """A constant path parameter's value must be a path segment, or its own default would be refused."""
        text = _constant_text(p.constant)
        if p.location == "path" and text in ("", ".", ".."):
            raise _problem(p.source or op.source, f"path parameter {p.wire_name!r} is the constant {text!r}, not a path segment")

    def encoded(self, p: ir.Parameter, op: ir.Operation, ind: str, *, required: bool) -> list[str]:
        """Statements (indented by `ind`) that check `p` and leave its encoded text in
        `_e_<py_name>` (None when an optional parameter was not given); `required`: the
        argument always has a value (a required parameter, or one with a default)."""
        v = p.py_name
        labels = [literal(v), literal(p.wire_name)]
        if p.type.kind == "string":
            check = self.checker(p, op)
            cache = check.replace("_check_", "_CACHE_")
            chain = (f"{v}.__class__ is str", f"and {cache}.get({v})", _Call(f"or {check}(", (v, *labels)))
            if required:
                return [ind + _Group(f"_e_{v} = ", chain, optional=True).lay(ind)]
            optional = ("None", f"if {v} is None", _Group("else ", chain))
            return [ind + _Group(f"_e_{v} = ", optional, optional=True).lay(ind)]
        inner = ind if required else ind + INDENT
        lines = [inner + _Call(f"_t_{v} = {_text_converter(p.type)}(", (v, *labels)).lay(inner)]
        lines += self.constraint_checks(p, op, v, labels, inner)
        lines.append(inner + _Call(f"_e_{v} = {self.encoder(p)}(", (f"_t_{v}", *labels)).lay(inner))
        if required:
            return lines
        return [f"{ind}if {v} is None:", f"{inner}_e_{v} = None", f"{ind}else:", *lines]

    def constraint_checks(self, p: ir.Parameter, op: ir.Operation, v: str, labels: list[str], ind: str) -> list[str]:
        """Statements (indented by `ind`) raising ParameterError where `v` breaks a constraint."""
        c = dict(p.type.constraints)
        lines: list[str] = []
        inner = ind + INDENT

        def check(test: str, error: str, *args: str) -> None:
            lines.extend([f"{ind}if {test}:", inner + _Call(f"raise {error}(", (*labels, *args)).lay(inner)])

        kind = p.type.kind
        if kind == "string":
            low, high = c.get("minLength"), c.get("maxLength")
            if isinstance(low, int) and isinstance(high, int):
                check(f"not {low} <= len({v}) <= {high}", "_length", str(low), str(high))
            elif isinstance(low, int) and low > 0:
                check(f"len({v}) < {low}", "_length", str(low), "None")
            elif isinstance(high, int):
                check(f"len({v}) > {high}", "_length", "None", str(high))
            pattern = c.get("pattern")
            if isinstance(pattern, str):
                name = self.pattern_name(pattern, p.source or op.source)
                check(f"{name}.search({v}) is None", "_mismatch", literal(pattern))
        if kind in ("integer", "number"):
            for key, flag, loose, strict in (("minimum", "exclusiveMinimum", "<", "<="), ("maximum", "exclusiveMaximum", ">", ">=")):
                bound = c.get(key)
                if isinstance(bound, (int, float)) and not isinstance(bound, bool):
                    exclusive = c.get(flag) is True  # Swagger 2.0: a flag beside minimum/maximum
                    test = strict if exclusive else loose
                    check(f"{v} {test} {literal(bound)}", "_out_of_range", literal(key), literal(bound), str(exclusive))
        if kind == "array":
            low, high = c.get("minItems"), c.get("maxItems")
            if isinstance(low, int):
                check(f"len({v}) < {low}", "_items", str(low), "None")
            if isinstance(high, int):
                check(f"len({v}) > {high}", "_items", "None", str(high))
        if kind == "enum":
            target = self.api.enum(p.type.ref or "")
            if not target.extensible:  # modelAsString false: only the listed values
                allowed = tuple(_constant_text(m.value) for m in target.members)
                lines += [ind + _not_in(f"_t_{v}", allowed, ind)]
                lines += [inner + _call_with_data("raise _not_allowed(", labels, list(allowed), inner)]
        enum = c.get("enum")
        if isinstance(enum, tuple) and kind in ("string", "integer", "number", "boolean"):
            lines += [ind + _not_in(v, enum, ind)]
            lines += [inner + _call_with_data("raise _not_allowed(", labels, list(enum), inner)]
        return lines

    def builder(self, op: ir.Operation) -> BuilderView:
        api = self.api
        own = {p.py_name for p in op.parameters}
        clash = own & ({"headers"} | ({p.py_name for p in api.host_parameters} if api.host_template else {"base_url"}))
        if clash:
            raise _problem(op.source, f"parameter name(s) {sorted(clash)} clash with the request builder's own keyword arguments")
        signature_required: list[tuple[str, str, str]] = []  # name, annotation, " = default" or ""
        signature_optional: list[tuple[str, str, str]] = []
        ind = _BODY
        lines: list[str] = []
        for p in api.host_parameters if api.host_template else ():
            signature_required.append((p.py_name, py_type(api, p.type, qualify="_models.", argument=True), ""))
            lines += self.encoded(p, op, ind, required=True)
        body_param: ir.Parameter | None = None
        path_values: dict[str, str] = {}
        query_required: list[str] = []
        query_optional: list[tuple[str, str]] = []
        header_lines: list[str] = []
        for p in op.parameters:
            if p.location == "body":
                body_param = p
                continue
            annotation = py_type(api, p.type, qualify="_models.", argument=True)
            if p.constant is not None:
                # A single-value enum: sent always, defaults to its value, other values checked
                # as the enum says (refused, unless x-ms-enum makes it extensible).
                self.check_constant(p, op)
                default = " = API_VERSION" if p.py_name == "api_version" and p.constant == api.api_version else f" = {literal(p.constant)}"
                signature_optional.append((p.py_name, annotation, default))
            elif p.py_name == "api_version":
                signature_optional.append(("api_version", annotation, " = API_VERSION"))
            elif p.required:
                signature_required.append((p.py_name, annotation, ""))
            else:
                signature_optional.append((p.py_name, f"{annotation} | None", " = None"))
            lines += self.encoded(p, op, ind, required=p.required or p.constant is not None)
            expr = f"_e_{p.py_name}"
            given = p.required or p.constant is not None
            if p.location == "path":
                path_values[p.wire_name] = expr
            elif p.location == "query":
                name = quote(p.wire_name, safe=_QUERY_NAME_SAFE) + "="
                entry = f"{literal(name)} + {expr}"
                if given:
                    query_required.append(entry)
                else:
                    query_optional.append((expr, entry))
            else:  # header
                target = f"_h[{literal(p.wire_name)}]"
                if given:
                    header_lines.append(ind + _assign(target, expr, ind))
                else:
                    header_lines += [f"{ind}if {expr} is not None:", ind + INDENT + _assign(target, expr, ind + INDENT)]
        # The URL: the static text of the path (percent-encoded where needed) and the segments.
        url_parts = [self.host_expression() if api.host_template else "_base(base_url)"]
        path = api.base_path.rstrip("/") + op.path
        for i, chunk in enumerate(_split_template(path)):
            if i % 2 == 0:
                if chunk:
                    url_parts.append(literal(quote(chunk, safe=_PATH_SAFE)))
            else:
                if chunk not in path_values:
                    raise _problem(op.source, f"path placeholder {{{chunk}}} has no path parameter")
                url_parts.append(path_values[chunk])
        url = (url_parts[0], *[f"+ {part}" for part in url_parts[1:]])
        lines.append(ind + _Group("_url = ", url, optional=True).lay(ind))
        if query_required or query_optional:
            lines.append(ind + bracket("_query = [", query_required, indent=ind, closer="]"))
            for var, entry in query_optional:
                lines += [f"{ind}if {var} is not None:", ind + INDENT + _Call("_query.append(", (entry,)).lay(ind + INDENT)]
            lines.append(f'{ind}_url += "?" + "&".join(_query)')
        accept = _choose(op.produces)
        content_type = _choose(op.consumes)
        lines.append(ind + value("_h: dict[str, str] = ", {"Accept": accept} if accept else {}, indent=ind))
        lines += header_lines
        data = "None"
        if body_param is not None:
            annotation = self.body_annotation(body_param)
            labels = (literal(body_param.py_name), literal(body_param.wire_name))
            encode = self.body_encoder(body_param, body_param.py_name, labels)
            if body_param.required:
                signature_required.append((body_param.py_name, annotation, ""))
                lines.append(ind + _Call(f"_data = {encode.head}", encode.args).lay(ind))
            else:
                signature_optional.append((body_param.py_name, f"{annotation} | None", " = None"))
                optional = ("None", f"if {body_param.py_name} is None", _Call(f"else {encode.head}", encode.args))
                lines.append(ind + _Group("_data = ", optional, optional=True).lay(ind))
            content = '_h["Content-Type"]'
            if content_type and body_param.required:
                lines.append(ind + _assign(content, literal(content_type), ind))
            elif content_type:
                lines += [f"{ind}if _data is not None:", ind + INDENT + _assign(content, literal(content_type), ind + INDENT)]
            data = "_data"
        lines += [
            f"{ind}if headers:",
            f"{ind}{INDENT}_merge_headers(_h, headers)",
            ind + _Call("return HttpRequest(", (literal(op.method), "_url", "_h", data)).lay(ind),
        ]
        signature = tuple(
            ind + _parameter(name, annotation, default, ind)
            for name, annotation, default in [
                *signature_required,
                *signature_optional,
                *([] if api.host_template else [("base_url", "str", f" = {literal(api.scheme + '://' + api.host)}")]),
                ("headers", "Mapping[str, str] | None", " = None"),
            ]
        )
        return BuilderView(
            name=f"build_{op.py_name}_request",
            operation_id=literal(op.operation_id),
            docstring=docstring(_builder_doc(op, body_param, api.host_parameters if api.host_template else ()), len(_BODY)),
            signature=signature,
            body="\n".join(lines),
        )

    def body_annotation(self, p: ir.Parameter) -> str:
        if p.type.kind == "model":
            return f"_models.{self.api.model(p.type.ref or '').py_name} | Mapping[str, Any]"
        return py_type(self.api, p.type, qualify="_models.", argument=True)

    def body_encoder(self, p: ir.Parameter, var: str, labels: tuple[str, str]) -> _Call:
        """An expression: the UTF-8 JSON bytes of the body in `var`."""
        if p.type.kind == "model":
            return _Call("_model_body(", (var, f"_models.{self.api.model(p.type.ref or '').py_name}", *labels))
        return _Call("_any_body(", (var, *labels))

    # -- responses ---------------------------------------------------------------------------

    def parser(self, op: ir.Operation) -> ParserView:
        groups: dict[str, list[int]] = {}
        returns: list[str] = []
        readers: dict[str, str] = {}
        errors: list[str] = []  # x-ms-error-response statuses whose body is not the default's model
        for r in op.responses:
            if r.status == "default" or not r.status.isdigit():
                continue
            if r.error:
                reader = f"_models.{self.api.model(r.body.ref or '').py_name}.from_dict" if r.body and r.body.kind == "model" else self.error_reader(op)
                if reader != self.error_reader(op):
                    errors.append(_Call("raise _error(", ("status_code", "headers", "body", reader, literal(op.operation_id))).lay(_BODY + INDENT))
                    errors[-1] = f"{_BODY}if status_code == {int(r.status)}:\n{_BODY + INDENT}{errors[-1]}"
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
        ind, inner = _BODY, _BODY + INDENT
        lines = []
        only_none = list(groups) == ["None"]
        for key, statuses in groups.items():
            test = f"status_code == {statuses[0]}" if len(statuses) == 1 else f"status_code in {literal(tuple(sorted(statuses)))}"
            reader = readers[key]
            result = "return" if only_none else f"return {reader or 'None'}"
            if reader.endswith(".from_dict(_load(body))"):
                result = _Call(f"return {reader.removesuffix('_load(body))')}", ("_load(body)",)).lay(inner)
            lines += [f"{ind}if {test}:", inner + result]
        error = _Call("raise _error(", ("status_code", "headers", "body", self.error_reader(op), literal(op.operation_id)))
        lines += errors
        lines.append(ind + error.lay(ind))
        ordered = [a for a in returns if a not in ("None", "Any")]
        if "Any" in returns:
            ordered = ["Any"]
        elif "None" in returns:
            ordered.append("None")
        declared = ", ".join(r.status + (" (error)" if r.error else "") for r in op.responses)
        doc = (
            f"Parse a response of {op.operation_id} ({op.method} {op.path}).\n\n"
            f"Declared responses: {declared}. Returns the model of the status (None when the status has no "
            "body); raises HttpResponseError for the default response"
            + (", an error response" if any(r.error for r in op.responses) else "")
            + " and any undeclared status."
        )
        name = f"parse_{op.py_name}_response"
        returns_annotation = " | ".join(ordered) or "None"
        return ParserView(
            name=name,
            operation_id=literal(op.operation_id),
            signature=_def(name, ["status_code: int", "headers: Headers | None", "body: Body"], returns_annotation),
            docstring=docstring(doc, len(_BODY)),
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
        ind = _BODY
        if next_field is None:
            next_body = f"{ind}return None  # the operation names no next link: one page only"
        else:
            next_body = f"{ind}{_assign('link', f'page.{next_field.py_name}', ind)}\n{ind}return link if link.__class__ is str and link else None"
        item = "Any"
        if item_field is None:
            items_body = f"{ind}return []"
        else:
            t = item_field.type
            if t.kind == "array" and t.item is not None:
                item = py_type(self.api, t.item, qualify="_models.", argument=True)
                if t.item.kind == "enum":
                    item = "Any"
            items_body = f"{ind}{_assign('items', f'page.{item_field.py_name}', ind)}\n{ind}return list(items) if isinstance(items, list) else []"
        next_name, items_name = f"next_link_{op.py_name}", f"items_{op.py_name}"
        return PagerView(
            next_link_name=next_name,
            items_name=items_name,
            next_link_signature=_def(next_name, [f"page: {page}"], "str | None"),
            items_signature=_def(items_name, [f"page: {page}"], f"list[{item}]"),
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


def _builder_doc(op: ir.Operation, body: ir.Parameter | None, host: tuple[ir.Parameter, ...]) -> str:
    lines = [sentence(op.description) or op.operation_id, "", f"`{op.method} {op.path}` ({op.operation_id})."]
    if op.long_running:
        lines.append("Long-running: see `responses.lro_poll_info`.")
    if op.pageable:
        lines.append("Pageable: see `responses.next_link_*` and `follow_link`.")
    if host or op.parameters:
        lines += ["", "Keyword arguments:"]
        for p in (*host, *op.parameters):
            desc = sentence(" ".join(p.description.split())) if p.description else ""
            if p.constant is not None:
                desc = f"{desc} Default: `{_constant_text(p.constant)}`.".lstrip()
            where = "host" if p in host else p.location
            lines.append(f"    {p.py_name} (`{p.wire_name}`, {where}): {desc}".rstrip().rstrip(":"))
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
    entry = INDENT  # a dict entry's indentation
    long_running = [
        entry + value(f"{literal(op.operation_id)}: ", (op.method, op.final_state_via), ",", indent=entry)
        for op in api.operations
        if op.long_running
    ]
    patterns = sorted(emitter.patterns.items(), key=lambda t: int(t[1].rsplit("_", 1)[1]))
    default_base_url = literal(api.scheme + "://" + api.host)
    poll_reader = _poll_error_reader(api, emitter)
    inner = _BODY + INDENT  # the statements of parse_poll_status that name the reader
    requests_text = render(
        "requests.py.jinja",
        builders=builders,
        operations=[entry + _entry(b.operation_id, b.name, entry) for b in builders],
        checkers=list(emitter.checkers.values()),
        shared_sets=[_shared_set(shared) for _, shared in sorted(emitter.shared.items())],
        patterns=[bracket(f"{name} = _Pattern(", [_concatenation(parts)]) for parts, name in patterns],
        parameterized_host=api.host_template is not None,
        base_url_check=_BODY + _Group("if ", ("base_url", f"== {default_base_url}"), ":", optional=True).lay(_BODY),
        exports=sorted(["API_VERSION", "OPERATIONS", "HttpRequest", "ParameterError", "follow_link"] + [b.name for b in builders], key=_export_key),
        **common,
    )
    responses_text = render(
        "responses.py.jinja",
        parsers=parsers,
        pagers=[p for _, p in pagers],
        pageable=[entry + value(f"{literal(op.operation_id)}: ", (op.next_link_name, op.item_name), ",", indent=entry) for op, _ in pagers],
        long_running=long_running,
        parser_table=[entry + _entry(p.operation_id, p.name, entry) for p in parsers],
        error_annotation=emitter.error_annotation(),
        poll_error_raise=inner + _Call("raise _error(", ("status_code", "headers", "body", poll_reader, '"polling"')).lay(inner),
        poll_reader=inner + _assign("reader: Callable[[Any], Any] | None", poll_reader, inner),
        exports=sorted(
            ["LONG_RUNNING", "PAGEABLE", "PARSERS", "Body", "Headers", "HttpResponseError", "PollInfo", "PollStatus", "lro_poll_info", "parse_poll_status", "retry_after_seconds"]
            + [p.name for p in parsers]
            + [n for _, p in pagers for n in (p.next_link_name, p.items_name)],
            key=_export_key,
        ),
        **common,
    )
    return {"requests.py": requests_text, "responses.py": responses_text}


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


def _poll_error_reader(api: ir.Api, emitter: RequestEmitter) -> str:
    refs = Counter(r for r in emitter.error_models.values() if r)
    if not refs:
        return "None"
    ref = min(refs, key=lambda r: (-refs[r], r))
    return f"_models.{api.model(ref).py_name}.from_dict"


def _export_key(name: str) -> tuple[int, str]:
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)
