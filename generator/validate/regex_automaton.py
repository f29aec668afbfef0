"""The position automaton `regex_linear` counts the ways of reading a text on: one state per
character of the pattern (Glushkov's construction), state 0 the search's start, with the number
of ways each edge is taken; and the graph algorithms the analysis runs on it."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.validate import regex_sets as sets
from generator.validate.regex_tree import (
    Alt,
    Backref,
    Chars,
    Group,
    Node,
    Parsed,
    Repeat,
    Seq,
    Span,
)

MAX_STATES = 5_000  # positions (after copying backreferenced groups)
UNROLL_POSITIONS = 1_000  # a bounded repetition with more positions unrolled counts as a loop
_SATURATED = 1 << 40


class TooComplex(Exception):
    """The pattern is too large to analyse within the limits."""


def _cap(n: int) -> int:
    return min(n, _SATURATED)


def _power(base: int, exponent: int) -> int:
    return _SATURATED if base > 1 and exponent >= 40 else _cap(base**exponent)


def _scaled(ways: dict[int, int], factor: int) -> dict[int, int]:
    return {p: _cap(n * factor) for p, n in ways.items()} if factor else {}


def _plus(a: dict[int, int], b: dict[int, int]) -> dict[int, int]:
    out = dict(a)
    for p, n in b.items():
        out[p] = _cap(out.get(p, 0) + n)
    return out


@dataclass
class Frag:
    """A sub-pattern: its first and last states (with the number of ways to them), the number of
    ways it matches empty, and the last states after which it ends with no condition left."""

    first: dict[int, int] = field(default_factory=dict)
    last: dict[int, int] = field(default_factory=dict)
    empty: int = 0
    free_last: frozenset[int] = frozenset()
    free_empty: bool = False


_EMPTY = Frag(empty=1, free_empty=True)
_ASSERTION = Frag(empty=1)


class Automaton:
    """States 1..n are the pattern's characters; state 0 is the start (the search's retries)."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.sets: list[sets.Ranges] = [sets.ANY]
        self.distinct: list[sets.Ranges] = [sets.ANY]  # each set once ...
        self.kind: list[int] = [0]  # ... and the index of each state's set in it
        self._kinds: dict[sets.Ranges, int] = {sets.ANY: 0}
        self.follow: list[dict[int, int]] = [{}]
        self.loops: dict[tuple[int, int], Span] = {}  # an edge back into a repetition -> its span

    def state(self, ranges: sets.Ranges) -> int:
        if len(self.sets) > MAX_STATES:
            raise TooComplex
        kind = self._kinds.setdefault(ranges, len(self.distinct))
        if kind == len(self.distinct):
            self.distinct.append(ranges)
        self.sets.append(ranges)
        self.kind.append(kind)
        self.follow.append({})
        return len(self.sets) - 1

    def link(self, last: dict[int, int], first: dict[int, int], factor: int = 1, loop: Span | None = None) -> None:
        for p, m in last.items():
            for q, n in first.items():
                self.follow[p][q] = _cap(self.follow[p].get(q, 0) + m * n * factor)
                if loop is not None:
                    old = self.loops.get((p, q))
                    if old is None or old[1] - old[0] < loop[1] - loop[0]:
                        self.loops[(p, q)] = loop

    def build(self, node: Node) -> Frag:
        if isinstance(node, Chars):
            p = self.state(sets.case_closure(node.ranges) if node.fold else node.ranges)
            return Frag({p: 1}, {p: 1}, 0, frozenset((p,)), False)
        if isinstance(node, Seq):
            out = _EMPTY
            for item in node.items:
                out = self.then(out, self.build(item))
            return out
        if isinstance(node, Alt):
            frags = [self.build(b) for b in node.branches]
            out = frags[0]
            for f in frags[1:]:
                out = Frag(_plus(out.first, f.first), _plus(out.last, f.last), _cap(out.empty + f.empty),
                            out.free_last | f.free_last, out.free_empty or f.free_empty)
            return out
        if isinstance(node, Group):
            return self.build(node.body)
        if isinstance(node, Repeat):
            return self.repeat(node)
        if isinstance(node, Backref):
            return self.build(self.parsed.groups[self.parsed.backrefs[node.ref]])
        return _ASSERTION  # Anchor, Look: zero width; a lookaround's body is checked on its own

    def then(self, a: Frag, b: Frag) -> Frag:
        self.link(a.last, b.first)
        return Frag(
            _plus(a.first, _scaled(b.first, a.empty)),
            _plus(b.last, _scaled(a.last, b.empty)),
            _cap(a.empty * b.empty),
            b.free_last | (a.free_last if b.free_empty else frozenset()),
            a.free_empty and b.free_empty,
        )

    def repeat(self, node: Repeat) -> Frag:
        if node.max == 0:
            return _EMPTY
        if node.max is not None and node.max > 1 and positions(node, self.parsed) <= UNROLL_POSITIONS:
            return self.unrolled(node, node.max)
        body = self.build(node.body)
        if node.max == 1:
            if node.min == 1:
                return body
            return Frag(body.first, body.last, _cap(body.empty + 1), body.free_last, True)
        # A loop. At the end, each way the body matches empty is one more way out (`re` stops
        # looping after an empty iteration). The iterations that must happen (the first `min`)
        # may each match empty and go on, so a nullable body multiplies the ways into the loop.
        self.link(body.last, body.first, 1, loop=node.span)
        forced = _power(1 + body.empty, max(node.min, 1) - 1) if body.empty else 1
        if node.min == 0:
            empty = _cap(1 + body.empty)
        else:
            empty = _cap(_power(body.empty, node.min) * (1 + body.empty)) if body.empty else 0
        return Frag(_scaled(body.first, forced), _scaled(body.last, forced), empty, body.free_last,
                     node.min == 0 or body.free_empty)

    def unrolled(self, node: Repeat, most: int) -> Frag:
        """`x{m,n}` as m copies of x followed by n - m nested optional ones: `re` counts the
        iterations, so they read the text one after the other, never in two orders."""
        rest: Frag | None = None
        for _ in range(most - node.min):  # the optional tail, innermost first
            body = self.build(node.body)
            inner = body if rest is None else self.then(body, rest)
            rest = Frag(inner.first, inner.last, _cap(inner.empty + 1), inner.free_last, True)
        out = _EMPTY
        for _ in range(node.min):
            out = self.then(out, self.build(node.body))
        return out if rest is None else self.then(out, rest)


