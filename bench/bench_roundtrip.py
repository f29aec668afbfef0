"""wire -> model -> wire on the docs-page PUT body and a full response: ours vs the peers.

    python -m bench.bench_roundtrip

Ours: `VirtualMachineRunCommand.from_dict(body).to_dict()`. pydantic v2: hand-written models
(`bench/peer_pydantic.py`), `model_validate(body).model_dump(by_alias=True, exclude_unset=True)`.
azure-mgmt-compute: its model `VirtualMachineRunCommand(body).as_dict()`.
"""

from __future__ import annotations

from typing import Any

from bench.common import bodies, installed, measure, row


def run(rounds: int = 11) -> list[dict[str, Any]]:
    from runcommands import models

    rows = []
    for label, body in (("docs-page PUT body", bodies()["put"]), ("full response body", bodies()["response"])):
        ours = models.VirtualMachineRunCommand
        cases = {"specgen": lambda ours=ours, body=body: ours.from_dict(body).to_dict()}
        assert ours.from_dict(body).to_dict() == body
        if installed("pydantic"):
            from bench import peer_pydantic

            pm = peer_pydantic.VirtualMachineRunCommand
            cases["pydantic"] = lambda pm=pm, body=body: pm.model_validate(body).model_dump(by_alias=True, exclude_unset=True)
        if installed("azure.mgmt.compute"):
            from azure.mgmt.compute.models import VirtualMachineRunCommand as AzureModel

            cases["azure-mgmt-compute"] = lambda body=body: AzureModel(body).as_dict()
        result = measure(cases, rounds=rounds)
        peers = {k: v for k, v in result.items() if k != "specgen"}
        rows.append(row(f"round trip, {label}", "specgen from_dict→to_dict", result["specgen"], peers, "µs"))
    return rows


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
