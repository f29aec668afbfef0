"""A spec is untrusted input: hostile text never runs, bad references fail with a location."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import generate_into

from generator.cli import main

MARKER = "specgen-pwned-marker"


def _spec(definitions: dict[str, Any], *, paths: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Hostile", "version": "2020-01-01"},
        "paths": paths or {},
        "definitions": definitions,
    }


def _write(folder: Path, spec: dict[str, Any] | str, name: str = "spec.json") -> Path:
    path = folder / name
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec), encoding="utf-8")
    return path


def _payload(tmp_path: Path) -> str:
    return f"__import__('pathlib').Path({str(tmp_path / MARKER)!r}).touch()"


def test_code_in_descriptions_never_runs(tmp_path: Path) -> None:
    evil = _payload(tmp_path)
    spec = _spec({
        "Evil": {
            "type": "object",
            "description": f'"""\n{evil}\n"""\\',
            "properties": {
                "x": {"type": "string", "description": f"\"\"\"); {evil}; (\"\"\"\r\n\u2028# {evil}\u2029"},
                f'a"); {evil} #': {"type": "string", "description": "\\"},
            },
        },
    })
    pkg = generate_into(_write(tmp_path, spec), tmp_path / "out")
    obj = pkg.models.Evil.from_dict({"x": "1", f'a"); {evil} #': "2"})
    assert obj.to_dict() == {"x": "1", f'a"); {evil} #': "2"}
    repr(obj)
    pkg.schemas.load("Evil")
    assert not (tmp_path / MARKER).exists()
    # The text survives as data, escaped.
    source = (tmp_path / "out" / pkg.__name__ / "models.py").read_text()
    assert "\\u2028" in source and "\r" not in source


def test_reserved_property_names(tmp_path: Path) -> None:
    spec = _spec({
        "Thing": {
            "type": "object",
            "properties": {name: {"type": "string"} for name in ("class", "self", "from", "type", "id", "properties", "$expand", "to_dict", "import")},
        }
    })
    pkg = generate_into(_write(tmp_path, spec), tmp_path / "out")
    wire = {"class": "a", "self": "b", "from": "c", "type": "d", "id": "e", "properties": "f", "$expand": "g", "to_dict": "h", "import": "i"}
    thing = pkg.models.Thing.from_dict(wire)
    assert (thing.class_, thing.self_, thing.from_, thing.type, thing.id, thing.properties, thing.expand) == tuple("abcdefg")
    assert thing.to_dict_ == "h" and thing.import_ == "i"
    assert thing.to_dict() == wire


def test_enum_values_with_quotes_and_newlines(tmp_path: Path) -> None:
    values = ['it\'s "quoted"', "line\nbreak", "back\\slash", "", "123", "None", "name"]
    spec = _spec({"Odd": {"type": "string", "enum": values, "x-ms-enum": {"name": "Odd", "modelAsString": False}},
                  "Holder": {"type": "object", "properties": {"odd": {"$ref": "#/definitions/Odd"}}}})
    pkg = generate_into(_write(tmp_path, spec), tmp_path / "out")
    assert [m.value for m in pkg.models.Odd] == values
    for v in values:
        assert pkg.models.Holder.from_dict({"odd": v}).to_dict() == {"odd": v}


def test_recursive_definitions_work(tmp_path: Path) -> None:
    spec = _spec({
        "Node": {"type": "object", "properties": {"name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/definitions/Node"}}, "parent": {"$ref": "#/definitions/Node"}}},
    })
    pkg = generate_into(_write(tmp_path, spec), tmp_path / "out")
    body: dict[str, Any] = {"name": "root", "children": [{"name": "a", "children": [{"name": "b"}]}], "parent": {"name": "p"}}
    assert pkg.models.Node.from_dict(body).to_dict() == body


def _cli(spec: Path, tmp_path: Path, *extra: str) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-m", "generator", "generate", str(spec), "--out", str(tmp_path / "out"), "--package", "p", "--no-overlay", *extra],
                          check=False, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    if proc.returncode:
        assert not (tmp_path / "out" / "p").exists()
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("ref", ["https://example.com/evil.json#/definitions/X", "http://localhost/x.json", "file:///etc/passwd", "//example.com/x.json"])
def test_remote_refs_are_refused(tmp_path: Path, ref: str) -> None:
    spec = _write(tmp_path, _spec({"A": {"type": "object", "properties": {"x": {"$ref": ref}}}}))
    code, err = _cli(spec, tmp_path)
    assert code == 2
    assert "remote $ref" in err and "spec.json:1:" in err and "#/definitions/A/properties/x/$ref" in err


def test_refs_climbing_out_of_the_root_are_refused(tmp_path: Path) -> None:
    inside = tmp_path / "root"
    inside.mkdir()
    (tmp_path / "secret.json").write_text('{"definitions": {"S": {"type": "object"}}}')
    spec = _write(inside, _spec({"A": {"type": "object", "properties": {"x": {"$ref": "../secret.json#/definitions/S"}}}}))
    code, err = _cli(spec, tmp_path)
    assert code == 2 and "outside the spec root" in err
    # A symlink inside the root that points outside is caught after realpath too.
    (inside / "link.json").symlink_to(tmp_path / "secret.json")
    spec = _write(inside, _spec({"A": {"type": "object", "properties": {"x": {"$ref": "link.json#/definitions/S"}}}}))
    code, err = _cli(spec, tmp_path)
    assert code == 2 and "outside the spec root" in err
    # With --root widened, the same spec is fine.
    code, err = _cli(spec, tmp_path, "--root", str(tmp_path))
    assert code == 0, err


def test_ref_cycle_that_never_reaches_a_schema(tmp_path: Path) -> None:
    spec = _write(tmp_path, _spec({"A": {"$ref": "#/definitions/B"}, "B": {"$ref": "#/definitions/A"}, "C": {"type": "object", "properties": {"a": {"$ref": "#/definitions/A"}}}}))
    code, err = _cli(spec, tmp_path)
    assert code == 2 and "cycle" in err


def test_malformed_json_points_at_the_text(tmp_path: Path) -> None:
    spec = _write(tmp_path, '{\n  "swagger": "2.0",\n  "info": {"version": "1"\n  "paths": {}\n}\n')
    code, err = _cli(spec, tmp_path)
    assert code == 2
    assert "spec.json:4:3: malformed JSON" in err


def test_unresolvable_ref_lists_every_problem(tmp_path: Path) -> None:
    spec = _write(tmp_path, _spec({
        "A": {"type": "object", "properties": {"x": {"$ref": "#/definitions/Nope"}, "y": {"$ref": "missing.json#/definitions/Y"}}},
    }))
    code, err = _cli(spec, tmp_path)
    assert code == 2
    assert "Nope" in err and "missing.json" in err
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 2


def test_not_swagger(tmp_path: Path) -> None:
    code, err = _cli(_write(tmp_path, {"openapi": "3.0.0"}), tmp_path)
    assert code == 2 and "not a Swagger 2.0 document" in err


def test_yaml_spec_uses_a_safe_loader(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(f"""swagger: "2.0"
info: {{title: Y, version: "2020-01-01"}}
paths: {{}}
definitions:
  Evil:
    type: object
    description: !!python/object/apply:os.system ["touch {tmp_path / MARKER}"]
