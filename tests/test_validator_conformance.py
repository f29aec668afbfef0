"""The official JSON-Schema-Test-Suite (every draft2020-12 and draft4 file) against compile_schema.

Every test case is one parametrized test, id ``draft/file::group description::test description``.
The suite lives outside the repo (``../shared/conformance/full/JSON-Schema-Test-Suite``); without
it the tests are skipped.  It is run as the suite's README asks: ``remotes/`` is the local
registry for ``http://localhost:1234/`` (``compile_schema(resources=...)``, nothing fetched) and
formats are asserted in ``optional/format/`` (elsewhere ``format`` is an annotation, the 2020-12
default).

The bar: every required case, and every optional case jsonschema-rs passes on the same files
(``tests/data/conformance_peer.json``, measured by ``python -m bench.conformance_peer``).  A case
the peer fails too is an expected failure when we fail it.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFORMANCE, suite_remotes

from generator.validate.compiler import compile_schema

DRAFTS = {"draft2020-12": "2020-12", "draft4": "4"}
PEER = json.loads((Path(__file__).parent / "data/conformance_peer.json").read_text(encoding="utf-8"))
PEER_FAILED = frozenset(PEER["failed"])


def _cases() -> list[Any]:
    cases: list[Any] = []
    for folder, draft in DRAFTS.items():
        root = CONFORMANCE / "tests" / folder
        for path in sorted(root.rglob("*.json")):
            rel = path.relative_to(root).as_posix()
            for gi, group in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                for test in group["tests"]:
                    case_id = f"{folder}/{rel}::{group['description']}::{test['description']}"
                    cases.append(pytest.param(draft, (folder, rel, gi), group["schema"], test, id=case_id))
    return cases


CASES = _cases()
_COMPILED: dict[tuple[str, str, int], dict[str, Any]] = {}
_RESULTS: Counter[tuple[str, str, bool]] = Counter()


def _kind(rel: str) -> str:
    return "optional" if rel.startswith("optional/") else "required"


def _module(draft: str, key: tuple[str, str, int], schema: Any) -> dict[str, Any]:
    namespace = _COMPILED.get(key)
    if namespace is None:
        formats = key[1].startswith("optional/format/")
        source = compile_schema(schema, draft=draft, resources=suite_remotes(), assert_formats=formats)
        namespace = {"__name__": f"suite_{len(_COMPILED)}"}
        exec(compile(source, f"<suite {key}>", "exec"), namespace)  # noqa: S102
        namespace["__source__"] = source
        _COMPILED[key] = namespace
    return namespace


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason=f"JSON-Schema-Test-Suite not found at {CONFORMANCE}")
@pytest.mark.parametrize(("draft", "key", "schema", "test"), CASES)
def test_suite_case(request: pytest.FixtureRequest, draft: str, key: tuple[str, str, int], schema: Any, test: dict[str, Any]) -> None:
    ok = False
    try:
        namespace = _module(draft, key, schema)
        valid = namespace["is_valid"](test["data"])
        errors = namespace["validate"](test["data"])
        assert valid is test["valid"], f"is_valid gave {valid}\n{namespace['__source__']}"
        assert (not errors) is test["valid"], f"validate gave {errors}\n{namespace['__source__']}"
        for error in errors:
            assert isinstance(error.path, str) and isinstance(error.message, str)
            assert error.path == "" or error.path.startswith("/")
        ok = True
    except Exception:
        if request.node.callspec.id in PEER_FAILED:
            pytest.xfail(f"{PEER['peer']} fails this optional case too")
        raise
    finally:
        _RESULTS[(key[0], _kind(key[1]), ok)] += 1


@pytest.mark.skipif(not CONFORMANCE.is_dir(), reason=f"JSON-Schema-Test-Suite not found at {CONFORMANCE}")
def test_the_peer_was_measured_on_these_files() -> None:
    """The stored bar counts the cases the suite holds (else: `python -m bench.conformance_peer`)."""
    counted: Counter[tuple[str, str]] = Counter()
    for param in CASES:
        folder, rel, _gi = param.values[1]
        counted[(folder, _kind(rel))] += 1
    stored = {(folder, kind): n for folder, kinds in PEER["cases"].items() for kind, n in kinds.items()}
    assert dict(counted) == stored, "the suite changed: re-measure with `python -m bench.conformance_peer`"
    assert stored[("draft2020-12", "required")] + stored[("draft2020-12", "optional")] == 2225
    assert stored[("draft4", "required")] + stored[("draft4", "optional")] == 937
    ids = {param.id for param in CASES}
    assert PEER_FAILED <= ids
    assert all(_kind(case.split("::")[0].split("/", 1)[1]) == "optional" for case in PEER_FAILED)


def teardown_module() -> None:
    if not _RESULTS:
        return
    lines = [f"JSON-Schema-Test-Suite summary (passed/total; {PEER['peer']} in brackets):"]
    for folder in DRAFTS:
        for kind in ("required", "optional"):
            passed = _RESULTS[(folder, kind, True)]
            total = passed + _RESULTS[(folder, kind, False)]
            if total:
                lines.append(f"  {folder} {kind}: {passed}/{total} [{PEER['passed'][folder][kind]}]")
    print("\n" + "\n".join(lines))
