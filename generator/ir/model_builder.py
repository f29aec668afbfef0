"""Definitions and inline objects -> IR models: allOf parents merged in (the first one is a model's
`base` when its fields come first unchanged), fields with their secrets and flattened accessors.
Every definition and inline object is built once, however often it is used, so the output grows
with the spec."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from generator import ir
from generator.errors import SpecError, join_pointer
from generator.ir import names, polymorphism
from generator.ir.type_builder import (
    MAX_NAME_BYTES,
    DefKey,
    TypeBuilder,
    client_name,
    stable_names,
    text_or_empty,
)
from generator.load.loader import Document

#: The most definitions a model's allOf may reach, transitively: each model holds its ancestors'
#: fields, so a chain of n costs n^2 fields (without this, 400 deep took 25 s and 800 deep went
#: past Python's stack).
MAX_ALL_OF_ANCESTORS = 128
#: The longest chain of x-ms-client-flatten a flattened accessor stands for. Flattening is
#: transitive: a chain of n makes n^2 accessors (300 deep wrote 73 MB in 2 GB of memory).
MAX_FLATTEN_DEPTH = 4  # Azure's specs go 2 deep, the AutoRest test server 3


class ModelBuilder(TypeBuilder):
    """Builds the models and enums the types refer to, until none is left."""

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
        # allOf parents first, then the schema's own properties (they win on a clash).
        parts = self.all_of_chain(schema, doc, pointer)
        for part, pdoc, ppointer in parts:
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
        wanted = [client_name(props[wire][0]) or wire for wire in valid]
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
            description=text_or_empty(schema.get("description")),
            source=f"{doc.display}#{pointer}",
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
            if len(seen) > MAX_ALL_OF_ANCESTORS:  # every model holds its ancestors' fields: n^2 of them
                message = f"allOf reaches more than {MAX_ALL_OF_ANCESTORS} definitions: each model holds its ancestors' fields"
                self.problems.append(doc.problem(join_pointer(pointer, "allOf"), message))
                return [(schema, doc, pointer)]
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
        """Whether values of schema `node` are secrets: `x-ms-secret` (or Swagger's own hint,
        `format: password`) on it, on a definition a `$ref` leads to (`"Password": {"type":
        "string", "x-ms-secret": true}`), or on its array items or map values, at any depth. A
        model holding a secret property is not itself one."""
        todo = [(node, doc, pointer)]
        seen: set[tuple[Path, str]] = set()
        while todo:
            node, doc, pointer = todo.pop()
            if not isinstance(node, dict) or (doc.path, pointer) in seen:
                continue
            seen.add((doc.path, pointer))
            if node.get("x-ms-secret") or node.get("format") == "password":
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
        return ir.Field(
            py_name=py,
            wire_name=wire,
            type=ftype,
            required=required,
            read_only=bool(prop.get("readOnly") or (isinstance(target, dict) and target.get("readOnly") and "$ref" not in prop)),
            secret=secret,
            flatten=bool(prop.get("x-ms-client-flatten")) and ftype.kind == "model",
            description=text_or_empty(prop.get("description") or (target.get("description") if isinstance(target, dict) else "")),
            source=f"{doc.display}#{pointer}",
        )

    # -- flattening ---------------------------------------------------------------------------

    def add_flattened(self) -> None:
        """`x-ms-client-flatten`: the inner model's fields become accessors on the outer one, and
        so do the inner model's own flattened accessors (flattening is transitive)."""
        done: dict[str, tuple[ir.FlattenedField, ...]] = {}
        for name in sorted(self.models):
            self.flattened_of(name, done, frozenset())
        for name, flat in done.items():
            if flat:
                self.models[name] = replace(self.models[name], flattened=flat)

    def flattened_of(self, name: str, done: dict[str, tuple[ir.FlattenedField, ...]], outer: frozenset[str]) -> tuple[ir.FlattenedField, ...]:
        """Model `name`'s flattened accessors (memoised in `done`); a model that flattens
        itself, directly or not, stops the walk (`outer`: the models the walk is inside)."""
        if name in done:
            return done[name]
        if name in outer:
            return ()
        model = self.models[name]
        # (outer field, the inner name it reaches, its type, field path, wire path)
        pairs: list[tuple[ir.Field, str, ir.Type, tuple[str, ...], tuple[str, ...]]] = []
        for f in model.fields:
            if not (f.flatten and f.type.ref in self.models):
                continue
            inner = self.models[f.type.ref or ""]
            pairs += [(f, g.py_name, g.type, (f.py_name, g.py_name), (f.wire_name, g.wire_name)) for g in inner.fields]
            for deeper in self.flattened_of(inner.name, done, outer | {name}):
                if len(deeper.path) >= MAX_FLATTEN_DEPTH:  # (still reachable through `f`)
                    where = f"{model.source}/properties/{f.wire_name}"
                    self.warnings.add(f"{where}: x-ms-client-flatten goes more than {MAX_FLATTEN_DEPTH} levels deep; accessors stop there")
                    self.notes.add(f"x-ms-client-flatten chains get accessors {MAX_FLATTEN_DEPTH} levels deep at most")
                    continue
                pairs.append((f, deeper.py_name, deeper.type, (f.py_name, *deeper.path), (f.wire_name, *deeper.wire_path)))
        # Named in wire-path order (which accessor gets the `<via>_` prefix does not follow the
        # spec's order of properties), listed in the spec's order.
        scope = names.Scope("field", {f.py_name for f in model.fields})
        named: dict[tuple[str, ...], str] = {}
        for f, target, _, path, _ in sorted(pairs, key=lambda pair: pair[4]):
            named[path] = scope.add(target if target not in scope else f"{f.py_name}_{target}")
        flat = tuple(ir.FlattenedField(named[path], f.py_name, target, t, path, wire) for f, target, t, path, wire in pairs)
        done[name] = flat
        return flat
