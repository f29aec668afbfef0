"""Bad and hostile input: never a traceback, never a hang; exit 2 with a location (issue 12.4, 12.5).

Every case runs the real CLI entry (`generator.cli.main`) in-process for `generate` and `lint`;
only the cases that could hang or exhaust memory without their fix run in a child process with a
timeout and an address-space limit.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.load import loader as loader_module
from generator.load.loader import Loader

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", "off")


def _spec(definitions: dict[str, Any] | None = None, *, paths: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"swagger": "2.0", "info": {"title": "Hostile", "version": "2020-01-01"}, "paths": paths or {}, "definitions": definitions or {}}


def _write(folder: Path, spec: dict[str, Any] | str, name: str = "spec.json") -> Path:
    path = folder / name
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec), encoding="utf-8", errors="surrogatepass")
    return path


def run(*argv: str) -> tuple[int, str]:
    """The CLI in-process: (exit status, stderr). An uncaught exception fails the test."""
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(list(argv))
    return code, err.getvalue()


def generate(spec: Path, out: Path, *extra: str) -> tuple[int, str]:
    code, err = run("generate", str(spec), "--out", str(out), "--package", "p", "--no-overlay", *extra)
    if code:
        assert not (out / "p").exists(), "a failed run wrote output"
    return code, err


def lint(spec: Path, *extra: str) -> tuple[int, str]:
    return run("lint", str(spec), "--no-suppressions", *extra)


def _nested_items(depth: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        schema = {"type": "array", "items": schema}
    return schema


def _prop(schema: dict[str, Any]) -> dict[str, Any]:
    return _spec({"A": {"type": "object", "properties": {"x": schema}}})


_HEAD = '{"swagger": "2.0", "info": {"title": "H", "version": "1"}, "paths": {},\n "definitions": '

# (id, spec text or object, file name, what stderr must say: the location first)
REFUSED: list[tuple[str, Any, str, list[str]]] = [
    ("regex-unterminated-class", _prop({"type": "string", "pattern": "(["}), "spec.json",
     ["spec.json:1:", "#/definitions/A/properties/x/pattern", "invalid pattern"]),
    ("recursive-inline-array", _spec({"L": {"type": "array", "items": {"$ref": "#/definitions/L"}}, "A": {"type": "object", "properties": {"l": {"$ref": "#/definitions/L"}}}}), "spec.json",
     ["#/definitions/L/items", "contains itself through arrays or maps only"]),
    ("recursive-array-through-map", _spec({"L": {"type": "array", "items": {"$ref": "#/definitions/M"}}, "M": {"additionalProperties": {"$ref": "#/definitions/L"}}, "A": {"type": "object", "properties": {"l": {"$ref": "#/definitions/L"}}}}), "spec.json",
     ["contains itself through arrays or maps only"]),
    ("definition-name-251", _spec({"N" * 251: {"type": "object", "properties": {"x": {"type": "string"}}}}), "spec.json",
     ["spec.json:1:", "definition name too long"]),
    ("lone-surrogate-description", _HEAD + '{"A": {"type": "object",\n "description": "x\\ud800y"}}}', "spec.json",
     ["spec.json:3:17", "#/definitions/A/description", "lone surrogate"]),
    ("lone-surrogate-name", _HEAD + '{"A": {"type": "object", "properties": {\n"\\udfff": {"type": "string"}}}}}', "spec.json",
     ["spec.json:3:1", "#/definitions/A/properties/\\udfff", "lone surrogate"]),
    ("multipleOf-zero", _prop({"type": "number", "multipleOf": 0}), "spec.json",
     ["#/definitions/A/properties/x/multipleOf", "greater than 0"]),
    ("maxLength-string", _prop({"type": "string", "maxLength": "5"}), "spec.json",
     ["#/definitions/A/properties/x/maxLength", "non-negative integer"]),
    ("minimum-list", _prop({"type": "integer", "minimum": [1]}), "spec.json",
     ["#/definitions/A/properties/x/minimum", "must be a number"]),
    ("enum-not-a-list", _prop({"type": "string", "enum": "abc"}), "spec.json",
     ["#/definitions/A/properties/x/enum", "non-empty list"]),
    ("type-a-list", _prop({"type": ["string", "null"]}), "spec.json",
     ["#/definitions/A/properties/x/type", "type must be a string"]),
    ("properties-a-list", _spec({"A": {"type": "object", "properties": [{"type": "string"}]}}), "spec.json",
     ["#/definitions/A/properties", "properties must be an object"]),
    ("responses-a-list", _spec(paths={"/x": {"get": {"operationId": "X_Get", "responses": [{"description": "x"}]}}}), "spec.json",
     ["#/paths/~1x/get/responses", "responses must be an object"]),
    ("operation-a-string", _spec(paths={"/x": {"get": "X_Get"}}), "spec.json",
     ["#/paths/~1x/get", "an operation must be an object"]),
    ("integer-5000-digits", _HEAD + '{"A": {"type": "integer",\n "maximum": ' + "9" * 5000 + "}}}", "spec.json",
     ["spec.json:3:13", "integer of 5000 digits"]),
    ("number-out-of-range", _HEAD + '{"A": {"type": "number",\n "maximum": 1e400}}}', "spec.json",
     ["spec.json:3:13", "out of range"]),
    ("nul-in-ref", _prop({"$ref": "a%00b.json#/definitions/X"}), "spec.json",
     ["#/definitions/A/properties/x/$ref", "NUL byte"]),
    ("items-nested-200", _prop(_nested_items(200)), "spec.json",
     ["#/definitions/A/properties/x" + "/items" * 32, "nested more than 32 levels"]),
    ("items-nested-400", _prop(_nested_items(400)), "spec.json",
     ["#/definitions/A/properties/x" + "/items" * 32, "nested more than 32 levels"]),
    ("yaml-nan-value", 'swagger: "2.0"\ninfo: {title: Y, version: "1"}\npaths: {}\ndefinitions:\n  A: {type: number, maximum: .nan}\n', "spec.yaml",
     ["spec.yaml:5:", "not a JSON number"]),
    ("yaml-binary-tag", 'swagger: "2.0"\ninfo: {title: Y, version: "1"}\npaths: {}\ndefinitions:\n  A: {type: string, description: !!binary aGVsbG8=}\n', "spec.yaml",
     ["spec.yaml:5:", "malformed YAML"]),
    ("yaml-complex-key", 'swagger: "2.0"\ninfo: {title: Y, version: "1"}\npaths: {}\ndefinitions:\n  ? [a, b]\n  : {type: object}\n', "spec.yaml",
     ["spec.yaml:5:", "a mapping key must be text"]),
]


@pytest.mark.parametrize(("text", "name", "says"), [pytest.param(t, n, s, id=i) for i, t, n, s in REFUSED])
def test_bad_spec_exits_2_with_its_location(tmp_path: Path, text: Any, name: str, says: list[str]) -> None:
    spec = _write(tmp_path, text, name)
    code, err = generate(spec, tmp_path / "out")
    assert code == 2, err
    line = next((line for line in err.splitlines() if says[-1] in line), "")
    assert all(s in line for s in says), err
    code, err = lint(spec)  # lint reads the same file: it may find nothing, but never crashes
    assert code in (0, 1, 2), err


@pytest.mark.parametrize("case", ["integer-5000-digits", "number-out-of-range", "lone-surrogate-description", "yaml-nan-value"])
def test_lint_cannot_read_what_the_loader_refuses(tmp_path: Path, case: str) -> None:
    text, name, says = next((t, n, s) for i, t, n, s in REFUSED if i == case)
    code, err = lint(_write(tmp_path, text, name))
    assert code == 2 and says[0] in err and says[-1] in err, err


def test_a_broken_ref_beside_properties_still_lets_them_be_found(tmp_path: Path) -> None:
    """`$ref: null` beside `properties`: the error is that `$ref`; the definitions the properties
    reach (in another file, so only through them) are still found and named."""
    _write(tmp_path, {"definitions": {"B": {"type": "object", "properties": {"x": {"type": "string"}}}}}, "other.json")
    spec = _write(tmp_path, _spec({"A": {"$ref": None, "type": "object", "properties": {"b": {"$ref": "other.json#/definitions/B"}}}}))
    code, err = generate(spec, tmp_path / "out")
    assert code == 2 and "#/definitions/A/$ref: $ref must be a string" in err, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


YAML_KEYS = [
    ("nan", ".nan"), ("integer", "1"), ("null", "~"), ("bool", "true"), ("float", "1.5"),
]


@pytest.mark.parametrize(("kind", "key"), YAML_KEYS, ids=[k for k, _ in YAML_KEYS])
def test_yaml_keys_are_their_text_as_in_json(tmp_path: Path, kind: str, key: str) -> None:
    """A plain YAML key that is not a string (`200:`, `~:`, `.nan:`) is the text written, as a
    YAML-to-JSON conversion makes it; nothing downstream meets a float, int or None key."""
    spec = _write(tmp_path, f"""swagger: "2.0"
