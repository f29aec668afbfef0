"""Build the create-or-update request: our generated builder vs azure-mgmt-compute's.

    python -m bench.bench_requests        (or: python bench/bench_requests.py)

Not a test: it prints medians (µs per call) and ratios from one interleaved run and never
asserts a time. Both sides get the same inputs (the docs-page PUT body, the same path values)
and both serialise the body to JSON bytes in the timed call:

- specgen: `build_virtual_machine_run_commands_create_or_update_request(..., body=model)`:
  parameter checks, percent-encoding, `to_dict(request=True)` and `json` encoding, absolute URL.
- azure-mgmt-compute: what its `_create_or_update_initial` does before sending:
  `json.dumps(model, cls=SdkJSONEncoder, exclude_readonly=True)`, then
  `build_virtual_machine_run_commands_create_or_update_request(..., content=...)`, then
  `PipelineClient.format_url` to make the URL absolute.

The "plain dict" rows pass the wire dict instead of a model (ours reads it into the model to
drop read-only fields; azure's encoder takes the dict as it is).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
EXAMPLE = (
    ROOT
    / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute"
    / "ComputeRP/stable/2024-11-01/examples/runCommandExamples/VirtualMachineRunCommand_CreateOrUpdate.json"
)
if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))

PATH = {
    "subscription_id": "24fb23e3-6ba3-41f0-9b6e-e41131d5d61e",
    "resource_group_name": "myResourceGroup",
    "vm_name": "myVM",
    "run_command_name": "myRunCommand",
}


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
    """Median µs per call of each case: warm-up, calibrated batches, cases interleaved per round."""
    for fn in cases.values():
        for _ in range(200):
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


def _azure_cases(wire: dict[str, Any]) -> dict[str, Callable[[], Any]] | str:
    try:
        from azure.core import PipelineClient
        from azure.mgmt.compute import models as az_models
        from azure.mgmt.compute._utils.model_base import SdkJSONEncoder
        from azure.mgmt.compute.operations._operations import (
            build_virtual_machine_run_commands_create_or_update_request as az_build,
        )
    except ImportError as exc:
        return f"azure-mgmt-compute skipped (not installed: {exc.name})"
    client = PipelineClient(base_url="{endpoint}")
    endpoint = "https://management.azure.com"
    model = az_models.VirtualMachineRunCommand(wire)

    def build(body: Any) -> Any:
        content = json.dumps(body, cls=SdkJSONEncoder, exclude_readonly=True)
        request = az_build(
            resource_group_name=PATH["resource_group_name"],
            vm_name=PATH["vm_name"],
            run_command_name=PATH["run_command_name"],
            subscription_id=PATH["subscription_id"],
            api_version="2024-11-01",
            content_type="application/json",
            content=content,
        )
        request.url = client.format_url(request.url, endpoint=endpoint)
        return request

    return {"azure-mgmt-compute, model": lambda: build(model), "azure-mgmt-compute, plain dict": lambda: build(wire)}


def run(rounds: int = 11) -> tuple[dict[str, float], list[str]]:
    from runcommands import models
    from runcommands.requests import (
        build_virtual_machine_run_commands_create_or_update_request as ours,
    )

    wire = json.loads(EXAMPLE.read_text(encoding="utf-8"))["parameters"]["runCommand"]
    model = models.VirtualMachineRunCommand.from_dict(wire)
    assert json.loads(ours(**PATH, body=model).body or b"") == wire  # same work, checked once
    cases: dict[str, Callable[[], Any]] = {
        "specgen, model": lambda: ours(**PATH, body=model),
        "specgen, plain dict": lambda: ours(**PATH, body=wire),
    }
    notes = []
    peers = _azure_cases(wire)
    if isinstance(peers, str):
        notes.append(peers)
    else:
        cases.update(peers)
    return measure(cases, rounds=rounds), notes


def main() -> None:
    result, notes = run()
    print("build the create-or-update request (body serialised), median µs per call, one interleaved run")
    for name, value in result.items():
        print(f"  {name:32s} {value:8.2f} µs")
    for kind in ("model", "plain dict"):
        ours, peer = result.get(f"specgen, {kind}"), result.get(f"azure-mgmt-compute, {kind}")
        if ours and peer:
            print(f"  ratio azure-mgmt-compute / specgen ({kind}): {peer / ours:.1f}× (specgen faster by that factor)")
    for note in notes:
        print(f"  note: {note}")


if __name__ == "__main__":
    main()
