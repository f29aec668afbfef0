"""Six real Azure specs beyond runCommands (specs/specs-arm): each generates, imports with the
standard library alone, passes `mypy --strict` and `ruff check`, and replays every upstream
`x-ms-examples` file through its package (see arm_replay.py).

The six packages are generated once per session, in-process, through `specgen generate`.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from arm_replay import ExampleUse, Replayer, example_uses, resolve_pointer

from generator.cli import main
from generator.ir import Api
from generator.ir.build import build

ROOT = Path(__file__).resolve().parents[1]
SPEC_ROOT = ROOT / "specs/specs-arm"  # holds specification/
DEFECTS = ROOT / "tests/data/arm_upstream_defects.json"

# package name -> top-level spec (see specs/specs-arm/README.md for what each exercises)
ARM_SPECS = {
    "storage": "storage/resource-manager/Microsoft.Storage/stable/2021-04-01/storage.json",
    "keyvault_mgmt": "keyvault/resource-manager/Microsoft.KeyVault/stable/2019-09-01/keyvault.json",
    "metricalerts": "monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json",
    "kv_secrets": "keyvault/data-plane/Microsoft.KeyVault/stable/7.2/secrets.json",
    "managedapps": "resources/resource-manager/Microsoft.Solutions/stable/2019-07-01/managedapplications.json",
    "webapps": "web/resource-manager/Microsoft.Web/stable/2021-01-15/WebApps.json",
}
SUBMODULES = ("models", "requests", "responses", "validators", "schemas", "strategies")


def _spec(package: str) -> Path:
    return SPEC_ROOT / "specification" / ARM_SPECS[package]


@dataclass
class Generated:
    out: Path  # the folder holding the six packages
    status: dict[str, int]  # exit status of `specgen generate`
    seconds: dict[str, float]  # its wall time, in-process
    apis: dict[str, Api]
    packages: dict[str, ModuleType]


@pytest.fixture(scope="session")
def arm(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    out = tmp_path_factory.mktemp("arm")
    status, seconds = {}, {}
    for package in ARM_SPECS:
        start = time.perf_counter()
        status[package] = main(["generate", str(_spec(package)), "--out", str(out), "--package", package, "--no-overlay"])
        seconds[package] = time.perf_counter() - start
    apis = {package: build(_spec(package))[0] for package in ARM_SPECS if status[package] == 0}
    sys.path.insert(0, str(out))
    try:
        packages = {}
        for package in apis:
            packages[package] = importlib.import_module(package)
            for sub in SUBMODULES:
                importlib.import_module(f"{package}.{sub}")
    finally:
        sys.path.remove(str(out))
    return Generated(out, status, seconds, apis, packages)


def test_every_spec_generates(arm: Generated) -> None:
    assert arm.status == dict.fromkeys(ARM_SPECS, 0)
    for package in ARM_SPECS:
        assert (arm.out / package / "py.typed").is_file()


def test_packages_import_with_the_standard_library_only(arm: Generated) -> None:
    # -I: no environment, no user site, no cwd on sys.path; -S: no site-packages at all.
    imports = "; ".join(f"import {p}, " + ", ".join(f"{p}.{s}" for s in SUBMODULES) for p in ARM_SPECS)
    code = f"import sys; sys.path.insert(0, {str(arm.out)!r}); {imports}"
    result = subprocess.run([sys.executable, "-I", "-S", "-c", code], cwd=arm.out, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_packages_pass_mypy_strict_and_ruff(arm: Generated) -> None:
    packages = list(ARM_SPECS)
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", *packages], cwd=arm.out, capture_output=True, text=True, timeout=900, check=False)
    assert mypy.returncode == 0, mypy.stdout[-5000:]
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *packages], cwd=arm.out, capture_output=True, text=True, timeout=300, check=False)
    assert ruff.returncode == 0, ruff.stdout[-5000:]


# -- example replay -----------------------------------------------------------------------------


def _defects() -> dict[str, str]:
    data = json.loads(DEFECTS.read_text(encoding="utf-8"))
    return {f"{d['file']}#{d['pointer']}": d["reason"] for d in data["defects"]}


def _uses() -> list[Any]:
    return [
        pytest.param(package, use, id=f"{package}::{use.operation_id}::{use.title}")
        for package in ARM_SPECS
        for use in example_uses(_spec(package))
    ]


@pytest.mark.parametrize(("package", "use"), _uses())
def test_example_replays(arm: Generated, package: str, use: ExampleUse) -> None:
    replayer = Replayer(arm.apis[package], arm.packages[package], _defects())
    assert use.operation_id in replayer.ops, f"{use.operation_id} ({use.section}) is not in the IR"
    replayer.replay(use, use.file.relative_to(SPEC_ROOT).as_posix())
    assert replayer.checks >= 2  # a request and at least one response


EXPECTED_TOTALS = {"storage": 53, "keyvault_mgmt": 17, "metricalerts": 21, "kv_secrets": 12, "managedapps": 10, "webapps": 42}


def test_every_example_file_is_found() -> None:
    # Every x-ms-examples entry of each spec, x-ms-paths included; the files exist.
    found = {package: example_uses(_spec(package)) for package in ARM_SPECS}
    assert {p: len(u) for p, u in found.items()} == EXPECTED_TOTALS
    assert all(u.file.is_file() for uses in found.values() for u in uses)


@pytest.mark.parametrize("key", sorted(_defects()), ids=lambda k: k.rsplit("/examples/", 1)[-1])
def test_listed_upstream_defect_is_real_and_rejected_there(arm: Generated, key: str) -> None:
    """Each listed defect: the value is null where the spec has no x-nullable, and the generated
    validators reject its body exactly there (the replay checks that nothing else is rejected)."""
    file, _, pointer = key.partition("#")
    example = json.loads((SPEC_ROOT / file).read_text(encoding="utf-8"))
    reason = _defects()[key]
    assert resolve_pointer(example, pointer) is None and reason.startswith("null, but the spec has no x-nullable: ")
    # The reason names the upstream property: neither it nor what it refers to says x-nullable.
    spec_file, _, spec_pointer = reason.removeprefix("null, but the spec has no x-nullable: ").split(" ")[0].partition("#")
    prop = resolve_pointer(json.loads((SPEC_ROOT / spec_file).read_text(encoding="utf-8")), spec_pointer)
    target = resolve_pointer(json.loads((SPEC_ROOT / spec_file).read_text(encoding="utf-8")), prop["$ref"][1:]) if prop.get("$ref", "").startswith("#/") else {}
    assert prop.get("x-nullable") is not True and target.get("x-nullable") is not True
    uses = [(p, u) for p in ARM_SPECS for u in example_uses(_spec(p)) if u.file == (SPEC_ROOT / file).resolve()]
    ops = [(arm.apis[p], arm.packages[p], o) for p, u in uses for o in arm.apis[p].operations if o.operation_id == u.operation_id]
    assert ops, f"{file} is the example of no operation in the IR"
    for api, pkg, op in ops:
        section, status_or_name, *rest = pointer.split("/")[1:]
        if section == "responses":
            declared = {r.status: r for r in op.responses}
            body_type = (declared.get(status_or_name) or declared["default"]).body
            body, inner = example["responses"][status_or_name]["body"], "/" + "/".join(rest[1:])
        else:
            body_type = next(p.type for p in op.parameters if p.location == "body")
            body, inner = example["parameters"][status_or_name], "/" + "/".join(rest)
        assert body_type is not None and body_type.kind == "model"
        errors = pkg.validators.validate(api.model(body_type.ref or "").name, body)
        assert [(e.path, e.keyword) for e in errors if e.path == inner] == [(inner, "type")]
