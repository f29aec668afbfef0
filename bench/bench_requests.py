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

import json
from collections.abc import Callable
from typing import Any

from bench.common import EXAMPLES, measure, row

EXAMPLE = EXAMPLES / "VirtualMachineRunCommand_CreateOrUpdate.json"

PATH = {
    "subscription_id": "24fb23e3-6ba3-41f0-9b6e-e41131d5d61e",
    "resource_group_name": "myResourceGroup",
    "vm_name": "myVM",
    "run_command_name": "myRunCommand",
}


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


def run(rounds: int = 11) -> list[dict[str, Any]]:
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
    peers = _azure_cases(wire)
    notes = [peers] if isinstance(peers, str) else []
    if not isinstance(peers, str):
        cases.update(peers)
    result = measure(cases, rounds=rounds)
    rows = []
    for kind in ("model", "plain dict"):
        peer = {"azure-mgmt-compute": result[f"azure-mgmt-compute, {kind}"]} if not notes else {}
        rows.append(row(f"build the create-or-update request, body as {kind}", "build_…_request", result[f"specgen, {kind}"], peer, "µs"))
    for note in notes:
        print(f"note: {note}")
    return rows


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
