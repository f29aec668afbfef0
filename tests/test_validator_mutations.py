"""A mutation fuzz over the official suite's schemas: any value anywhere replaced by junk either
compiles to a module that validates the group's instances without raising, or is refused with
a ValueError (SchemaCompileError) -- never another exception."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from conftest import CONFORMANCE, suite_remotes
from hypothesis import given
from hypothesis import strategies as st

from generator.validate.compiler import compile_schema

JUNK = [None, True, False, 0, -1, 1.5, 10**30, "", "x", "#", "#/$defs/nope", "^(", [], [1], [{}], {}, {"type": 5}, {"$ref": "#"}]


def _groups() -> list[tuple[str, Any, list[Any]]]:
    found = []
    for folder, draft in (("draft2020-12", "2020-12"), ("draft4", "4")):
        for path in sorted((CONFORMANCE / "tests" / folder).rglob("*.json")):
            for group in json.loads(path.read_text(encoding="utf-8")):
                if isinstance(group["schema"], dict) and group["schema"]:
                    found.append((draft, group["schema"], [test["data"] for test in group["tests"]]))
    return found


GROUPS = _groups() if CONFORMANCE.is_dir() else []


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        found.extend(_places(value, (*path, key)))
    return found


@pytest.mark.skipif(not GROUPS, reason=f"JSON-Schema-Test-Suite not found at {CONFORMANCE}")
@given(st.data())
def test_a_mutated_schema_compiles_and_runs_or_is_refused(data: st.DataObject) -> None:
    draft, schema, instances = data.draw(st.sampled_from(GROUPS))
    schema = copy.deepcopy(schema)
    where = data.draw(st.sampled_from(_places(schema)[1:]))
    parent = schema
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = copy.deepcopy(data.draw(st.sampled_from(JUNK)))
    try:
        source = compile_schema(schema, draft=draft, resources=suite_remotes(), assert_formats=data.draw(st.booleans()))
    except ValueError:
        return
    namespace: dict[str, Any] = {}
    exec(compile(source, "<mutant>", "exec"), namespace)  # noqa: S102
    for instance in [*instances, None, 1, "a", [1, "a"], {"a": 1}]:
        assert namespace["is_valid"](instance) is (not namespace["validate"](instance))
