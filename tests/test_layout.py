"""The emitters write black's layout themselves: black leaves every generated file as it is.

The format stage only runs black on a file with a code line over the line length, so these tests
are what keeps the rest of the output black's: for the real specs and for specs built to stress
layout (long and non-ASCII names, quotes, backslashes, long enums, patterns and paths).
"""

from __future__ import annotations

import ast
import json
import keyword
import os
import threading
import warnings
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
from generator.format.forked import Forked
from generator.format.formatter import black_mode, format_files, needs_black
from generator.format.layout import bracket, statement, string, value
from generator.ir.build import build
from generator.load.overlay import load_overlay


def _black(text: str) -> str:
    return str(black.format_str(text, mode=black_mode()))


@given(st.text())
def test_string_literals_are_quoted_like_black(text: str) -> None:
    source = f"x = {string(text)}\n"
    assert ast.literal_eval(string(text)) == text
    assert _black(source) == source


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=30), inner, max_size=6),
    max_leaves=40,
)


@given(json_values, st.integers(0, 3))
def test_literals_are_laid_out_like_black(data: Any, depth: int) -> None:
    indent = "    " * depth
    source = "".join(f"{'    ' * d}def f{d}():\n" for d in range(depth))
    source += indent + value("x = ", data, indent=indent) + "\n"
    if needs_black(source):  # a line black cannot shorten either is black's to place
        return
    assert _black(source) == source


def test_bracket_explodes_with_a_magic_trailing_comma() -> None:
    short = bracket("y = f(", ["a", "b"])
    assert short == "y = f(a, b)"
    long = bracket("y = f(", ["a" * 50, "b" * 50], ":", indent="    ")
    assert long == f"y = f(\n        {'a' * 50},\n        {'b' * 50},\n    ):"
    source = "if True:\n    " + bracket("y = f(", ["a" * 50, "b" * 50], indent="    ") + "\n"
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
def test_real_specs_are_emitted_as_black_writes_them(spec: Path) -> None:
    for path, text in _emitted(spec, OVERLAY).items():
        assert not needs_black(text), f"{path}: a code line over the limit makes black run"
        formatted = _black(text)
        assert formatted == text, f"{path} differs from black's output:\n" + _first_difference(text, formatted)


def test_stress_spec_output_is_black_output(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(_stress_spec()), encoding="utf-8")
    emitted = _emitted(spec, None)
    formatted = format_files(emitted)
    for path, text in formatted.items():
        again = _black(text)
        assert again == text, f"{path} differs from black's output:\n" + _first_difference(text, again)
        if not needs_black(emitted[path]):
            assert text == emitted[path]


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


def test_forked_returns_results_and_raises_errors() -> None:
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


def test_validator_modules_of_the_conformance_suite_are_black_output_or_go_to_black() -> None:
    """Standalone validator modules over the official suite's schemas: every module the format
    stage would not send to black is already exactly black's output."""
    from conftest import CONFORMANCE, suite_remotes

    from generator.validate.compiler import compile_schema

    if not CONFORMANCE.is_dir():
        pytest.skip(f"JSON-Schema-Test-Suite not found at {CONFORMANCE}")
    checked = 0
    for draft, folder in (("2020-12", "draft2020-12"), ("4", "draft4")):
        for path in sorted((CONFORMANCE / "tests" / folder).rglob("*.json")):
            for case in json.loads(path.read_text(encoding="utf-8")):
                source = compile_schema(case["schema"], draft=draft, resources=suite_remotes())
                if not needs_black(source):
                    checked += 1
                    assert _black(source) == source, f"{path.name}: {case['description']}"
    assert checked > 300


_names = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=24).filter(lambda s: s.isidentifier() and not keyword.iskeyword(s))
_atoms = (_names | st.integers(0, 10**9).map(str) | st.text(max_size=24).map(string)).map(lambda t: (t, False))


def _operand(e: tuple[str, bool]) -> str:
    """An expression as an operand of an operator: parenthesised when it is an operation itself."""
    return f"({e[0]})" if e[1] else e[0]


def _compose(inner: st.SearchStrategy[tuple[str, bool]]) -> st.SearchStrategy[tuple[str, bool]]:
    args = st.lists(inner, max_size=5).map(lambda xs: ", ".join(x[0] for x in xs))
    return st.one_of(
        st.tuples(_names, args).map(lambda t: (f"{t[0]}({t[1]})", False)),
        st.lists(inner, min_size=1, max_size=5).map(lambda xs: ("[" + ", ".join(x[0] for x in xs) + "]", False)),
        st.tuples(inner, inner, inner).map(lambda t: (f"{_operand(t[0])} if {_operand(t[1])} else {_operand(t[2])}", True)),
        st.tuples(st.lists(inner, min_size=2, max_size=5), st.sampled_from([" and ", " or ", " + "])).map(
            lambda t: (t[1].join(_operand(x) for x in t[0]), True)
        ),
        st.tuples(inner, st.sampled_from([" == ", " not in ", " is not "]), inner).map(lambda t: (_operand(t[0]) + t[1] + _operand(t[2]), True)),
        st.tuples(_names, _names, args).map(lambda t: (f"{t[0]}.{t[1]}({t[2]})", False)),
    )


_expressions = st.recursive(_atoms, _compose, max_leaves=30).map(lambda e: e[0])
_statements = st.one_of(
    st.tuples(_names, _expressions).map(lambda t: f"{t[0]} = {t[1]}"),
    _expressions.map(lambda e: f"return {e}"),
    _expressions.map(lambda e: f"if {e}:"),
    st.tuples(_names, st.lists(_expressions, max_size=4)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
)


@given(_statements, st.integers(0, 3))
def test_statement_layout_is_black_or_left_to_black(text: str, depth: int) -> None:
    """Whatever `layout.statement` splits without leaving a line too long is black's split."""
    indent = "    " * (depth + 1)
    source = "".join(f"{'    ' * d}def f{d}():\n" for d in range(depth + 1))
    source += statement(text, indent) + "\n" + (indent + "    pass\n" if text.startswith("if ") else "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)  # `x is not "text"`: fine for layout
        compile(source, "<statement>", "exec")
    if not needs_black(source):
        assert _black(source) == source


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


def test_forked_child_is_reaped_when_its_result_is_never_asked_for() -> None:
    pending = Forked(str, "x" * 1_000_000)  # more than a pipe holds: the child blocks writing
    del pending  # must not hang
