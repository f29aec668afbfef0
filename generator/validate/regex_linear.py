"""Does matching a pattern take time linear in the input? A sound over-approximation.

Python's `re` backtracks: before it gives up on an input it tries every way the pattern can read
it, and `re.search` does so from every start position. The number of those ways is what makes a
pattern slow, so the analysis counts them on the pattern's position automaton (one state per
character of the pattern, as in Glushkov's construction), keeping apart the ways that differ only
in how a repetition is split into iterations (`(a*)*` reads `aa` as one iteration or two). After
Weber & Seidl (1991) and Weideman et al. (2016), a backtracking search takes

- exponential time iff some state can return to itself along two different paths that read the
  same text (`(a+)+`, `(a|a)*`, `(a*)*`);
- polynomial time (quadratic or worse) iff two different looping states p and q can read one
  text on each of p→p, p→q and q→q (`\\d*\\d*x`; and `[a-z]+x` without `^`, whose search starts
  at every position: the search's own retry loop is p);
- linear time otherwise.

A counted repetition `x{m,n}` is read as what it is, m copies of x then n - m nested optional
ones (`x{1,3}` is `x(?:x(?:x)?)?`): it reads a bounded amount of text, so `\\d{2}-\\d{4}` is linear
even unanchored, while `(a|a){20}` still has 2**20 ways to fail. Over-approximations keep the
answer sound: a counted repetition too large to unroll (see `regex_automaton.UNROLL_POSITIONS`)
counts as unbounded, zero-width assertions count as always true
(they only remove ways), a backreference as a copy of its group, an atomic group as an ordinary
one. A search that reaches a state from which the pattern ends with no further condition
succeeds, so such states do not count for the search's retries (`[a-z]+` is linear; `[a-z]+$` is
not). A lookaround whose body is not bounded in length is allowed only where it runs once: right
after a leading `^`, before anything of unbounded length.
"""

from __future__ import annotations

import functools

from generator.validate import regex_sets as sets
from generator.validate.regex import translate
from generator.validate.regex_automaton import (
    Automaton,
    Frag,
    TooComplex,
    components,
    reachable,
    reverse,
)
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
    Repeat,
    Seq,
    Span,
)

__all__ = ["superlinear"]

MAX_STEPS = 200_000  # product-automaton edges looked at (a second at most)
# Ways to read one text from one start position: a constant factor of the matching time. As
# many as the pattern has characters is what any alternation costs; more is refused.
MAX_WAYS = 256


@functools.lru_cache(maxsize=4096)
def superlinear(pattern: str, dialect: Dialect = "ecma") -> str | None:
    """None when searching with `pattern` takes time linear in the input, else why it may not.

    Raises RegexTranslationError for a pattern that is not one (see `regex.translate`).
    """
    translate(pattern, dialect)
    parsed = parse(pattern, dialect)
    try:
        return _Analysis(parsed, pattern).run()
    except TooComplex:
        return (
            "the pattern is too complex to show that matching it takes time linear in the "
            "length of the input; simplify it"
        )


# -- the analysis ----------------------------------------------------------------------------------


