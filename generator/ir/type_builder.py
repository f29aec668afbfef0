"""Schemas -> IR types: follows `$ref`s, discovers and names the definitions, and turns a schema
into an `ir.Type` (enums and inline objects it meets are named here, and queued for the model builder).

Swagger puts annotations beside a `$ref` that apply to that use only (`readOnly`,
`x-ms-client-flatten`, `description`): they are read from the referencing property.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator import ir
from generator.errors import Problem, SpecError, join_pointer, unescape_pointer_token
from generator.ir import names, polymorphism
from generator.ir.keywords import keyword_problem
from generator.load.loader import Document, Loader, Target
from generator.load.overlay import Overlay
from generator.validate import patterns

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
class TypeBuilder:
    """The state of one build, and schema -> type."""

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
    warnings: set[str] = field(default_factory=set)  # shown by the CLI; the run goes on
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
        made = self.spelled_type(node, doc, pointer, context, dialect)
        return replace(made, nullable=True) if self.nullable(node, doc, pointer) else made

    def nullable(self, node: Any, doc: Document, pointer: str) -> bool:
        """`x-nullable` beside the use (a `$ref`'s sibling), else on the schema it names."""
        if isinstance(node, dict) and "x-nullable" in node:
            flag = node["x-nullable"]
            if not isinstance(flag, bool):
                self.problems.append(doc.problem(join_pointer(pointer, "x-nullable"), f"x-nullable must be a boolean, not {type(flag).__name__}"))
            return flag is True
        target = self.deref(node, doc, pointer)[0] if isinstance(node, dict) and "$ref" in node else None
        return isinstance(target, dict) and target.get("x-nullable") is True

    def spelled_type(self, node: Any, doc: Document, pointer: str, context: str, dialect: patterns.Dialect) -> ir.Type:
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
        self.aliases[name] = ir.Alias(name, spelled, text_or_empty(schema.get("description")), f"{sdoc.display}#{spointer}")
        made = self.alias_types[key] = replace(spelled, alias=name)
        return made

    @staticmethod
    def is_named(schema: dict[str, Any]) -> bool:
        """Definitions that become classes: objects and enums; others are inlined. A schema that
        says nothing of its shape (`{}`, or a description only) is any JSON value, not an object."""
        if "enum" in schema:
            return True
        return schema.get("type") == "object" or "properties" in schema or "allOf" in schema or "discriminator" in schema

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
            kind = ir.FORMAT_KINDS.get((_primitive(stype), fmt or "")) or _primitive(stype)
            return ir.Type(kind, format=fmt, constraints=constraints + (("enum", tuple(values)),))
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
        formatted = ir.FORMAT_KINDS.get((stype or "", fmt or ""))  # a date, a duration, bytes...
        if formatted is not None:
            return ir.Type(formatted, format=fmt, constraints=constraints)
        if stype == "string":
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
        # The first kept value equal to each: JSON tells 1 from true, a Python Enum (and this
        # dict) does not. (Values kept that are equal are all booleans or all numbers.)
        first: dict[str | int | float | bool, str | int | float | bool] = {}
        for i, value in enumerate(values):
            if not isinstance(value, (str, int, float, bool)) or value is None:
                self.problems.append(doc.problem(join_pointer(pointer, "enum", i), "enum values must be strings or numbers"))
                continue
            clash = first.get(value, value)
            if isinstance(clash, bool) != isinstance(value, bool):
                self.problems.append(doc.problem(join_pointer(pointer, "enum", i), f"enum values {clash!r} and {value!r} are one member in a Python Enum"))
                continue
            first.setdefault(value, value)
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
            description=text_or_empty(schema.get("description")),
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


def client_name(schema: dict[str, Any]) -> str | None:
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


def text_or_empty(value: Any) -> str:
    return value if isinstance(value, str) else ""
