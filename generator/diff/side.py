"""One side of `specgen diff`: a loaded spec read through the spec view, and where things are."""

from __future__ import annotations

from pathlib import Path

from generator.diff.types import Location
from generator.load.loader import Loader
from generator.spec import Node, SpecView


class Side:
    """One spec: its loader, root document and spec view."""

    def __init__(self, spec: Path, root: Path) -> None:
        self.loader = Loader(root)
        self.root = self.loader.document(spec)
        self.view = SpecView(self.loader, self.root)

    def resolve(self, node: Node) -> Node:
        """The value a node stands for, `$ref`s followed (raises `SpecError` if one is broken)."""
        return self.view.deref(node)

    def ref_name(self, node: Node) -> str | None:
        """The definition name a `$ref` node lands on, else None."""
        return self.view.definition_name(node)

    @property
    def version(self) -> str:
        v = self.view.root.child("info", "version").value
        return v if isinstance(v, str) else ""


def locate(node: Node) -> Location:
    line, col = node.loc.line_col() or (None, None)
    return Location(node.doc.display, node.pointer, line, col)


def key_or(node: Node, key: str) -> Node:
    """The member `key` of an object node if it exists, else the node itself."""
    if isinstance(node.value, dict) and key in node.value:
        return node.at(key)
    return node
