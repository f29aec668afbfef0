"""The format stage: emitters write plain code, one pass formats the package as black would.

black (pinned) is the oracle: every generated file is its fixed point, for the real specs and for a
spec built to stress layout (long and non-ASCII names, quotes, backslashes, long enums, patterns
and paths); ruff does the work and black, the fallback where ruff is missing, gives the same bytes.
"""

from __future__ import annotations

import ast
import json
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import black
import pytest
from conftest import ALL_SPECS, OVERLAY
from hypothesis import example, given
from hypothesis import strategies as st

from generator.emit.package import render_package
from generator.emit.text import docstring
from generator.errors import SpecError
from generator.format import formatter
from generator.format.forked import Forked
from generator.format.formatter import black_mode, format_files
from generator.format.layout import string
from generator.ir.build import build
from generator.load.overlay import load_overlay


def _black(text: str) -> str:
    return str(black.format_str(text, mode=black_mode()))


@given(st.text())
def test_string_literals_are_quoted_like_black(text: str) -> None:
    source = f"x = {string(text)}\n"
    assert ast.literal_eval(string(text)) == text
    assert _black(source) == source


def _stress_spec() -> dict[str, Any]:
    """Names, text and values chosen to push lines over the limit and quoting to its corners."""
    long = "VeryLongDefinitionNameThatKeepsGoing" * 2
    text = 'He said "it\'s \\ fine" — 中文说明 ' + "word " * 40
    definitions: dict[str, Any] = {
        long: {
            "type": "object",
            "description": text,
            "required": ["aPropertyWithAQuiteLongNameIndeed"],
            "properties": {
                "aPropertyWithAQuiteLongNameIndeed": {"type": "string", "description": text, "pattern": "^[a-z\"']{1,64}$"},
                "count": {"type": "integer", "format": "int32", "minimum": -5, "maximum": 100000, "description": 'ends with "quoted"'},
                "ratio": {"type": "number", "multipleOf": 0.25, "exclusiveMaximum": True, "maximum": 1.5e3},
                "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                "kind": {"$ref": "#/definitions/Kind"},
                "children": {"type": "array", "items": {"$ref": f"#/definitions/{long}"}, "maxItems": 7},
                "when": {"type": "string", "format": "date-time", "readOnly": True},
                "secretValue": {"type": "string", "x-ms-secret": True},
            },
        },
        "Kind": {
            "type": "string",
            "enum": ["a'b", 'c"d', "e\\f", "g\nh", "ümlaut", "x" * 90] + [f"Value{i}" for i in range(30)],
            "x-ms-enum": {"name": "Kind", "modelAsString": True},
        },
        "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {"code": {"type": "string"}}}}},
    }
    params = [
        {"name": name, "in": "path", "required": True, "type": "string", "pattern": "^[-\\w\\._\\(\\)]+$"}
        for name in ("subscriptionId", "resourceGroupName", "aVeryLongParameterNameForTheVirtualMachine", "runCommandName")
    ]
    path = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/machines/{aVeryLongParameterNameForTheVirtualMachine}/runCommands/{runCommandName}"
    operation = {
        "operationId": "VeryLongOperationGroupName_CreateOrUpdateSomethingWithAVeryLongName",
        "description": text,
        "parameters": [
            *params,
            {"name": "api-version", "in": "query", "required": True, "type": "string"},
            {"name": "$expand", "in": "query", "required": False, "type": "string", "enum": ["instanceView", "everything"]},
            {"name": "body", "in": "body", "required": True, "schema": {"$ref": f"#/definitions/{long}"}},
        ],
        "responses": {
            "200": {"description": "ok", "schema": {"$ref": f"#/definitions/{long}"}},
            "201": {"description": "created", "schema": {"$ref": f"#/definitions/{long}"}},
            "default": {"description": "error", "schema": {"$ref": "#/definitions/Error"}},
        },
        "x-ms-long-running-operation": True,
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Layout", "version": "2030-01-01-preview"},
        "host": "management.azure.com",
        "schemes": ["https"],
        "paths": {path: {"put": operation}},
        "definitions": definitions,
    }


