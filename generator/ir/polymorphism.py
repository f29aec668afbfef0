"""Polymorphism: Swagger's `discriminator` and `x-ms-discriminator-value`, resolved over the models.

A definition with `discriminator` is a polymorphic base; a definition whose `allOf` names it
(directly or through other subtypes) is a subtype, named on the wire by its
`x-ms-discriminator-value` (default: its definition name). The IR keeps allOf merged into each
model; this pass only records the hierarchy: each subtype's Python base class (`parent`) and
value, and each base's descendants by value, so parsing and validation can dispatch on the value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator import ir
from generator.errors import Problem


@dataclass(frozen=True)
class Declared:
    """What one definition declares (read by the build, before the hierarchy is known)."""

    discriminator: str | None  # its own `discriminator`
    value: str  # `x-ms-discriminator-value`, else the definition name
    parents: tuple[str, ...]  # class names of the definitions its allOf names
    source: str  # file#pointer


def resolve(models: dict[str, ir.Model], declared: dict[str, Declared]) -> tuple[dict[str, ir.Model], list[Problem]]:
    """`models` with discriminator, parent, value and subtypes filled in; problems found."""
    problems: list[Problem] = []

    def discriminator(name: str) -> str | None:
        """The discriminator `name` declares or inherits (the first parent that has one, depth
        first; iterative, since an allOf chain may be deeper than Python's stack)."""
        todo, seen = [name], set()
        while todo:
            entry = declared.get(at := todo.pop())
            if entry is None or at in seen:
                continue
            if entry.discriminator is not None:
                return entry.discriminator
            seen.add(at)
            todo.extend(reversed(entry.parents))
        return None

    out = dict(models)
    subtypes: dict[str, dict[str, str]] = {}
    for name in sorted(declared):
        disc = discriminator(name)
        if disc is None:
            continue
        entry = declared[name]
        parent = next((p for p in entry.parents if discriminator(p) is not None), None)
        if disc not in {f.wire_name for f in models[name].fields}:
            file, _, pointer = entry.source.partition("#")
            problems.append(Problem(file, pointer or None, f"discriminator {disc!r} is not a property of {name}"))
            continue
        out[name] = replace(out[name], discriminator=disc, parent=parent, value=entry.value if parent else None)
        ancestor, seen = parent, {name}
        while ancestor is not None and ancestor not in seen:
            seen.add(ancestor)
            known = subtypes.setdefault(ancestor, {})
            if entry.value in known and known[entry.value] != name:
                file, _, pointer = entry.source.partition("#")
                problems.append(Problem(file, pointer or None, f"discriminator value {entry.value!r} names both {known[entry.value]} and {name}"))
            known.setdefault(entry.value, name)
            above = declared.get(ancestor)
            ancestor = next((p for p in above.parents if discriminator(p) is not None), None) if above else None
    for base, found in subtypes.items():
        if base in out:
            out[base] = replace(out[base], subtypes=tuple(sorted(found.items())))
    return out, problems
