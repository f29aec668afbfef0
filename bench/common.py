"""What every benchmark shares: the bodies, interleaved timing with medians, fresh processes.

Benchmarks print medians and ratios from one run; they never assert a time. Cases of one
comparison are interleaved round by round, so a noisy neighbour hurts all of them alike; the
timers return every round's figure, and `row` reports each ratio as the median of the per-round
ratios with their interquartile range, so a reader sees how far one run can be trusted.
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
from collections.abc import Callable, Mapping, Sequence
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


def measure(cases: dict[str, Callable[[], Any]], *, rounds: int = 11, target_ms: float = 20.0) -> dict[str, list[float]]:
    """µs per call of each case, one figure per round; cases interleaved round by round after a warm-up."""
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
    return samples


def user_env() -> dict[str, str]:
    """The environment of a child process that writes and reuses bytecode, as on a user's machine
    (this workplace sets PYTHONDONTWRITEBYTECODE, which would charge every import a compile)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def process_ms(commands: dict[str, Sequence[str]], *, runs: int = 7, cwd: Path = ROOT, env: dict[str, str] | None = None) -> dict[str, list[float]]:
    """Wall milliseconds of whole processes, one figure per run, interleaved run by run."""
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
    return samples


def installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


Figure = float | Sequence[float]
"""One number, or one per round of an interleaved measurement."""


def median(figure: Figure) -> float:
    return figure if isinstance(figure, float | int) else statistics.median(figure)


def spread(ours: Figure, peer: Figure) -> tuple[float, float, float] | None:
    """Median and interquartile range of the per-round ratios ours/peer, when both have rounds.

    Round i of each case ran back to back, so pairing them cancels most of a neighbour's noise;
    the range says how much is left."""
    if isinstance(ours, float | int) or isinstance(peer, float | int) or len(ours) != len(peer) or len(ours) < 2:
        return None
    ratios = [a / b for a, b in zip(ours, peer, strict=True) if b]
    if len(ratios) < 2:
        return None
    low, _, high = statistics.quantiles(ratios, n=4, method="inclusive")
    return statistics.median(ratios), low, high


def row(work: str, ours: str, ours_value: Figure, peers: Mapping[str, Figure], unit: str) -> dict[str, Any]:
    """One table row: our figure, each peer's (medians), and ours/peer ratios (below 1 is faster).

    With per-round figures on both sides the ratio is the median per-round ratio and `spread`
    holds its interquartile range; otherwise the ratio of the medians and no spread."""
    value = median(ours_value)
    ratios: dict[str, float] = {}
    spreads: dict[str, list[float]] = {}
    for name, figure in peers.items():
        paired = spread(ours_value, figure)
        if paired is not None:
            ratios[name] = round(paired[0], 3)
            spreads[name] = [round(paired[1], 3), round(paired[2], 3)]
        elif median(figure):
            ratios[name] = round(value / median(figure), 3)
    return {
        "work": work,
        "ours": ours,
        "value": round(value, 3),
        "unit": unit,
        "peers": {k: round(median(v), 3) for k, v in peers.items()},
        "ratios": ratios,
        "spread": spreads,
    }