def _emitted(spec: Path, overlay: Path | None) -> dict[str, str]:
    api, _ = build(spec, overlay=load_overlay(overlay))
    return {path: text for path, text in render_package(api, "pkg").items() if path.endswith(".py")}


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_specs_format_to_black_output(spec: Path) -> None:
    for path, text in format_files(_emitted(spec, OVERLAY)).items():
        formatted = _black(text)
        assert formatted == text, f"{path} differs from black's output:\n" + _first_difference(text, formatted)


def test_black_fallback_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    emitted = _emitted(ALL_SPECS[0], OVERLAY)
    assert formatter._ruff() is not None, "ruff is a dependency of the generator"
    with_ruff = format_files(emitted)
    monkeypatch.setattr(formatter, "_ruff", lambda: None)
    assert format_files(emitted) == with_ruff


def test_stress_spec_output_is_black_output(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_stress_spec()), encoding="utf-8")
    emitted = _emitted(spec, None)
    formatted = format_files(emitted)
    for path, text in formatted.items():
        again = _black(text)
        assert again == text, f"{path} differs from black's output:\n" + _first_difference(text, again)


def _first_difference(ours: str, theirs: str) -> str:
    import difflib

    diff = difflib.unified_diff(ours.splitlines(), theirs.splitlines(), "emitted", "black", lineterm="", n=2)
    return "\n".join(list(diff)[:60])


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300), st.sampled_from([0, 4, 8]))
@example("a\n b\n c", 4)
@example("first\n\tsecond\n\tthird", 4)
@example("x " * 60 + "\n  indented line " + "y " * 50, 8)
@example("a\n\u3000b\n\u3000c", 4)
@example("a\n\xa0b", 0)
@example('ends with "quoted"', 4)
@example("", 4)
def test_docstrings_are_left_alone_by_black(text: str, indent: int) -> None:
    pad = " " * indent
    source = "".join(f"{' ' * d}def f{d}():\n" for d in range(0, indent, 4))
    source += f"{pad}{docstring(text, indent)}\n" + ("\n" if indent == 0 else "") + f"{pad}x = 1\n"
    assert _black(source) == source


@pytest.mark.parametrize("broken", ["small.py", "big.py"])
def test_a_file_that_does_not_compile_is_reported_from_either_half(broken: str) -> None:
    """format_files compiles half the files in a forked child; an error there still surfaces."""
    files = {"big.py": "x = 1\n" * 5000, "small.py": "y = 2\n", "data.json": "{}"}
    files[broken] = files[broken] + "def (:\n"
    with pytest.raises(SpecError) as caught:
        format_files(files)
    assert caught.value.problems[0].file == broken and "does not compile" in caught.value.problems[0].message


@contextmanager
def _timeout(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the suite, when a forked child never answers."""

    def hung(*_: Any) -> None:
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_forked_returns_results_and_raises_errors() -> None:
    with _timeout(60):
        assert Forked(sum, [1, 2, 3]).result() == 6
        with pytest.raises(ZeroDivisionError):
            Forked(divmod, 1, 0).result()
        with pytest.raises(RuntimeError, match="does not pickle"):
            Forked(_raise_unpicklable).result()


class _Unpicklable(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("no")


def _raise_unpicklable() -> None:
    raise _Unpicklable("does not pickle")


def test_forked_runs_inline_when_other_threads_run() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert Forked(os.getpid).result() == os.getpid()  # no fork: the lock of a thread could be copied held
    finally:
        stop.set()
        worker.join()
    if hasattr(os, "fork") and (os.cpu_count() or 1) > 1:
        assert Forked(os.getpid).result() != os.getpid()  # alone again: a child does the work


@pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="Forked runs inline here")
def test_forked_child_is_reaped_when_its_result_is_never_asked_for() -> None:
    with _timeout(30):  # dropping an unfinished Forked must not wait for it
        pending = Forked(str, "x" * 1_000_000)  # more than a pipe holds: the child blocks writing
        pid = pending._pid
        del pending
    assert pid > 0, "a child was forked"
    with pytest.raises(ChildProcessError):  # already reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)
