"""Sets of code points for the regex translator: sorted, merged `(low, high)` ranges.

The shorthand classes differ per dialect. ECMA-262 (JSON Schema) is ASCII for `\\d` and `\\w`;
.NET (how Azure services check parameters) is Unicode: `\\d` is the category Nd, `\\w` is
L + Mn + Nd + Pc, `\\s` is `[\\f\\n\\r\\t\\v\\x85\\p{Z}]`, and `\\b` also counts U+200C/U+200D as
word characters. Categories come from the frozen table in `unicode_categories`.
"""

from __future__ import annotations

import functools
import sys

from generator.validate import unicode_categories

Ranges = tuple[tuple[int, int], ...]

ANY: Ranges = ((0, sys.maxunicode),)

ECMA_DIGIT: Ranges = ((0x30, 0x39),)
ECMA_WORD: Ranges = ((0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A))
ECMA_SPACE: Ranges = (
    (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
    (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
)
ECMA_LINE_TERMINATORS: Ranges = ((0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029))
NEWLINE: Ranges = ((0x0A, 0x0A),)

# Unicode property aliases ECMA accepts, mapped to general-category prefixes.
CATEGORY_ALIASES = {
    "letter": "L", "cased_letter": "LC", "uppercase_letter": "Lu", "lowercase_letter": "Ll",
    "titlecase_letter": "Lt", "modifier_letter": "Lm", "other_letter": "Lo", "mark": "M",
    "number": "N", "decimal_number": "Nd", "digit": "Nd", "letter_number": "Nl",
    "other_number": "No", "punctuation": "P", "punct": "P", "symbol": "S", "separator": "Z",
    "space_separator": "Zs", "other": "C", "control": "Cc", "cntrl": "Cc", "format": "Cf",
    "unassigned": "Cn", "private_use": "Co", "surrogate": "Cs",
}
CATEGORIES = frozenset((
    "L", "LC", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc",
    "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc",
    "Cf", "Cs", "Co", "Cn",
))


def normalize(ranges: list[tuple[int, int]] | Ranges) -> Ranges:
    """Sorted, overlapping and adjacent ranges merged."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def union(*sets: Ranges) -> Ranges:
    return normalize([r for s in sets for r in s])


def complement(ranges: Ranges) -> Ranges:
    out = []
    nxt = 0
    for lo, hi in ranges:
        if lo > nxt:
            out.append((nxt, lo - 1))
        nxt = max(nxt, hi + 1)
    if nxt <= sys.maxunicode:
        out.append((nxt, sys.maxunicode))
    return tuple(out)


def subtract(ranges: Ranges, removed: Ranges) -> Ranges:
    return intersection(ranges, complement(removed))


def intersection(a: Ranges, b: Ranges) -> Ranges:
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if lo <= hi:
            out.append((lo, hi))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return tuple(out)


def size(ranges: Ranges) -> int:
    return sum(hi - lo + 1 for lo, hi in ranges)


@functools.cache
def _category_table() -> dict[str, Ranges]:
    """Two-letter general category -> its ranges, from the frozen table (so that the generated
    code does not depend on the generator's Python version)."""
    found: dict[str, list[tuple[int, int]]] = {}
    runs = [(int(run[:-2], 16), run[-2:]) for run in unicode_categories.RUNS.split()]
    for (start, cat), (following, _) in zip(runs, [*runs[1:], (sys.maxunicode + 1, "")]):
        found.setdefault(cat, []).append((start, following - 1))
    return {cat: tuple(ranges) for cat, ranges in found.items()}


@functools.cache
def category(name: str) -> Ranges:
    """A general category (`Lu`), a group of them (`L`), or `LC` (cased letters)."""
    table = _category_table()
    wanted = ("Lu", "Ll", "Lt") if name == "LC" else tuple(c for c in table if c.startswith(name))
    return union(*(table.get(c, ()) for c in wanted))


@functools.cache
def dotnet_digit() -> Ranges:
    return category("Nd")


@functools.cache
def dotnet_word() -> Ranges:
    return union(category("L"), category("Mn"), category("Nd"), category("Pc"))


@functools.cache
def dotnet_space() -> Ranges:
    return union(((0x09, 0x0D), (0x85, 0x85)), category("Z"))


@functools.cache
def dotnet_boundary_word() -> Ranges:
    return union(dotnet_word(), ((0x200C, 0x200D),))


@functools.cache
def case_closure(ranges: Ranges) -> Ranges:
    """`ranges` with the other cases of its characters added (an over-approximation for large
    sets: every character that has another case, which is all the analysis needs)."""
    if size(ranges) > 20_000:
        return union(ranges, _cased())
    extra = []
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            for other in {ch.lower(), ch.upper(), ch.casefold()}:
                if len(other) == 1:
                    extra.append((ord(other), ord(other)))
    # Characters whose other case lands in the set (K for the Kelvin sign, and so on).
    members = ranges
    for cp_lo, cp_hi in _cased():
        for cp in range(cp_lo, cp_hi + 1):
            ch = chr(cp)
            if any(len(o) == 1 and contains(members, ord(o)) for o in {ch.lower(), ch.upper(), ch.casefold()}):
                extra.append((cp, cp))
    return union(ranges, normalize(extra))


@functools.cache
def _cased() -> Ranges:
    """Every character that changes under lower(), upper() or casefold()."""
    out = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch:
            out.append((cp, cp))
    return normalize(out)


def contains(ranges: Ranges, cp: int) -> bool:
    lo_i, hi_i = 0, len(ranges)
    while lo_i < hi_i:
        mid = (lo_i + hi_i) // 2
        lo, hi = ranges[mid]
        if cp < lo:
            hi_i = mid
        elif cp > hi:
            lo_i = mid + 1
        else:
            return True
    return False


def char(cp: int) -> str:
    """One code point as a Python-regex-safe escape (valid inside and outside classes)."""
    if cp < 0x80 and chr(cp).isalnum():
        return chr(cp)
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    if cp <= 0xFFFF:
        return f"\\u{cp:04x}"
    return f"\\U{cp:08x}"


def source(ranges: Ranges) -> str:
    """The ranges as the inside of a Python character class."""
    return "".join(char(lo) if lo == hi else f"{char(lo)}-{char(hi)}" for lo, hi in ranges)
