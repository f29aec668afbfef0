"""Paths -> IR operations: their parameters (path-level ones overridden by the operation's), responses
and media types, and the x-ms-parameterized-host's parameters."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from generator import ir
from generator.errors import SpecError, join_pointer
from generator.ir import media, names
from generator.ir.type_builder import (
    TypeBuilder,
    client_name,
    stable_names,
    text_or_empty,
)
from generator.load.loader import Document
from generator.spec import Operation as SpecOperation
from generator.spec import SpecView

_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
_LOCATIONS = ("path", "query", "header", "body", "formData")
_COLLECTION_FORMATS = ("csv", "ssv", "tsv", "pipes", "multi")
# A header's name is an HTTP token (RFC 9110 5.1): anything else (a space, a CR LF) would be sent
# as written, or refused by the HTTP library at the first call.
_HTTP_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")


def response_headers(responses: list[ir.Response]) -> tuple[ir.Header, ...]:
    """Every header the responses declare, once (compared case-insensitively), named for the
    operation's typed headers; one declared with two types is read as text."""
    merged: dict[str, ir.Header] = {}
    for r in responses:
        for h in r.headers:
            key = h.wire_name.lower()
            seen = merged.get(key)
            if seen is None:
                merged[key] = h
            elif (seen.type, seen.collection_prefix) != (h.type, h.collection_prefix):
                merged[key] = replace(seen, type=ir.Type("string"), collection_prefix=None)
    ordered = sorted(merged.values(), key=lambda h: h.wire_name.lower())
    wanted = [(names.field_name(h.py_name or h.wire_name), h.py_name or h.wire_name, h.wire_name.lower()) for h in ordered]
    return tuple(replace(h, py_name=py) for h, py in zip(ordered, stable_names("field", wanted), strict=True))


def _param_order(p: ir.Parameter) -> tuple[int, int]:
    return (_LOCATIONS.index(p.location), 0 if p.required else 1)


def _next_operation(pageable: Any) -> str | None:
    """x-ms-pageable's operationName: the operation that gets the next pages."""
    name = pageable.get("operationName") if isinstance(pageable, dict) else None
    return name if isinstance(name, str) and name else None


