"""A spec's regular expressions as Python ``re`` source, with the meaning of their dialect.

A `pattern` means different things where it is used, and each use follows its reader:

- JSON Schema documents and the validators compiled from them follow ECMA-262 with the ``u``
  flag (``dialect="ecma"``): ``\\d``/``\\w``/``\\b`` are ASCII, ``\\s`` is ECMA's set, ``$``
  is the very end, ``.`` stops at every line terminator.
- Parameter checks in the request builders follow .NET (``dialect="dotnet"``), as the Azure
  service that receives the request does, so a check never refuses a value the service takes:
  ``\\w``, ``\\d`` and ``\\s`` are Unicode (``grüppe`` is a word, ``٣`` a digit), ``$`` also
  matches before a final newline, and inline options such as ``(?i)`` apply.

:func:`translate` returns source for ``re.compile(source).search`` (both dialects match
anywhere unless anchored); :func:`translate_parts` the same with large sets left as named
parts, so a module can define them once. Both check that ``re`` compiles the result.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from generator.validate import regex_sets as sets
from generator.validate.regex_syntax import parse
from generator.validate.regex_tree import (
    Alt,
    Anchor,
    Backref,
    Chars,
    Dialect,
    Group,
    Look,
    Node,
    Parsed,
    RegexTranslationError,
    Repeat,
    Seq,
    named_set,
)

__all__ = ["RegexTranslationError", "SharedSet", "translate", "translate_parts"]

# A named set longer than this (as class source) is a SharedSet part in `translate_parts`.
_SHARE_OVER = 300


@dataclass(frozen=True)
class SharedSet:
    """A named set, spelled once by whoever uses the pattern: `source` is the inside of a
    character class; `constant` a module-level name for it."""

    name: str
    source: str

    @property
    def constant(self) -> str:
        return "_" + re.sub(r"\W", "_", self.name).upper().strip("_")

    @property
    def description(self) -> str:
        negated = self.name.startswith("not-")
        base = self.name.removeprefix("not-")
        what = _DESCRIPTIONS.get(base) or f"the Unicode category {base.removeprefix('category:')}"
        return ("every character but " if negated else "") + what


_DESCRIPTIONS = {
    "dotnet-word": ".NET's \\w: letters, non-spacing marks, decimal digits, connector punctuation",
    "dotnet-boundary-word": ".NET's word characters for \\b: its \\w and U+200C, U+200D",
    "dotnet-space": ".NET's \\s",
}


Part = str | SharedSet


@functools.lru_cache(maxsize=4096)
def translate(pattern: str, dialect: Dialect = "ecma") -> str:
    """Python ``re`` source with the `dialect`'s meaning of `pattern`.

    Raises :class:`RegexTranslationError` (a ``ValueError``) for a malformed pattern.
    """
    return "".join(p if isinstance(p, str) else p.source for p in translate_parts(pattern, dialect, share=False))


@functools.lru_cache(maxsize=4096)
def translate_parts(pattern: str, dialect: Dialect = "ecma", *, share: bool = True) -> tuple[Part, ...]:
    """Like `translate`, with every large named set (.NET's `\\w`, a Unicode category) left as a
    `SharedSet` inside the class that uses it."""
    parsed = parse(pattern, dialect)
    parts = _merge(_Writer(parsed, share).node(parsed.root))
    text = "".join(p if isinstance(p, str) else p.source for p in parts)
    try:
        re.compile(text)
    except (re.error, OverflowError, RecursionError) as exc:
        raise RegexTranslationError(f"invalid pattern {pattern!r}: {exc}") from None
    return tuple(parts)


def _merge(parts: list[Part]) -> list[Part]:
    out: list[Part] = []
    for p in parts:
        if isinstance(p, str) and out and isinstance(out[-1], str):
            out[-1] += p
        elif p != "":
            out.append(p)
    return out


class _Writer:
    def __init__(self, parsed: Parsed, share: bool) -> None:
        self.parsed = parsed
        self.share = share
        self.named_groups = set(parsed.backrefs.values())  # groups a backreference repeats

    def node(self, node: Node) -> list[Part]:
        if isinstance(node, Chars):
            return self.chars(node)
        if isinstance(node, Seq):
            out: list[Part] = []
            for item in node.items:
                out += self.wrapped(item) if isinstance(item, Alt) else self.node(item)
            return out
        if isinstance(node, Alt):
            out = []
            for i, branch in enumerate(node.branches):
                out += (["|"] if i else []) + self.node(branch)
            return out
        if isinstance(node, Group):
            if node.atomic:
                head = "(?>"
            elif node.capture in self.named_groups:
                head = f"(?P<g{node.capture}>"
            else:
                head = "(?:"
            return [head, *self.node(node.body), ")"]
        if isinstance(node, Look):
            head = "(?" + ("<" if node.behind else "") + ("!" if node.negate else "=")
            return [head, *self.node(node.body), ")"]
        if isinstance(node, Repeat):
            return [*self.wrapped(node.body), _quantifier(node)]
        if isinstance(node, Anchor):
            return self.anchor(node)
        assert isinstance(node, Backref)
        return [f"(?P=g{self.parsed.backrefs[node.ref]})"]

    def wrapped(self, node: Node) -> list[Part]:
        """`node` as one atom (something a quantifier applies to as a whole)."""
        inner = self.node(node)
        if isinstance(node, (Group, Look, Backref)) or (isinstance(node, Chars) and node.ranges):
            return inner  # already one atom (a character is an escape, a class or a scoped group)
        return ["(?:", *inner, ")"]

    def chars(self, node: Chars) -> list[Part]:
        if node.ranges == sets.ANY:
            out: list[Part] = ["(?s:.)"]
        elif not node.ranges:
            out = ["(?!)"]
        elif not node.negated and len(node.items) == 1 and isinstance(node.items[0], tuple) and node.items[0][0] == node.items[0][1]:
            out = [sets.char(node.items[0][0])]
        elif not node.negated and node.items in (("dotnet-digit",), ("not-dotnet-digit",)):
            out = self.item(node.items[0])  # \d or \D, a class of its own
        else:
            out = ["[^" if node.negated else "["]
            for item in node.items:
                out += self.item(item)
            out.append("]")
        if node.fold:
            return ["(?i:", *out, ")"]
        return out

    def item(self, item: tuple[int, int] | str) -> list[Part]:
        """One class item as source inside `[...]`."""
        if isinstance(item, tuple):
            return [sets.source((item,))]
        if item == "dotnet-digit":
            return ["\\d"]  # Python's \d is the category Nd, as .NET's
        if item == "not-dotnet-digit":
            return ["\\D"]
        text = sets.source(named_set(item))
        if self.share and len(text) > _SHARE_OVER:
            return [SharedSet(item, text)]
        return [text]

    def anchor(self, node: Anchor) -> list[Part]:
        fixed = {"start": "^", "start_line": "(?m:^)", "end": "\\Z", "end_newline": "$", "end_line": "(?m:$)"}
        if node.kind in fixed:
            return [fixed[node.kind]]
        word = ["[", *self.item(node.word), "]"]
        if node.kind == "boundary":
            return ["(?:(?<=", *word, ")(?!", *word, ")|(?<!", *word, ")(?=", *word, "))"]
        return ["(?:(?<=", *word, ")(?=", *word, ")|(?<!", *word, ")(?!", *word, "))"]


def _quantifier(node: Repeat) -> str:
    low, high = node.min, node.max
    if (low, high) == (0, None):
        text = "*"
    elif (low, high) == (1, None):
        text = "+"
    elif (low, high) == (0, 1):
        text = "?"
    elif high is None:
        text = f"{{{low},}}"
    elif low == high:
        text = f"{{{low}}}"
    else:
        text = f"{{{low},{high}}}"
    return text + ("?" if node.lazy else "")
