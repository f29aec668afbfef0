"""`specgen generate --target pydantic`: the datamodel-code-generator models, tested differentially.

The pydantic module (`<package>/pydantic_models.py`) is generated into a temporary folder (it is
not committed) from the same spec as the committed package, and must accept every body the generated strategies draw and give it
back with `model_dump(by_alias=True, exclude_unset=True, mode="json")`. What pydantic knowingly
does not keep is listed in PYDANTIC_KNOWN_GAPS, and `test_known_gaps_are_real` shows each one, so
the list cannot silently go stale.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT, SPEC
from hypothesis import given, settings
from hypothesis import strategies as st
from runcommands import schemas, strategies

pytest.importorskip("datamodel_code_generator", reason="the [pydantic] extra is not installed")
pytest.importorskip("pydantic", reason="pydantic is not installed")

from pydantic import BaseModel, RootModel, TypeAdapter, ValidationError

DOCS = schemas.load_all()
DEFINITIONS = sorted(n.removesuffix(".json") for n in DOCS)
MODELS = [n for n in DEFINITIONS if DOCS[f"{n}.json"].get("type") == "object"]
EXTENSIBLE = [n for n in DEFINITIONS if n not in MODELS and "enum" not in DOCS[f"{n}.json"]]
CLOSED = [n for n in DEFINITIONS if n not in MODELS and n not in EXTENSIBLE]

# What the pydantic models do not keep or do not enforce, compared with the JSON Schemas and the
# dataclass package. The differential test compares date-times as instants with their offset
# (normalised, see `normalise`); everything else must come back exactly.
PYDANTIC_KNOWN_GAPS: dict[str, str] = {
    "datetime-text": "date-time values are parsed to datetime: the wire text is not kept (a 7th "
    "fraction digit is cut, `.1` comes back as `.100000`, `+00:00`/`-00:00`/`z` come back as `Z`); "
    "the differential test compares date-times normalised",
    "leap-second": "RFC 3339 leap seconds (`23:59:60Z`) are rejected (the strategies never draw them)",
    "null-optional": "optional fields accept null (`X | None = None`); the schemas do not",
    "lax-coercion": "lax mode coerces: `\"5\"` is accepted for an integer and `0` for a boolean, and "
    "they come back as 5 and false (the wire body changes)",
    "read-only": "readOnly is not enforced and there is no request mode: `model_dump` keeps read-only "
    "fields; exclude them yourself when building a request",
    "populate-by-name": "with populate_by_name an unknown field named like a field's snake_case "
    "attribute (`run_as_user`) is taken as that field and dumped under its wire name",
    "uri": "format `uri` is a plain `str` (pydantic's AnyUrl rewrites the text), so not validated",
    "extensible-enum": "extensible enums are `RootModel[str]`: any string, the known values only "
    "listed as examples (there are no members to compare with)",
    "pattern-dialect": "patterns would be checked by pydantic's Rust regex engine (no lookaround), "
    "not ECMA-262 (this spec has no patterns)",
}


@pytest.fixture(scope="session")
def pyd(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """`specgen generate --target pydantic` into a temporary folder, imported."""
    from generator.cli import main

    out = tmp_path_factory.mktemp("pydantic")
    assert main(["generate", str(SPEC), "--out", str(out), "--package", "runcommands", "--target", "pydantic"]) == 0
    path = out / "runcommands" / "pydantic_models.py"
    name = f"runcommands_pydantic_{os.getpid()}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # pydantic resolves the postponed annotations through sys.modules
    spec.loader.exec_module(module)
    module.__file__ = str(path)
    return module


_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")


def normalise(value: Any) -> Any:
    """Date-time texts as (instant, offset), to 6 fraction digits; all else unchanged."""
    if isinstance(value, str) and _DATE_TIME.fullmatch(value):
        text = value.upper()
        if "." in text:  # Python keeps 6 fraction digits; pydantic cuts the 7th too
            head, tail = text.split(".", 1)
            digits = re.match(r"\d+", tail)
            assert digits is not None
            text = f"{head}.{digits.group()[:6].ljust(6, '0')}{tail[digits.end():]}"
        parsed = datetime.fromisoformat(text)
        return ("date-time", parsed, parsed.utcoffset())
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(v) for v in value]
    return value


def dump(model: BaseModel) -> Any:
    return model.model_dump(by_alias=True, exclude_unset=True, mode="json")


def test_one_module_with_every_definition(pyd: ModuleType) -> None:
    source = Path(pyd.__file__).read_text(encoding="utf-8")
    assert source.startswith("# Do not edit: change the spec and run `specgen generate --target pydantic`.")
    assert "datamodel-code-generator 0.89" in source.splitlines()[2]
    for name in MODELS:
        cls = getattr(pyd, name)
        assert issubclass(cls, BaseModel) and cls.model_config.get("extra") == "allow"
        assert cls.model_config.get("populate_by_name") is True
    for name in CLOSED:
        cls = getattr(pyd, name)
        assert issubclass(cls, str) and sorted(m.value for m in cls) == sorted(DOCS[f"{name}.json"]["enum"])
    for name in EXTENSIBLE:
        assert issubclass(getattr(pyd, name), RootModel)
    # Wire names are aliases of snake_case fields; no default invented (optional fields: None).
    props = pyd.VirtualMachineRunCommandProperties.model_fields
    assert props["run_as_password"].alias == "runAsPassword" and props["run_as_password"].repr is False
    assert props["timeout_in_seconds"].default is None
    assert pyd.VirtualMachineRunCommand.model_fields["location"].is_required()


def test_output_is_deterministic(pyd: ModuleType, tmp_path: Path) -> None:
    """Byte-identical under another hash seed, in another process."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(SPEC), "--out", str(tmp_path), "--package", "runcommands", "--target", "pydantic"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    assert (tmp_path / "runcommands" / "pydantic_models.py").read_bytes() == Path(pyd.__file__).read_bytes()


