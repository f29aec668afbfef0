"""Regular expressions as a syntax tree, read in one of two dialects.

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

import re
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


@dataclass
class _Flags:
    """.NET's inline options; ECMA patterns have none (all False)."""

    ignore_case: bool = False
    multiline: bool = False
    singleline: bool = False
    explicit_capture: bool = False
    extended: bool = False

    def copy(self) -> _Flags:
        return _Flags(self.ignore_case, self.multiline, self.singleline, self.explicit_capture, self.extended)


_OPTION_NAMES = {"i": "ignore_case", "m": "multiline", "s": "singleline", "n": "explicit_capture", "x": "extended"}
_ECMA_GROUP_NAME = re.compile(r"[$_\w][$\w]*")
_DOTNET_GROUP_NAME = re.compile(r"\w+")


def parse(pattern: str, dialect: Dialect) -> Parsed:
    """The syntax tree of `pattern`; raises RegexTranslationError for what is not a pattern."""
    return _Parser(pattern, dialect).run()


class _Parser:
    def __init__(self, src: str, dialect: Dialect) -> None:
        self.src = src
        self.dialect = dialect
        self.i = 0
        self.depth = 0
        self.group_count = 0
        self.groups: dict[int, Node] = {}
        self.unnamed: list[int] = []  # ids of the groups numbered in order
        self.named: dict[str, int] = {}  # group name -> id
        self.refs: list[Backref] = []

    # -- reading ---------------------------------------------------------------------------------

    def more(self) -> bool:
        return self.i < len(self.src)

    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.src[j] if j < len(self.src) else ""

    def take(self) -> str:
        ch = self.src[self.i]
        self.i += 1
        return ch

    def startswith(self, text: str | tuple[str, ...]) -> bool:
        return self.src.startswith(text, self.i)

    def fail(self, why: str, at: int | None = None) -> RegexTranslationError:
        where = self.i if at is None else at
        return RegexTranslationError(f"{why} at offset {where} in pattern {self.src!r}")

    # -- structure -------------------------------------------------------------------------------

    def run(self) -> Parsed:
        root = self.alternation(_Flags())
        if self.more():
            raise self.fail("unbalanced ')'")
        numbers = self.numbering()
        backrefs: dict[int | str, int] = {}
        for ref in self.refs:
            gid = numbers.get(ref.ref) if isinstance(ref.ref, int) else self.named.get(ref.ref)
            if gid is None:
                raise self.fail(f"backreference to group {ref.ref!r}, which does not exist", ref.span[0])
            backrefs[ref.ref] = gid
        return Parsed(root, self.dialect, self.groups, backrefs)

    def numbering(self) -> dict[int, int]:
        """Group number -> group id, as the dialect numbers groups (.NET: unnamed groups first)."""
        if self.dialect == "ecma":
            return dict(enumerate(sorted([*self.unnamed, *self.named.values()]), 1))
        numbers = dict(enumerate(self.unnamed, 1))
        following = len(self.unnamed)
        for name, gid in sorted(self.named.items(), key=lambda t: t[1]):
            if name.isdigit():
                numbers[int(name)] = gid
            else:
                following += 1
                numbers[following] = gid
        return numbers

    def alternation(self, flags: _Flags) -> Node:
        branches = [self.sequence(flags)]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence(flags))
        return branches[0] if len(branches) == 1 else Alt(tuple(branches))

    def sequence(self, flags: _Flags) -> Node:
        items: list[Node] = []
        while self.more() and self.peek() not in "|)":
            if flags.extended and self.skip_extended_space():
                continue
            if self.dialect == "dotnet" and self.startswith("(?#"):
                end = self.src.find(")", self.i)
                if end < 0:
                    raise self.fail("unterminated (?#...) comment")
                self.i = end + 1
                continue
            if self.dialect == "dotnet" and self.startswith("(?") and self.options(flags, self.i + 2, ")"):
                continue  # (?imnsx-imnsx): the options hold for the rest of the enclosing group
            start = self.i
            items.append(self.quantified(self.atom(flags), start))
        return items[0] if len(items) == 1 else Seq(tuple(items))

    def skip_extended_space(self) -> bool:
        """Under the x option, whitespace and `#` comments outside classes are not pattern."""
        ch = self.peek()
        if ch.isspace():
            self.take()
            return True
        if ch == "#":
            end = self.src.find("\n", self.i)
            self.i = len(self.src) if end < 0 else end + 1
            return True
        return False

    def options(self, flags: _Flags, at: int, close: str) -> bool:
        """`imnsx-imnsx` from `at`, then `close`: set them in `flags` and move past. False (and
        nothing changed) if the text is not that."""
        j = at
        on = True
        changes: list[tuple[str, bool]] = []
        while j < len(self.src) and (self.src[j] in _OPTION_NAMES or (self.src[j] == "-" and on)):
            if self.src[j] == "-":
                on = False
            else:
                changes.append((_OPTION_NAMES[self.src[j]], on))
            j += 1
        if j == at or j >= len(self.src) or self.src[j] != close:
            return False
        for name, value in changes:
            setattr(flags, name, value)
        self.i = j + 1
        return True

    def quantified(self, atom: Node, start: int) -> Node:
        bounds = self.quantifier()
        if bounds is None:
            return atom
        lazy = self.peek() == "?"
        if lazy:
            self.take()
        if isinstance(atom, (Anchor, Look)):
            raise self.fail("nothing to repeat (an assertion cannot be quantified)", start)
        if self.peek() in ("*", "+", "?") or self.quantifier_ahead():
            raise self.fail("multiple repeat")
        return Repeat(atom, bounds[0], bounds[1], lazy, (start, self.i))

    def quantifier_ahead(self) -> bool:
        save = self.i
        try:
            return self.quantifier() is not None
        finally:
            self.i = save

    def quantifier(self) -> tuple[int, int | None] | None:
        ch = self.peek()
        simple = {"*": (0, None), "+": (1, None), "?": (0, 1)}
        if ch in simple:
            self.take()
            return simple[ch]
        if ch != "{":
            return None
        m = _BRACES.match(self.src, self.i)
        if m is None:
            return None  # a `{` that starts no quantifier is a literal (`{,n}` too, in both dialects)
        low = int(m.group(1))
        high = low if m.group(2) is None else (int(m.group(3)) if m.group(3) else None)
        if high is not None and high < low:
            raise self.fail("numbers out of order in {} quantifier")
        if max(low, high or 0) >= _MAX_REPEAT:
            raise self.fail("the repetition number is too large")
        self.i = m.end()
        return low, high

    def atom(self, flags: _Flags) -> Node:
        start = self.i
        if self.quantifier_ahead():
            raise self.fail("nothing to repeat")
        ch = self.take()
        if ch == "(":
            return self.group(flags, start)
        if ch == "[":
            return self.char_class(flags, start)
        if ch == "\\":
            return self.escape_atom(flags, start)
        if ch == ".":
            if self.dialect == "ecma":
                return Chars(sets.complement(sets.ECMA_LINE_TERMINATORS), ("ecma-line",), True, False, (start, self.i))
            if flags.singleline:
                return Chars(sets.ANY, sets.ANY, False, flags.ignore_case, (start, self.i))
            return Chars(sets.complement(sets.NEWLINE), sets.NEWLINE, True, flags.ignore_case, (start, self.i))
        if ch == "^":
            return Anchor("start_line" if flags.multiline else "start")
        if ch == "$":
            if self.dialect == "ecma":
                return Anchor("end")
            return Anchor("end_line" if flags.multiline else "end_newline")
        cp = ord(ch)
        return Chars(((cp, cp),), ((cp, cp),), False, flags.ignore_case, (start, self.i))

    def group(self, flags: _Flags, start: int) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"groups nested more than {MAX_DEPTH} deep", start)
        inner = flags.copy()
        capture: int | None = None
        atomic = False
        look: tuple[bool, bool] | None = None  # (behind, negate)
        if self.peek() != "?":
            if not flags.explicit_capture:
                capture = self.new_group(None)
        else:
            self.take()
            ch = self.peek()
            if ch == ":":
                self.take()
            elif ch in ("=", "!"):
                self.take()
                look = (False, ch == "!")
            elif self.startswith(("<=", "<!")):
                look = (True, self.src[self.i + 1] == "!")
                self.i += 2
            elif ch == "<" or (ch == "'" and self.dialect == "dotnet"):
                capture = self.new_group(self.group_name(">" if ch == "<" else "'"))
            elif ch == ">" and self.dialect == "dotnet":
                self.take()
                atomic = True
            elif self.dialect == "dotnet" and self.options(inner, self.i, ":"):
                pass  # (?imnsx-imnsx:...): the options hold inside this group only
            elif self.dialect == "dotnet" and ch == "(":
                raise self.fail("conditional groups (?(...)...) are not supported", start)
            else:
                raise self.fail("unsupported group syntax", start)
        body = self.alternation(inner)
        if self.peek() != ")":
            raise self.fail("missing ')'", start)
        self.take()
        self.depth -= 1
        if look is not None:
            return Look(body, look[0], look[1], (start, self.i))
        if capture is not None:
            self.groups[capture] = body
        return Group(body, capture, atomic)

    def group_name(self, close: str) -> str:
        """After `(?`, at `<` or `'`: the name up to `close`."""
        self.take()
        end = self.src.find(close, self.i)
        if end < 0:
            raise self.fail("unterminated group name")
        name = self.src[self.i : end]
        if self.dialect == "dotnet" and "-" in name:
            raise self.fail("balancing groups (?<a-b>...) are not supported")
        valid = _ECMA_GROUP_NAME.fullmatch(name) and not name[0].isdigit() if self.dialect == "ecma" else _DOTNET_GROUP_NAME.fullmatch(name)
        if not valid:
            raise self.fail(f"bad group name {name!r}")
        self.i = end + 1
        return name

    def new_group(self, name: str | None) -> int:
        self.group_count += 1
        if name is None:
            self.unnamed.append(self.group_count)
            return self.group_count
        if name in self.named:
            if self.dialect == "ecma":
                raise self.fail(f"duplicate group name {name!r}")
            return self.named[name]  # .NET: one group, matched in two places
        self.named[name] = self.group_count
        return self.group_count

    # -- escapes ---------------------------------------------------------------------------------

    def escape_atom(self, flags: _Flags, start: int) -> Node:
        """After a backslash outside a class."""
        if not self.more():
            raise self.fail("trailing backslash")
        ch = self.peek()
        word = "ecma-word" if self.dialect == "ecma" else "dotnet-boundary-word"
        if ch in ("b", "B"):
            self.take()
            return Anchor("boundary" if ch == "b" else "not_boundary", word)
        if self.dialect == "dotnet" and ch in "AZzG":
            self.take()
            kinds: dict[str, AnchorKind] = {"A": "start", "G": "start", "Z": "end_newline", "z": "end"}
            return Anchor(kinds[ch])
        if ch in "123456789":
            digits = ""
            while self.peek() and self.peek() in "0123456789":
                digits += self.take()
            return self.backref(int(digits), start)
        if ch == "k" and (self.peek(1) == "<" or (self.dialect == "dotnet" and self.peek(1) == "'")):
            self.take()
            close = ">" if self.take() == "<" else "'"
            end = self.src.find(close, self.i)
            if end < 0:
                raise self.fail("unterminated \\k<name>")
            name = self.src[self.i : end]
            self.i = end + 1
            return self.backref(int(name) if name.isascii() and name.isdigit() else name, start)
        item = self.escape(in_class=False)
        ranges = named_set(item) if isinstance(item, str) else (item,)
        return Chars(ranges, (item,), False, flags.ignore_case, (start, self.i))

    def backref(self, ref: int | str, start: int) -> Backref:
        node = Backref(ref, (start, self.i))
        self.refs.append(node)
        return node

    def escape(self, in_class: bool) -> Item:
        """After a backslash: one code point (a range of one) or a named set."""
        if not self.more():
            raise self.fail("trailing backslash")
        ch = self.take()
        shorthand = {"d": "digit", "w": "word", "s": "space"}
        if ch.lower() in shorthand:
            name = f"{self.dialect}-{shorthand[ch.lower()]}"
            return ("not-" + name) if ch.isupper() else name
        if ch in "pP":
            return ("not-" if ch == "P" else "") + "category:" + self.property_name()
        single = self.single_escape(ch, in_class)
        if single is not None:
            return (single, single)
        if ch.isascii() and (ch.isalnum() or ch == "_"):
            raise self.fail(f"unknown escape \\{ch}")
        return (ord(ch), ord(ch))  # an escaped punctuation character stands for itself

    def single_escape(self, ch: str, in_class: bool) -> int | None:
        """The code point of a character escape (after the backslash and `ch`), or None."""
        simple = {"t": 9, "n": 10, "v": 11, "f": 12, "r": 13}
        if self.dialect == "dotnet":
            simple.update({"a": 7, "e": 0x1B})
        if ch in simple:
            return simple[ch]
        if ch == "b" and in_class:
            return 8
        if ch == "0":
            if self.dialect == "ecma":
                if self.peek().isdigit():
                    raise self.fail("\\0 followed by a digit")
                return 0
            digits = ""
            while len(digits) < 2 and self.peek() and self.peek() in "01234567":
                digits += self.take()
            return int(digits, 8) if digits else 0
        if ch == "c":
            letter = self.peek()
            if letter.isascii() and letter.isalpha():
                self.take()
                return ord(letter) % 32
            if self.dialect == "dotnet":
                raise self.fail("\\c needs a letter")
            self.i -= 1  # Annex B: the backslash stands for itself and the `c` follows
            return 0x5C
        if ch == "x":
            value = self.hex(2)
            if value is None and self.dialect == "dotnet":
                raise self.fail("\\x needs two hex digits")
            return ord("x") if value is None else value
        if ch == "u":
            return self.unicode_escape()
        if in_class and ch.isdigit():
            raise self.fail("backreference inside a character class")
        return None

    def property_name(self) -> str:
        """After `\\p`: `{Name}`, as a `category:` key of `named_set`."""
        if self.peek() != "{":
            raise self.fail("\\p needs {...}")
        end = self.src.find("}", self.i)
        if end < 0:
            raise self.fail("unterminated \\p{...}")
        name = self.src[self.i + 1 : end]
        self.i = end + 1
        if self.dialect == "dotnet":
            if name in sets.CATEGORIES and name != "LC":
                return name
            raise self.fail(f"unsupported Unicode category or block \\p{{{name}}}")
        key = name.split("=", 1)[-1].strip()
        norm = key.lower().replace(" ", "_").replace("-", "_")
        if norm in sets.CATEGORY_ALIASES:
            return sets.CATEGORY_ALIASES[norm]
        if key in sets.CATEGORIES or norm in ("any", "ascii"):
            return key if key in sets.CATEGORIES else norm
        raise self.fail(f"unsupported Unicode property \\p{{{name}}}")

    def hex(self, n: int) -> int | None:
        digits = self.src[self.i : self.i + n]
        if len(digits) == n and all(c in "0123456789abcdefABCDEF" for c in digits):
            self.i += n
            return int(digits, 16)
        return None

    def unicode_escape(self) -> int:
        """After `\\u`: `XXXX` (a surrogate pair joined) or, in ECMA, `{X...}`."""
        if self.peek() == "{" and self.dialect == "ecma":
            end = self.src.find("}", self.i)
            if end < 0:
                raise self.fail("unterminated \\u{...}")
            try:
                cp = int(self.src[self.i + 1 : end], 16)
            except ValueError:
                raise self.fail("bad \\u{...} escape") from None
            if cp > 0x10FFFF:
                raise self.fail("code point out of range")
            self.i = end + 1
            return cp
        value = self.hex(4)
        if value is None:
            if self.dialect == "dotnet":
                raise self.fail("\\u needs four hex digits")
            return ord("u")
        if 0xD800 <= value <= 0xDBFF and self.startswith("\\u"):
            save = self.i
            self.i += 2
            low = self.hex(4)
            if low is not None and 0xDC00 <= low <= 0xDFFF:
                return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            self.i = save
        return value

    # -- classes ---------------------------------------------------------------------------------

    def char_class(self, flags: _Flags, start: int) -> Chars:
        """After `[`: a class up to its `]` (and .NET's `-[...]` subtraction at its end)."""
        negated = self.peek() == "^"
        if negated:
            self.take()
        items: list[Item] = []
        if self.peek() == "]":
            self.take()
            if self.dialect == "ecma":  # `[]` matches nothing, `[^]` anything
                ranges = sets.ANY if negated else ()
                return Chars(ranges, ranges, False, False, (start, self.i))
            items.append((0x5D, 0x5D))  # .NET: a `]` first is a literal
        subtracted: sets.Ranges = ()
        prev: int | None = None  # the code point just read, when it may start a range
        while True:
            if not self.more():
                raise self.fail("unterminated character class", start)
            if self.dialect == "dotnet" and self.startswith("-["):
                self.i += 2
                subtracted = self.char_class(flags, self.i - 1).ranges
                if self.peek() != "]":
                    raise self.fail("a subtraction must be the last element in a character class")
            if self.peek() == "]":
                self.take()
                break
            if self.peek() == "-" and prev is not None and self.peek(1) not in ("]", ""):
                self.take()
                high = self.class_atom()
                if not isinstance(high, tuple):
                    raise self.fail("class escape cannot end a range")
                if high[0] < prev:
                    raise self.fail("range out of order in character class")
                items[-1] = (prev, high[0])
                prev = None
                continue
            item = self.class_atom()
            items.append(item)
            prev = item[0] if isinstance(item, tuple) else None
        ranges = sets.normalize([r for item in items for r in (named_set(item) if isinstance(item, str) else (item,))])
        if negated:
            ranges = sets.complement(ranges)
        if subtracted:  # Python has no class subtraction: written out as the ranges it leaves
            ranges = sets.subtract(ranges, subtracted)
            return Chars(ranges, ranges, False, flags.ignore_case, (start, self.i))
        return Chars(ranges, tuple(items), negated, flags.ignore_case, (start, self.i))

    def class_atom(self) -> Item:
        ch = self.take()
        if ch == "\\":
            return self.escape(in_class=True)
        return (ord(ch), ord(ch))


_BRACES = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_MAX_REPEAT = 2**32 - 1  # Python's `re` refuses counts from here on
