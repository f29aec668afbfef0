"""Where things are: a place in a loaded document (`Loc`) and a value with its place (`Node`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem, join_pointer
from generator.load.loader import Document


@dataclass(frozen=True)
class Loc:
    """A place in a loaded document: the document and a JSON Pointer into it."""

    doc: Document
    pointer: str

    def child(self, *tokens: str | int) -> Loc:
        return Loc(self.doc, join_pointer(self.pointer, *tokens))

    @property
    def identity(self) -> tuple[Path, str]:
        """What tells two places apart (documents by real path)."""
        return (self.doc.path, self.pointer)

    def line_col(self, *, key: bool = True) -> tuple[int, int] | None:
        """`line:col` of the member name (`key`) or of the value; the nearest ancestor if absent."""
        positions = self.doc.positions
        return positions.key(self.pointer) if key else positions.value(self.pointer)

    def problem(self, message: str, *, key: bool = False) -> Problem:
        return self.doc.problem(self.pointer, message, key=key)

    def __str__(self) -> str:
        return f"{self.doc.display}#{self.pointer}"


@dataclass(frozen=True)
class Node:
    """A value of a loaded document and its place."""

    value: Any
    loc: Loc

    @staticmethod
    def root(doc: Document) -> Node:
        return Node(doc.data, Loc(doc, ""))

    @property
    def doc(self) -> Document:
        return self.loc.doc

    @property
    def pointer(self) -> str:
        return self.loc.pointer

    def child(self, *tokens: str | int) -> Node:
        """The value below this one (None where a step is missing)."""
        value = self.value
        for t in tokens:
            if isinstance(value, dict):
                value = value.get(str(t))
            elif isinstance(value, list) and str(t).isdigit() and int(t) < len(value):
                value = value[int(t)]
            else:
                value = None
        return Node(value, self.loc.child(*tokens))

    def at(self, *tokens: str | int) -> Node:
        """A place below this one, for locations only (no value)."""
        return Node(None, self.loc.child(*tokens))

    def get(self, key: str, default: Any = None) -> Any:
        """Member `key` of an object value, else `default`."""
        return self.value.get(key, default) if isinstance(self.value, dict) else default
