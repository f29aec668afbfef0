"""Boolean expressions of generated validator code, as small objects.

An :class:`Expr` is the text of a condition plus what the emitter needs to know about it: its
precedence (so it is parenthesised only where Python needs it), whether a type checker sees it
as ``bool`` although instances are ``Any`` (a ``-> bool`` function may return it), and its
negation (``x < 5`` becomes ``x >= 5``, ``a or b`` becomes ``not (a or b)``).  The emitter
builds conditions from these and never parses the code it wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["FALSE", "TRUE", "Expr", "all_of", "any_of", "atom", "between", "compare", "group", "not_"]

_OR, _AND, _NOT, _COMPARE, _ATOM = range(1, 6)

#: Each comparison operator and the one that negates it.
_INVERSE = {
    "is": "is not",
    "is not": "is",
    "in": "not in",
    "not in": "in",
    "==": "!=",
    "!=": "==",
    "<": ">=",
    ">=": "<",
    ">": "<=",
    "<=": ">",
}
#: Comparisons that are ``bool`` whatever their operands are (``==`` on ``Any`` is ``Any``).
_ALWAYS_BOOL = frozenset({"is", "is not", "in", "not in"})


class Expr:
    """A generated expression: ``str()`` is its source (see the module docstring)."""

    __slots__ = ("_inner", "_negation", "is_bool", "prec", "text")

    def __init__(
        self, text: str, prec: int, is_bool: bool, negation: Callable[[], Expr] | None = None, inner: Expr | None = None
    ) -> None:
        self.text = text
        self.prec = prec
        #: True when a type checker sees ``bool`` (not ``Any``) for it in generated code.
        self.is_bool = is_bool
        self._negation = negation
        self._inner = inner

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Expr({self.text!r})"

    def operand(self, prec: int) -> str:
        """The source as an operand of an operator of precedence ``prec``."""
        return f"({self.text})" if self.prec < prec else self.text

    def negated(self) -> Expr:
        """The negation, without needless parentheses (``not not a`` is ``a``)."""
        if self._negation is not None:
            return self._negation()
        return not_(self)

    def unwrapped(self) -> Expr:
        """The expression without the parentheses :func:`group` put around it."""
        return self._inner.unwrapped() if self._inner is not None else self


def atom(text: str, *, is_bool: bool = False) -> Expr:
    """A name, a call or a literal; ``is_bool`` when it is known to be ``bool``."""
    return Expr(text, _ATOM, is_bool)


TRUE = atom("True", is_bool=True)
FALSE = atom("False", is_bool=True)


def compare(left: str, op: str, right: str, *, typed: bool = False) -> Expr:
    """``left op right``; ``typed`` when both operands have a known (not ``Any``) type, which
    makes an ordering or equality ``bool`` too."""
    return Expr(
        f"{left} {op} {right}",
        _COMPARE,
        op in _ALWAYS_BOOL or typed,
        lambda: compare(left, _INVERSE[op], right, typed=typed),
    )


def between(low: str, value: str, high: str) -> Expr:
    """The chained comparison ``low <= value <= high`` (of an ``Any`` value)."""
    chained = Expr(f"{low} <= {value} <= {high}", _COMPARE, False)
    chained._negation = lambda: Expr(f"not ({chained.text})", _NOT, True, lambda: chained)
    return chained


def not_(inner: Expr) -> Expr:
    return Expr(f"not {inner.operand(_NOT)}", _NOT, True, lambda: inner)


def group(inner: Expr) -> Expr:
    """``(inner)``, parenthesised even where Python would not need it; negated, the
    parentheses go (as a statement drops them)."""
    return Expr(f"({inner.text})", _ATOM, inner.is_bool, inner.negated, inner)


def any_of(parts: Sequence[Expr]) -> Expr:
    """``a or b or ...`` (one part: that part)."""
    return _joined(parts, " or ", _OR)


def all_of(parts: Sequence[Expr]) -> Expr:
    """``a and b and ...`` (one part: that part); an ``or`` among them is parenthesised."""
    return _joined(parts, " and ", _AND)


def _joined(parts: Sequence[Expr], word: str, prec: int) -> Expr:
    if len(parts) == 1:
        return parts[0]
    joined = Expr(word.join(part.operand(prec) for part in parts), prec, any(part.is_bool for part in parts))
    # ``a and b`` is ``bool | Any`` when one side is bool, and mypy accepts that as bool.
    joined._negation = lambda: Expr(f"not ({joined.text})", _NOT, True, lambda: joined)
    return joined
