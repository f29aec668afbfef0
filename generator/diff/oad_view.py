"""The document oad compares, built the way oad builds it, with every node's origin.

oad (Azure/openapi-diff) does not compare the spec files themselves. AutoRest first merges a spec
and everything its `$ref`s reach into one document: definitions, parameters and responses of
other files are copied into the document's own sections and the references point there; the
document's `consumes`/`produces` move into each operation that has none. oad then "resolves" that
document: `x-ms-paths` join `paths`, path-level parameters are appended to each operation, each
definition's `allOf` parents lend it their properties and `required` names, and a boolean
`additionalProperties` becomes `{}` (true) or disappears (false). Its findings name places in that
merged document, mapped back to the original files through AutoRest's source map.

`View` rebuilds that document as a tree (no node shared, as oad's C# model sees it) and records
for each node the file and JSON Pointer it came from, so a finding's place can be mapped back
the same way. `complete()` walks a comparison path through the tree as oad does (a `$ref` met
on the way is followed; a parameter is found by its own `name` member, so one that is a `$ref`
is not found and the place stays at the list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.diff.types import Location
from generator.errors import join_pointer, unescape_pointer_token
from generator.load.loader import Document, Loader

SECTIONS = ("definitions", "parameters", "responses")
_SECTION_ITEM = re.compile(r"^/(definitions|parameters|responses)/([^/]+)$")
_DATA_ONLY = ("x-ms-examples", "example", "examples")  # copied as they are, never followed
_PLACEHOLDER = re.compile(r"\{\w*\}")

Step = tuple[str, str]  # ("prop", name) | ("item", parameter name) | ("path", openapi path)
Origin = tuple[Document, str]


def openapi_path_name(path: str) -> str:
    """A path with its placeholder names erased, as oad matches paths (`{\\w*}` only)."""
    return _PLACEHOLDER.sub("{}", path)


@dataclass(frozen=True)
class Place:
    """Where a comparison path ends: the node's path in the merged tree, and its origin."""

    tree_path: tuple[str, ...]
    location: Location | None