def positions(node: Node, parsed: Parsed) -> int:
    """How many states `node` makes, bounded repetitions unrolled (an upper bound)."""
    if isinstance(node, Chars):
        return 1
    if isinstance(node, Group):
        return positions(node.body, parsed)
    if isinstance(node, Backref):
        return positions(parsed.groups[parsed.backrefs[node.ref]], parsed)
    if isinstance(node, Repeat):
        body = positions(node.body, parsed)
        return body * node.max if node.max is not None and node.max > 1 else body
    if isinstance(node, (Seq, Alt)):
        return sum(positions(n, parsed) for n in (node.items if isinstance(node, Seq) else node.branches))
    return 0  # anchors and lookarounds: zero width


# -- graph helpers ---------------------------------------------------------------------------------


def components(nodes: list[int], succ: dict[int, list[int]]) -> list[list[int]]:
    """Strongly connected components (iterative Tarjan), in reverse topological order."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    out: list[list[int]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(succ.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            advanced = False
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(succ.get(w, ()))))
                    advanced = True
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp)
    return out


def reachable(starts: set[int], succ: dict[int, list[int]]) -> set[int]:
    seen = set(starts)
    todo = list(starts)
    while todo:
        for w in succ.get(todo.pop(), ()):
            if w not in seen:
                seen.add(w)
                todo.append(w)
    return seen


def reverse(succ: dict[int, list[int]]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for p, qs in succ.items():
        for q in qs:
            out.setdefault(q, []).append(p)
    return out
