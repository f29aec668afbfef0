"""Stage 2: Swagger 2.0 (after `$ref` resolution) -> IR, with every Python name decided here.

Definitions are discovered by following references from the operations and from the root file's
definitions, across files. A definition that is an object becomes a model (its `allOf` parents
merged in; the first one is its `base` when its fields come first unchanged), one with `enum`
becomes an enum, anything else (a string alias, an array, a map) an alias that its uses name.
Every definition and inline object is built once, however often it is used, so the output grows
with the spec. Swagger puts annotations beside a `$ref` that apply to that use only (`readOnly`,
`x-ms-client-flatten`, `description`): they are read from the referencing property.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from generator import ir
from generator.errors import Problem, SpecError, join_pointer, unescape_pointer_token
from generator.ir import names, polymorphism
from generator.ir.keywords import keyword_problem
from generator.load.loader import Document, Loader, Target, default_root
from generator.load.overlay import Overlay
from generator.spec import Operation as SpecOperation
from generator.spec import SpecView
from generator.validate import patterns

_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
_DEFINITION = re.compile(r"^/definitions/([^/]+)$")
_CONSTRAINTS = (
    "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
    "maxProperties",
)
MAX_NESTING = 32  # arrays, maps and inline objects inside each other (Python's parser allows 200 brackets)
MAX_NAME_BYTES = 200  # a definition's class name, which also names its schema file (255 at most)
_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}

DefKey = tuple[Path, str]  # (document path, definition name)


@dataclass
class _Builder:
    loader: Loader
    root: Document
    overlay: Overlay
    problems: list[Problem] = field(default_factory=list)
    # Discovery results.
    definitions: dict[DefKey, Target] = field(default_factory=dict)
    class_names: dict[DefKey, str] = field(default_factory=dict)
    # Build results.
    models: dict[str, ir.Model] = field(default_factory=dict)
    enums: dict[str, ir.Enum] = field(default_factory=dict)
    overlay_used: set[tuple[str, str]] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)
    pending: list[DefKey] = field(default_factory=list)  # definitions still to build
    named: bool = False  # class names assigned (a definition reached later is named when reached)
    hierarchy: dict[str, polymorphism.Declared] = field(default_factory=dict)  # class name -> allOf/discriminator
    host_placeholders: frozenset[str] = frozenset()  # x-ms-parameterized-host's {names}
    anonymous: dict[tuple[Path, str], str] = field(default_factory=dict)  # inline object schema -> model
    expanding: set[DefKey] = field(default_factory=set)  # inlined definitions being built (cycles)
    depth: int = 0  # nesting of inlined schemas being built
    alias_types: dict[DefKey, ir.Type] = field(default_factory=dict)  # definitions that are not classes, as used
    parents: dict[str, list[str]] = field(default_factory=dict)  # model -> the definitions its allOf names
    aliases: dict[str, ir.Alias] = field(default_factory=dict)
    pending_anonymous: list[tuple[str, dict[str, Any], Document, str]] = field(default_factory=list)  # inline objects still to build
    scope: names.Scope = field(default_factory=lambda: names.Scope("class"))  # class names
    op_scope: names.Scope = field(default_factory=lambda: names.Scope("operation"))  # operation names

    # -- references ---------------------------------------------------------------------------

    def deref(self, node: Any, doc: Document, pointer: str) -> tuple[Any, Document, str]:
        """The schema a node stands for: follows `$ref` (and refs to refs)."""
        if isinstance(node, dict) and "$ref" in node:
            target = self.loader.resolve(node["$ref"], doc, join_pointer(pointer, "$ref"))
            return target.value, target.doc, target.pointer
        return node, doc, pointer

    def definition_key(self, node: Any, doc: Document, pointer: str) -> DefKey | None:
        """If `node` is a `$ref` landing on a definition, its key."""
        if not (isinstance(node, dict) and "$ref" in node):
            return None
        target = self.loader.resolve(node["$ref"], doc, join_pointer(pointer, "$ref"))
        m = _DEFINITION.match(target.pointer)
        if not m:
            return None
        key = (target.doc.path, unescape_pointer_token(m.group(1)))
        self.definitions.setdefault(key, target)
        if self.named and key not in self.class_names:  # first reached by the build, not by discovery
            self.class_names[key] = self.scope.add(names.pascal(key[1]) or "Model")
        return key

    # -- discovery ----------------------------------------------------------------------------

    def discover(self, roots: list[tuple[Any, Document, str]]) -> None:
        """Find every definition reachable from `roots`, iteratively (no recursion limit)."""
        todo = list(roots)
        seen: set[tuple[Path, str]] = set()
        while todo:
            node, doc, pointer = todo.pop()
            if (doc.path, pointer) in seen:
                continue
            seen.add((doc.path, pointer))
            if isinstance(node, dict):
                if "$ref" in node:
                    try:
                        target = self.loader.resolve(node["$ref"], doc, join_pointer(pointer, "$ref"))
                    except SpecError as exc:
                        self.problems.extend(exc.problems)  # its siblings are still walked
                    else:
                        self.definition_key(node, doc, pointer)
                        todo.append((target.value, target.doc, target.pointer))
                for k, v in node.items():
                    if k in ("x-ms-examples", "example", "examples", "enum", "x-ms-enum"):
                        continue
                    if isinstance(v, (dict, list)):
                        todo.append((v, doc, join_pointer(pointer, k)))
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    if isinstance(v, (dict, list)):
                        todo.append((v, doc, join_pointer(pointer, i)))

    def assign_names(self) -> None:
        """Class names: the definition name; on a clash, the root file keeps it, others are
        qualified by their file's folder and stem (`V3TypesResource`), deterministically."""
        by_name: dict[str, list[DefKey]] = {}
        for key in self.definitions:
            by_name.setdefault(names.pascal(key[1]) or "Model", []).append(key)
        scope = self.scope
        for name in sorted(by_name):
            keys = sorted(by_name[name], key=lambda k: (k[0] != self.root.path, str(k[0])))
            for i, key in enumerate(keys):
                if i == 0:
                    self.class_names[key] = scope.add(name)
                else:
                    rel = key[0].relative_to(self.loader.root).with_suffix("")
                    prefix = "".join(names.pascal(p) for p in rel.parts[-2:])
                    self.class_names[key] = scope.add(prefix + name)
        self.named = True

    # -- types --------------------------------------------------------------------------------

    def type_of(self, node: Any, doc: Document, pointer: str, context: str, dialect: patterns.Dialect = "ecma") -> ir.Type:
        """The IR type of a schema (a property, item, parameter or response schema); `dialect`
        is how its `pattern` is read (.NET for a parameter's, see `inline_type`)."""
        key = self.definition_key(node, doc, pointer)
        schema, sdoc, spointer = self.deref(node, doc, pointer)
        if not isinstance(schema, dict):
            self.problems.append(sdoc.problem(spointer, "a schema must be an object"))
            return ir.Type("any")
        if key is not None and self.is_named(schema):
            # Built later from the work list: a long chain of references must not recurse.
            self.pending.append(key)
            return ir.Type("enum" if "enum" in schema else "model", ref=self.class_names[key])
        # Spelled out here: arrays and maps nest in the generated annotations (and in this
        # recursion), so their depth is bounded, and a definition met again inside itself is a
        # type no finite annotation can spell. A definition is spelled out once (an alias); its
        # uses share it and the emitters refer to it by name.
        if key is not None and dialect != "ecma":
            key = None  # (a parameter's items read with .NET patterns: spelled out where used)
        made = self.alias_types.get(key) if key is not None else None
        if made is not None:
            if self.depth + _levels(made) > MAX_NESTING:
                self.problems.append(doc.problem(pointer, f"schema nested more than {MAX_NESTING} levels deep (arrays, maps)"))
                return ir.Type("any")
            return made
        if key is not None and key in self.expanding:
            self.problems.append(doc.problem(pointer, f"definition {key[1]!r} contains itself through arrays or maps only; put an object definition on the way"))
            return ir.Type("any")
        if self.depth >= MAX_NESTING:
            self.problems.append(doc.problem(pointer, f"schema nested more than {MAX_NESTING} levels deep (arrays, maps)"))
            return ir.Type("any")
        self.depth += 1
        if key is None:
            try:
                return self.inline_type(schema, sdoc, spointer, context, dialect)
            finally:
                self.depth -= 1
        self.expanding.add(key)
        try:
            spelled = self.inline_type(schema, sdoc, spointer, self.class_names[key])
        finally:
            self.depth -= 1
            self.expanding.discard(key)
        name = self.class_names[key]
        self.aliases[name] = ir.Alias(name, spelled, _text(schema.get("description")), f"{sdoc.display}#{spointer}")
        made = self.alias_types[key] = replace(spelled, alias=name)
        return made

    @staticmethod
    def is_named(schema: dict[str, Any]) -> bool:
        """Definitions that become classes: objects and enums; others are inlined."""
        if "enum" in schema:
            return True
        return schema.get("type") == "object" or "properties" in schema or "allOf" in schema or (
            "type" not in schema and "additionalProperties" not in schema and "items" not in schema
        )

    def inline_type(self, schema: dict[str, Any], doc: Document, pointer: str, context: str, dialect: patterns.Dialect = "ecma") -> ir.Type:
        """`dialect`: how a `pattern` here is read. Schemas follow ECMA-262 (JSON Schema); the
        request builders check a parameter's as the service does, with .NET's meaning."""
        constraints = self.constraints(schema, doc, pointer, dialect)
        stype = schema.get("type")
        if stype is not None and not isinstance(stype, str):
            self.problems.append(doc.problem(join_pointer(pointer, "type"), f"type must be a string, not {type(stype).__name__}"))
            stype = None
        fmt = schema.get("format") if isinstance(schema.get("format"), str) else None
        if "enum" in schema:
            xms = schema.get("x-ms-enum")
            enum_name = xms.get("name") if isinstance(xms, dict) else None
            if isinstance(enum_name, str) and enum_name:
                return ir.Type("enum", ref=self.inline_enum(enum_name, schema, doc, pointer))
            values = schema["enum"]
            problem = keyword_problem("enum", values)
            if problem is not None:
                self.problems.append(doc.problem(join_pointer(pointer, "enum"), problem))
                return ir.Type("any")
            return ir.Type(_primitive(stype), format=fmt, constraints=constraints + (("enum", tuple(values)),))
        if stype == "array" or "items" in schema:
            items = schema.get("items")
            if not isinstance(items, dict):
                self.problems.append(doc.problem(pointer, "an array schema needs 'items' (a schema object)"))
                return ir.Type("array", item=ir.Type("any"), constraints=constraints)
            item = self.type_of(items, doc, join_pointer(pointer, "items"), context + "Item", dialect)
            return ir.Type("array", item=item, constraints=constraints)
        if stype == "object" or "properties" in schema or "allOf" in schema or "additionalProperties" in schema:
            if schema.get("properties") or schema.get("allOf"):
                return ir.Type("model", ref=self.anonymous_model(schema, doc, pointer, context))
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                item = self.type_of(extra, doc, join_pointer(pointer, "additionalProperties"), context + "Value")
                return ir.Type("map", item=item, constraints=constraints)
            return ir.Type("map", item=ir.Type("any"), constraints=constraints)
        if stype == "string":
            if fmt == "date-time":
                return ir.Type("datetime", format=fmt, constraints=constraints)
            return ir.Type("string", format=fmt, constraints=constraints)
        if stype == "integer":
            low, high = _INT_RANGES.get(fmt or "", (None, None))
            if low is not None:
                merged = dict(constraints)
                merged.setdefault("minimum", low)
                merged.setdefault("maximum", high)
                constraints = tuple(sorted(merged.items()))
            return ir.Type("integer", format=fmt, constraints=constraints)
        if stype == "number":
            return ir.Type("number", format=fmt, constraints=constraints)
        if stype == "boolean":
            return ir.Type("boolean")
        if stype is None:
            return ir.Type("any")
        if stype == "file":
            self.notes.add("binary ('file') payloads are passed through as bytes")
            return ir.Type("any")
        self.problems.append(doc.problem(join_pointer(pointer, "type"), f"unknown type {stype!r}"))
        return ir.Type("any")

    def constraints(self, schema: dict[str, Any], doc: Document, pointer: str, dialect: patterns.Dialect) -> tuple[tuple[str, Any], ...]:
        out = []
        for k in _CONSTRAINTS:
            if k not in schema or (k == "pattern" and not isinstance(schema[k], str)):  # check_pattern says why
                continue
            problem = keyword_problem(k, schema[k])
            if problem is None:
                out.append((k, schema[k]))
            else:
                self.problems.append(doc.problem(join_pointer(pointer, k), problem))
        if "pattern" in schema:
            self.check_pattern(schema["pattern"], doc, join_pointer(pointer, "pattern"), dialect)
        return tuple(out)

    def check_pattern(self, pattern: Any, doc: Document, pointer: str, dialect: patterns.Dialect) -> None:
        """A pattern the generated code can run: valid in its dialect, and linear-time to match
        (validators and builders run it on untrusted input)."""
        if not isinstance(pattern, str):
            self.problems.append(doc.problem(pointer, "pattern must be a string"))
            return
        why = patterns.invalid(pattern, dialect) or patterns.slow(pattern, dialect)
        if why is not None:
            self.problems.append(doc.problem(pointer, why))

    # -- named things -------------------------------------------------------------------------

    def build_definition(self, key: DefKey) -> None:
        name = self.class_names[key]
        if name in self.models or name in self.enums:
            return
        target = self.definitions[key]
        schema = target.value
        if len(name.encode("utf-8")) > MAX_NAME_BYTES:  # it names a file: schemas/<name>.json
            self.problems.append(target.doc.problem(target.pointer, f"definition name too long: {name[:40]}... is {len(name)} characters (at most {MAX_NAME_BYTES} bytes)", key=True))
            return
        if "enum" in schema:
            self.enums[name] = self.make_enum(name, schema, target.doc, target.pointer, definition=True)
        else:
            self.models[name] = self.make_model(name, key[1], schema, target.doc, target.pointer, definition=True)

    def inline_enum(self, enum_name: str, schema: dict[str, Any], doc: Document, pointer: str) -> str:
        made = self.make_enum(names.pascal(enum_name) or "Enum", schema, doc, pointer, definition=False)
        existing = self.enums.get(made.name)
        if existing is not None and (existing.members, existing.extensible) == (made.members, made.extensible):
            return existing.name
        name = self.scope.add(made.name)
        self.enums[name] = replace(made, name=name, py_name=name)
        return name

    def make_enum(self, name: str, schema: dict[str, Any], doc: Document, pointer: str, *, definition: bool) -> ir.Enum:
        xms: dict[str, Any] = schema["x-ms-enum"] if isinstance(schema.get("x-ms-enum"), dict) else {}
        values = schema.get("enum")
        if not isinstance(values, list) or not values:
            self.problems.append(doc.problem(join_pointer(pointer, "enum"), "enum must be a non-empty list"))
            values = []
        descriptions = {}
        member_names = {}
        listed = xms.get("values")
        for v in listed if isinstance(listed, list) else []:
            if isinstance(v, dict) and "value" in v:
                try:
                    descriptions[v["value"]] = str(v.get("description") or "")
                    if isinstance(v.get("name"), str):
                        member_names[v["value"]] = v["name"]
                except TypeError:  # an unhashable value: reported below
                    pass
        kept: list[tuple[str | int | float | bool, str]] = []  # (value, label)
        for i, value in enumerate(values):
            if not isinstance(value, (str, int, float, bool)) or value is None:
                self.problems.append(doc.problem(join_pointer(pointer, "enum", i), "enum values must be strings or numbers"))
                continue
            clash = next((v for v, _ in kept if v == value and isinstance(v, bool) != isinstance(value, bool)), None)
            if clash is not None:  # JSON tells 1 from true; a Python Enum (and dict) does not
                self.problems.append(doc.problem(join_pointer(pointer, "enum", i), f"enum values {clash!r} and {value!r} are one member in a Python Enum"))
                continue
            kept.append((value, member_names.get(value, str(value))))
        # Member names in an order the spec's order of values cannot change (see stable_names).
        member_py = stable_names("enum_member", [(names.enum_member_name(label), label, repr(value)) for value, label in kept])
        members = [ir.EnumMember(py, value, descriptions.get(value, "")) for (value, _), py in zip(kept, member_py, strict=True)]
        return ir.Enum(
            name=name,
            py_name=name,
            members=tuple(members),
            extensible=bool(xms.get("modelAsString", False)),
            value_kind=_enum_kind(schema.get("type"), [value for value, _ in kept]),
            description=_text(schema.get("description")),
            source=f"{doc.display}#{pointer}",
            definition=definition,
            secret=bool(schema.get("x-ms-secret")),
        )

    def anonymous_model(self, schema: dict[str, Any], doc: Document, pointer: str, context: str) -> str:
        """One model per inline object schema, however often it is reached (the items of an
        array definition are reached at every use of it)."""
        made = self.anonymous.get((doc.path, pointer))
        if made is not None:
            return made
        name = self.scope.add(names.pascal(context) or "Model")
        self.anonymous[(doc.path, pointer)] = name
        self.notes.add(f"anonymous object schemas became models (e.g. {name})")
        # Built later from the work list, as definitions are: inline objects chained through
        # array definitions must not recurse.
        self.pending_anonymous.append((name, schema, doc, pointer))
        return name

    def build_pending(self) -> None:
        """Build the definitions and inline objects the types built so far refer to, until none is left."""
        while self.pending or self.pending_anonymous:
            try:
                if self.pending_anonymous:
                    name, schema, doc, pointer = self.pending_anonymous.pop()
                    self.models[name] = self.make_model(name, name, schema, doc, pointer, definition=False)
                else:
                    self.build_definition(self.pending.pop())
            except SpecError as exc:
                self.problems.extend(exc.problems)

    def make_model(self, name: str, def_name: str, schema: dict[str, Any], doc: Document, pointer: str, *, definition: bool) -> ir.Model:
        props: dict[str, tuple[Any, Document, str]] = {}
        required: set[str] = set()
        azure_resource = bool(schema.get("x-ms-azure-resource"))
        # allOf parents first, then the schema's own properties (they win on a clash).
        parts = self.all_of_chain(schema, doc, pointer)
        for part, pdoc, ppointer in parts:
            azure_resource = azure_resource or bool(part.get("x-ms-azure-resource"))
            own = part.get("properties") or {}
            if not isinstance(own, dict):
                self.problems.append(pdoc.problem(join_pointer(ppointer, "properties"), "properties must be an object (name -> schema)"))
                own = {}
            for wire, prop in own.items():
                props[wire] = (prop, pdoc, join_pointer(ppointer, "properties", wire))
            req = part.get("required") or []
            if isinstance(req, list):
                required.update(r for r in req if isinstance(r, str))
        valid = []
        for wire, (prop, pdoc, ppointer) in props.items():
            if isinstance(prop, dict):
                valid.append(wire)
            else:
                self.problems.append(pdoc.problem(ppointer, "a property schema must be an object"))
        # Names (and the anonymous models fields make) are decided in wire-name order, so that
        # reordering the spec's properties cannot swap two attributes' suffixes.
        wanted = [_client_name(props[wire][0]) or wire for wire in valid]
        py_names = dict(zip(valid, stable_names("field", [(names.field_name(w), w, wire) for w, wire in zip(wanted, valid, strict=True)]), strict=True))
        built: dict[str, ir.Field] = {}
        for wire in sorted(valid):
            prop, pdoc, ppointer = props[wire]
            try:
                built[wire] = self.make_field(def_name, wire, prop, pdoc, ppointer, wire in required, py_names[wire])
            except SpecError as exc:
                self.problems.extend(exc.problems)
        fields = [built[wire] for wire in valid if wire in built]
        for r in sorted(required - set(props)):
            self.problems.append(doc.problem(join_pointer(pointer, "required"), f"required property {r!r} is not defined"))
        declared = self.declared_inheritance(def_name, schema, doc, pointer)
        self.parents[name] = list(declared.parents)
        if definition:
            self.hierarchy[name] = declared
        additional = None
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            additional = self.type_of(extra, doc, join_pointer(pointer, "additionalProperties"), name + "Value")
        secret = bool(schema.get("x-ms-secret"))
        if secret:  # the whole model is a secret: so is each of its fields
            fields = [replace(f, secret=True) for f in fields]
        return ir.Model(
            name=name,
            py_name=name,
            fields=tuple(fields),
            flattened=(),
            additional=additional,
            description=_text(schema.get("description")),
            source=f"{doc.display}#{pointer}",
            azure_resource=azure_resource,
            definition=definition,
            secret=secret,
        )

    def declared_inheritance(self, def_name: str, schema: dict[str, Any], doc: Document, pointer: str) -> polymorphism.Declared:
        """What a definition says about its place in a hierarchy: its `discriminator`, its
        `x-ms-discriminator-value` (default: its name) and the definitions its allOf names."""
        parents = []
        all_of = schema.get("allOf")
        for i, part in enumerate(all_of if isinstance(all_of, list) else []):
            try:
                key = self.definition_key(part, doc, join_pointer(pointer, "allOf", i))
            except SpecError:
                continue  # reported where allOf is merged
            if key is not None:
                parents.append(self.class_names[key])
        disc = schema.get("discriminator")
        value = schema.get("x-ms-discriminator-value")
        return polymorphism.Declared(
            discriminator=disc if isinstance(disc, str) and disc else None,
            value=value if isinstance(value, str) and value else def_name,
            parents=tuple(parents),
            source=f"{doc.display}#{pointer}",
        )

    def assign_bases(self) -> None:
        """A model's base: its first allOf parent whose fields (and flattened accessors) are its
        own first ones, unchanged, with no typed additionalProperties on either side (in JSON
        Schema the parent's would judge the child's own properties). Polymorphic models keep
        their fields written out: a base's schema dispatches to its subtypes'."""
        for name in sorted(self.models):
            model = self.models[name]
            parents = self.parents.get(name, [])
            base = self.models.get(parents[0]) if parents else None
            if base is None or model.parent is not None or base.discriminator is not None or base.subtypes:
                continue
            if base.additional is not None or model.additional is not None:
                continue
            if model.fields[: len(base.fields)] != base.fields or model.flattened[: len(base.flattened)] != base.flattened:
                continue
            chain: set[str] = {name}
            up: ir.Model | None = base
            while up is not None and up.name not in chain:  # allOf cycles: no base
                chain.add(up.name)
                up = self.models.get(up.base) if up.base else None
            if up is None:
                self.models[name] = replace(model, base=base.name)

    def all_of_chain(self, schema: dict[str, Any], doc: Document, pointer: str) -> list[tuple[dict[str, Any], Document, str]]:
        """The schema's allOf parents (depth first, each once) followed by the schema itself."""
        out: list[tuple[dict[str, Any], Document, str]] = []
        seen: set[tuple[Path, str]] = set()
        # Iterative post-order: (node, doc, pointer, expanded?)
        stack: list[tuple[dict[str, Any], Document, str, bool]] = [(schema, doc, pointer, False)]
        while stack:
            node, ndoc, npointer, expanded = stack.pop()
            if expanded:
                out.append((node, ndoc, npointer))
                continue
            if (ndoc.path, npointer) in seen:
                continue
            seen.add((ndoc.path, npointer))
            stack.append((node, ndoc, npointer, True))
            parents = node.get("allOf") or []
            if not isinstance(parents, list):
                self.problems.append(ndoc.problem(join_pointer(npointer, "allOf"), "allOf must be a list"))
                continue
            for i in reversed(range(len(parents))):
                try:
                    pnode, pdoc, ppointer = self.deref(parents[i], ndoc, join_pointer(npointer, "allOf", i))
                except SpecError as exc:
                    self.problems.extend(exc.problems)
                    continue
                if not isinstance(pnode, dict):
                    self.problems.append(ndoc.problem(join_pointer(npointer, "allOf", i), "allOf items must be schemas"))
                    continue
                stack.append((pnode, pdoc, ppointer, False))
        return out

    def holds_secret(self, node: Any, doc: Document, pointer: str) -> bool:
        """Whether values of schema `node` are secrets: `x-ms-secret` on it, on a definition a
        `$ref` leads to (`"Password": {"type": "string", "x-ms-secret": true}`), or on its array
        items or map values, at any depth. A model holding a secret property is not itself one."""
        todo = [(node, doc, pointer)]
        seen: set[tuple[Path, str]] = set()
        while todo:
            node, doc, pointer = todo.pop()
            if not isinstance(node, dict) or (doc.path, pointer) in seen:
                continue
            seen.add((doc.path, pointer))
            if node.get("x-ms-secret"):
                return True
            if "$ref" in node:
                try:
                    target = self.loader.resolve(node["$ref"], doc, join_pointer(pointer, "$ref"))
                except SpecError:
                    continue  # reported where the type is built
                todo.append((target.value, target.doc, target.pointer))
            for key in ("items", "additionalProperties"):
                todo.append((node.get(key), doc, join_pointer(pointer, key)))
        return False

    def make_field(self, def_name: str, wire: str, prop: dict[str, Any], doc: Document, pointer: str, required: bool, py: str) -> ir.Field:
        ftype = self.type_of(prop, doc, pointer, def_name + names.pascal(wire))
        target = self.deref(prop, doc, pointer)[0]
        secret = self.holds_secret(prop, doc, pointer) or (def_name, wire) in self.overlay.secrets
        if (def_name, wire) in self.overlay.secrets:
            self.overlay_used.add((def_name, wire))
        mutability = prop.get("x-ms-mutability")
        identifiers = prop.get("x-ms-identifiers")
        return ir.Field(
            py_name=py,
            wire_name=wire,
            type=ftype,
            required=required,
            read_only=bool(prop.get("readOnly") or (isinstance(target, dict) and target.get("readOnly") and "$ref" not in prop)),
            secret=secret,
            flatten=bool(prop.get("x-ms-client-flatten")) and ftype.kind == "model",
            description=_text(prop.get("description") or (target.get("description") if isinstance(target, dict) else "")),
            mutability=tuple(m for m in mutability if isinstance(m, str)) if isinstance(mutability, list) else (),
            identifiers=tuple(i for i in identifiers if isinstance(i, str)) if isinstance(identifiers, list) else None,
            default=prop.get("default"),
            source=f"{doc.display}#{pointer}",
        )

    # -- flattening ---------------------------------------------------------------------------

    def add_flattened(self) -> None:
        """`x-ms-client-flatten`: the inner model's fields become accessors on the outer one."""
        for name, model in list(self.models.items()):
            taken = {f.py_name for f in model.fields}
            scope = names.Scope("field", taken)
            pairs = [(f, inner) for f in model.fields if f.flatten and f.type.ref in self.models for inner in self.models[f.type.ref].fields]
            # Named in wire-name order (which accessor gets the `<via>_` prefix does not follow
            # the spec's order of properties), listed in the spec's order.
            named: dict[tuple[str, str], str] = {}
            for f, inner in sorted(pairs, key=lambda pair: (pair[0].wire_name, pair[1].wire_name)):
                py = inner.py_name if inner.py_name not in scope else f"{f.py_name}_{inner.py_name}"
                named[(f.py_name, inner.py_name)] = scope.add(py)
            flat = [ir.FlattenedField(named[(f.py_name, inner.py_name)], f.py_name, inner.py_name, inner.type) for f, inner in pairs]
            if flat:
                self.models[name] = replace(model, flattened=tuple(flat))

    # -- operations ---------------------------------------------------------------------------

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
        global_produces = self.media_types(self.root.data, "", ("application/json",), "produces")
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
        if any(where == "formData" for where, _ in raw):
            self.notes.add("formData parameters are not supported and were left out")
        placeholders = set(re.findall(r"{([^}]+)}", path))
        # The host's parameter, repeated on the operation, is filled by the host.
        kept = [key for key in raw if key[0] != "formData" and not (key[0] == "path" and key[1] in self.host_placeholders and key[1] not in placeholders)]
        # Keyword names (and inline types) are decided in (place, wire name) order, so that the
        # spec's order of parameters cannot swap them; the builder keeps the spec's order.
        named = [key for key in kept if key[0] != "body" and key != ("query", "api-version")]
        wanted = [_client_name(raw[key][0]) or key[1] for key in named]
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
            if isinstance(resp.get("schema"), dict):
                body = self.type_of(resp["schema"], rdoc, join_pointer(rpointer, "schema"), names.pascal(op_id) + "Response" + status)
            header_specs = resp.get("headers") or {}
            if not isinstance(header_specs, dict):
                self.problems.append(rdoc.problem(join_pointer(rpointer, "headers"), "headers must be an object (name -> header)"))
                header_specs = {}
            headers = tuple(
                ir.Header(h, self.inline_type(hs if isinstance(hs, dict) else {}, rdoc, join_pointer(rpointer, "headers", h), "Header"))
                for h, hs in sorted(header_specs.items())
            )
            error = resp.get("x-ms-error-response") is True
            responses.append(ir.Response(str(status), body, headers, _text(resp.get("description")), error))
        lro_options = op.get("x-ms-long-running-operation-options") or {}
        pageable = op.get("x-ms-pageable")
        return ir.Operation(
            operation_id=op_id,
            py_name=self.op_scope.add(names.snake(op_id) or "operation"),
            method=method.upper(),
            path=path,
            parameters=tuple(sorted(params, key=_param_order)),
            responses=tuple(responses),
            description=_text(op.get("description") or op.get("summary")),
            long_running=bool(op.get("x-ms-long-running-operation")),
            final_state_via=lro_options.get("final-state-via") if isinstance(lro_options, dict) else None,
            pageable=isinstance(pageable, dict),
            next_link_name=(pageable.get("nextLinkName", "nextLink") if isinstance(pageable, dict) else None),
            item_name=(pageable.get("itemName", "value") if isinstance(pageable, dict) else None),
            consumes=self.media_types(op, opointer, consumes),
            produces=self.media_types(op, opointer, produces, "produces"),
            source=f"{doc.display}#{opointer}",
        )

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
        wanted = [(names.snake(_client_name(pnode) or pnode["name"]) or "param", _client_name(pnode) or pnode["name"], pnode["name"]) for pnode, _, _ in found]
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
        return tuple(value)

    def parameter(self, where: str, wire: str, p: dict[str, Any], doc: Document, pointer: str, op_id: str, py: str) -> ir.Parameter:
        if where == "body":
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
        return ir.Parameter(
            py_name=py,
            wire_name=wire,
            location=where,  # type: ignore[arg-type]
            type=ptype,
            required=bool(p.get("required")) or where == "path",
            description=_text(p.get("description")),
            client=p.get("x-ms-parameter-location") == "client",
            constant=constant,
            skip_url_encoding=bool(p.get("x-ms-skip-url-encoding")),
            source=f"{doc.display}#{pointer}",
        )