class OperationBuilder(TypeBuilder):
    """Builds the operations (their parameter and response types through the type builder)."""

    @cached_property
    def view(self) -> SpecView:
        return SpecView(self.loader, self.root)

    def operations(self) -> list[ir.Operation]:
        """Every operation of `paths` and `x-ms-paths` (the spec view's), by operationId.

        Built in (section, path, method) order, not the spec's, so that anonymous models are named
        the same whatever order the spec lists its paths in."""
        ops: list[ir.Operation] = []
        seen_ids: dict[str, str] = {}
        global_consumes = self.media_types(self.root.data, "", ("application/json",))
        global_produces = self.media_types(self.root.data, "", (), "produces")  # none named: no Accept header
        for found in sorted(self.view.operations(), key=lambda o: (o.section, o.path, _METHODS.index(o.method) if o.method in _METHODS else len(_METHODS))):
            opointer = found.loc.pointer
            try:
                built = self.operation(found, global_consumes, global_produces)
            except SpecError as exc:
                self.problems.extend(exc.problems)
                continue
            if built.operation_id in seen_ids:
                self.problems.append(self.root.problem(join_pointer(opointer, "operationId"), f"duplicate operationId {built.operation_id!r} (also at {seen_ids[built.operation_id]})"))
                continue
            seen_ids[built.operation_id] = opointer
            ops.append(built)
        self.problems.extend(self.view.problems)  # what the view could not read: sections, items, parameters
        for op in ops:
            if op.next_operation is not None and op.next_operation not in seen_ids:
                where = join_pointer(seen_ids[op.operation_id], "x-ms-pageable", "operationName")
                self.problems.append(self.root.problem(where, f"operationName {op.next_operation!r} names no operation of this spec"))
        return sorted(ops, key=lambda o: o.operation_id)

    def operation(self, found: SpecOperation, consumes: tuple[str, ...], produces: tuple[str, ...]) -> ir.Operation:
        doc = self.root
        path, method, op, opointer = found.template, found.method, found.value, found.loc.pointer
        op_id = op.get("operationId")
        if not isinstance(op_id, str) or not op_id:
            raise SpecError([doc.problem(opointer, "operation has no operationId")])
        # Path-level parameters, overridden by operation-level ones with the same name and place.
        raw: dict[tuple[str, str], tuple[dict[str, Any], Document, str]] = {
            (p.where, p.name): (p.value, p.node.doc, p.node.pointer) for p in self.view.parameters(found)
        }
        placeholders = set(re.findall(r"{([^}]+)}", path))
        # The host's parameter, repeated on the operation, is filled by the host.
        kept = [key for key in raw if not (key[0] == "path" and key[1] in self.host_placeholders and key[1] not in placeholders)]
        if any(where == "body" for where, _ in kept) and any(where == "formData" for where, _ in kept):
            raise SpecError([doc.problem(opointer, "an operation has either a body parameter or formData parameters, not both")])
        # Keyword names (and inline types) are decided in (place, wire name) order, so that the
        # spec's order of parameters cannot swap them; the builder keeps the spec's order.
        named = [key for key in kept if key[0] != "body" and key != ("query", "api-version")]
        wanted = [client_name(raw[key][0]) or key[1] for key in named]
        py_names = dict(zip(named, stable_names("parameter", [(names.snake(w) or "param", w, f"{key[0]} {key[1]}") for w, key in zip(wanted, named, strict=True)]), strict=True))
        built = {}
        for where, wire in sorted(kept, key=lambda key: (_LOCATIONS.index(key[0]), key[1])):
            p, pdoc, ppointer = raw[(where, wire)]
            if where == "path" and wire not in placeholders:
                self.problems.append(pdoc.problem(ppointer, f"path parameter {wire!r} does not appear in {path!r}"))
            built[(where, wire)] = self.parameter(where, wire, p, pdoc, ppointer, op_id, py_names.get((where, wire), ""))
        params = [built[key] for key in kept]
        declared = {p.wire_name for p in params if p.location == "path"}
        for missing in sorted(placeholders - declared):
            self.problems.append(doc.problem(opointer, f"path placeholder {{{missing}}} has no path parameter"))
        params = self.grouped(params, raw, op_id)
        consumed = self.media_types(op, opointer, consumes)
        produced = self.media_types(op, opointer, produces, "produces")
        body_param = next((p for p in params if p.location == "body"), None)
        request_media = media.request_media(consumed, body_param, [p for p in params if p.location == "formData"])
        responses = []
        rnode = op.get("responses") or {}
        if not isinstance(rnode, dict):
            self.problems.append(doc.problem(join_pointer(opointer, "responses"), "responses must be an object (status code -> response)"))
            rnode = {}
        for status, resp in sorted(rnode.items()):
            rpointer = join_pointer(opointer, "responses", status)
            resp, rdoc, rpointer = self.deref(resp, doc, rpointer)
            if not isinstance(resp, dict):
                self.problems.append(doc.problem(rpointer, "a response must be an object"))
                continue
            body = None
            schema = resp.get("schema")
            reading, charset = media.response_media(schema, produced)
            if reading == "binary":
                body = ir.Type("any")  # the bytes themselves: no JSON type to build
            elif isinstance(schema, dict):
                body = self.type_of(schema, rdoc, join_pointer(rpointer, "schema"), names.pascal(op_id) + "Response" + status)
            header_specs = resp.get("headers") or {}
            if not isinstance(header_specs, dict):
                self.problems.append(rdoc.problem(join_pointer(rpointer, "headers"), "headers must be an object (name -> header)"))
                header_specs = {}
            headers = tuple(self.header(h, hs, rdoc, join_pointer(rpointer, "headers", h), op_id) for h, hs in sorted(header_specs.items()))
            error = resp.get("x-ms-error-response") is True
            responses.append(ir.Response(str(status), body, headers, text_or_empty(resp.get("description")), error, reading, charset))
        lro_options = op.get("x-ms-long-running-operation-options") or {}
        pageable = op.get("x-ms-pageable")
        return ir.Operation(
            operation_id=op_id,
            py_name=self.op_scope.add(names.snake(op_id) or "operation"),
            method=method.upper(),
            path=path,
            parameters=tuple(sorted(params, key=_param_order)),
            responses=tuple(responses),
            description=text_or_empty(op.get("description") or op.get("summary")),
            long_running=bool(op.get("x-ms-long-running-operation")),
            final_state_via=lro_options.get("final-state-via") if isinstance(lro_options, dict) else None,
            pageable=isinstance(pageable, dict),
            next_link_name=(pageable.get("nextLinkName", "nextLink") if isinstance(pageable, dict) else None),
            item_name=(pageable.get("itemName", "value") if isinstance(pageable, dict) else None),
            next_operation=_next_operation(pageable),
            consumes=consumed,
            produces=produced,
            source=f"{doc.display}#{opointer}",
            request_media=request_media,
            response_headers=response_headers(responses),
        )

    def header(self, wire: str, spec: Any, doc: Document, pointer: str, op_id: str) -> ir.Header:
        """A response header; `x-ms-header-collection-prefix` makes it every header with that prefix."""
        if not isinstance(spec, dict):
            self.problems.append(doc.problem(pointer, "a header must be an object"))
            spec = {}
        self.check_header_name(wire, doc, pointer, key=True)
        htype = self.inline_type(spec, doc, pointer, names.pascal(op_id) + names.pascal(wire) + "Header")
        prefix = self.collection_prefix(spec, doc, pointer)
        return ir.Header(wire, htype, client_name(spec) or "", prefix, text_or_empty(spec.get("description")))

    def check_header_name(self, wire: str, doc: Document, pointer: str, *, key: bool = False) -> None:
        if not _HTTP_TOKEN.fullmatch(wire):
            message = f"header name {wire!r} is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~)"
            self.problems.append(doc.problem(pointer, message, key=key))

    def collection_prefix(self, spec: dict[str, Any], doc: Document, pointer: str) -> str | None:
        """x-ms-header-collection-prefix: the header stands for every header named `<prefix><key>`."""
        prefix = spec.get("x-ms-header-collection-prefix")
        if prefix is not None and not (isinstance(prefix, str) and prefix):
            self.problems.append(doc.problem(join_pointer(pointer, "x-ms-header-collection-prefix"), "x-ms-header-collection-prefix must be a non-empty string"))
            return None
        return prefix

    def grouped(self, params: list[ir.Parameter], raw: dict[tuple[str, str], tuple[dict[str, Any], Document, str]], op_id: str) -> list[ir.Parameter]:
        """x-ms-parameter-grouping: the group each parameter belongs to, by the name its class
        will have (`name`, else the operation's name and `postfix`, else `...Parameters`); the
        classes themselves are made once every operation is built (see `arguments`)."""
        out = []
        for p in params:
            spec, pdoc, ppointer = raw[(p.location, p.wire_name)]
            grouping = spec.get("x-ms-parameter-grouping")
            if grouping is None:
                out.append(p)
                continue
            if not isinstance(grouping, dict):
                self.problems.append(pdoc.problem(join_pointer(ppointer, "x-ms-parameter-grouping"), "x-ms-parameter-grouping must be an object"))
                out.append(p)
                continue
            name, postfix = grouping.get("name"), grouping.get("postfix")
            if isinstance(name, str) and name:
                group = names.pascal(name)
            else:
                group = names.pascal(op_id) + (names.pascal(postfix) if isinstance(postfix, str) and postfix else "Parameters")
            out.append(replace(p, group=group or "Parameters"))
        return out

    def parameterized_host(self) -> tuple[str | None, tuple[ir.Parameter, ...], bool]:
        """x-ms-parameterized-host: the host template, its parameters, useSchemePrefix."""
        node = self.root.data.get("x-ms-parameterized-host")
        pointer = "/x-ms-parameterized-host"
        if node is None:
            return None, (), True
        template = node.get("hostTemplate") if isinstance(node, dict) else None
        if not isinstance(template, str) or not template:
            self.problems.append(self.root.problem(pointer, "x-ms-parameterized-host needs a hostTemplate string"))
            return None, (), True
        placeholders = set(re.findall(r"{([^}]+)}", template))
        self.host_placeholders = frozenset(placeholders)
        found = []
        raw = node.get("parameters") or []
        for i, p in enumerate(raw if isinstance(raw, list) else []):
            pnode, pdoc, ppointer = self.deref(p, self.root, join_pointer(pointer, "parameters", i))
            if not isinstance(pnode, dict) or not isinstance(pnode.get("name"), str) or pnode["name"] not in placeholders:
                self.problems.append(pdoc.problem(ppointer, f"a host parameter needs a 'name' that is a placeholder of {template!r}"))
                continue
            found.append((pnode, pdoc, ppointer))
        wanted = [(names.snake(client_name(pnode) or pnode["name"]) or "param", client_name(pnode) or pnode["name"], pnode["name"]) for pnode, _, _ in found]
        params = [
            replace(self.parameter("path", pnode["name"], pnode, pdoc, ppointer, "Host", py), required=True)
            for (pnode, pdoc, ppointer), py in zip(found, stable_names("parameter", wanted), strict=True)
        ]
        for missing in sorted(placeholders - {p.wire_name for p in params}):
            self.problems.append(self.root.problem(pointer, f"host placeholder {{{missing}}} has no parameter"))
        return template, tuple(params), node.get("useSchemePrefix", True) is not False

    def media_types(self, owner: dict[str, Any], pointer: str, default: tuple[str, ...], key: str = "consumes") -> tuple[str, ...]:
        """`consumes`/`produces`: a list of media types, else `default`."""
        value = owner.get(key)
        if not value:
            return default
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problems.append(self.root.problem(join_pointer(pointer, key), f"{key} must be a list of media types"))
            return default
        for i, media_type in enumerate(value):
            if not media.is_header_text(media_type):  # it goes out as a Content-Type or Accept header
                self.problems.append(self.root.problem(join_pointer(pointer, key, i), "a media type must be printable ASCII (it is sent as a header)"))
                return default
        return tuple(value)

    def parameter(self, where: str, wire: str, p: dict[str, Any], doc: Document, pointer: str, op_id: str, py: str) -> ir.Parameter:
        binary = False  # bodies and form fields may be files; other places take text
        if where in ("body", "formData"):
            binary = media.is_binary_schema(p.get("schema") if where == "body" else p.get("items") if p.get("type") == "array" else p)
        if binary:  # the bytes themselves: no JSON type to build (an array: one file per item)
            ptype = ir.Type("array", item=ir.Type("any")) if p.get("type") == "array" else ir.Type("any")
            py = "body" if where == "body" else py
        elif where == "body":
            schema = p.get("schema")
            ptype = self.type_of(schema, doc, join_pointer(pointer, "schema"), names.pascal(op_id) + "Body") if isinstance(schema, dict) else ir.Type("any")
            py = "body"
        else:
            ptype = self.inline_type(p, doc, pointer, names.pascal(op_id) + names.pascal(wire), "dotnet")
            if where == "query" and wire == "api-version":
                py = "api_version"  # ARM's protocol parameter: defaults to the spec's version
        constant = None
        if where != "body" and isinstance(p.get("enum"), list) and len(p["enum"]) == 1 and p.get("required"):
            constant = p["enum"][0]
        items = p.get("items")
        if where == "header":
            self.check_header_name(wire, doc, join_pointer(pointer, "name"))
        prefix = self.collection_prefix(p, doc, pointer) if where == "header" else None
        if prefix is not None:  # (Azure's specs declare such a header a string)
            ptype = ir.Type("map", item=ir.Type("string"))
        return ir.Parameter(
            py_name=py,
            wire_name=wire,
            location=where,  # type: ignore[arg-type]
            type=ptype,
            required=bool(p.get("required")) or where == "path",
            description=text_or_empty(p.get("description")),
            constant=constant,
            skip_url_encoding=bool(p.get("x-ms-skip-url-encoding")),
            source=f"{doc.display}#{pointer}",
            flatten=where == "body" and p.get("x-ms-client-flatten") is True,
            binary=binary,
            collection_format=self.collection_format(where, p, doc, pointer),
            nullable_items=isinstance(items, dict) and items.get("x-nullable") is True,
            default=self.client_default(p, doc, pointer, ptype),
            request_id=where == "header" and p.get("x-ms-client-request-id") is True,
            api_version=where == "query" and wire == "api-version" and p.get("x-ms-api-version") is not False,
            collection_prefix=prefix,
            secret=where != "body" and (bool(p.get("x-ms-secret")) or p.get("format") == "password"),
        )

    def collection_format(self, where: str, p: dict[str, Any], doc: Document, pointer: str) -> str:
        """How an array parameter is written: csv (the default), ssv, tsv, pipes, or multi (one
        `name=value` per item, query parameters only)."""
        value = p.get("collectionFormat", "csv")
        if value not in _COLLECTION_FORMATS:
            self.problems.append(doc.problem(join_pointer(pointer, "collectionFormat"), f"collectionFormat must be one of {', '.join(_COLLECTION_FORMATS)}"))
            return "csv"
        if value == "multi" and where not in ("query", "formData"):
            self.problems.append(doc.problem(join_pointer(pointer, "collectionFormat"), "collectionFormat 'multi' is for query and formData parameters only"))
            return "csv"
        return str(value)

    def client_default(self, p: dict[str, Any], doc: Document, pointer: str, ptype: ir.Type) -> Any:
        """x-ms-client-default: a scalar the builder sends when the caller gives no value."""
        if "x-ms-client-default" not in p:
            return None
        value = p["x-ms-client-default"]
        kind = ptype.kind
        if kind == "enum":
            enum = self.enums[ptype.ref or ""]
            fits = value in [m.value for m in enum.members] or (enum.extensible and _is_scalar(value, enum.value_kind))
        else:
            fits = _is_scalar(value, kind)
        if not fits:
            self.problems.append(doc.problem(join_pointer(pointer, "x-ms-client-default"), "x-ms-client-default must be a value of the parameter's type"))
            return None
        return value


def _is_scalar(value: Any, kind: str) -> bool:
    """Whether `value` is a JSON value of `kind` (True is no integer)."""
    if isinstance(value, bool):
        return kind == "boolean"
    if isinstance(value, int):
        return kind in ("integer", "number")
    if isinstance(value, float):
        return kind == "number"
    return isinstance(value, str) and kind == "string"