""")
    assert main(["generate", str(path), "--out", str(tmp_path / "out"), "--package", "p", "--no-overlay"]) == 2
    assert not (tmp_path / MARKER).exists()
    path.write_text("""swagger: "2.0"
info: {title: Y, version: 2020-01-01}
paths: {}
definitions:
  Thing: {type: object, properties: {when: {type: string, format: date-time}}}
""")
    pkg = generate_into(path, tmp_path / "out2", overlay=None)
    assert pkg.API_VERSION == "2020-01-01"  # a YAML date stays text


def test_missing_file(tmp_path: Path) -> None:
    code, err = _cli(tmp_path / "nope.json", tmp_path)
    assert code == 2 and "cannot read" in err


def test_long_reference_chains_do_not_recurse(tmp_path: Path) -> None:
    """Definition i refers to i+1, 3,000 deep: the builder works from a list, not the stack."""
    from generator.ir.build import build

    n = 3000
    defs = {f"D{i}": {"type": "object", "properties": {"next": {"$ref": f"#/definitions/D{i + 1}"}}} for i in range(n)}
    defs[f"D{n}"] = {"type": "object", "properties": {"end": {"type": "boolean"}}}
    api, _ = build(_write(tmp_path, _spec(defs)))
    assert len(api.models) == n + 1


def _all_of_chain(n: int) -> dict[str, Any]:
    """D_i: allOf D_(i-1) plus a property of its own, n deep."""
    defs: dict[str, Any] = {"D0": {"type": "object", "properties": {"p0": {"type": "string"}}}}
    for i in range(1, n + 1):
        defs[f"D{i}"] = {"type": "object", "allOf": [{"$ref": f"#/definitions/D{i - 1}"}], "properties": {f"p{i}": {"type": "string"}}}
    return _spec(defs)


def test_an_all_of_chain_deeper_than_the_limit_stops_with_its_location(tmp_path: Path) -> None:
    """Each model holds its ancestors' fields: 1,000 deep would be 500,000 fields, and followed
    parent by parent it went past Python's stack (a traceback). Past the limit, every definition
    that reaches too far is named, and nothing is written."""
    from generator.ir.model_builder import MAX_ALL_OF_ANCESTORS

    code, err = _cli(_write(tmp_path, _all_of_chain(1000)), tmp_path)
    assert code == 2
    first = MAX_ALL_OF_ANCESTORS + 1  # D_i reaches i definitions
    assert f"#/definitions/D{first}/allOf: allOf reaches more than {MAX_ALL_OF_ANCESTORS} definitions" in err
    assert f"#/definitions/D{first - 1}/" not in err


def test_an_all_of_chain_at_the_limit_is_generated(tmp_path: Path) -> None:
    from generator.ir.model_builder import MAX_ALL_OF_ANCESTORS

    pkg = generate_into(_write(tmp_path, _all_of_chain(MAX_ALL_OF_ANCESTORS)), tmp_path / "out", overlay=None)
    deepest = getattr(pkg.models, f"D{MAX_ALL_OF_ANCESTORS}")
    body = {f"p{i}": str(i) for i in range(MAX_ALL_OF_ANCESTORS + 1)}
    assert deepest.from_dict(body).to_dict() == body


def test_a_base_with_a_thousand_subtypes_is_generated(tmp_path: Path) -> None:
    """Its schema dispatched through one if/then/else per subtype, nested: 1,000 levels, past
    what `json.dumps` can write (a RecursionError). Side by side under `allOf`, it is flat."""
    n = 1100
    defs: dict[str, Any] = {"B": {"type": "object", "discriminator": "kind", "required": ["kind"], "properties": {"kind": {"type": "string"}}}}
    for i in range(n):
        defs[f"S{i}"] = {"allOf": [{"$ref": "#/definitions/B"}], "x-ms-discriminator-value": f"k{i}", "properties": {f"x{i}": {"type": "integer"}}}
    code, err = _cli(_write(tmp_path, _spec(defs)), tmp_path)
    assert code == 0, err
    out = tmp_path / "out" / "p"
    assert len(json.loads((out / "schemas" / "B.json").read_text(encoding="utf-8"))["allOf"]) == n + 1
    check = subprocess.run([sys.executable, "-c", "import sys, p.validators as v; sys.exit(v.validate('B', {'kind': 'k1099', 'x1099': 'no'})[0].path != '/x1099')"],
                           cwd=tmp_path / "out", check=False, timeout=120)
    assert check.returncode == 0


def test_header_names_must_be_http_tokens(tmp_path: Path) -> None:
    """A header name with a CR LF (or a space) was written into the builder as it was; the
    problems name both places, each on one line (the pointer's control characters escaped)."""
    op = {"operationId": "A_Get", "parameters": [{"name": "X-Evil\r\nInjected", "in": "header", "type": "string"}],
          "responses": {"200": {"description": "ok", "headers": {"X-Out\n": {"type": "string"}, "X Space": {"type": "string"}}}}}
    code, err = _cli(_write(tmp_path, _spec({}, paths={"/a": {"get": op}})), tmp_path)
    assert code == 2
    lines = err.splitlines()
    assert len(lines) == 3, err
    for expected in ("#/paths/~1a/get/parameters/0/name: header name 'X-Evil\\r\\nInjected' is not an HTTP token",
                     "#/paths/~1a/get/responses/200/headers/X Space: header name 'X Space'",
                     "#/paths/~1a/get/responses/200/headers/X-Out\\n: header name 'X-Out\\n'"):
        assert sum(expected in line for line in lines) == 1, (expected, err)


def test_yaml_alias_bombs_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    lines = ['swagger: "2.0"', "info: {title: Y, version: '1'}", "paths: {}", 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    lines.append("definitions: {Thing: {type: object, x-bomb: *a11}}")
    path.write_text("\n".join(lines) + "\n")
    code, err = _cli(path, tmp_path)
    assert code == 2 and "aliases are not supported" in err and "spec.yaml:5:" in err


def test_nan_and_infinity_are_not_json(tmp_path: Path) -> None:
    spec = _write(tmp_path, '{"swagger": "2.0", "info": {"version": "1"}, "paths": {},\n "definitions": {"A": {"type": "number", "maximum": NaN}}}')
    code, err = _cli(spec, tmp_path)
    assert code == 2 and "spec.json:2:53: malformed JSON: NaN is not a JSON value" in err, err
