"""The official JSON-Schema-Test-Suite (draft2020-12 and draft4 subsets) against compile_schema.

Every test case is one parametrized test, id ``draft/file::group description::test description``.
Formats are asserted (the optional/format files are included).  The suite lives outside the
repo (``../shared/conformance/JSON-Schema-Test-Suite``); without it the tests are skipped.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from generator.validate.compiler import compile_schema

SUITE = Path(__file__).resolve().parents[2] / "shared/conformance/JSON-Schema-Test-Suite"
DRAFTS = {"draft2020-12": "2020-12", "draft4": "4"}


def _cases() -> list[Any]:
    cases: list[Any] = []
    for folder, draft in DRAFTS.items():
        root = SUITE / "tests" / folder
        for path in sorted(root.rglob("*.json")):
            rel = path.relative_to(root).as_posix()
            for gi, group in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                for ti, test in enumerate(group["tests"]):
                    case_id = f"{folder}/{rel}::{group['description']}::{test['description']}"
                    cases.append(
                        pytest.param(draft, (folder, rel, gi), group["schema"], test, id=case_id)
                    )
    return cases


CASES = _cases()
_COMPILED: dict[tuple[str, str, int], dict[str, Any]] = {}
_RESULTS: Counter[tuple[str, bool, bool]] = Counter()


def _module(draft: str, key: tuple[str, str, int], schema: Any) -> dict[str, Any]:
    namespace = _COMPILED.get(key)
    if namespace is None:
        source = compile_schema(schema, draft=draft)
        namespace = {"__name__": f"suite_{len(_COMPILED)}"}
        exec(compile(source, f"<suite {key}>", "exec"), namespace)  # noqa: S102
        namespace["__source__"] = source
        _COMPILED[key] = namespace
    return namespace


@pytest.mark.skipif(not SUITE.is_dir(), reason=f"JSON-Schema-Test-Suite not found at {SUITE}")
@pytest.mark.parametrize(("draft", "key", "schema", "test"), CASES)
def test_suite_case(draft: str, key: tuple[str, str, int], schema: Any, test: dict[str, Any]) -> None:
    namespace = _module(draft, key, schema)
    optional = key[1].startswith("optional/")
    ok = False
    try:
        valid = namespace["is_valid"](test["data"])
        errors = namespace["validate"](test["data"])
        assert valid is test["valid"], f"is_valid gave {valid}\n{namespace['__source__']}"
        assert (not errors) is test["valid"], f"validate gave {errors}\n{namespace['__source__']}"
        for error in errors:
            assert isinstance(error.path, str) and isinstance(error.message, str)
            assert error.path == "" or error.path.startswith("/")
        ok = True
    finally:
        _RESULTS[(key[0], optional, ok)] += 1


def test_suite_has_cases() -> None:
    if not SUITE.is_dir():
        pytest.skip(f"JSON-Schema-Test-Suite not found at {SUITE}")
    assert len(CASES) > 1000


def teardown_module() -> None:
    if not _RESULTS:
        return
    lines = ["JSON-Schema-Test-Suite summary (passed/total):"]
    for folder in DRAFTS:
        for optional in (False, True):
            passed = _RESULTS[(folder, optional, True)]
            total = passed + _RESULTS[(folder, optional, False)]
            if total:
                kind = "optional" if optional else "required"
                lines.append(f"  {folder} {kind}: {passed}/{total}")
    print("\n" + "\n".join(lines))