class _Analysis:
    def __init__(self, parsed: Parsed, pattern: str) -> None:
        self.parsed = parsed
        self.pattern = pattern
        self.steps = 0
        self._overlap: dict[tuple[int, ...], bool] = {}

    def run(self) -> str | None:
        for look, once in _lookarounds(self.parsed):
            sub = Parsed(look.body, self.parsed.dialect, self.parsed.groups, self.parsed.backrefs)
            why = _Analysis(sub, self.pattern).matching(anchored=True)
            if why is not None:
                return why
            if not once and _longest(look.body, self.parsed) is None:
                return (
                    f"the lookaround {self.shown(look.span)} can read to the end of the input and is "
                    "tried at many positions: matching takes time quadratic in the length of the "
                    "input; make its body bounded, or put it right after a leading ^"
                )
        return self.matching(anchored=_anchored(self.parsed.root))

    def shown(self, span: Span) -> str:
        text = self.pattern[span[0] : span[1]]
        return f"{text!r} (offset {span[0]})"

    def matching(self, anchored: bool) -> str | None:
        auto = Automaton(self.parsed)
        root = auto.build(self.parsed.root)
        auto.link({0: 1}, root.first)
        self.auto = auto
        if not anchored:
            auto.follow[0][0] = 1  # the search tries the next start position
        succ = {p: list(f) for p, f in enumerate(auto.follow)}
        why = self.exponential(succ)
        if why is not None:
            return why
        why = self.polynomial(succ, skip_start=True)
        if why is None and not anchored and not root.free_empty:
            # A failing search never reaches a state after which the pattern ends with no
            # condition left (from there it succeeds): those do not count for its retries.
            pruned = {p: [q for q in qs if q not in root.free_last] for p, qs in succ.items() if p not in root.free_last}
            why = self.polynomial(pruned, skip_start=False)
        return why or self.ways(root)

    def ways(self, root: Frag) -> str | None:
        """With the shapes above ruled out, the ways to read one text from one start position
        are bounded; count the most of them over all texts (a subset construction that keeps,
        per state, the number of ways to it), and refuse a large bound: `re` tries them all."""
        worst = root.empty
        limit = max(MAX_WAYS, len(self.auto.sets))
        start: tuple[tuple[int, int], ...] = ((0, 1),)
        seen = {start}
        todo = [start]
        groups = self.alphabet()
        where: dict[int, list[int]] = {}  # state -> the character groups it takes
        for g, members in enumerate(groups):
            for q in members:
                where.setdefault(q, []).append(g)
        while todo and worst <= limit:
            by_group: dict[int, dict[int, int]] = {}
            current = todo.pop()
            self.tick(len(current))
            for p, n in current:
                for q, m in self.auto.follow[p].items():
                    for g in where.get(q, ()) if q else ():
                        reached = by_group.setdefault(g, {})
                        reached[q] = min(reached.get(q, 0) + n * m, limit + 1)
            for reached in by_group.values():
                ending = sum(n * root.last.get(q, 0) for q, n in reached.items())
                worst = max(worst, sum(reached.values()), ending)
                key = tuple(sorted(reached.items()))
                if key not in seen:
                    seen.add(key)
                    todo.append(key)
        if worst <= limit:
            return None
        return (
            f"the pattern can match one text in more than {limit} ways (nested or repeated "
            "optional parts, or alternatives that match the same text): a failing match tries "
            "all of them; rewrite it so that each text has one way to match"
        )

    def alphabet(self) -> list[frozenset[int]]:
        """The characters, grouped by the states that take them: one set of states per group."""
        events: dict[int, list[tuple[int, int]]] = {}  # boundary -> (state, +1 entering / -1 leaving)
        for state, ranges in enumerate(self.auto.sets):
            if state == 0:
                continue
            for lo, hi in ranges:
                events.setdefault(lo, []).append((state, 1))
                events.setdefault(hi + 1, []).append((state, -1))
        active: set[int] = set()
        groups: set[frozenset[int]] = set()
        for point in sorted(events):
            for state, change in events[point]:
                if change > 0:
                    active.add(state)
                else:
                    active.discard(state)
            self.tick()
            if active:
                groups.add(frozenset(active))
        return sorted(groups, key=sorted)

    def overlap_kinds(self, *kinds: int) -> bool:
        """Whether the sets (indexes into `distinct`) have a common character."""
        key = tuple(sorted(set(kinds)))
        hit = self._overlap.get(key)
        if hit is None:
            common = self.auto.distinct[key[0]]
            for k in key[1:]:
                common = sets.intersection(common, self.auto.distinct[k])
            hit = self._overlap[key] = bool(common)
        return hit

    def by_kind(self, states: list[int]) -> list[tuple[int, list[int]]]:
        """`states` grouped by the set they take."""
        groups: dict[int, list[int]] = {}
        for q in states:
            groups.setdefault(self.auto.kind[q], []).append(q)
        return list(groups.items())

    def tick(self, steps: int = 1) -> None:
        self.steps += steps
        if self.steps > MAX_STEPS:
            raise TooComplex

    def loop_span(self, comp: set[int]) -> Span | None:
        spans = [span for (p, q), span in self.auto.loops.items() if p in comp and q in comp]
        return max(spans, key=lambda s: s[1] - s[0]) if spans else None

    def exponential(self, succ: dict[int, list[int]]) -> str | None:
        """Two different paths from a state back to itself, reading one text."""
        for comp in components(list(succ), succ):
            members = set(comp)
            inside = {p: [q for q in succ[p] if q in members] for p in comp}
            if not any(inside.values()):
                continue  # a single state without a loop
            twice = any(self.auto.follow[p][q] > 1 for p in comp for q in inside[p])
            if twice or self.diverges(comp, inside):
                span = self.loop_span(members)
                shown = self.shown(span) if span else "a repetition"
                return (
                    f"{shown} can match the same text in more than one way, repeatedly: a "
                    "failing match takes time exponential in the length of the input"
                )
        return None

    def diverges(self, comp: list[int], inside: dict[int, list[int]]) -> bool:
        """Whether the pair automaton on `comp` has a cycle through a pair of one state and a
        pair of two different states."""
        grouped = {p: self.by_kind(qs) for p, qs in inside.items()}
        pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
        todo = [(p, p) for p in comp]
        seen = set(todo)
        while todo:
            a, b = todo.pop()
            self.tick(len(inside[a]) * len(inside[b]))
            nexts = [
                (a2, b2)
                for ka, firsts in grouped[a]
                for kb, seconds in grouped[b]
                if self.overlap_kinds(ka, kb)
                for a2 in firsts
                for b2 in seconds
            ]
            for pair in nexts:
                if pair not in seen:
                    seen.add(pair)
                    todo.append(pair)
            pairs[(a, b)] = nexts
        keys = list(pairs)
        index = {pair: i for i, pair in enumerate(keys)}
        graph = {i: [index[n] for n in pairs[pair]] for i, pair in enumerate(keys)}
        for group in components(list(graph), graph):
            same = {keys[i][0] == keys[i][1] for i in group}
            if same == {True, False}:
                return True
        return False

    def polynomial(self, succ: dict[int, list[int]], *, skip_start: bool) -> str | None:
        """Looping states p != q with p→p, p→q and q→q on one text (the start is p only when
        `skip_start` is off: then the search's retries are the loop)."""
        comps = components(list(succ), succ)
        looping = [c for c in comps if len(c) > 1 or c[0] in succ.get(c[0], ())]
        where = {p: i for i, c in enumerate(looping) for p in c}
        back = reverse(succ)
        for c1 in looping:
            if (0 in c1) == skip_start:
                continue
            after = reachable(set(c1), succ)
            for c2 in looping:
                if c2 is c1 or c2[0] not in after:
                    continue
                middle = after & reachable(set(c2), back)
                for p in c1:
                    for q in c2:
                        if self.pumps(p, q, set(c1), middle, set(c2), succ):
                            return self.polynomial_message(c1, c2, where)
        return None

    def pumps(self, p: int, q: int, c1: set[int], middle: set[int], c2: set[int], succ: dict[int, list[int]]) -> bool:
        """A path from (p, p, q) to (p, q, q) in the triple automaton: one text read on the
        ways p→p (inside c1), p→q (through `middle`) and q→q (inside c2)."""
        kind = self.auto.kind
        start, goal = (p, p, q), (p, q, q)
        seen = {start}
        todo = [start]
        while todo:
            a, b, c = todo.pop()
            firsts = [x for x in succ[a] if x in c1]
            seconds = [y for y in succ[b] if y in middle]
            thirds = [z for z in succ[c] if z in c2]
            self.tick(len(firsts) * len(seconds) * len(thirds))
            for x in firsts:
                for y in seconds:
                    if not self.overlap_kinds(kind[x], kind[y]):
                        continue
                    for z in thirds:
                        step = (x, y, z)
                        if step in seen or not self.overlap_kinds(kind[x], kind[y], kind[z]):
                            continue
                        if step == goal:
                            return True
                        seen.add(step)
                        todo.append(step)
        return False

    def polynomial_message(self, c1: list[int], c2: list[int], where: dict[int, int]) -> str:
        second = self.loop_span(set(c2))
        b = self.shown(second) if second else "a repetition"
        if 0 in c1:
            return (
                f"the pattern is not anchored with ^, and {b} can match text that a failing search "
                "reads again from every start position: time quadratic in the length of the "
                "input; anchor the pattern with ^"
            )
        first = self.loop_span(set(c1))
        a = self.shown(first) if first else "a repetition"
        return (
            f"{a} and {b} can match the same text one after the other: a failing match takes "
            "time quadratic (or worse) in the length of the input"
        )


