"""IR operations -> `requests.py` (request builders).

Every builder is specialised per operation here, in Python: the parameter checks and the URL
expression. The templates only stitch the prepared fragments.
Values from the spec reach the generated code only through `literal()` (black-quoted repr), `docstring()`
or identifiers the IR decided. A parameter's pattern is translated with .NET's meaning, as the
service reads it (Unicode `\\w`, `\\d`; see generator/validate/regex.py), so a check never
refuses a value the service takes; the IR has made sure it is valid and linear-time to match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from generator import ir
from generator.emit import bodies, flat_body
from generator.emit.annotations import SCALARS, or_none, py_type
from generator.emit.formats import codec
from generator.emit.model_conversions import ConversionEmitter
from generator.emit.request_host import (
    host_expression,
    host_url_function,
    split_template,
)
from generator.emit.statements import (
    BODY,
    Call,
    Group,
    assign,
    call_with_data,
    dict_entry,
    not_in,
    parameter_line,
)
from generator.emit.templates import render
from generator.emit.text import docstring, sentence
from generator.errors import Problem, SpecError
from generator.format.layout import INDENT, bracket, export_key, literal, value
from generator.ir import media
from generator.validate.regex import RegexTranslationError, SharedSet, translate_parts

# Characters kept as they are in the static parts of a path (RFC 3986 pchar plus "/").
_PATH_SAFE = "/-._~!$&'()*+,;=:@"
_QUERY_NAME_SAFE = "-._~!$'()*+,;:@/?"


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


def _text_converter(t: ir.Type) -> str:
    """The runtime helper that turns a parameter value into its wire text (after checking its type)."""
    return {
        "string": "_str",
        "integer": "_int",
        "number": "_num",
        "boolean": "_bool",
        "enum": "_enum",
        "array": "_csv",
    }.get(t.kind, "_json_text")


class RequestEmitter:
    def __init__(self, api: ir.Api) -> None:
        self.api = api
        self.patterns: dict[tuple[str | SharedSet, ...], str] = {}  # translated pattern -> constant name
        self.shared: dict[str, SharedSet] = {}  # constant name -> a large set the patterns share
        self.checkers: dict[tuple[str, tuple[tuple[str, Any], ...]], CheckerView] = {}
        self.as_codecs: set[str] = set()  # the `_as_<codec>` checks of formatted values used
        self.conversions = ConversionEmitter(api, qualify="_models.", request="True")  # body writers
        self.scalar_bodies = False  # a body is one checked value (`_string_body`, `_raw_body`)
        self.written_bodies = False  # a body of arrays or maps of formatted values (`_json_body`)
        self.next_operations = {op.next_operation for op in api.operations if op.next_operation}

    def text_converter(self, t: ir.Type) -> str:
        """The helper turning a parameter value into its wire text: a value of a format must be
        of its Python type (a date-time parameter also takes its text, as it always has)."""
        found = codec(t)
        if found is not None and found.name != "datetime":
            self.as_codecs.add(found.name)
            return f"_as_{found.name}"
        return "_datetime" if found is not None else _text_converter(t)

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

    def encoder(self, p: ir.Parameter, op: ir.Operation) -> str:
        """The runtime helper that turns checked wire text into what its location takes."""
        if p in self.api.host_parameters:
            return "_raw_host" if p.skip_url_encoding else "_host_segment"
        if p.location == "path" and p.skip_url_encoding:
            # A next operation's link, at the very end of its path, is sent as the service gave
            # it, query included (`next?page=2`); any other value may not leave the path.
            link = op.operation_id in self.next_operations and p.wire_name.lower() == "nextlink"
            return "_raw_tail" if link and op.path.endswith("{" + p.wire_name + "}") else "_raw_segment"
        if p.location == "path":
            return "_segment"
        if p.location == "query":
            return "_raw_query" if p.skip_url_encoding else "_query_value"
        if p.location == "formData":
            return "_form_text"  # encoded with the whole form
        return "_header_value"

    def checker(self, p: ir.Parameter, op: ir.Operation) -> str:
        """A module-level function checking a string parameter (type, then the spec's
        constraints) and returning its encoded text; parameters checked alike share one. Its
        results are remembered (bounded), so a value seen before costs one dict lookup."""
        key = (self.encoder(p, op), p.type.constraints)
        if key not in self.checkers:
            i = len(self.checkers)
            ind = BODY
            lines = [
                f"{ind}if value.__class__ is not str:",
                f'{ind}{INDENT}raise _wrong_type(value, python_name, parameter, "a string")',
            ]
            lines += self.constraint_checks(p, op, "value", ["python_name", "parameter"], ind, length="len")
            encode = Call(f"{self.encoder(p, op)}(", ("value", "python_name", "parameter")).flat()
            lines.append(ind + Call("return _remember(", (f"_CACHE_{i}", "value", encode)).lay(ind))
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
            chain = (f"{v}.__class__ is _builtins.str", f"and {cache}.get({v})", Call(f"or {check}(", (v, *labels)))
            if required:
                return [ind + Group(f"_e_{v} = ", chain, optional=True).lay(ind)]
            optional = ("None", f"if {v} is None", Group("else ", chain))
            return [ind + Group(f"_e_{v} = ", optional, optional=True).lay(ind)]
        inner = ind if required else ind + INDENT
        lines = [inner + Call(f"_t_{v} = {self.text_converter(p.type)}(", (v, *labels)).lay(inner)]
        lines += self.constraint_checks(p, op, v, labels, inner)
        lines.append(inner + Call(f"_e_{v} = {self.encoder(p, op)}(", (f"_t_{v}", *labels)).lay(inner))
        if required:
            return lines
        return [f"{ind}if {v} is None:", f"{inner}_e_{v} = None", f"{ind}else:", *lines]

    def constraint_checks(self, p: ir.Parameter, op: ir.Operation, v: str, labels: list[str], ind: str, length: str = "_builtins.len") -> list[str]:
        """Statements (indented by `ind`) raising ParameterError where `v` breaks a constraint.

        In a builder, `v` is a parameter, which may be called `len`: builtins are reached as
        `_builtins.len` there (`length` is plain `len` in the checkers, whose names are fixed)."""
        c = dict(p.type.constraints)
        lines: list[str] = []
        inner = ind + INDENT

        def check(test: str, error: str, *args: str) -> None:
            lines.extend([f"{ind}if {test}:", inner + Call(f"raise {error}(", (*labels, *args)).lay(inner)])

        kind = p.type.kind
        if kind == "string":
            low, high = c.get("minLength"), c.get("maxLength")
            if isinstance(low, int) and isinstance(high, int):
                check(f"not {low} <= {length}({v}) <= {high}", "_length", str(low), str(high))
            elif isinstance(low, int) and low > 0:
                check(f"{length}({v}) < {low}", "_length", str(low), "None")
            elif isinstance(high, int):
                check(f"{length}({v}) > {high}", "_length", "None", str(high))
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
                check(f"{length}({v}) < {low}", "_items", str(low), "None")
            if isinstance(high, int):
                check(f"{length}({v}) > {high}", "_items", "None", str(high))
        if kind == "enum":
            target = self.api.enum(p.type.ref or "")
            if not target.extensible:  # modelAsString false: only the listed values
                allowed = tuple(_constant_text(m.value) for m in target.members)
                lines += [ind + not_in(f"_t_{v}", allowed, ind)]
                lines += [inner + call_with_data("raise _not_allowed(", labels, list(allowed), inner)]
        enum = c.get("enum")
        if isinstance(enum, tuple) and kind in ("string", "integer", "number", "boolean"):
            lines += [ind + not_in(v, enum, ind)]
            lines += [inner + call_with_data("raise _not_allowed(", labels, list(enum), inner)]
        return lines

    def builder(self, op: ir.Operation) -> BuilderView:
        api = self.api
        own = {p.py_name for p in op.parameters}
        choice = {"content_type"} if bodies.chooses(op) else set()
        clash = own & ({"headers"} | choice | ({p.py_name for p in api.host_parameters} if api.host_template else {"base_url"}))
        if clash:
            raise _problem(op.source, f"parameter name(s) {sorted(clash)} clash with the request builder's own keyword arguments")
        signature_required: list[tuple[str, str, str]] = []  # name, annotation, " = default" or ""
        signature_optional: list[tuple[str, str, str]] = []
        ind = BODY
        lines: list[str] = []
        for p in api.host_parameters if api.host_template else ():
            signature_required.append((p.py_name, py_type(api, p.type, qualify="_models.", argument=True), ""))
            lines += self.encoded(p, op, ind, required=True)
        body_param: ir.Parameter | None = None
        form: list[ir.Parameter] = []
        path_values: dict[str, str] = {}
        query_required: list[str] = []
        query_optional: list[tuple[str, str]] = []
        header_lines: list[str] = []
        for p in op.parameters:
            if p.location == "body":
                body_param = p
                continue
            if p.location == "formData":
                form.append(p)
            annotation = bodies.file_annotation(p) if p.binary else py_type(api, p.type, qualify="_models.", argument=True)
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
                signature_optional.append((p.py_name, or_none(annotation), " = None"))
            if p.binary:
                continue  # a file: its bytes go into the form as they are
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
            elif p.location == "header":
                target = f"_h[{literal(p.wire_name)}]"
                if given:
                    header_lines.append(ind + assign(target, expr, ind))
                else:
                    header_lines += [f"{ind}if {expr} is not None:", ind + INDENT + assign(target, expr, ind + INDENT)]
        # The URL: the static text of the path (percent-encoded where needed) and the segments.
        url_parts = [host_expression(api) if api.host_template else "_base(base_url)"]
        path = api.base_path.rstrip("/") + op.path
        for i, chunk in enumerate(split_template(path)):
            if i % 2 == 0:
                if chunk:
                    url_parts.append(literal(quote(chunk, safe=_PATH_SAFE)))
            else:
                if chunk not in path_values:
                    raise _problem(op.source, f"path placeholder {{{chunk}}} has no path parameter")
                url_parts.append(path_values[chunk])
        url = (url_parts[0], *[f"+ {part}" for part in url_parts[1:]])
        lines.append(ind + Group("_url = ", url, optional=True).lay(ind))
        if query_required or query_optional:
            lines.append(ind + bracket("_query = [", query_required, indent=ind, closer="]"))
            for var, entry in query_optional:
                lines += [f"{ind}if {var} is not None:", ind + INDENT + Call("_query.append(", (entry,)).lay(ind + INDENT)]
            if any(self.encoder(p, op) == "_raw_tail" for p in op.parameters):
                lines.append(f'{ind}_url += ("&" if "?" in _url else "?") + "&".join(_query)')
            else:
                lines.append(f'{ind}_url += "?" + "&".join(_query)')
        accept = media.accept(op.produces)
        lines.append(ind + value("_h: _HeaderDict = ", {"Accept": accept} if accept else {}, indent=ind))
        lines += header_lines
        data = "None"
        if body_param is not None and body_param.members:  # x-ms-client-flatten: made from its fields
            member_required, member_optional = flat_body.signature(api, body_param)
            signature_required += member_required
            signature_optional += member_optional
            lines += flat_body.statements(api, body_param, ind)
            labels = [literal(body_param.py_name), literal(body_param.wire_name)]
            encode = Call("_model_body(", (flat_body.BODY_VAR, f"_models.{api.model(body_param.type.ref or '').py_name}", *labels))
            made = encode.head if body_param.required else f"None if {flat_body.BODY_VAR} is _UNSET else {encode.head}"
            lines.append(ind + Call(f"_data = {made}", encode.args).lay(ind))
            lines += bodies.content_type_lines(op, body_param, ind)
            data = "_data"
        elif body_param is not None:
            annotation = bodies.annotation(self, body_param, op.request_media)
            if body_param.required:
                signature_required.append((body_param.py_name, annotation, ""))
            else:
                signature_optional.append((body_param.py_name, or_none(annotation), " = None"))
            lines += bodies.body_statements(self, op, body_param, ind)
            data = "_data"
        elif form:
            lines += bodies.form_statements(op, form, ind)
            data = "_data"
        if choice:
            signature_optional.append(("content_type", "str | None", " = None"))
        lines += [
            f"{ind}if headers:",
            f"{ind}{INDENT}_merge_headers(_h, headers)",
            ind + Call("return HttpRequest(", (literal(op.method), "_url", "_h", data)).lay(ind),
        ]
        signature = tuple(
            ind + parameter_line(name, annotation, default, ind)
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
            docstring=docstring(_builder_doc(op, body_param, api.host_parameters if api.host_template else ()), len(BODY)),
            signature=signature,
            body="\n".join(lines),
        )


def _problem(source: str, message: str) -> SpecError:
    """An error about the spec at `source` (`file#pointer`), as the other stages report them."""
    file, _, pointer = source.partition("#")
    return SpecError([Problem(file, pointer or None, message)])


def _constant_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)




def _builder_doc(op: ir.Operation, body: ir.Parameter | None, host: tuple[ir.Parameter, ...]) -> str:
    lines = [sentence(op.description) or op.operation_id, "", f"`{op.method} {op.path}` ({op.operation_id})."]
    if op.long_running:
        lines.append(f"Long-running: see `responses.lro_poll_info`, `lro_poll_update` and `lro_result_{op.py_name}`.")
    if op.pageable:
        lines.append("Pageable: see `responses.next_link_*` and `follow_link`.")
    if host or op.parameters:
        lines += ["", "Keyword arguments:"]
        for p in (*host, *op.parameters):
            if p.members:  # a flattened body: its fields are the arguments
                for m in p.members:
                    desc = sentence(" ".join(m.description.split())) if m.description else ""
                    lines.append(f"    {m.py_name} (`{'/'.join(m.wire_path)}`, body): {desc}".rstrip().rstrip(":"))
                continue
            desc = sentence(" ".join(p.description.split())) if p.description else ""
            if p.constant is not None:
                desc = f"{desc} Default: `{_constant_text(p.constant)}`.".lstrip()
            where = "host" if p in host else "file" if p.binary and p.location == "formData" else p.location
            lines.append(f"    {p.py_name} (`{p.wire_name}`, {where}): {desc}".rstrip().rstrip(":"))
        if bodies.chooses(op):
            named = ", ".join(f"`{m.name}`" for m in op.request_media)
            lines.append(f"    content_type: the body's media type, one of {named} (the first when None).")
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
    kinds = _kinds([p.type for op in api.operations for p in op.parameters] + [p.type for p in api.host_parameters])
    entry = INDENT  # a dict entry's indentation
    patterns = sorted(emitter.patterns.items(), key=lambda t: int(t[1].rsplit("_", 1)[1]))
    default_base_url = literal(api.scheme + "://" + api.host)
    host_url = host_url_function(emitter) if api.host_template else ""
    text = render(
        "requests.py.jinja",
        builders=builders,
        uses_builtins=any("_builtins." in text for text in [host_url, *(b.body for b in builders)]),
        uses_models=any("_models." in text for text in [host_url, *(t for b in builders for t in (b.body, *b.signature))]),
        operations=[entry + dict_entry(b.operation_id, b.name, entry) for b in builders],
        checkers=list(emitter.checkers.values()),
        shared_sets=[_shared_set(shared) for _, shared in sorted(emitter.shared.items())],
        patterns=[bracket(f"{name} = _Pattern(", [_concatenation(parts)]) for parts, name in patterns],
        parameterized_host=api.host_template is not None,
        uses_unset=any("_UNSET" in b.body for b in builders),  # flattened bodies
        uses_unset_type=any("_Unset" in b.body for b in builders),
        as_codecs=emitter.as_codecs,
        scalar_bodies=emitter.scalar_bodies,
        written_bodies=emitter.written_bodies,
        # (`_as_decimal` writes the Decimal's own text; `_datetime` and `_plain` write date-times)
        runtime_imports=sorted(emitter.conversions.used | {f"_write_{c}" for c in emitter.as_codecs - {"decimal"}} | {"_write_datetime"}),
        datetime_names=sorted(["datetime", *(SCALARS[k] for k in ("date", "time", "duration") if k in kinds)]),
        type_kinds=kinds,
        host_url=host_url,
        raw_tail=any(emitter.encoder(p, op) == "_raw_tail" for op in api.operations for p in op.parameters),
        base_url_check=BODY + Group("if ", ("base_url", f"== {default_base_url}"), ":", optional=True).lay(BODY),
        exports=sorted(
            ["API_VERSION", "OPERATIONS", "HttpRequest", "ParameterError", "follow_link"] + (["host_url"] if api.host_template else []) + [b.name for b in builders],
            key=export_key,
        ),
        **bodies.helpers(api),
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
