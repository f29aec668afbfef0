"""The validator emitter's conditions (generator/validate/expr.py): precedence, negation, and
whether a type checker sees ``bool``; and the writer that keeps them with their ``if`` lines."""

from __future__ import annotations

from generator.validate.expr import (
    FALSE,
    all_of,
    any_of,
    atom,
    between,
    compare,
    group,
    not_,
)
from generator.validate.source import Writer

X_LT_5 = compare("x", "<", "5")
IS_STR = atom("isinstance(x, str)", is_bool=True)


def test_a_comparison_negates_to_its_inverse_operator() -> None:
    assert str(X_LT_5.negated()) == "x >= 5"
    assert str(compare("k", "in", "_K1").negated()) == "k not in _K1"
    assert str(compare("_R1(k)", "is not", "None").negated()) == "_R1(k) is None"
    assert str(X_LT_5.negated().negated()) == "x < 5"


def test_negation_of_not_drops_it_and_of_and_or_parenthesises() -> None:
    assert str(not_(IS_STR).negated()) == "isinstance(x, str)"
    assert str(any_of([X_LT_5, IS_STR]).negated()) == "not (x < 5 or isinstance(x, str))"
    assert str(FALSE.negated()) == "not False"
    assert str(between("0", "x", "9").negated()) == "not (0 <= x <= 9)"


def test_or_is_parenthesised_inside_and_only() -> None:
    either = any_of([X_LT_5, IS_STR])
    assert str(all_of([IS_STR, either])) == "isinstance(x, str) and (x < 5 or isinstance(x, str))"
    assert str(any_of([all_of([IS_STR, X_LT_5]), X_LT_5])) == "isinstance(x, str) and x < 5 or x < 5"
    assert str(not_(either)) == "not (x < 5 or isinstance(x, str))" and str(not_(X_LT_5)) == "not x < 5"
    assert any_of([X_LT_5]) is X_LT_5


def test_a_group_keeps_its_parentheses_until_negated() -> None:
    equal = group(compare("x", "==", '"a"'))
    assert str(all_of([IS_STR, equal])) == 'isinstance(x, str) and (x == "a")'
    assert str(equal.negated()) == 'x != "a"' and equal.unwrapped().text == 'x == "a"'


def test_bool_only_where_mypy_sees_bool_on_any_instances() -> None:
    assert not X_LT_5.is_bool and not X_LT_5.negated().is_bool  # `x < 5` on Any is Any
    assert compare("len(x)", "<", "5", typed=True).negated().is_bool
    assert compare("x", "is", "None").is_bool and not_(X_LT_5).is_bool
    assert all_of([IS_STR, X_LT_5]).is_bool and not all_of([X_LT_5, X_LT_5]).is_bool


def test_writer_collapses_nested_ifs_into_one_condition() -> None:
    w = Writer()
    with w.if_(IS_STR, collapse=True), w.if_(any_of([X_LT_5, compare("x", ">", "9")])):
        w.line("return False")
    assert w.render() == "if isinstance(x, str) and (x < 5 or x > 9):\n    return False\n"
    assert str(w.lines[0][2]) == "isinstance(x, str) and (x < 5 or x > 9)"  # the condition stays with its line


def test_writer_does_not_collapse_around_more_than_one_statement() -> None:
    w = Writer()
    with w.if_(IS_STR, collapse=True):
        w.line("y = 1")
        with w.if_(X_LT_5):
            w.line("return False")
    assert w.render() == "if isinstance(x, str):\n    y = 1\n    if x < 5:\n        return False\n"
