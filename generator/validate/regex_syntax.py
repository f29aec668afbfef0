"""A pattern read into its syntax tree (`regex_tree`, which says what each dialect means): the
structure here (alternatives, groups, lookarounds, quantifiers, backreferences and their
numbering), the characters, escapes and classes in `regex_chars`.
"""

from __future__ import annotations

import re

from generator.validate import regex_sets as sets
from generator.validate.regex_chars import CharReader, Flags
from generator.validate.regex_tree import (
    MAX_DEPTH,
    Alt,
    Anchor,
    AnchorKind,
    Backref,
    Chars,
    Dialect,
    Group,
    Look,
    Node,
    Parsed,
    Repeat,
    Seq,
    named_set,
)

_OPTION_NAMES = {"i": "ignore_case", "m": "multiline", "s": "singleline", "n": "explicit_capture", "x": "extended"}
_ECMA_GROUP_NAME = re.compile(r"[$_\w][$\w]*")
_DOTNET_GROUP_NAME = re.compile(r"\w+")


def parse(pattern: str, dialect: Dialect) -> Parsed:
    """The syntax tree of `pattern`; raises RegexTranslationError for what is not a pattern."""
    return _Parser(pattern, dialect).run()


class _Parser(CharReader):
    """The structure: alternatives, sequences, groups, lookarounds, quantifiers, backreferences."""

    def __init__(self, src: str, dialect: Dialect) -> None:
        super().__init__(src, dialect)
        self.depth = 0
        self.group_count = 0
        self.groups: dict[int, Node] = {}
        self.unnamed: list[int] = []  # ids of the groups numbered in order
        self.named: dict[str, int] = {}  # group name -> id
        self.refs: list[Backref] = []

    # -- structure -------------------------------------------------------------------------------

    def run(self) -> Parsed:
        root = self.alternation(Flags())
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

    def alternation(self, flags: Flags) -> Node:
        branches = [self.sequence(flags)]
        while self.peek() == "|":
            self.take()
            branches.append(self.sequence(flags))
        return branches[0] if len(branches) == 1 else Alt(tuple(branches))

    def sequence(self, flags: Flags) -> Node:
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

    def options(self, flags: Flags, at: int, close: str) -> bool:
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

    def atom(self, flags: Flags) -> Node:
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

    def group(self, flags: Flags, start: int) -> Node:
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

    # -- escapes outside classes ---------------------------------------------------------------------------------

    def escape_atom(self, flags: Flags, start: int) -> Node:
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


_BRACES = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")
_MAX_REPEAT = 2**32 - 1  # Python's `re` refuses counts from here on
