"""What every benchmark shares: the bodies, interleaved timing with medians, fresh processes.

Benchmarks print medians and ratios from one run; they never assert a time. Cases of one
comparison are interleaved round by round, so a noisy neighbour hurts all of them alike.
"""

from __future__ import annotations

import copy
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
EXAMPLES = (
    ROOT
    / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute"
    / "ComputeRP/stable/2024-11-01/examples/runCommandExamples"
)
SPEC = ROOT / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2024-11-01/ComputeRP.runCommands.json"

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def bodies() -> dict[str, Any]:
    """`put`: the docs-page PUT body; `response`: a full GET response; `invalid`: 8 errors."""
    put = json.loads((EXAMPLES / "VirtualMachineRunCommand_CreateOrUpdate.json").read_text())
    get = json.loads((EXAMPLES / "VirtualMachineRunCommand_Get.json").read_text())
    response = copy.deepcopy(get["responses"]["200"]["body"])
    response["systemData"] = {
        "createdBy": "user@example.com",
        "createdByType": "User",
        "createdAt": "2024-11-01T10:00:00.1234567Z",
        "lastModifiedBy": "user@example.com",
        "lastModifiedByType": "User",
        "lastModifiedAt": "2024-11-01T10:05:00.1234567Z",
    }
    response["properties"]["outputBlobManagedIdentity"] = {"clientId": "22d35efb-0c99-4041-8c5b-6d24db33a69a"}
    response["properties"]["instanceView"] = {
        "executionState": "Succeeded",
        "executionMessage": "",
        "exitCode": 0,
        "output": "Hello World!",
        "error": "",
        "startTime": "2024-11-01T10:00:01.1234567+00:00",
        "endTime": "2024-11-01T10:00:09.7654321+00:00",
        "statuses": [
            {
                "code": "ProvisioningState/succeeded",
                "level": "Info",
                "displayStatus": "Provisioning succeeded",
                "message": "Finished executing command",
                "time": "2024-11-01T10:00:09.7654321+00:00",
            }
        ],
    }
    invalid = copy.deepcopy(response)
    invalid["location"] = 42
    props = invalid["properties"]
    props["timeoutInSeconds"] = 3000000000
    props["asyncExecution"] = "yes"
    props["parameters"][1] = {"name": "param2"}
    props["outputBlobManagedIdentity"]["clientId"] = 5
    props["instanceView"]["statuses"][0]["level"] = "Bogus"
    props["instanceView"]["startTime"] = "yesterday"
    props["instanceView"]["exitCode"] = 1.5
    return {"put": put["parameters"]["runCommand"], "response": response, "invalid": invalid}


def _calibrate(fn: Callable[[], Any], target_s: float) -> int:
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= target_s / 4 or n >= 1 << 22:
            return max(1, int(n * target_s / max(elapsed, 1e-9)))
        n *= 4


def measure(cases: dict[str, Callable[[], Any]], *, rounds: int = 11, target_ms: float = 20.0) -> dict[str, float]:
    """Median µs per call of each case; cases interleaved round by round after a warm-up."""
    for fn in cases.values():
        for _ in range(50):
            fn()
    batches = {name: _calibrate(fn, target_ms / 1000) for name, fn in cases.items()}
    samples: dict[str, list[float]] = {name: [] for name in cases}
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for name, fn in cases.items():
                n = batches[name]
                start = time.perf_counter()
                for _ in range(n):
                    fn()
                samples[name].append((time.perf_counter() - start) / n * 1e6)
    finally:
        if gc_was:
            gc.enable()
    return {name: statistics.median(values) for name, values in samples.items()}


def user_env() -> dict[str, str]:
    """The environment of a child process that writes and reuses bytecode, as on a user's machine
    (this workplace sets PYTHONDONTWRITEBYTECODE, which would charge every import a compile)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def process_ms(commands: dict[str, Sequence[str]], *, runs: int = 7, cwd: Path = ROOT, env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall milliseconds of whole processes, interleaved run by run."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    full_env = {**user_env(), **(env or {})}
    for name, cmd in commands.items():  # warm the OS caches once
        subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, check=False)
    for _ in range(runs):
        for name, cmd in commands.items():
            start = time.perf_counter()
            proc = subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, check=False)
            samples[name].append((time.perf_counter() - start) * 1000)
            if proc.returncode not in (0, 1):
                raise RuntimeError(f"{name}: {' '.join(cmd)} failed: {proc.stderr.decode()[-500:]}")
    return {name: statistics.median(values) for name, values in samples.items()}


def installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def row(work: str, ours: str, ours_value: float, peers: dict[str, float], unit: str) -> dict[str, Any]:
    """One table row: our figure, each peer's, and ours/peer ratios (below 1 is faster)."""
    return {
        "work": work,
        "ours": ours,
        "value": round(ours_value, 3),
        "unit": unit,
        "peers": {k: round(v, 3) for k, v in peers.items()},
        "ratios": {k: round(ours_value / v, 3) for k, v in peers.items() if v},
    }
