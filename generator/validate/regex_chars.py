"""The character level of reading a pattern: the cursor, escapes (`\\u{...}`, `\\p{Lu}`, `\\cX`,
.NET's octal `\\0nn`) and character classes (with .NET's `-[...]` subtraction). `regex_syntax`
builds the structure (groups, quantifiers, alternatives) on top of it."""

from __future__ import annotations

from dataclasses import dataclass

from generator.validate import regex_sets as sets
from generator.validate.regex_tree import (
    Chars,
    Dialect,
    Item,
    RegexTranslationError,
    named_set,
)


@dataclass
class Flags:
    """.NET's inline options; ECMA patterns have none (all False)."""

    ignore_case: bool = False
    multiline: bool = False
    singleline: bool = False
    explicit_capture: bool = False
    extended: bool = False

    def copy(self) -> Flags:
        return Flags(self.ignore_case, self.multiline, self.singleline, self.explicit_capture, self.extended)


class CharReader:
    """A cursor over `src`, and what a backslash or a `[` starts at it."""

    def __init__(self, src: str, dialect: Dialect) -> None:
        self.src = src
        self.dialect = dialect
        self.i = 0

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

    def char_class(self, flags: Flags, start: int) -> Chars:
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
