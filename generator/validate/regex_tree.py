"""Regular expressions as a syntax tree (`regex_syntax` reads a pattern into it), in one of two dialects.

- `ecma`: ECMA-262 with the `u` flag, as JSON Schema's `pattern` means it (schema documents and
  body validators). Annex B leniencies that the previous translator accepted are kept: a `{`, `}`
  or `]` that starts nothing is a literal.
- `dotnet`: .NET's default options, as Azure services evaluate a spec's `pattern` on a
  parameter: Unicode `\\w \\d \\s \\b`, `$` also before a final newline, `.` anything but `\\n`,
  inline options `(?imnsx-imnsx)` and `(?i:...)`, atomic groups `(?>...)`, `\\A \\Z \\z`,
  `(?'name'...)`, `(?#comment)`, class subtraction `[a-z-[aeiou]]`.

The tree keeps what both the translator (to Python `re` source) and the matching-time analysis
need: every character leaf with its set of code points and where it is in the pattern. Named
shorthand sets stay named (`"dotnet-word"`), so the translator can spell them compactly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from generator.validate import regex_sets as sets

Dialect = Literal["ecma", "dotnet"]
Span = tuple[int, int]  # [start, end) offsets in the pattern

MAX_DEPTH = 100  # groups nested deeper than this are refused (the parser and `re` recurse)


class RegexTranslationError(ValueError):
    """The pattern is not a regular expression this translator understands."""


# A class item: a range of code points, or the name of a shorthand set (see `named_set`).
Item = tuple[int, int] | str


@dataclass(frozen=True)
class Chars:
    """One character from a set. `ranges` is the set itself (before case folding); `items` and
    `negated` are how it was written, for the translator."""

    ranges: sets.Ranges
    items: tuple[Item, ...]
    negated: bool
    fold: bool  # case-insensitive
    span: Span


@dataclass(frozen=True)
class Seq:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Alt:
    branches: tuple[Node, ...]


@dataclass(frozen=True)
class Group:
    body: Node
    capture: int | None  # the group's id (the order of its parenthesis), None if not capturing
    atomic: bool = False


@dataclass(frozen=True)
class Look:
    body: Node
    behind: bool
    negate: bool
    span: Span


@dataclass(frozen=True)
class Repeat:
    body: Node
    min: int
    max: int | None  # None: unbounded
    lazy: bool
    span: Span


AnchorKind = Literal["start", "start_line", "end", "end_newline", "end_line", "boundary", "not_boundary"]


@dataclass(frozen=True)
class Anchor:
    """Zero-width: `start` (^, \\A), `start_line` (^ under the m option), `end` (the very end),
    `end_newline` (the end or before a final newline), `end_line` ($ under the m option), and
    word boundaries, whose word characters are the named set `word`."""

    kind: AnchorKind
    word: str = ""


@dataclass(frozen=True)
class Backref:
    ref: int | str  # a group number or name, as written; `Parsed.backrefs` resolves it
    span: Span


Node = Chars | Seq | Alt | Group | Look | Repeat | Anchor | Backref


@dataclass
class Parsed:
    root: Node
    dialect: Dialect
    groups: dict[int, Node] = field(default_factory=dict)  # group id -> its body
    backrefs: dict[int | str, int] = field(default_factory=dict)  # Backref.ref -> group id


_NAMED: dict[str, Callable[[], sets.Ranges]] = {
    "ecma-digit": lambda: sets.ECMA_DIGIT,
    "ecma-word": lambda: sets.ECMA_WORD,
    "ecma-space": lambda: sets.ECMA_SPACE,
    "ecma-line": lambda: sets.ECMA_LINE_TERMINATORS,
    "dotnet-digit": sets.dotnet_digit,
    "dotnet-word": sets.dotnet_word,
    "dotnet-space": sets.dotnet_space,
    "dotnet-boundary-word": sets.dotnet_boundary_word,
}


def named_set(name: str) -> sets.Ranges:
    """The code points of a named set: a shorthand (`dotnet-word`), a Unicode category
    (`category:Lu`), either with `not-` in front for its complement."""
    base = name.removeprefix("not-")
    if base.startswith("category:"):
        ranges = _property(base.removeprefix("category:"))
    else:
        ranges = _NAMED[base]()
    return sets.complement(ranges) if base != name else ranges


def _property(key: str) -> sets.Ranges:
    if key == "any":
        return sets.ANY
    if key == "ascii":
        return ((0, 0x7F),)
    return sets.category(key)