_LOCATIONS = ("path", "query", "header", "body")


def _param_order(p: ir.Parameter) -> tuple[int, int]:
    return (_LOCATIONS.index(p.location), 0 if p.required else 1)


def _client_name(schema: dict[str, Any]) -> str | None:
    name = schema.get("x-ms-client-name")
    return name if isinstance(name, str) and name else None


def stable_names(context: str, wanted: list[tuple[str, str, str]]) -> list[str]:
    """Unique names for `wanted` (candidate, the text it came from, a unique sort key), in its
    order. A candidate that is its text (`foo_bar` from `foo_bar`), then one that is its text but
    for case (`A_B` from `a_b`), keeps the plain name over one derived from other text (`fooBar`,
    `a-b`); other ties go by text and key. That order, not the spec's, decides who gets the
    `_2`, so reordering the spec renames nothing."""

    def rank(i: int) -> tuple[int, str, str]:
        candidate, text, key = wanted[i]
        return (0 if candidate == text else 1 if candidate.casefold() == text.casefold() else 2, text, key)

    scope = names.Scope(context)
    out: dict[int, str] = {}
    for i in sorted(range(len(wanted)), key=rank):
        out[i] = scope.add(wanted[i][0])
    return [out[i] for i in range(len(wanted))]


def _levels(t: ir.Type) -> int:
    """How deep arrays and maps nest in `t` (a model or enum ends the count: it is a name)."""
    return 1 + _levels(t.item) if t.item is not None and t.kind in ("array", "map") else 1


