"""Golden output, determinism, --check, atomic writes, the CLI contract."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import GENERATED, HANDWRITTEN_2024_07, ROOT, SPEC, generate_into

from generator.cli import main
from generator.pipeline import generate_package
from generator.write.atomic import read_tree, write_atomically
from generator.write.manifest import MANIFEST, with_manifest

CONFIG = ROOT / "pyproject.toml"


def _run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, check=False, capture_output=True, text=True, env=env, timeout=300)


def test_generated_folder_equals_a_fresh_run(tmp_path: Path) -> None:
    """Fresh: with the cache off the run neither reads nor writes one (where `off` would be taken
    for a folder, nor where the cache goes by default), so no earlier run can answer for it."""
    env = {**os.environ, "SPECGEN_CACHE": "off", "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    result = _run("generate", "--check", env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert not (tmp_path / "xdg").exists() and not (ROOT / "off").exists()


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    trees = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "SPECGEN_CACHE": "off"}
        out = tmp_path / seed
        result = _run("generate", str(SPEC), "--out", str(out), "--package", "pkg", env=env)
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(out / "pkg"))
    assert trees[0] == trees[1]
    assert trees[0] == read_tree(GENERATED / "runcommands")


def test_header_names_the_spec_and_its_hash_without_timestamp() -> None:
    import hashlib

    text = (GENERATED / "runcommands/models.py").read_text(encoding="utf-8")
    digest = hashlib.sha256(SPEC.read_bytes()).hexdigest()
    assert f"# spec sha256: {digest}" in text.splitlines()[1]
    assert "ComputeRP.runCommands.json" in text.splitlines()[2]  # not on the first two: PEP 263
    assert "# api-version: 2024-11-01" in text
    assert (GENERATED / "runcommands/py.typed").exists()


def test_check_reports_stale_output_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg"]) == 0
    models = out / "pkg/models.py"
    models.write_text(models.read_text() + "# hand edit\n")
    (out / "pkg/stale.py").write_text("x = 1\n")  # as an earlier run wrote it: in the manifest
    manifest = out / "pkg" / MANIFEST
    manifest.write_text(manifest.read_text() + "stale.py\n")
    before = read_tree(out / "pkg")
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg", "--check"]) == 1
    diff = capsys.readouterr().out
    assert "-# hand edit" in diff and "stale.py" in diff
    assert read_tree(out / "pkg") == before
    # A real run removes the stale file and the edit.
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg"]) == 0
    assert not (out / "pkg/stale.py").exists()
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg", "--check"]) == 0


def test_failed_run_leaves_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "pkg"]) == 0
    before = read_tree(out / "pkg")
    bad = tmp_path / "bad.json"
    bad.write_text('{"swagger": "2.0", "info": {"version": "1"}, "paths": {"/x": {"get": {"operationId": "X_Get", "responses": {"200": {"schema": {"$ref": "#/definitions/Missing"}}}}}}}')
    assert main(["generate", str(bad), "--out", str(out), "--package", "pkg"]) == 2
    assert read_tree(out / "pkg") == before
    assert not [p for p in out.iterdir() if p.name.startswith(".pkg")]  # no staging left behind


def test_write_interrupted_midway_keeps_the_old_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "pkg"
    write_atomically(folder, {"a.py": b"old\n"})
    calls = {"n": 0}
    real = Path.write_bytes

    def flaky(self: Path, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", flaky)
    with pytest.raises(OSError):
        write_atomically(folder, {"a.py": b"new\n", "b.py": b"new\n"})
    assert read_tree(folder) == with_manifest({"a.py": b"old\n"})


def test_default_run_uses_the_embedded_default(tmp_path: Path) -> None:
    result = _run("generate", "--check")
    assert "generated/runcommands is up to date" in result.stderr


def test_other_api_versions_generate(tmp_path: Path) -> None:
    pkg = generate_into(HANDWRITTEN_2024_07, tmp_path)
    assert pkg.API_VERSION == "2024-07-01"
    assert pkg.models.VirtualMachineRunCommand.from_dict({"location": "x"}).to_dict() == {"location": "x"}


def test_an_api_version_not_in_the_repository_generates(tmp_path: Path) -> None:
    """A made-up next version: renamed, added and retyped things, not tuned to our two specs."""
    import json
    import shutil

    tree = tmp_path / "azure-rest-api-specs"
    shutil.copytree(ROOT / "specs/azure-rest-api-specs", tree)
    stable = tree / SPEC.relative_to(ROOT / "specs/azure-rest-api-specs").parent.parent
    new = stable / "2026-01-01"
    new.mkdir()
    spec = json.loads(SPEC.read_text())
    spec["info"]["version"] = "2026-01-01"
    text = json.dumps(spec).replace("../../../../../../common-types", "../../../../../../common-types")
    spec = json.loads(text)
    props = spec["definitions"]["VirtualMachineRunCommandProperties"]["properties"]
    props["retryPolicy"] = {"$ref": "#/definitions/RetryPolicy", "description": "new in this version"}
    spec["definitions"]["RetryPolicy"] = {
        "type": "object",
        "properties": {"maxAttempts": {"type": "integer", "format": "int32", "minimum": 1}, "class": {"type": "string"}},
        "required": ["maxAttempts"],
    }
    spec["definitions"]["ExecutionState"]["enum"].append("Paused")
    (new / "ComputeRP.runCommands.json").write_text(json.dumps(spec, indent=2))
    pkg = generate_into(new / "ComputeRP.runCommands.json", tmp_path / "out")
    assert pkg.API_VERSION == "2026-01-01"
    body = {"location": "x", "properties": {"retryPolicy": {"maxAttempts": 3, "class": "fast"}}}
    rc = pkg.models.VirtualMachineRunCommand.from_dict(body)
    assert rc.retry_policy.class_ == "fast"
    assert rc.to_dict() == body
    assert pkg.models.ExecutionState.PAUSED == "Paused"


def test_bad_package_name_is_refused(tmp_path: Path) -> None:
    assert main(["generate", str(SPEC), "--out", str(tmp_path), "--package", "not-valid"]) == 2


def test_generate_package_is_pure(tmp_path: Path) -> None:
    a = generate_package(SPEC, "x")
    b = generate_package(SPEC, "x")
    assert a.files == b.files
    assert not list(tmp_path.iterdir())


def test_generated_code_passes_mypy_strict_and_ruff() -> None:
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "runcommands"], cwd=GENERATED, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "runcommands"], cwd=GENERATED, check=False, capture_output=True, text=True, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-5000:]


def test_python_dash_m_is_the_same_program() -> None:
    result = _run("--help")
    assert result.returncode == 0 and "generate" in result.stdout
    assert "specgen" in result.stdout


def test_a_minimal_spec_without_an_error_model_passes_mypy_strict(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/things/{name}": {"put": {
            "operationId": "Things_Create",
            "x-ms-long-running-operation": True,
            "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
            "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}},
        }}},
        "definitions": {"Thing": {"type": "object", "properties": {"a": {"type": "string"}}}},
    }
    _assert_mypy_strict(spec, tmp_path)


def test_a_spec_without_definitions_and_with_secret_path_values_passes_mypy_strict(tmp_path: Path) -> None:
    """No definition: the validators' tables still name `Any`; secret path values: their spans."""
    secret = {"in": "path", "required": True, "type": "string", "x-ms-secret": True}
    spec = {
        "swagger": "2.0",
        "info": {"title": "T", "version": "1"},
        "paths": {"/tokens/{token}/keys/{len}": {"get": {
            "operationId": "Keys_Get",
            "parameters": [{"name": "token", **secret}, {"name": "len", **secret}],
            "responses": {"204": {"description": "none"}},
        }}},
    }
    _assert_mypy_strict(spec, tmp_path)


