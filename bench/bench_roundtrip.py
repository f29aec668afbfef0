"""wire -> model -> wire on the docs-page PUT body and a full response: ours vs the peers.

    python -m bench.bench_roundtrip

Ours: `VirtualMachineRunCommand.from_dict(body).to_dict()`. Peers, each with hand-written models
of the same bodies (their module docstrings say what each keeps and what it cannot):

* msgspec: Structs with `UNSET` defaults (`bench/peer_msgspec.py`),
  `msgspec.to_builtins(msgspec.convert(body, Model))`;
* mashumaro: `DataClassDictMixin` dataclasses omitting `None` (`bench/peer_mashumaro.py`),
  `Model.from_dict(body).to_dict()`;
* pydantic v2 (`bench/peer_pydantic.py`),
  `model_validate(body).model_dump(by_alias=True, exclude_unset=True, mode="json")`;
* azure-mgmt-compute: its model, `VirtualMachineRunCommand(body).as_dict()`;
* the pure-Python floor (`bench/peer_floor.py`): slots classes built from the package's schema
  documents that copy fields and check nothing but a scalar's class -- what any pure-Python
  model of this shape costs at least, so specgen's ratio to it is what its checks cost.

Every side must give back the body exactly (every field, every timestamp's text) before anything
is timed. msgspec, mashumaro and pydantic keep timestamps as `str` to do so (their `datetime`s
keep 6 of Azure's 7 fractional digits), so they skip the timestamp parsing specgen does.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from bench.common import GENERATED, bodies, installed, measure, row


def peers() -> dict[str, Callable[[Any], Any]]:
    """peer name -> round trip of one wire body, for the peers that are installed."""
    found: dict[str, Callable[[Any], Any]] = {}
    if installed("msgspec"):
        from bench import peer_msgspec

        found["msgspec"] = peer_msgspec.round_trip
    if installed("mashumaro"):
        from bench import peer_mashumaro

        found["mashumaro"] = peer_mashumaro.round_trip
    if installed("pydantic"):
        from bench import peer_pydantic

        found["pydantic"] = peer_pydantic.round_trip
    if installed("azure.mgmt.compute"):
        from azure.mgmt.compute.models import VirtualMachineRunCommand as AzureModel

        def azure(body: Any) -> Any:
            return AzureModel(body).as_dict()

        found["azure-mgmt-compute"] = azure
    from bench import peer_floor

    found["pure-Python floor"] = peer_floor.round_trip(GENERATED / "runcommands" / "schemas", "VirtualMachineRunCommand")
    return found


def run(rounds: int = 11) -> list[dict[str, Any]]:
    from runcommands import models

    def specgen(body: Any) -> Any:
        return models.VirtualMachineRunCommand.from_dict(body).to_dict()

    others = peers()
    rows = []
    for label, body in (("docs-page PUT body", bodies()["put"]), ("full response body", bodies()["response"])):
        assert specgen(body) == body
        for name, trip in others.items():
            assert trip(body) == body, f"{name} does not give the {label} back exactly: {trip(body)}"
        # every case is one Python call into its library, so none pays an extra frame
        cases: dict[str, Callable[[], Any]] = {name: partial(trip, body) for name, trip in {"specgen": specgen, **others}.items()}
        result = measure(cases, rounds=rounds)
        rival = {k: v for k, v in result.items() if k != "specgen"}
        rows.append(row(f"round trip, {label}", "specgen from_dict→to_dict", result["specgen"], rival, "µs"))
    return rows


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