def test_missing_extra_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['datamodel_code_generator'] = None\n"
        "from generator.cli import main\n"
        f"sys.exit(main(['generate', {str(SPEC)!r}, '--out', {str(tmp_path)!r}, '--target', 'pydantic']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2
    assert "pip install 'specgen[pydantic]'" in out.stderr and "Traceback" not in out.stderr
    assert not list(tmp_path.iterdir())  # all or nothing: not the package without its module


def test_the_module_lives_in_the_package_and_goes_through_cache_and_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main
    from generator.pipeline import generate_package

    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    run = ["generate", str(SPEC), "--out", str(out), "--package", "rc", "--no-overlay"]
    assert main([*run, "--target", "pydantic"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["rc"]  # nothing beside the package
    module = out / "rc/pydantic_models.py"
    assert module.is_file() and "pydantic_models.py" in (out / "rc/.specgen-files").read_text()
    assert "pydantic_models" not in (out / "rc/__init__.py").read_text()  # the package never imports it
    # A second run is served from the run cache: no datamodel-code-generator run.
    hit = generate_package(SPEC, "rc", target="pydantic")
    assert hit.api is None and hit.files["pydantic_models.py"] == module.read_bytes()
    assert main([*run, "--target", "pydantic", "--check"]) == 0
    module.write_text(module.read_text() + "# edited\n")
    assert main([*run, "--target", "pydantic", "--check"]) == 1
    assert "-# edited" in capsys.readouterr().out
    module.unlink()
    assert main([*run, "--target", "pydantic", "--check"]) == 1
    assert main([*run, "--target", "pydantic"]) == 0 and module.is_file()
    assert main(run) == 0 and not module.exists()  # a run without the target removes it


@pytest.mark.parametrize("name", MODELS)
@settings(max_examples=75)
@given(data=st.data())
def test_pydantic_accepts_and_gives_back_every_drawn_body(pyd: ModuleType, name: str, data: st.DataObject) -> None:
    cls = getattr(pyd, name)
    body = data.draw(strategies.for_definition(name), label="body")
    model = cls.model_validate(body)
    assert normalise(dump(model)) == normalise(body)


@pytest.mark.parametrize("name", CLOSED + EXTENSIBLE)
@given(data=st.data())
def test_enum_values_come_back(pyd: ModuleType, name: str, data: st.DataObject) -> None:
    adapter = TypeAdapter(getattr(pyd, name))
    value = data.draw(strategies.for_definition(name))
    assert adapter.dump_python(adapter.validate_python(value), mode="json") == value


def test_closed_enum_rejects_unknown_values(pyd: ModuleType) -> None:
    with pytest.raises(ValidationError):
        pyd.InstanceViewStatus.model_validate({"level": "Fatal"})
    with pytest.raises(ValidationError):
        pyd.VirtualMachineRunCommandProperties.model_validate({"timeoutInSeconds": 2**31})
    with pytest.raises(ValidationError):
        pyd.VirtualMachineRunCommand.model_validate({})  # location is required


def test_secrets_stay_out_of_repr(pyd: ModuleType) -> None:
    body = {"runAsPassword": "hunter2-MARKER", "protectedParameters": [{"name": "n", "value": "p-MARKER"}]}
    model = pyd.VirtualMachineRunCommandProperties.model_validate(body)
    assert "MARKER" not in repr(model) and "MARKER" not in str(model)
    assert dump(model) == body


def test_known_gaps_are_real(pyd: ModuleType) -> None:
    """Each listed gap, shown: if pydantic or datamodel-code-generator closes one, update the list."""
    sd, props, rc = pyd.SystemData, pyd.VirtualMachineRunCommandProperties, pyd.VirtualMachineRunCommand
    shown = set()
    assert dump(sd.model_validate({"createdAt": "2024-01-01T00:00:00.1234567+00:00"})) == {"createdAt": "2024-01-01T00:00:00.123456Z"}
    shown.add("datetime-text")
    with pytest.raises(ValidationError):
        sd.model_validate({"createdAt": "2016-12-31T23:59:60Z"})
    shown.add("leap-second")
    assert dump(sd.model_validate({"createdBy": None})) == {"createdBy": None}
    shown.add("null-optional")
    assert dump(props.model_validate({"timeoutInSeconds": "5", "asyncExecution": 0})) == {"timeoutInSeconds": 5, "asyncExecution": False}
    shown.add("lax-coercion")
    assert dump(rc.model_validate({"location": "x", "id": "/subscriptions/1"})) == {"location": "x", "id": "/subscriptions/1"}
    shown.add("read-only")
    assert dump(props.model_validate({"run_as_user": "u"})) == {"runAsUser": "u"}
    shown.add("populate-by-name")
    assert dump(pyd.RunCommandListResult.model_validate({"value": [], "nextLink": "not a uri"}))["nextLink"] == "not a uri"
    shown.add("uri")
    assert TypeAdapter(pyd.ExecutionState).validate_python("Whatever").root == "Whatever"
    shown.add("extensible-enum")
    assert "pattern" not in str(DOCS)  # nothing to show for this spec
    shown.add("pattern-dialect")
    assert shown == set(PYDANTIC_KNOWN_GAPS)


def test_formats_a_model_reads_keep_their_python_types() -> None:
    """The documents call Azure's `time` and `duration` `azure-time` and `azure-duration` (JSON
    Schema's own names mean other things): pydantic still gets `time` and `timedelta` for them."""
    from types import SimpleNamespace

    from generator.emit.pydantic import pydantic_source

    props = {"clock": {"type": "string", "format": "azure-time"}, "span": {"type": "string", "format": "azure-duration"}}
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "T.json", "title": "T", "type": "object", "properties": props}
    source = pydantic_source(SimpleNamespace(spec_sha256="0", spec_display="t", api_version="1"), {"T.json": doc})  # type: ignore[arg-type]
    assert "clock: time | None = None" in source and "span: timedelta | None = None" in source