def _assert_mypy_strict(spec: dict[str, Any], tmp_path: Path) -> None:
    import json

    (tmp_path / "s.json").write_text(json.dumps(spec))
    assert main(["generate", str(tmp_path / "s.json"), "--out", str(tmp_path / "o"), "--package", "p", "--no-overlay"]) == 0
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "p"], cwd=tmp_path / "o", check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-3000:]


def test_run_cache_gives_the_fresh_bytes_and_sees_edited_references(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    tree = tmp_path / "azure-rest-api-specs"
    shutil.copytree(ROOT / "specs/azure-rest-api-specs", tree)
    spec = tree / SPEC.relative_to(ROOT / "specs/azure-rest-api-specs")
    fresh = generate_package(spec, "x")
    assert fresh.api is not None
    hit = generate_package(spec, "x")
    assert hit.api is None and hit.files == fresh.files  # served from the cache
    # An edit in a file the spec only references (common-types) is seen.
    types = tree / "specification/common-types/resource-management/v3/types.json"
    types.write_text(types.read_text().replace('"description": "Resource tags."', '"description": "Resource tags (edited)."'))
    edited = generate_package(spec, "x")
    assert edited.api is not None and edited.files != fresh.files
    assert b"Resource tags (edited)." in edited.files["models.py"]


def test_generated_python_is_exactly_what_black_makes_of_it() -> None:
    """Formatting body and header apart (so the cache survives a header change) loses nothing."""
    import black

    from generator.format.formatter import black_mode

    for path in sorted((GENERATED / "runcommands").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=black_mode()) == text, path


def test_the_generator_itself_type_checks_and_lints() -> None:
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "generator"], cwd=ROOT, check=False, capture_output=True, text=True, timeout=600)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "generator", "tests", "bench"], cwd=ROOT, check=False, capture_output=True, text=True, timeout=300)
    assert ruff.returncode == 0, ruff.stdout[-5000:]


def test_the_formatter_stamp_names_the_ruff_binary_without_running_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run cache's key: another ruff (a new version is another file) is another key."""
    from generator.format import formatter

    fake = tmp_path / "ruff"
    fake.write_bytes(b"version one")
    monkeypatch.setattr(formatter, "_ruff", lambda: str(fake))
    formatter.formatter_stamp.cache_clear()
    first = formatter.formatter_stamp()
    fake.write_bytes(b"version two, longer")
    formatter.formatter_stamp.cache_clear()
    assert formatter.formatter_stamp() != first and str(fake) in first
    formatter.formatter_stamp.cache_clear()
