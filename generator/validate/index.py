"""Index JSON Schema documents for the validator compiler: nodes, base URIs, `$id`s, anchors.

Every schema (and every container holding schemas, such as a ``properties`` object) gets an
integer node id with its parent, its key in the parent and its base URI.  `$ref`s are
resolved against this index only; nothing is fetched.  The walk is iterative, so a schema
nested thousands of levels deep is fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin

from generator.validate.metaschemas import METASCHEMAS
from generator.validate.source import SchemaCompileError

__all__ = ["SchemaIndex", "UnresolvableRefError", "join_uri"]

_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_ONE_KEYWORDS = (
    "additionalProperties",
    "additionalItems",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "items",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)
_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems", "items")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


class UnresolvableRefError(SchemaCompileError):
    """A `$ref` that does not resolve inside the given document(s)."""


def join_uri(base: str, ref: str) -> str:
    """Resolve ``ref`` against ``base`` (RFC 3986, plus URNs and empty bases)."""
    if _SCHEME.match(ref) or not base:
        return ref
    if ref.startswith("#"):
        return base.partition("#")[0] + ref
    return urljoin(base, ref)


def _strip_empty_fragment(uri: str) -> str:
    return uri.removesuffix("#")


@dataclass(slots=True)
class Node:
    obj: Any
    parent: int
    segment: str
    base: str
    document: str


class SchemaIndex:
    """All schema nodes of a set of documents, with URI lookup tables."""

    def __init__(self, draft: str) -> None:
        self.draft = draft
        self.nodes: list[Node] = []
        self.children: dict[tuple[int, str], int] = {}
        self.resources: dict[str, int] = {}
        self.anchors: dict[str, int] = {}
        self.dynamic: dict[str, list[int]] = {}
        self.documents: dict[str, int] = {}

    # -- building ---------------------------------------------------------------------------

    def add_document(self, label: str, schema: Any, base: str) -> int:
        """Index one document; ``label`` names it in schema paths, ``base`` is its URI."""
        root = self._new(schema, -1, label, _strip_empty_fragment(base), label)
        self.documents[label] = root
        self.resources.setdefault(_strip_empty_fragment(base), root)
        self._walk(root, register=True)
        return root

    def _new(self, obj: Any, parent: int, segment: str, base: str, document: str) -> int:
        self.nodes.append(Node(obj, parent, segment, base, document))
        nid = len(self.nodes) - 1
        if parent >= 0:
            self.children[(parent, segment)] = nid
        return nid

    def _id_of(self, obj: dict[str, Any]) -> str | None:
        if self.draft == "4":
            value = obj.get("id")
            if "$ref" in obj:
                return None
        else:
            value = obj.get("$id")
        return value if isinstance(value, str) else None

    def _walk(self, start: int, *, register: bool) -> None:
        todo = [start]
        while todo:
            nid = todo.pop()
            node = self.nodes[nid]
            obj = node.obj
            if not isinstance(obj, dict):
                continue
            if register:
                self._register_ids(nid, obj)
            base, doc = node.base, node.document
            for key in _MAP_KEYWORDS + ("dependencies",):
                value = obj.get(key)
                if isinstance(value, dict):
                    holder = self._new(value, nid, key, base, doc)
                    for name in value:
                        if isinstance(value[name], (dict, bool)):
                            todo.append(self._new(value[name], holder, name, base, doc))
            for key in _ONE_KEYWORDS:
                value = obj.get(key)
                if isinstance(value, (dict, bool)):
                    todo.append(self._new(value, nid, key, base, doc))
            for key in _LIST_KEYWORDS:
                value = obj.get(key)
                if isinstance(value, list):
                    holder = self._new(value, nid, key, base, doc)
                    for i, item in enumerate(value):
                        if isinstance(item, (dict, bool)):
                            todo.append(self._new(item, holder, str(i), base, doc))

    def _register_ids(self, nid: int, obj: dict[str, Any]) -> None:
        node = self.nodes[nid]
        ident = self._id_of(obj)
        if ident is not None:
            uri, _, frag = join_uri(node.base, ident).partition("#")
            if ident.startswith("#"):
                if frag:
                    self.anchors.setdefault(uri + "#" + frag, nid)
            else:
                node.base = uri
                self.resources.setdefault(uri, nid)
                if frag:
                    self.anchors.setdefault(uri + "#" + frag, nid)
        if self.draft != "4":
            for key in ("$anchor", "$dynamicAnchor"):
                name = obj.get(key)
                if isinstance(name, str):
                    self.anchors.setdefault(node.base + "#" + name, nid)
                    if key == "$dynamicAnchor":
                        self.dynamic.setdefault(name, []).append(nid)

    # -- lookup -----------------------------------------------------------------------------

    def resolve(self, nid: int, ref: str, *, dynamic: bool = False) -> int:
        """Node id that ``ref`` (found in node ``nid``) points at."""
        full = join_uri(self.nodes[nid].base, ref)
        uri, _, frag = full.partition("#")
        if uri not in self.resources and uri in METASCHEMAS:
            self.add_document(uri, METASCHEMAS[uri], uri)
        if frag == "" or frag.startswith("/"):
            root = self.resources.get(uri)
            if root is None:
                raise UnresolvableRefError(f"cannot resolve $ref {ref!r} (no document {uri!r})")
            return self._walk_pointer(root, frag, ref)
        target = self.anchors.get(uri + "#" + frag)
        if target is None:
            raise UnresolvableRefError(f"cannot resolve $ref {ref!r} (no anchor {frag!r})")
        obj = self.nodes[target].obj
        if dynamic and isinstance(obj, dict) and obj.get("$dynamicAnchor") == frag and self.dynamic.get(frag):
            return self.dynamic[frag][0]
        return target

    def _walk_pointer(self, nid: int, pointer: str, ref: str) -> int:
        if not pointer:
            return nid
        for raw in pointer[1:].split("/"):
            seg = unquote(raw).replace("~1", "/").replace("~0", "~")
            child = self.children.get((nid, seg))
            if child is None:
                node = self.nodes[nid]
                obj = node.obj
                if isinstance(obj, dict) and seg in obj:
                    value = obj[seg]
                elif isinstance(obj, list) and seg.isdigit() and int(seg) < len(obj):
                    value = obj[int(seg)]
                else:
                    raise UnresolvableRefError(f"cannot resolve $ref {ref!r} (no {seg!r})")
                child = self._new(value, nid, seg, node.base, node.document)
                self._walk(child, register=False)
            nid = child
        return nid
