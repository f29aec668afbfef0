"""Import time of the models, each in a fresh interpreter (every run's figure kept), and their size.

    python -m bench.bench_import

Three timings: the whole process's wall time, and the import alone as the fresh interpreter
measures it (`perf_counter` around the import statement), which is what a user's program pays
on top of its own start-up and is far less noisy than a difference of two wall times -- once with
the bytecode written by an earlier run (a developer's machine) and once with none (a read-only
checkout, a fresh CI container): the models are copied to an empty temporary folder and imported
with `PYTHONDONTWRITEBYTECODE=1`, so every run compiles them. The peers' hand-written models get
the same treatment; their libraries keep the bytecode pip wrote at install, as they would there.

And one size: lines of the generated `models.py` per definition of the spec, beside
azure-mgmt-compute's models (Azure's own Python generator, the whole Compute API).
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import GENERATED, ROOT, installed, process_ms, row, user_env

PROBE = "import sys, time; sys.path.insert(0, {path!r}); t = time.perf_counter(); import {module}; print((time.perf_counter() - t) * 1000)"
PACKAGE = "runcommands"
HAND_WRITTEN = {"pydantic models": "pydantic", "msgspec models": "msgspec", "mashumaro models": "mashumaro"}
"""label -> the library a hand-written peer module `bench/peer_<library>.py` needs."""


def import_ms_in_process(targets: dict[str, tuple[str, str]], runs: int, *, no_bytecode: bool = False) -> dict[str, list[float]]:
    """Milliseconds of the import statement alone in a fresh interpreter, one figure per run.

    By default a first, untimed round writes the bytecode; with `no_bytecode` none is written."""
    env = {**user_env(), "PYTHONDONTWRITEBYTECODE": "1"} if no_bytecode else user_env()
    samples: dict[str, list[float]] = {name: [] for name in targets}
    for _ in range(runs + 1):  # the first round writes the bytecode (or warms the OS caches)
        for name, (path, module) in targets.items():
            out = subprocess.run([sys.executable, "-c", PROBE.format(path=path, module=module)], env=env, capture_output=True, text=True, check=True)
            samples[name].append(float(out.stdout.strip()))
    return {name: values[1:] for name, values in samples.items()}


def _hand_written() -> dict[str, str]:
    """label -> module name of each hand-written peer whose library is installed."""
    return {label: f"peer_{lib}" for label, lib in HAND_WRITTEN.items() if installed(lib)}


def _no_bytecode(runs: int) -> dict[str, list[float]]:
    """The import alone, with the models copied where no bytecode has ever been written."""
    tmp = Path(tempfile.mkdtemp(prefix="specgen-nopyc-"))
    try:
        shutil.copytree(GENERATED / PACKAGE, tmp / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
        targets = {"specgen": (str(tmp), f"{PACKAGE}.models")}
        for label, module in _hand_written().items():
            shutil.copyfile(ROOT / "bench" / f"{module}.py", tmp / f"{module}.py")
            targets[label] = (str(tmp), module)
        return import_ms_in_process(targets, runs, no_bytecode=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def lines_per_definition() -> tuple[int, int, dict[str, float]]:
    """Lines of our models.py, the spec's definitions, and the peers' lines per definition."""
    lines = (GENERATED / PACKAGE / "models.py").read_text(encoding="utf-8").count("\n")
    definitions = len(list((GENERATED / PACKAGE / "schemas").glob("*.json")))
    peers: dict[str, float] = {}
    spec = importlib.util.find_spec("azure.mgmt.compute.models") if installed("azure.mgmt.compute") else None
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
        texts = [(folder / f).read_text(encoding="utf-8") for f in ("_models.py", "_enums.py") if (folder / f).exists()]
        classes = sum(len(re.findall(r"^class ", t, re.MULTILINE)) for t in texts)
        if classes:
            peers["azure-mgmt-compute"] = sum(t.count("\n") for t in texts) / classes
    return lines, definitions, peers


def run(runs: int = 15) -> list[dict[str, Any]]:
    targets = {"specgen": (str(GENERATED), f"{PACKAGE}.models")}
    targets.update({label: (str(ROOT / "bench"), module) for label, module in _hand_written().items()})
    if installed("azure.mgmt.compute"):
        targets["azure.mgmt.compute"] = (str(ROOT), "azure.mgmt.compute.models")
    wall = process_ms({name: [sys.executable, "-c", PROBE.format(path=p, module=m)] for name, (p, m) in targets.items()}, runs=runs)
    alone = import_ms_in_process(targets, runs)
    cold = _no_bytecode(runs)
    ours_wall, ours_alone, ours_cold = wall.pop("specgen"), alone.pop("specgen"), cold.pop("specgen")
    lines, definitions, sizes = lines_per_definition()
    return [
        row("import the models (fresh interpreter, whole process wall)", "import runcommands.models", ours_wall, wall, "ms"),
        row("import the models (the import statement alone)", "import runcommands.models", ours_alone, alone, "ms"),
        row("import the models, no bytecode present (the import statement alone)", "import runcommands.models", ours_cold, cold, "ms"),
        row(f"models.py lines per definition ({lines:,} lines, {definitions} definitions)", "generated models.py", lines / definitions, sizes, "lines"),
    ]


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
