"""Translate ECMA-262 regular expressions (as JSON Schema uses them) into Python ``re`` syntax.

JSON Schema patterns follow ECMA-262 with the ``u`` flag.  Python's ``re`` differs in the
details that matter for validation: ``\\d``/``\\w``/``\\b`` are ASCII-only in ECMA,
``\\s`` has a different set, ``$`` never matches before a trailing newline, ``.`` stops
at every line terminator, and ``\\p{...}``, ``\\cX``, ``\\u{...}``, ``(?<name>...)`` are
spelled differently or missing.  :func:`translate` rewrites a pattern token by token; the
result is meant for ``re.compile(result).search``.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

__all__ = ["RegexTranslationError", "translate"]


class RegexTranslationError(ValueError):
    """The pattern is not a regular expression this translator understands."""


_DIGIT = [(0x30, 0x39)]
_WORD = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
_SPACE = [
    (0x09, 0x0D),
    (0x20, 0x20),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x2028, 0x2029),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
    (0xFEFF, 0xFEFF),
]
_LINE_TERMINATORS = [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]
_WORD_CLASS = "[0-9A-Z_a-z]"
_BOUNDARY = f"(?:(?<={_WORD_CLASS})(?!{_WORD_CLASS})|(?<!{_WORD_CLASS})(?={_WORD_CLASS}))"
_NON_BOUNDARY = f"(?:(?<={_WORD_CLASS})(?={_WORD_CLASS})|(?<!{_WORD_CLASS})(?!{_WORD_CLASS}))"

# Unicode property aliases ECMA accepts, mapped to general-category prefixes.
_CATEGORY_ALIASES = {
    "letter": "L",
    "cased_letter": "LC",
    "uppercase_letter": "Lu",
    "lowercase_letter": "Ll",
    "titlecase_letter": "Lt",
    "modifier_letter": "Lm",
    "other_letter": "Lo",
    "mark": "M",
    "number": "N",
    "decimal_number": "Nd",
    "digit": "Nd",
    "letter_number": "Nl",
    "other_number": "No",
    "punctuation": "P",
    "punct": "P",
    "symbol": "S",
    "separator": "Z",
    "space_separator": "Zs",
    "other": "C",
    "control": "Cc",
    "cntrl": "Cc",
    "format": "Cf",
    "unassigned": "Cn",
    "private_use": "Co",
    "surrogate": "Cs",
}


def _char(cp: int) -> str:
    """One code point as a Python-regex-safe escape (valid inside and outside classes)."""
    if cp < 0x80 and (chr(cp).isalnum()):
        return chr(cp)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def _ranges_src(ranges: list[tuple[int, int]]) -> str:
    out = []
    for lo, hi in ranges:
        out.append(_char(lo) if lo == hi else f"{_char(lo)}-{_char(hi)}")
    return "".join(out)


def _complement(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    nxt = 0
    for lo, hi in sorted(ranges):
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= sys.maxunicode:
        out.append((nxt, sys.maxunicode))
    return out


@functools.cache
def _category_ranges(prefix: str) -> tuple[tuple[int, int], ...]:
    cats = {"LC": ("Lu", "Ll", "Lt")}.get(prefix)
    out: list[tuple[int, int]] = []
    start = -1
    for cp in range(sys.maxunicode + 1):
        cat = unicodedata.category(chr(cp))
        hit = cat in cats if cats else cat.startswith(prefix)
        if hit and start < 0:
            start = cp
        elif not hit and start >= 0:
            out.append((start, cp - 1))
            start = -1
    if start >= 0:
        out.append((start, sys.maxunicode))
    return tuple(out)


def _property_ranges(name: str) -> list[tuple[int, int]]:
    key = name.split("=", 1)[-1].strip()
    norm = key.lower().replace(" ", "_").replace("-", "_")
    if norm in _CATEGORY_ALIASES:
        return list(_category_ranges(_CATEGORY_ALIASES[norm]))
    if key in {c for c in _CATEGORY_ALIASES.values()} or re.fullmatch(r"[LMNPSZC][a-z]?", key):
        return list(_category_ranges(key))
    if norm in {"any"}:
        return [(0, sys.maxunicode)]
    if norm in {"ascii"}:
        return [(0, 0x7F)]
    raise RegexTranslationError(f"unsupported Unicode property \\p{{{name}}}")


class _Reader:
    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0

    def more(self) -> bool:
        return self.i < len(self.src)

    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.src[j] if j < len(self.src) else ""

    def take(self) -> str:
        ch = self.src[self.i]
        self.i += 1
        return ch

    def fail(self, why: str) -> RegexTranslationError:
        return RegexTranslationError(f"{why} at offset {self.i} in pattern {self.src!r}")


def _read_hex(r: _Reader, n: int) -> int | None:
    digits = r.src[r.i : r.i + n]
    if len(digits) == n and all(c in "0123456789abcdefABCDEF" for c in digits):
        r.i += n
        return int(digits, 16)
    return None


def _read_unicode_escape(r: _Reader) -> int:
    """After ``\\u``: ``XXXX`` (joining surrogate pairs) or ``{X...}``."""
    if r.peek() == "{":
        end = r.src.find("}", r.i)
        if end < 0:
            raise r.fail("unterminated \\u{...}")
        try:
            cp = int(r.src[r.i + 1 : end], 16)
        except ValueError:
            raise r.fail("bad \\u{...} escape") from None
        if cp > sys.maxunicode:
            raise r.fail("code point out of range")
        r.i = end + 1
        return cp
    value = _read_hex(r, 4)
    if value is None:
        return ord("u")
    cp = value
    if 0xD800 <= cp <= 0xDBFF and r.src[r.i : r.i + 2] == "\\u":
        save = r.i
        r.i += 2
        low = _read_hex(r, 4)
        if low is not None and 0xDC00 <= low <= 0xDFFF:
            return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
        r.i = save
    return cp


def _escape(r: _Reader, in_class: bool) -> tuple[str, list[tuple[int, int]] | None, int | None]:
    """Read one escape after the backslash.

    Returns (python_source, class_ranges_or_None, single_code_point_or_None).
    """
    if not r.more():
        raise r.fail("trailing backslash")
    ch = r.take()
    shorthand = {"d": _DIGIT, "w": _WORD, "s": _SPACE}
    if ch.lower() in shorthand:
        ranges = shorthand[ch.lower()]
        if ch.isupper():
            ranges = _complement(ranges)
        return f"[{_ranges_src(ranges)}]", ranges, None
    if ch in "pP":
        if r.peek() != "{":
            raise r.fail("\\p needs {...}")
        end = r.src.find("}", r.i)
        if end < 0:
            raise r.fail("unterminated \\p{...}")
        ranges = _property_ranges(r.src[r.i + 1 : end])
        r.i = end + 1
        if ch == "P":
            ranges = _complement(ranges)
        return f"[{_ranges_src(ranges)}]", ranges, None
    if ch == "b":
        if in_class:
            return "\\x08", None, 8
        return _BOUNDARY, None, None
    if ch == "B" and not in_class:
        return _NON_BOUNDARY, None, None
    simple = {"t": 9, "n": 10, "v": 11, "f": 12, "r": 13, "0": 0}
    if ch in simple and not (ch == "0" and r.peek().isdigit()):
        cp = simple[ch]
        return _char(cp), None, cp
    if ch == "c":
        letter = r.peek()
        if letter.isascii() and letter.isalpha():
            r.take()
            cp = ord(letter) % 32
            return _char(cp), None, cp
        return "\\\\c", None, ord("\\")
    if ch == "x":
        value = _read_hex(r, 2)
        cp = ord("x") if value is None else value
        return _char(cp), None, cp
    if ch == "u":
        cp = _read_unicode_escape(r)
        return _char(cp), None, cp
    if ch.isdigit():
        if in_class:
            raise r.fail("backreference inside a character class")
        digits = ch
        while r.peek().isdigit():
            digits += r.take()
        return f"(?:\\{digits})", None, None
    if ch == "k" and not in_class and r.peek() == "<":
        end = r.src.find(">", r.i)
        if end < 0:
            raise r.fail("unterminated \\k<name>")
        name = r.src[r.i + 1 : end]
        r.i = end + 1
        return f"(?P={name})", None, None
    if ch.isascii() and ch.isalnum():
        raise r.fail(f"unknown escape \\{ch}")
    return _char(ord(ch)), None, ord(ch)


def _class(r: _Reader) -> str:
    """After ``[``: read a character class up to its ``]``."""
    negate = False
    if r.peek() == "^":
        r.take()
        negate = True
    if r.peek() == "]":
        r.take()
        return "[\\s\\S]" if negate else "(?!)"
    parts: list[str] = []
    prev_single: int | None = None
    while True:
        if not r.more():
            raise r.fail("unterminated character class")
        ch = r.take()
        if ch == "]":
            break
        if ch == "-" and prev_single is not None and r.peek() not in ("]", ""):
            # A range: prev_single - next.
            nch = r.take()
            if nch == "\\":
                _src, ranges, cp = _escape(r, True)
                if cp is None:
                    raise r.fail("class escape cannot end a range")
            else:
                cp = ord(nch)
            if cp < prev_single:
                raise r.fail("range out of order in character class")
            parts.append("-" + _char(cp))
            prev_single = None
            continue
        if ch == "\\":
            _src, ranges, cp = _escape(r, True)
            if ranges is not None:
                parts.append(_ranges_src(ranges))
                prev_single = None
            else:
                assert cp is not None
                parts.append(_char(cp))
                prev_single = cp
            continue
        cp = ord(ch)
        parts.append(_char(cp))
        prev_single = cp
    return "[" + ("^" if negate else "") + "".join(parts) + "]"


@functools.lru_cache(maxsize=4096)
def translate(pattern: str) -> str:
    """Return Python ``re`` source with the ECMA-262 (``u`` flag) meaning of ``pattern``.

    Raises :class:`RegexTranslationError` (a ``ValueError``) for malformed patterns.
    """
    r = _Reader(pattern)
    out: list[str] = []
    while r.more():
        ch = r.take()
        if ch == "\\":
            out.append(_escape(r, False)[0])
        elif ch == "[":
            out.append(_class(r))
        elif ch == ".":
            out.append(f"[^{_ranges_src(_LINE_TERMINATORS)}]")
        elif ch == "$":
            out.append("\\Z")
        elif ch == "^":
            out.append("^")
        elif ch == "(":
            if r.peek() == "?" and r.peek(1) == "<" and r.peek(2) not in ("=", "!"):
                r.i += 2
                out.append("(?P<")
            elif r.peek() == "?" and r.peek(1) not in (":", "=", "!", "<"):
                raise r.fail("unsupported group syntax")
            else:
                out.append("(")
        elif ch in "&~|#" or ch.isspace():
            out.append("|" if ch == "|" else _char(ord(ch)))
        else:
            out.append(ch)
    src = "".join(out)
    try:
        re.compile(src)
    except re.error as exc:
        raise RegexTranslationError(f"invalid pattern {pattern!r}: {exc}") from None
    return src