class View:
    def __init__(self, loader: Loader, spec: Path) -> None:
        self.loader = loader
        self.main = loader.document(spec)
        self.origin: dict[int, Origin] = {}
        self._pulled: dict[tuple[str, str], tuple[Path, str]] = {}
        self.root: dict[str, Any] = self._compose()
        self._resolve()

    # -- AutoRest's merge -------------------------------------------------------------------------

    def _copy(self, value: Any, doc: Document, pointer: str, follow: bool = True) -> Any:
        """A copy of `value` (found in `doc` at `pointer`) with references made local."""
        if isinstance(value, dict):
            out: dict[str, Any] = {}
            for key, item in value.items():
                child = join_pointer(pointer, key)
                if key == "$ref" and follow and isinstance(item, str):
                    out[key] = self._local_ref(item, doc, child)
                else:
                    out[key] = self._copy(item, doc, child, follow and key not in _DATA_ONLY)
            self.origin[id(out)] = (doc, pointer)
            return out
        if isinstance(value, list):
            items = [self._copy(item, doc, join_pointer(pointer, i), follow) for i, item in enumerate(value)]
            self.origin[id(items)] = (doc, pointer)
            return items
        return value

    def _local_ref(self, ref: str, doc: Document, pointer: str) -> str:
        target = self.loader.resolve_step(ref, doc, pointer)
        m = _SECTION_ITEM.match(target.pointer)
        if m is None:
            return ref  # a reference into the middle of something: left as it is
        section, name = m.group(1), unescape_pointer_token(m.group(2))
        if target.doc is not self.main and (section, name) not in self._pulled:
            self._pulled[(section, name)] = (target.doc.path, target.pointer)
            self._queue.append((section, name, target.doc, target.pointer))
        return f"#/{section}/{m.group(2)}"

    def _compose(self) -> dict[str, Any]:
        self._queue: list[tuple[str, str, Document, str]] = []
        data = self.main.data if isinstance(self.main.data, dict) else {}
        for section in SECTIONS:  # the main file's own items win over pulled ones of that name
            for name in _dict(data.get(section)):
                self._pulled[(section, name)] = (self.main.path, join_pointer("/" + section, name))
        root = self._copy(data, self.main, "")
        assert isinstance(root, dict)
        while True:
            while self._queue:
                section, name, doc, pointer = self._queue.pop(0)
                if not isinstance(root.get(section), dict):
                    root[section] = {}  # not a section in the main file: AutoRest makes one
                root[section][name] = self._copy(doc.get(pointer), doc, pointer)
            if not self._pull_subtypes(root):
                break
        self._move_media_types(root)
        return root

    def _pull_subtypes(self, root: dict[str, Any]) -> bool:
        """AutoRest also brings in the definitions of a loaded file that extend (`allOf`) one it
        brought in: they may be polymorphic children. True when one was added."""
        included = {origin for (section, _), origin in self._pulled.items() if section == "definitions"}
        added = False
        for doc in list(self.loader.documents.values()):
            defs = doc.data.get("definitions") if isinstance(doc.data, dict) else None
            if doc is self.main or not isinstance(defs, dict):
                continue
            for name, schema in defs.items():
                if ("definitions", name) in self._pulled or not isinstance(schema, dict) or not isinstance(schema.get("allOf"), list):
                    continue
                pointer = join_pointer("/definitions", name)
                for i, part in enumerate(schema["allOf"]):
                    ref = part.get("$ref") if isinstance(part, dict) else None
                    if isinstance(ref, str):
                        t = self.loader.resolve_step(ref, doc, join_pointer(pointer, "allOf", i, "$ref"))
                        if (t.doc.path, t.pointer) in included:
                            self._pulled[("definitions", name)] = (doc.path, pointer)
                            self._queue.append(("definitions", name, doc, pointer))
                            added = True
                            break
        return added

    def _move_media_types(self, root: dict[str, Any]) -> None:
        """The document's `consumes`/`produces` go into each operation that has none."""
        lists = {key: root.pop(key) for key in ("produces", "consumes") if isinstance(root.get(key), list)}
        for item in _dict(root.get("paths")).values():
            for method, op in _dict(item).items():
                if method == "parameters" or not isinstance(op, dict):
                    continue
                for key, value in lists.items():
                    if key not in op:
                        op[key] = self._clone(value)

    # -- oad's resolveSwagger ---------------------------------------------------------------------

    def _clone(self, value: Any) -> Any:
        """A deep copy that keeps each node's origin (oad's C# model sees copies as distinct)."""
        if isinstance(value, dict):
            out = {k: self._clone(v) for k, v in value.items()}
        elif isinstance(value, list):
            out = [self._clone(v) for v in value]  # type: ignore[assignment]
        else:
            return value
        if id(value) in self.origin:
            self.origin[id(out)] = self.origin[id(value)]
        return out

    def _resolve(self) -> None:
        root = self.root
        paths = root.setdefault("paths", {}) if isinstance(root.get("paths", {}), dict) else {}
        xms = root.pop("x-ms-paths", None)
        if isinstance(xms, dict):
            paths.update(xms)
        for item in paths.values():
            if not isinstance(item, dict) or not isinstance(item.get("parameters"), list):
                continue
            shared = item.pop("parameters")
            for op in item.values():
                if isinstance(op, dict):
                    own: list[Any] = op["parameters"] if isinstance(op.get("parameters"), list) else []
                    keys = {_param_key(p) for p in own}
                    own.extend(self._clone(p) for p in shared if _param_key(p) not in keys)
                    op["parameters"] = own
        defs = _dict(root.get("definitions"))
        for schema in defs.values():
            if isinstance(schema, dict) and "allOf" in schema:
                self._expand_all_of(schema, [])
        for item in paths.values():
            for op in _dict(item).values():
                if isinstance(op, dict):
                    for p in _list(op.get("parameters")):
                        if isinstance(p, dict) and isinstance(p.get("schema"), dict):
                            _additional_properties(p["schema"])
                    for r in _dict(op.get("responses")).values():
                        if isinstance(r, dict) and isinstance(r.get("schema"), dict):
                            _additional_properties(r["schema"])
        for schema in defs.values():
            if isinstance(schema, dict):
                _additional_properties(schema)
        for p in _dict(root.get("parameters")).values():
            if isinstance(p, dict) and isinstance(p.get("schema"), dict):
                _additional_properties(p["schema"])

    def _expand_all_of(self, schema: dict[str, Any], chain: list[int]) -> None:
        """A definition lends its `allOf` parents' properties and required names (parents first)."""
        if id(schema) in chain or not isinstance(schema.get("allOf"), list):
            return
        props: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
        for part in schema["allOf"]:
            parent = self.deref(part.get("$ref")) if isinstance(part, dict) and "$ref" in part else part
            if not isinstance(parent, dict):
                continue
            self._expand_all_of(parent, chain + [id(schema)])
            for key, prop in _dict(parent.get("properties")).items():
                if key not in props:
                    props[key] = self._clone(prop)
            if isinstance(parent.get("required"), list):
                required: list[Any] = schema["required"] if isinstance(schema.get("required"), list) else []
                required.extend(r for r in parent["required"] if r not in required)
                schema["required"] = required
        schema["properties"] = props

    # -- reading the tree -------------------------------------------------------------------------

    def deref(self, ref: Any) -> Any:
        """The node a local `#/section/name` reference names (following alias definitions)."""
        seen = 0
        while isinstance(ref, str) and seen < 40:
            seen += 1
            parts = ref.split("/")
            if len(parts) != 3 or parts[0] != "#":
                return None
            node = _dict(self.root.get(parts[1])).get(unescape_pointer_token(parts[2]))
            if isinstance(node, dict) and isinstance(node.get("$ref"), str) and parts[1] == "definitions":
                ref = node["$ref"]
                continue
            return node
        return None

    def complete(self, steps: tuple[Step, ...], *, keep_missing: bool) -> Place:
        """Walk `steps` as oad's ObjectPath.CompletePath does; the place is the last node found
        (or, with `keep_missing`, the last step even when it is missing: no place then)."""
        node: Any = self.root
        path: tuple[str, ...] = ()
        found: tuple[Any, tuple[str, ...]] = (node, path)
        for kind, value in steps:
            name = _step_name(node, kind, value)
            if name is None or node is None:
                node = None
            elif isinstance(node, list):
                node = node[int(name)] if name.isdigit() and int(name) < len(node) else None
                path = path + (name,)
            elif isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    target, target_path = self._ref_target(ref)
                    node, path = (target.get(name) if isinstance(target, dict) else None), target_path + (name,)
                else:
                    node, path = node.get(name), path + (name,)
            else:
                node = None
            if node is not None:
                found = (node, path)
        if keep_missing and node is None:
            return Place(path, None)
        return Place(found[1], self.location(found[1]))

    def _ref_target(self, ref: str) -> tuple[Any, tuple[str, ...]]:
        node: Any = self.root
        path: tuple[str, ...] = ()
        for raw in ref.split("/"):
            if raw == "#":
                continue
            token = unescape_pointer_token(raw)
            if isinstance(node, dict) and isinstance(node.get("$ref"), str):
                node, path = self._ref_target(node["$ref"])
            node = node.get(token) if isinstance(node, dict) else None
            path = path + (token,)
        return node, path

    def location(self, tree_path: tuple[str, ...]) -> Location | None:
        """The original file and pointer of the node at `tree_path` (None for a value oad made up
        or a bare scalar, which AutoRest's source map does not place)."""
        node: Any = self.root
        for token in tree_path:
            node = node[int(token)] if isinstance(node, list) else node.get(token) if isinstance(node, dict) else None
        origin = self.origin.get(id(node)) if isinstance(node, (dict, list)) else None
        if origin is None:
            return None
        doc, pointer = origin
        where = doc.positions.value(pointer)
        line, col = where if where else (None, None)
        return Location(doc.display, pointer, line, col)


def _step_name(node: Any, kind: str, value: str) -> str | None:
    if kind == "prop":
        return value
    if kind == "item":  # the first parameter whose own `name` member is `value`
        if isinstance(node, list):
            for i, p in enumerate(node):
                if isinstance(p, dict) and p.get("name") == value:
                    return str(i)
        return None
    if isinstance(node, dict):  # "path": the first path that is the same with placeholders erased
        want = openapi_path_name(value)
        return next((k for k in node if openapi_path_name(k) == want), None)
    return None


def _param_key(p: Any) -> str:
    if isinstance(p, dict) and isinstance(p.get("$ref"), str):
        return str(p["$ref"])
    return f"{p.get('in')}{p.get('name')}" if isinstance(p, dict) else ""


def _additional_properties(schema: dict[str, Any]) -> None:
    extra = schema.get("additionalProperties")
    if extra is False:
        del schema["additionalProperties"]
    elif extra is True:
        schema["additionalProperties"] = {}
    for prop in _dict(schema.get("properties")).values():
        if isinstance(prop, dict):
            _additional_properties(prop)
    for part in _list(schema.get("allOf")):
        if isinstance(part, dict):
            _additional_properties(part)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
