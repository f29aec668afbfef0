"""Schema helpers of the spec view: `allOf` chains, merged properties, discriminators.

Swagger 2.0 composes models with `allOf`: a schema's properties are its parents' (depth first,
each parent once) followed by its own, which win on a clash; `required` is the union. Every
item keeps where it is written and how it was reached (`trail`), so that a rule about a property
defined in another file can be reported where the linted file leads to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, unescape_pointer_token
from generator.spec.nodes import Loc, Node

_DEFINITION = re.compile(r"^/definitions/([^/]+)$")

Resolve = Callable[[Node], "Node | None"]  # follows `$ref`s; None (a problem noted) when it cannot
Note = Callable[[Problem], None]


@dataclass(frozen=True)
class Part:
    """One schema of an `allOf` chain (`$ref` followed) and the way it was reached."""

    node: Node
    trail: tuple[Loc, ...]  # the schema asked about, then each `allOf` entry and where it led


@dataclass(frozen=True)
class Property:
    name: str
    site: Node  # the property schema as written (it may be a `$ref`)
    owner: Node  # the schema whose `properties` declare it
    trail: tuple[Loc, ...]  # how it was reached from the schema asked about, ending at `site`


@dataclass(frozen=True)
class Properties:
    """A schema's properties with its `allOf` parents merged in."""

    by_name: dict[str, Property]  # parents' first; a schema's own win on a clash
    required: dict[str, Loc]  # name -> the `required` entry naming it, in the most derived schema


@dataclass(frozen=True)
class Discriminator:
    property: str  # the wire name of the property that tells subtypes apart
    declared_by: Node  # the schema (the schema itself or an `allOf` parent) that names it
    value: str | None  # what this schema is called on the wire: x-ms-discriminator-value, else its definition name


def definition_name(node: Node) -> str | None:
    """The name of the definition at `node` (a value directly under `definitions`), else None."""
    m = _DEFINITION.match(node.pointer)
    return unescape_pointer_token(m.group(1)) if m else None


def all_of_chain(node: Node, resolve: Resolve, note: Note) -> list[Part]:
    """The schema's `allOf` parents (depth first, each once) followed by the schema itself.

    Iterative, so a long chain cannot exhaust the stack; a cycle ends where it comes back.
    """
    start = resolve(node)
    if start is None:
        return []
    out: list[Part] = []
    seen: set[tuple[Path, str]] = set()
    stack: list[tuple[Part, bool]] = [(Part(start, (start.loc,)), False)]
    while stack:
        part, expanded = stack.pop()
        if expanded:
            out.append(part)
            continue
        current = part.node
        if current.loc.identity in seen or not isinstance(current.value, dict):
            continue
        seen.add(current.loc.identity)
        stack.append((part, True))
        parents = current.child("allOf")
        if parents.value is None:
            continue
        if not isinstance(parents.value, list):
            note(parents.loc.problem("allOf must be a list"))
            continue
        for i in reversed(range(len(parents.value))):
            site = parents.child(i)
            target = resolve(site)
            if target is None:
                continue
            if not isinstance(target.value, dict):
                note(site.loc.problem("allOf items must be schemas"))
                continue
            stack.append((Part(target, part.trail + (site.loc, target.loc)), False))
    return out


def merged_properties(chain: list[Part], note: Note) -> Properties:
    by_name: dict[str, Property] = {}
    required: dict[str, Loc] = {}
    for part in chain:
        props = part.node.child("properties")
        if isinstance(props.value, dict):
            for name in props.value:
                site = props.child(name)
                by_name[name] = Property(name, site, part.node, part.trail + (site.loc,))
        elif props.value is not None:
            note(props.loc.problem("properties must be an object (name -> schema)"))
        listed = part.node.get("required")
        if isinstance(listed, list):
            own: dict[str, Loc] = {}
            for i, name in enumerate(listed):
                if isinstance(name, str):
                    own.setdefault(name, part.node.loc.child("required", i))
            required.update(own)
    return Properties(by_name, required)


def discriminator(chain: list[Part]) -> Discriminator | None:
    """The discriminator that applies to the schema ending `chain`: its own, else the nearest
    parent's."""
    if not chain:
        return None
    schema = chain[-1].node
    for part in reversed(chain):
        name = part.node.get("discriminator")
        if isinstance(name, str):
            value = schema.get("x-ms-discriminator-value")
            if not isinstance(value, str):
                value = definition_name(schema)
            return Discriminator(name, part.node, value)
    return None