info: {{title: Y, version: "1"}}
paths:
  /x: {{get: {{operationId: X_Get, responses: {{200: {{description: ok}}, default: {{description: e}}}}}}}}
definitions:
  A: {{type: object, properties: {{{key}: {{type: string}}}}}}
  {key}: {{type: object}}
""", "spec.yaml")
    code, err = generate(spec, tmp_path / "out")
    assert code == 0, err
    schema = json.loads((tmp_path / "out/p/schemas/A.json").read_text())
    assert list(schema["properties"]) == [key]
    assert lint(spec)[0] in (0, 1)


def test_out_naming_an_existing_file(tmp_path: Path) -> None:
    spec = _write(tmp_path, _prop({"type": "string"}))
    (tmp_path / "taken").write_text("keep me")
    code, err = generate(spec, tmp_path / "taken")
    assert code == 2 and "--out" in err and "not a folder" in err
    assert (tmp_path / "taken").read_text() == "keep me"


# -- files: only regular files, bounded by what is read ------------------------------------------


def _child(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI in a child process that cannot block the suite or take the machine's memory."""
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))

    env = {**os.environ, "SPECGEN_CACHE": "off", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *argv], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=60, preexec_fn=limit, check=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", ["generate", "lint"])
def test_ref_to_a_fifo_does_not_hang(tmp_path: Path, command: str) -> None:
    os.mkfifo(tmp_path / "pipe.json")
    spec = _write(tmp_path, _prop({"$ref": "pipe.json#/definitions/X"}))
    argv = ["generate", str(spec), "--out", str(tmp_path / "out"), "--no-overlay"] if command == "generate" else ["lint", str(spec)]
    proc = _child(*argv, cwd=tmp_path)
    said = proc.stdout + proc.stderr  # lint: a finding (stdout), generate: an error (stderr)
    assert "Traceback" not in said
    assert proc.returncode == (2 if command == "generate" else 1), said
    assert "spec.json:1:" in said and "pipe.json: not a regular file (a FIFO)" in said


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_ref_to_dev_zero_is_refused_not_read(tmp_path: Path) -> None:
    (tmp_path / "zero.json").symlink_to("/dev/zero")
    spec = _write(tmp_path, _prop({"$ref": "zero.json#/definitions/X"}))
    proc = _child("generate", str(spec), "--out", str(tmp_path / "out"), "--no-overlay", "--root", "/", cwd=tmp_path)
    assert proc.returncode == 2 and "not a regular file (a character device)" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_spec_and_overlay_that_are_devices(tmp_path: Path) -> None:
    spec = _write(tmp_path, _prop({"type": "string"}))
    proc = _child("generate", str(spec), "--out", str(tmp_path / "out"), "--overlay", "/dev/zero", cwd=tmp_path)
    assert proc.returncode == 2 and "cannot read overlay: not a regular file" in proc.stderr, proc.stderr
    proc = _child("generate", "/dev/zero", "--out", str(tmp_path / "out"), "--no-overlay", cwd=tmp_path)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="no /proc here")
