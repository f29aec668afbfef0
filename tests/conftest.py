"""Shared test fixtures: where the specs are, the generated package, throw-away packages."""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
STABLE = ROOT / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable"
SPEC = STABLE / "2024-11-01/ComputeRP.runCommands.json"  # the default (TypeSpec layout)
HANDWRITTEN_2024_11 = STABLE / "2024-11-01/runCommand.json"
HANDWRITTEN_2024_07 = STABLE / "2024-07-01/runCommand.json"
ALL_SPECS = (SPEC, HANDWRITTEN_2024_11, HANDWRITTEN_2024_07)
OVERLAY = ROOT / "specs/overlays/runcommands.yaml"
GENERATED = ROOT / "generated"
CONFORMANCE = ROOT.parent / "shared/conformance/full/JSON-Schema-Test-Suite"

# Derandomized so CI is repeatable; no deadline, since the machines are shared and noisy.
settings.register_profile(
    "ci", derandomize=True, max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """specgen's caches go to a folder of this test session, never to the user's ~/.cache."""
    previous = os.environ.get("SPECGEN_CACHE")
    os.environ["SPECGEN_CACHE"] = str(tmp_path_factory.mktemp("specgen-cache"))
    yield
    if previous is None:
        os.environ.pop("SPECGEN_CACHE", None)
    else:
        os.environ["SPECGEN_CACHE"] = previous


def spec_examples(spec: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(operationId, example title, example) for every x-ms-examples file the spec names that exists."""
    doc = json.loads(spec.read_text(encoding="utf-8"))
    out = []
    for item in doc["paths"].values():
        for method, op in item.items():
            if method == "parameters":
                continue
            for title, ref in sorted((op.get("x-ms-examples") or {}).items()):
                path = spec.parent / ref["$ref"]
                if path.is_file():
                    out.append((op["operationId"], title, json.loads(path.read_text(encoding="utf-8"))))
    return sorted(out, key=lambda t: (t[0], t[1]))


_counter = 0


def generate_into(spec: Path, folder: Path, *, overlay: Path | None = OVERLAY, root: Path | None = None) -> ModuleType:
    """Generate a package from `spec` into `folder` under a fresh name and import it."""
    global _counter
    from generator.pipeline import generate_package
    from generator.write.atomic import write_atomically

    _counter += 1
    name = f"pkg_{os.getpid()}_{_counter}"
    result = generate_package(spec, name, root=root, overlay=overlay)
    write_atomically(folder / name, result.files)
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))


def generate_spec(spec: dict[str, Any], folder: Path) -> ModuleType:
    """Write the Swagger document `spec` to `folder/spec.json`, then generate its package (no
    overlay) into `folder/out` and import it."""
    (folder / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    return generate_into(folder / "spec.json", folder / "out", overlay=None)


@pytest.fixture(scope="session")
def pkg() -> ModuleType:
    """The committed generated package (generated/runcommands)."""
    return importlib.import_module("runcommands")


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory, pkg: ModuleType) -> dict[Path, tuple[Any, ModuleType]]:
    """(IR, package) per spec: the committed package for the default, the others generated afresh."""
    from generator.ir.build import build

    out = {}
    for spec in ALL_SPECS:
        api, _ = build(spec)
        out[spec] = (api, pkg if spec == SPEC else generate_into(spec, tmp_path_factory.mktemp(spec.parent.name)))
    return out


def example_cases() -> list[Any]:
    """pytest params (spec, operationId, example) for every upstream example of every spec."""
    return [
        pytest.param(spec, op_id, example, id=f"{spec.parent.name}/{spec.name}::{op_id}::{title}")
        for spec in ALL_SPECS
        for op_id, title, example in spec_examples(spec)
    ]


_REMOTES: dict[str, Any] = {}


def suite_remotes() -> dict[str, Any]:
    """The JSON-Schema-Test-Suite's `remotes/` as the local registry it stands for (http://localhost:1234/)."""
    if not _REMOTES and CONFORMANCE.is_dir():
        folder = CONFORMANCE / "remotes"
        for path in sorted(folder.rglob("*.json")):
            _REMOTES["http://localhost:1234/" + path.relative_to(folder).as_posix()] = json.loads(path.read_text(encoding="utf-8"))
    return _REMOTES