# -- facts about the syntax tree -------------------------------------------------------------------


def _anchored(node: Node) -> bool:
    """Whether every match passes a start anchor (^, \\A) before it reads anything."""
    if isinstance(node, Anchor):
        return node.kind == "start"
    if isinstance(node, Seq):
        for item in node.items:
            if _anchored(item):
                return True
            if not _zero_width(item):
                return False
        return False
    if isinstance(node, Alt):
        return all(_anchored(b) for b in node.branches)
    if isinstance(node, Group):
        return _anchored(node.body)
    if isinstance(node, Repeat):
        return node.min >= 1 and _anchored(node.body)
    return False


def _zero_width(node: Node) -> bool:
    if isinstance(node, (Anchor, Look)):
        return True
    if isinstance(node, (Seq, Alt)):
        return all(_zero_width(n) for n in (node.items if isinstance(node, Seq) else node.branches))
    if isinstance(node, Group):
        return _zero_width(node.body)
    if isinstance(node, Repeat):
        return node.max == 0 or _zero_width(node.body)
    return False


def _longest(node: Node, parsed: Parsed) -> int | None:
    """The most characters `node` can read; None when unbounded (or absurdly large)."""
    if isinstance(node, Chars):
        return 1
    if isinstance(node, (Anchor, Look)):
        return 0
    if isinstance(node, Group):
        return _longest(node.body, parsed)
    if isinstance(node, Backref):
        return _longest(parsed.groups[parsed.backrefs[node.ref]], parsed)
    if isinstance(node, Repeat):
        body = _longest(node.body, parsed)
        if node.max is None or body is None:
            return None if body != 0 else 0
        total = body * node.max
        return total if total <= 1_000_000 else None
    parts = [_longest(n, parsed) for n in (node.items if isinstance(node, Seq) else node.branches)]
    if any(p is None for p in parts):
        return None
    known = [p for p in parts if p is not None]
    return sum(known) if isinstance(node, Seq) else max(known)


def _lookarounds(parsed: Parsed) -> list[tuple[Look, bool]]:
    """Every lookaround, and whether it runs at most once per search: an item of the pattern's
    top-level sequence after a leading ^ and after nothing of unbounded length."""
    root = parsed.root
    once: set[int] = set()
    anchored, bounded = False, True
    for item in root.items if isinstance(root, Seq) else (root,):
        if isinstance(item, Anchor) and item.kind == "start":
            anchored = True
        if isinstance(item, Look) and anchored and bounded:
            once.add(id(item))
        if _longest(item, parsed) is None:
            bounded = False
    out: list[tuple[Look, bool]] = []
    todo: list[Node] = [root]
    while todo:
        node = todo.pop()
        if isinstance(node, Look):
            out.append((node, id(node) in once))
            todo.append(node.body)
        elif isinstance(node, Seq):
            todo.extend(node.items)
        elif isinstance(node, Alt):
            todo.extend(node.branches)
        elif isinstance(node, (Group, Repeat)):
            todo.append(node.body)
    return out