def test_size_is_checked_on_what_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """/proc files say they are empty (st_size 0) and are not: the limit holds on the bytes read."""
    monkeypatch.setattr(loader_module, "MAX_FILE_BYTES", 64)
    (tmp_path / "status.json").symlink_to("/proc/self/status")
    spec = _write(tmp_path, "{}")
    loader = Loader(Path("/"))
    loader.document(spec)
    with pytest.raises(loader_module.SpecError, match="status.json: larger than 64 bytes"):
        loader.document(tmp_path / "status.json")


def test_documents_together_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "MAX_TOTAL_BYTES", 300)
    for name in ("a", "b", "c"):
        _write(tmp_path, {"definitions": {"X": {"type": "string", "description": "x" * 80}}}, f"{name}.json")
    spec = _write(tmp_path, _spec({"A": {"type": "object", "properties": {n: {"$ref": f"{n}.json#/definitions/X"} for n in "abc"}}}))
    code, err = generate(spec, tmp_path / "out")
    assert code == 2 and "the documents together would be larger than 300 bytes" in err, err


def test_hard_links_are_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many names for one file: read, parsed and counted once (no multiplying a big file by links)."""
    monkeypatch.setattr(loader_module, "MAX_DOCUMENTS", 2)
    target = _write(tmp_path, {"definitions": {"X": {"type": "string"}}}, "common.json")
    links = [tmp_path / f"link{i}.json" for i in range(5)]
    for link in links:
        os.link(target, link)
    spec = _write(tmp_path, _spec({"A": {"type": "object", "properties": {f"p{i}": {"$ref": f"{link.name}#/definitions/X"} for i, link in enumerate(links)}}}))
    loader = Loader(tmp_path)
    doc = loader.document(spec)
    first = loader.document(links[0])
    assert all(loader.document(link) is first for link in links[1:])
    assert doc is not first
    code, err = generate(spec, tmp_path / "out")
    assert code == 0, err


# -- mutation fuzz: a real spec, broken at random places ----------------------------------------

DEFAULT_SPEC = ROOT / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/ComputeRP.runCommands.json"
SPEC_ROOT = ROOT / "specs/azure-rest-api-specs"

HOSTILE_VALUES: list[Any] = [
    None, True, False, 0, -1, 2**63, 10**600, 1.5, -0.0, 1e308, "", " ", "([", "^(a+)+$", "a/b~c",
    "#/definitions/X", "{x}", "\u2028", "\x00", "名前", "class", "__init__", "x" * 300, [], {}, [None], [{}],
    {"$ref": "#/definitions/Missing"}, {"$ref": "#"}, {"$ref": "#/paths"}, {"$ref": 5},
    {"$ref": "#/definitions/VirtualMachineRunCommand"}, {"type": "array"},
    {"type": "array", "items": {"$ref": "#/definitions/VirtualMachineRunCommand"}},
    {"allOf": [{"$ref": "#/definitions/VirtualMachineRunCommand"}]}, {"allOf": {}},
    {"type": "object", "additionalProperties": True}, {"additionalProperties": {"type": "integer"}},
    {"enum": []}, {"enum": [1, "a", None]}, {"type": "string", "format": "date-time", "enum": ["x"]},
    {"type": "string", "enum": ["a"], "x-ms-enum": {"name": "", "modelAsString": "x", "values": 3}},
    {"type": "integer", "minimum": 5, "maximum": 1}, {"type": "number", "multipleOf": 1e-300},
    {"type": "string", "pattern": "\\p{L}+", "minLength": 3, "maxLength": 1}, {"type": "file"},
    {"type": "object", "properties": {"a": {"type": "object", "x-ms-client-flatten": True, "properties": {"b": {"type": "string"}}}}},
    {"type": "object", "required": ["missing"], "properties": {}}, {"in": "path", "name": "nope", "type": "string"},
    {"in": "body", "name": "b", "schema": {"type": "array", "items": {}}}, {"description": {"nested": []}},
]
INSERT_KEYS = [
    "$ref", "type", "items", "properties", "additionalProperties", "allOf", "enum", "x-ms-enum", "pattern", "format",
    "required", "readOnly", "x-ms-client-flatten", "x-ms-client-name", "x-ms-secret", "x-ms-mutability",
    "x-ms-identifiers", "default", "minimum", "maximum", "exclusiveMinimum", "multipleOf", "minLength", "maxItems",
    "uniqueItems", "description", "parameters", "responses", "schema", "in", "name", "operationId", "x-ms-pageable",
    "x-ms-long-running-operation", "x-ms-long-running-operation-options", "consumes", "produces", "headers",
    "x-ms-parameter-location", "x-ms-skip-url-encoding", "discriminator", "x-nullable", "title", "version", "host",
    "basePath", "schemes", "definitions", "paths", "swagger", "info",
]
WRAPPERS = ["items", "additionalProperties", "allOf", "properties"]


def _pointers(value: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    todo = [(value, here)]
    while todo:
        node, path = todo.pop()
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, child in children:
            out.append(path + (key,))
            todo.append((child, path + (key,)))
    return sorted(out, key=lambda p: [str(t) for t in p])


def _wrap(value: Any, kind: str, depth: int) -> Any:
    for _ in range(depth):
        value = {"items": {"type": "array", "items": value}, "additionalProperties": {"type": "object", "additionalProperties": value},
                 "allOf": {"allOf": [value]}, "properties": {"type": "object", "properties": {"p": value}}}[kind]
    return value


def _swapped(value: Any) -> Any:
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, str):
        return len(value)
    if isinstance(value, bool) or value is None:
        return {"value": value}
    return str(value)


def _mutate(spec: Any, mutation: tuple[Any, ...]) -> Any:
    """`spec` with one mutation applied at a pointer (a path of keys and indexes)."""
    kind, path = mutation[0], mutation[1]
    if not path:
        return _swapped(spec) if kind == "swap" else spec
    parent = spec
    for token in path[:-1]:
        parent = parent[token]
    last = path[-1]
    if kind == "replace":
        parent[last] = json.loads(json.dumps(mutation[2]))
    elif kind == "swap":
        parent[last] = _swapped(parent[last])
    elif kind == "delete":
        del parent[last]
    elif kind == "nest":
        parent[last] = _wrap(parent[last], mutation[2], mutation[3])
    elif kind == "insert" and isinstance(parent[last], dict):
        parent[last][mutation[2]] = json.loads(json.dumps(mutation[3]))
    return spec


@pytest.fixture(scope="module")
def spec_tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    """A copy of every document the default spec reads, at the same places under a new root."""
    from generator.ir.build import build

    api, _ = build(DEFAULT_SPEC)
    root = tmp_path_factory.mktemp("specs")
    for document in api.documents:
        target = root / Path(document).relative_to(SPEC_ROOT.resolve())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(Path(document).read_bytes())
    return root / DEFAULT_SPEC.relative_to(SPEC_ROOT), json.loads(DEFAULT_SPEC.read_text(encoding="utf-8"))


def _mutations(original: Any) -> st.SearchStrategy[list[tuple[Any, ...]]]:
    paths = st.sampled_from(_pointers(original))
    one = st.one_of(
        st.tuples(st.just("replace"), paths, st.sampled_from(HOSTILE_VALUES)),
        st.tuples(st.just("swap"), paths),
        st.tuples(st.just("delete"), paths),
        st.tuples(st.just("nest"), paths, st.sampled_from(WRAPPERS), st.integers(1, 40)),
        st.tuples(st.just("insert"), paths, st.sampled_from(INSERT_KEYS), st.sampled_from(HOSTILE_VALUES)),
    )
    return st.lists(one, min_size=1, max_size=3)


def test_mutated_real_spec_exits_0_or_2(spec_tree: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    """Swap types, insert bad values at random pointers, nest deeply, delete keys: `generate` says
    0 or 2 and `lint` 0, 1 or 2; an uncaught exception fails (and hypothesis shrinks the case)."""
    path, original = spec_tree
    out = tmp_path_factory.mktemp("fuzz-out")
    seen: dict[str, set[int]] = {"generate": set(), "lint": set()}

    @settings(max_examples=100, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(_mutations(original))
    def check(mutations: list[tuple[Any, ...]]) -> None:
        spec = json.loads(json.dumps(original))
        for mutation in mutations:
            try:
                spec = _mutate(spec, mutation)
            except (KeyError, IndexError, TypeError):  # an earlier mutation moved the pointer away
                pass
        path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        code, err = run("generate", str(path), "--out", str(out), "--package", "p", "--no-overlay")
        assert code in (0, 2), err
        assert "Traceback" not in err
        seen["generate"].add(code)
        code, err = run("lint", str(path), "--no-suppressions")
        assert code in (0, 1, 2), err
        seen["lint"].add(code)

    check()
    assert seen["generate"] == {0, 2}, seen  # the mutations both break the spec and leave it usable
