"""Import time of the models, each in a fresh interpreter (medians of several runs).

    python -m bench.bench_import

Two figures: the whole process's wall time, and the import alone as the fresh interpreter
measures it (`perf_counter` around the import statement), which is what a user's program pays
on top of its own start-up and is far less noisy than a difference of two wall times.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from typing import Any

from bench.common import GENERATED, ROOT, installed, process_ms, row, user_env

PROBE = "import sys, time; sys.path.insert(0, {path!r}); t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"


def import_ms_in_process(targets: dict[str, tuple[str, str]], runs: int) -> dict[str, float]:
    env = user_env()
    samples: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(runs + 1):  # the first round writes the bytecode
        for name, (path, module) in targets.items():
            out = subprocess.run([sys.executable, "-c", PROBE.format(path=path, module=module)], env=env, capture_output=True, text=True, check=True)
            samples[name].append(float(out.stdout.strip()))
    return {name: statistics.median(values[1:]) for name, values in samples.items()}


def run(runs: int = 15) -> list[dict[str, Any]]:
    targets = {"specgen": (str(GENERATED), "runcommands.models")}
    if installed("pydantic"):
        targets["pydantic models"] = (str(ROOT), "bench.peer_pydantic")
    if installed("azure.mgmt.compute"):
        targets["azure.mgmt.compute"] = (str(ROOT), "azure.mgmt.compute.models")
    wall = process_ms({name: [sys.executable, "-c", PROBE.format(path=p, module=m)] for name, (p, m) in targets.items()}, runs=runs)
    alone = import_ms_in_process(targets, runs)
    ours_wall, ours_alone = wall.pop("specgen"), alone.pop("specgen")
    return [
        row("import the models (fresh interpreter, whole process wall)", "import runcommands.models", ours_wall, wall, "ms"),
        row("import the models (the import statement alone)", "import runcommands.models", ours_alone, alone, "ms"),
    ]


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