def _primitive(stype: Any) -> ir.Kind:
    if not isinstance(stype, str):
        return "string"
    return {"integer": "integer", "number": "number", "boolean": "boolean"}.get(stype, "string")  # type: ignore[return-value]


def _enum_kind(stype: Any, values: list[Any]) -> ir.Kind:
    """The JSON type of an enum's values: its `type`, else what its values have in common
    ("any" when they are of several: the schema then says no type, as the spec did)."""
    if stype in ("string", "integer", "number", "boolean"):
        return stype  # type: ignore[no-any-return]
    if stype is not None:
        return "string"
    if all(isinstance(v, str) for v in values):
        return "string"
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "number"
    return "any"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def build(spec: Path, *, root: Path | None = None, overlay: Overlay | None = None) -> tuple[ir.Api, list[str]]:
    """Load `spec` and build the IR. Raises `SpecError` with every problem found.

    Returns the IR and warnings (things that are not errors but a user should see).
    """
    loader = Loader(root if root is not None else default_root(spec))
    doc = loader.document(spec)
    data = doc.data
    if not isinstance(data, dict) or data.get("swagger") != "2.0":
        raise SpecError([doc.problem("", "not a Swagger 2.0 document (expected \"swagger\": \"2.0\")")])
    info: dict[str, Any] = data["info"] if isinstance(data.get("info"), dict) else {}
    version = info.get("version")
    problems: list[Problem] = []
    if not isinstance(version, str) or not version:
        problems.append(doc.problem("/info", "info.version (the api-version) is missing"))
        version = ""
    b = _Builder(loader, doc, overlay or Overlay())
    roots: list[tuple[Any, Document, str]] = [(data.get(section) or {}, doc, "/" + section) for section in ("paths", "x-ms-paths")]
    definitions = data.get("definitions") or {}
    if not isinstance(definitions, dict):
        raise SpecError([doc.problem("/definitions", "definitions must be an object")])
    for name, schema in definitions.items():
        pointer = join_pointer("/definitions", name)
        b.definitions.setdefault((doc.path, name), Target(doc, pointer, schema))
        roots.append((schema, doc, pointer))
    b.discover(roots)
    b.assign_names()
    host_template, host_parameters, use_scheme_prefix = b.parameterized_host()
    b.pending = [k for k in sorted(b.definitions, key=lambda k: b.class_names[k]) if isinstance(b.definitions[k].value, dict) and b.is_named(b.definitions[k].value)]
    operations = b.operations()
    b.build_pending()
    b.add_flattened()
    b.models, hierarchy_problems = polymorphism.resolve(b.models, b.hierarchy)
    b.problems.extend(hierarchy_problems)
    b.assign_bases()
    problems.extend(b.problems)
    if problems:
        raise SpecError(problems)
    warnings = [
        f"{b.overlay.display}: secret {d}.{p} matches nothing in {doc.display}"
        for d, p in sorted(b.overlay.secrets - b.overlay_used)
    ]
    schemes = data.get("schemes")
    if not isinstance(schemes, list) or not schemes:
        schemes = ["https"]
    api = ir.Api(
        title=_text(info.get("title")),
        api_version=version,
        host=_text(data.get("host")) or "management.azure.com",
        scheme="https" if "https" in schemes else str(schemes[0]),
        base_path=_text(data.get("basePath")),
        spec_display=doc.path.relative_to(loader.root).as_posix(),
        spec_sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        models=tuple(sorted(b.models.values(), key=lambda m: m.py_name)),
        enums=tuple(sorted(b.enums.values(), key=lambda e: e.py_name)),
        aliases=tuple(sorted(b.aliases.values(), key=lambda a: a.name)),
        operations=tuple(operations),
        host_template=host_template,
        host_parameters=host_parameters,
        use_scheme_prefix=use_scheme_prefix,
        notes=tuple(sorted(b.notes)),
        documents=tuple(loader.paths_opened()),
    )
    return api, warnings
