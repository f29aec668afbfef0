"""Multiple inheritance: a model whose allOf names more than one parent extends each of them in
Python, so `isinstance(cat, Feline)` holds as it does for `Pet`. The first parent stays the base
(`Model.base`, whose code the model reuses); the others are mixins: the model writes out their
fields, so a mixin is taken only when every one of its fields (and flattened accessors) is the
model's too, unchanged, and neither side has typed additionalProperties. Polymorphic parents
keep their own hierarchy, and a parent that would make the class order inconsistent (Python's
C3 linearization) is left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from generator import ir


def assign_mixins(models: dict[str, ir.Model], parents: dict[str, list[str]]) -> dict[str, ir.Model]:
    """`models` with `mixins` filled in (`parents`: each model's allOf parents, in order)."""
    out = dict(models)
    done: set[str] = set()

    def bases(name: str) -> list[str]:
        m = out[name]
        primary = m.base or m.parent
        return ([primary] if primary else []) + list(m.mixins)

    def settle(name: str, inside: frozenset[str]) -> None:
        if name in done or name in inside:
            return
        m = out[name]
        found: list[str] = []
        for p in parents.get(name, []):
            if p not in out or p == (m.base or m.parent) or p in found:
                continue
            settle(p, inside | {name})
            parent = out[p]
            if parent.discriminator is not None or parent.subtypes or parent.additional is not None or m.additional is not None:
                continue
            if not (set(parent.fields) <= set(m.fields) and set(parent.flattened) <= set(m.flattened)):
                continue
            out[name] = replace(m, mixins=(*found, p))
            if _linearize(name, bases, frozenset()) is None:
                out[name] = m  # not this one: the class order would be inconsistent
                continue
            found.append(p)
            m = out[name]
        done.add(name)

    for name in sorted(out):
        settle(name, frozenset())
    return out


def _linearize(name: str, bases: Callable[[str], list[str]], inside: frozenset[str]) -> list[str] | None:
    """Python's method resolution order for class `name` (C3), None if there is none."""
    if name in inside:
        return None  # an allOf cycle
    heads = [_linearize(b, bases, inside | {name}) for b in bases(name)]
    if any(h is None for h in heads):
        return None
    sequences = [list(h) for h in heads if h is not None] + [list(bases(name))]
    order = [name]
    while any(sequences):
        candidate = next((s[0] for s in sequences if s and not any(s[0] in t[1:] for t in sequences)), None)
        if candidate is None:
            return None
        order.append(candidate)
        for s in sequences:
            if s and s[0] == candidate:
                del s[0]
    return order
