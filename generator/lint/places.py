"""Where Azure's linter reports a finding, so that specgen reports it at the same node.

Azure's Spectral rules run on the spec with every `$ref` replaced by its target ("resolved") and
name a node by its path in that tree; LintDiff (autorest) shows the finding at the deepest node of
that path the linted file has: the member name of an object member, the value of an array element,
the file's start for the root. A path that runs on through a `$ref` (to this file or another) is
shown at the `$ref`.

`Walk` follows a schema through `$ref`s the way Spectral's resolved tree does and keeps that path,
so a rule can report where Azure does with `ctx.report(rule, walk.shown(ctx), ...)`. Spectral
keeps the longest part of a finding's path its resolved tree has (`spectral_loc`); Azure's native
rules give paths as written (`nearest`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.errors import join_pointer
from generator.lint.core import Context
from generator.load.loader import Document
from generator.spec import Loc, Node

Tokens = tuple[str, ...]


@dataclass(frozen=True)
class ShownAt(Loc):
    """A finding's place as Azure gives it: its JSON path (`pointer`, which may run on through a
    `$ref`) and the node of that path the file has, where it is shown (`shown`)."""

    shown: str = ""

    def line_col(self, *, key: bool = True) -> tuple[int, int] | None:
        return Loc(self.doc, self.shown).line_col(key=key)


def nearest(doc: Document, tokens: Tokens) -> Loc:
    """Azure's path `tokens`, shown at its deepest node that `doc` has (the root if none)."""
    value: Any = doc.data
    depth = 0
    for token in tokens:
        if isinstance(value, dict) and token in value:
            value = value[token]
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            break
        depth += 1
    pointer = join_pointer("", *tokens)
    return Loc(doc, pointer) if depth == len(tokens) else ShownAt(doc, pointer, join_pointer("", *tokens[:depth]))


def truthy(value: Any) -> bool:
    """JavaScript's truthiness, which Azure's rules test: empty objects and lists are true."""
    return value is not None and value is not False and value != "" and not (isinstance(value, (int, float)) and not isinstance(value, bool) and value == 0)


def tokens_of(pointer: str) -> Tokens:
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]) if pointer else ()


@dataclass(frozen=True)
class Walk:
    """A value of the resolved tree: where it is written (document and path there; `$ref`s
    followed) and its path in the linted file's resolved tree (`path`)."""

    value: Any
    doc: Document
    real: Tokens  # where the value is written in `doc`
    path: Tokens  # Azure's path to it

    @staticmethod
    def at(node: Node) -> Walk:
        tokens = tokens_of(node.pointer)
        return Walk(node.value, node.doc, tokens, tokens)

    @property
    def node(self) -> Node:
        return Node(self.value, Loc(self.doc, join_pointer("", *self.real)))

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default) if isinstance(self.value, dict) else default

    def child(self, ctx: Context, *keys: str | int) -> Walk | None:
        """The value below, `$ref`s followed; None where a step is missing or does not resolve."""
        walk: Walk | None = self
        for key in keys:
            assert walk is not None
            value, token = walk.value, str(key)
            if isinstance(value, dict) and token in value:
                value = value[token]
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                return None
            walk = follow(ctx, Walk(value, walk.doc, (*walk.real, token), (*walk.path, token)))
            if walk is None:
                return None
        return walk

    def shown(self, ctx: Context, *more: str) -> Loc:
        """A Spectral finding on this value (or on a path below it), as LintDiff gives it."""
        return spectral_loc(ctx, (*self.path, *more))


def spectral_loc(ctx: Context, tokens: Tokens) -> Loc:
    """A Spectral finding at `tokens`: Spectral keeps the longest part of the path its resolved
    tree has, and autorest shows that at its deepest node the file has (`nearest`)."""
    walk: Walk | None = Walk(ctx.doc.data, ctx.doc, (), ())
    depth = 0
    for token in tokens:
        assert walk is not None
        walk = walk.child(ctx, token)
        if walk is None:
            break
        depth += 1
    return nearest(ctx.doc, tokens[:depth])


def follow(ctx: Context, walk: Walk) -> Walk | None:
    """`walk` with its `$ref`s followed (its path stays that of the linted file's tree, into
    another file too); None if a reference does not resolve."""
    for _ in range(64):
        if not (isinstance(walk.value, dict) and "$ref" in walk.value):
            return walk
        target = ctx.view.resolve(walk.node)
        if target is None:
            return None
        walk = Walk(target.value, target.doc, tokens_of(target.pointer), walk.path)
    return None


def raw_nodes(data: Any) -> Iterator[tuple[Any, Tokens]]:
    """Every object and list of a document as written (no `$ref` followed) with its path, parents
    before children, in document order."""
    todo: list[tuple[Any, Tokens]] = [(data, ())]
    while todo:
        value, path = todo.pop()
        yield value, path
        if isinstance(value, dict):
            todo.extend((v, (*path, k)) for k, v in reversed(list(value.items())) if isinstance(v, (dict, list)))
        elif isinstance(value, list):
            todo.extend((v, (*path, str(i))) for i, v in reversed(list(enumerate(value))) if isinstance(v, (dict, list)))


def objects(ctx: Context) -> list[tuple[dict[str, Any], Tokens]]:
    """Every object of the linted file below its root, with its path (worked out once per file)."""
    cached: list[tuple[dict[str, Any], Tokens]] | None = getattr(ctx, "_objects", None)
    if cached is None:
        cached = [(v, p) for v, p in raw_nodes(ctx.doc.data) if isinstance(v, dict) and p]
        ctx._objects = cached  # type: ignore[attr-defined]
    return cached


def loc_of(ctx: Context, path: Tokens) -> Loc:
    return Loc(ctx.doc, join_pointer("", *path))


# -- ARM paths, as Azure's rules read them ---------------------------------------------------------

_RESOURCE_PATH = re.compile(r"/providers/[^/]+(?:/\w+/default|/\w+/{[^/]+})+(?:\?\w+)?$", re.ASCII | re.IGNORECASE)


def resource_types(path: str) -> list[str]:
    """The resource type segments after the last `/providers/NAMESPACE` of a path that ends in a
    resource (`.../type/{name}` or `.../type/default`, repeated); [] for any other path."""
    index = path.rfind("/providers/")
    if index == -1:
        return []
    found = _RESOURCE_PATH.search(path[index:])
    if not found:
        return []
    return [s for s in found.group(0).split("/")[3:] if not s.startswith("{") and s != "default"]


def is_point_operation(path: str) -> bool:
    """A path that names one resource (Azure's `isPointOperation`)."""
    index = path.rfind("/providers/")
    return index != -1 and _RESOURCE_PATH.search(path[index:]) is not None
