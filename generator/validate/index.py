"""Index JSON Schema documents for the validator compiler: nodes, base URIs, `$id`s, anchors.

Every schema (and every container holding schemas, such as a ``properties`` object) gets an
integer node id with its parent, its key in the parent, its base URI and its dialect (the
draft and vocabularies its resource's ``$schema`` names).  `$ref`s are resolved against this
index only, which indexes the embedded meta-schemas and the caller's resources on first use;
nothing is fetched.  The walk is iterative, so a schema nested thousands of levels deep is fine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin

from generator.validate.metaschemas import METASCHEMAS
from generator.validate.source import SchemaCompileError
from generator.validate.vocab import METASCHEMA_DRAFTS, Dialect, dialect

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
    dialect: Dialect


class SchemaIndex:
    """All schema nodes of a set of documents, with URI lookup tables.

    ``dialect`` reads the documents that name no ``$schema``; ``assert_formats`` goes into the
    dialect a ``$schema`` names.  ``resources`` maps URIs to further documents (a local
    registry, never fetched): a `$ref` or ``$schema`` naming one indexes it on first use, as
    the embedded meta-schemas are.
    """

    def __init__(self, dialect: Dialect, *, assert_formats: bool, resources: Mapping[str, Any] | None = None) -> None:
        self.dialect = dialect
        self.assert_formats = assert_formats
        self.external: dict[str, Any] = {}
        for uri, document in (resources or {}).items():
            if type(uri) is not str:
                raise SchemaCompileError(f"resource URIs must be strings, got {type(uri).__name__}")
            self.external[_strip_empty_fragment(uri)] = document
        self.nodes: list[Node] = []
        self.children: dict[tuple[int, str], int] = {}
        self.resources: dict[str, int] = {}
        self.anchors: dict[str, int] = {}
        #: ``$dynamicAnchor`` name -> every node declaring it; resource URI -> its names -> node.
        self.dynamic: dict[str, list[int]] = {}
        self.dynamic_anchors: dict[str, dict[str, int]] = {}
        self.documents: dict[str, int] = {}
        self.dialects: dict[str, Dialect] = {}

    # -- building ---------------------------------------------------------------------------

    def add_document(self, label: str, schema: Any, base: str) -> int:
        """Index one document; ``label`` names it in schema paths, ``base`` is its URI."""
        root = self._new(schema, -1, label, _strip_empty_fragment(base), label, self.dialect)
        self.documents[label] = root
        self.resources.setdefault(_strip_empty_fragment(base), root)
        self._walk(root, register=True)
        return root

    def _new(self, obj: Any, parent: int, segment: str, base: str, document: str, dialect: Dialect) -> int:
        self.nodes.append(Node(obj, parent, segment, base, document, dialect))
        nid = len(self.nodes) - 1
        if parent >= 0:
            self.children[(parent, segment)] = nid
        return nid

    def _id_of(self, obj: dict[str, Any], dialect: Dialect) -> str | None:
        value = obj.get(dialect.id_keyword)
        if dialect.ref_alone and "$ref" in obj:
            return None  # draft 4: beside `$ref`, `id` is ignored too
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
                if isinstance(obj.get("$schema"), str) and (node.parent < 0 or self._id_of(obj, node.dialect)):
                    node.dialect = self.dialect_of(obj["$schema"])
                self._register_ids(nid, obj)
            base, doc, dialect = node.base, node.document, node.dialect
            for key in _MAP_KEYWORDS + ("dependencies",):
                value = obj.get(key)
                if isinstance(value, dict):
                    holder = self._new(value, nid, key, base, doc, dialect)
                    for name in value:
                        if isinstance(value[name], (dict, bool)):
                            todo.append(self._new(value[name], holder, name, base, doc, dialect))
            for key in _ONE_KEYWORDS:
                value = obj.get(key)
                if isinstance(value, (dict, bool)):
                    todo.append(self._new(value, nid, key, base, doc, dialect))
            for key in _LIST_KEYWORDS:
                value = obj.get(key)
                if isinstance(value, list):
                    holder = self._new(value, nid, key, base, doc, dialect)
                    for i, item in enumerate(value):
                        if isinstance(item, (dict, bool)):
                            todo.append(self._new(item, holder, str(i), base, doc, dialect))

    def _register_ids(self, nid: int, obj: dict[str, Any]) -> None:
        node = self.nodes[nid]
        ident = self._id_of(obj, node.dialect)
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
        if node.dialect.draft != "4":
            for key in ("$anchor", "$dynamicAnchor"):
                name = obj.get(key)
                if isinstance(name, str) and (key == "$anchor" or node.dialect.draft == "2020-12"):
                    self.anchors.setdefault(node.base + "#" + name, nid)
                    if key == "$dynamicAnchor":
                        self.dynamic.setdefault(name, []).append(nid)
                        self.dynamic_anchors.setdefault(node.base, {}).setdefault(name, nid)

    def dialect_of(self, schema_uri: str) -> Dialect:
        """The dialect a ``$schema`` names: a draft, or a meta-schema with a ``$vocabulary``."""
        uri = _strip_empty_fragment(schema_uri)
        hit = self.dialects.get(uri)
        if hit is not None:
            return hit
        draft = METASCHEMA_DRAFTS.get(uri)
        if draft is not None:
            found = dialect(draft, assert_formats=self.assert_formats)
        else:
            meta = self.external.get(uri)
            if not isinstance(meta, dict):
                raise SchemaCompileError(
                    f"unsupported $schema {schema_uri!r} (drafts 4, 2019-09 and 2020-12, or a meta-schema among the resources)"
                )
            draft = METASCHEMA_DRAFTS.get(_strip_empty_fragment(str(meta.get("$schema", ""))))
            if draft is None:
                raise SchemaCompileError(f"meta-schema {schema_uri!r} is not written in a supported draft")
            vocabulary = meta.get("$vocabulary")
            found = dialect(
                draft,
                assert_formats=self.assert_formats,
                vocabulary=vocabulary if isinstance(vocabulary, dict) else None,
            )
        self.dialects[uri] = found
        return found

    # -- lookup -----------------------------------------------------------------------------

    def _load(self, uri: str) -> None:
        """Index the embedded meta-schema or the given resource at ``uri``, if there is one."""
        if uri in METASCHEMAS:
            self.add_document(uri, METASCHEMAS[uri], uri)
        elif uri in self.external:
            self.add_document(uri, self.external[uri], uri)

    def resolve(self, nid: int, ref: str) -> int:
        """Node id that ``ref`` (found in node ``nid``) points at, statically."""
        full = join_uri(self.nodes[nid].base, ref)
        uri, _, frag = full.partition("#")
        if uri not in self.resources:
            self._load(uri)
        if frag == "" or frag.startswith("/"):
            root = self.resources.get(uri)
            if root is None:
                raise UnresolvableRefError(f"cannot resolve $ref {ref!r} (no document {uri!r})")
            return self._walk_pointer(root, frag, ref)
        target = self.anchors.get(uri + "#" + frag)
        if target is None:
            raise UnresolvableRefError(f"cannot resolve $ref {ref!r} (no anchor {frag!r})")
        return target

    def dynamic_name(self, target: int, ref: str) -> str | None:
        """The anchor name when ``$dynamicRef`` ``ref`` resolved to ``target`` is dynamic.

        It is when its fragment is a name and the target declares that name as its
        ``$dynamicAnchor``; otherwise the ``$dynamicRef`` acts as a ``$ref``.
        """
        frag = ref.partition("#")[2]
        obj = self.nodes[target].obj
        if frag and not frag.startswith("/") and isinstance(obj, dict) and obj.get("$dynamicAnchor") == frag:
            return frag
        return None

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
                child = self._new(value, nid, seg, node.base, node.document, node.dialect)
                self._walk(child, register=False)
            nid = child
        return nid
