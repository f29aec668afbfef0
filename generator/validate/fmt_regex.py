"""Run-time check of the regex format (ECMA-262 pattern syntax), copied into generated validators.

JSON Schema patterns are ECMA-262 regular expressions; this reads one with the grammar of the
``u`` flag (no Annex B leniency: a lone ``{`` or ``]``, ``\\a`` or a quantified lookahead is
an error) and checks what the grammar alone cannot: group names unique, ``\\k<name>`` and
``\\N`` naming groups that exist, class ranges in order.  Iterative, linear in the pattern.
The source the emitter copies from (see :mod:`generator.validate.formats`).
"""

import re

_REGEX_QUANTIFIER = re.compile(r"\{([0-9]+)(?:(,)([0-9]*))?\}\??").match
_REGEX_HEX = re.compile(r"[0-9A-Fa-f]+").fullmatch
_REGEX_PROPERTY = re.compile(r"[A-Za-z_]+(?:=[A-Za-z0-9_]+)?").fullmatch
_REGEX_SYNTAX = "^$\\.*+?()[]{}|/"
_REGEX_CONTROL = {"f": 12, "n": 10, "r": 13, "t": 9, "v": 11}


def _regex_escape(src: str, i: int, in_class: bool) -> tuple[int, int]:
    """Read the escape after the backslash at ``src[i - 1]``: (end, code point), where the code
    point is -1 for a class escape (``\\d``, ``\\p{L}``), -2 for an assertion (``\\b``),
    -3 for a back reference, and the end is -1 when the escape is not valid."""
    if i >= len(src):
        return -1, 0
    ch = src[i]
    if ch in "dDwWsS":
        return i + 1, -1
    if ch in "pP":
        end = src.find("}", i)
        if i + 1 < len(src) and src[i + 1] == "{" and _REGEX_PROPERTY(src[i + 2 : end]):
            return end + 1, -1
        return -1, 0
    if ch == "b":
        return i + 1, 8 if in_class else -2
    if ch == "B" and not in_class:
        return i + 1, -2
    if ch in _REGEX_CONTROL:
        return i + 1, _REGEX_CONTROL[ch]
    if ch == "0" and not src[i + 1 : i + 2].isdigit():
        return i + 1, 0
    if ch.isdigit() and ch.isascii() and ch != "0" and not in_class:
        return i + 1, -3
    if ch == "c":
        letter = src[i + 1 : i + 2]
        return (i + 2, ord(letter) % 32) if letter.isascii() and letter.isalpha() else (-1, 0)
    if ch == "x":
        return (
            (i + 3, int(src[i + 1 : i + 3], 16))
            if _REGEX_HEX(src[i + 1 : i + 3] or "-") and i + 3 <= len(src)
            else (-1, 0)
        )
    if ch == "u":
        if src[i + 1 : i + 2] == "{":
            end = src.find("}", i)
            digits = src[i + 2 : end]
            if end < 0 or not _REGEX_HEX(digits) or int(digits, 16) > 0x10FFFF:
                return -1, 0
            return end + 1, int(digits, 16)
        if not _REGEX_HEX(src[i + 1 : i + 5]) or len(src) < i + 5:
            return -1, 0
        cp = int(src[i + 1 : i + 5], 16)
        low_src = src[i + 7 : i + 11]
        low = int(low_src, 16) if _REGEX_HEX(low_src) and len(low_src) == 4 else -1
        if 0xD800 <= cp <= 0xDBFF and src[i + 5 : i + 7] == "\\u" and 0xDC00 <= low <= 0xDFFF:
            return i + 11, 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00)
        return i + 5, cp
    if ch in _REGEX_SYNTAX or (in_class and ch == "-"):
        return i + 1, ord(ch)
    return -1, 0


def _regex_class(src: str, i: int) -> int:
    """Read a character class from after its ``[``: the index after its ``]``, or -1."""
    if src[i : i + 1] == "^":
        i += 1
    while i < len(src) and src[i] != "]":
        low = ord(src[i])
        i += 1
        if low == 0x5C:  # backslash
            i, low = _regex_escape(src, i, True)
            if i < 0:
                return -1
        if src[i : i + 1] == "-" and src[i + 1 : i + 2] not in ("]", ""):
            high = ord(src[i + 1])
            i += 2
            if high == 0x5C:
                i, high = _regex_escape(src, i, True)
                if i < 0:
                    return -1
            if low < 0 or high < 0 or high < low:
                return -1  # a class escape cannot bound a range, nor may a range run backwards
    return i + 1 if i < len(src) else -1


def _regex_name(src: str, i: int) -> tuple[int, str]:
    """Read a group name from after its ``<``: (the index after ``>``, the name) or (-1, "")."""
    end = src.find(">", i)
    name = src[i:end]
    word = name.replace("$", "_").replace("\u200c", "_").replace("\u200d", "_")
    if end < 0 or not word.isidentifier() or not name[:1].replace("$", "_").isidentifier():
        return -1, ""
    return end + 1, name


def _fmt_regex(value: str) -> bool:
    """An ECMA-262 regular expression, read with the grammar of the ``u`` flag."""
    groups, backref, names, refs = 0, 0, set(), []
    stack: list[str] = []
    atom = False  # can a quantifier follow?
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "\\":
            if value[i + 1 : i + 2] == "k":
                end, name = _regex_name(value, i + 3) if value[i + 2 : i + 3] == "<" else (-1, "")
                refs.append(name)
                cp = 0
            else:
                end, cp = _regex_escape(value, i + 1, False)
            if cp == -3:
                end = i + 2
                while end < len(value) and value[end].isascii() and value[end].isdigit():
                    end += 1
                backref = max(backref, int(value[i + 1 : end]))
            if end < 0:
                return False
            i, atom = end, cp != -2
        elif ch == "(":
            if value.startswith("(?:", i):
                kind, i = "group", i + 3
            elif value.startswith(("(?=", "(?!"), i):
                kind, i = "look", i + 3
            elif value.startswith(("(?<=", "(?<!"), i):
                kind, i = "look", i + 4
            elif value.startswith("(?<", i):
                i, name = _regex_name(value, i + 3)
                if i < 0 or name in names:
                    return False
                names.add(name)
                kind, groups = "group", groups + 1
            elif value.startswith("(?", i):
                return False
            else:
                kind, i, groups = "group", i + 1, groups + 1
            stack.append(kind)
            atom = False
        elif ch == ")":
            if not stack:
                return False
            atom = stack.pop() == "group"
            i += 1
        elif ch == "[":
            i = _regex_class(value, i + 1)
            if i < 0:
                return False
            atom = True
        elif ch in "*+?{":
            match = _REGEX_QUANTIFIER(value, i) if ch == "{" else None
            if not atom or (ch == "{" and match is None):
                return False
            if match is not None:
                low, high = match[1].lstrip("0"), (match[3] or "").lstrip("0")
                if match[3] and (len(high), high) < (len(low), low):
                    return False  # {n,m} with m < n (compared as digit strings: any length)
                i = match.end()
            else:
                i += 2 if value[i + 1 : i + 2] == "?" else 1
            atom = False
        elif ch in "}]":
            return False
        else:
            atom = ch not in "|^$"
            i += 1
    return not stack and backref <= groups and all(name in names for name in refs)
