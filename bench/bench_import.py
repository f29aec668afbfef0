"""Import time of the models, each in a fresh interpreter (median wall time of several runs).

    python -m bench.bench_import
"""

from __future__ import annotations

import sys
from typing import Any

from bench.common import GENERATED, ROOT, installed, process_ms, row


def run(runs: int = 15) -> list[dict[str, Any]]:
    py = sys.executable
    commands = {
        "bare interpreter": [py, "-c", "pass"],
        "specgen": [py, "-c", f"import sys; sys.path.insert(0, {str(GENERATED)!r}); import runcommands.models"],
    }
    if installed("pydantic"):
        commands["pydantic models"] = [py, "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r}); import bench.peer_pydantic"]
    if installed("azure.mgmt.compute"):
        commands["azure.mgmt.compute"] = [py, "-c", "import azure.mgmt.compute.models"]
    result = process_ms(commands, runs=runs)
    bare = result.pop("bare interpreter")
    ours = result.pop("specgen")
    return [
        row("import the models (fresh interpreter, wall)", "import runcommands.models", ours, result, "ms"),
        row("… above a bare interpreter", "specgen − bare", ours - bare, {k: v - bare for k, v in result.items()}, "ms"),
    ]


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
