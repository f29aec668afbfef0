"""`specgen diff` beside Azure's own breaking-change tool, oad 0.12.4, on the same spec pairs:
whole processes, wall time, medians.

    python -m bench.bench_diff

oad comes from `tests/reference/oad/run_oad.py`'s cache (`${XDG_CACHE_HOME:-~/.cache}/
specgen-reference/oad`): run that script once to install it. Without it the oad figures are
skipped with a note. Both tools read the same copy of the spec tree.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import ROOT, process_ms, row

sys.path.insert(0, str(ROOT / "tests" / "reference" / "oad"))

import mutations as M
import run_oad

PAIRS = {
    "api-version bump (2024-07-01 -> 2024-11-01, hand-written layout)": (M.HAND_2024_07, M.HAND_2024_11),
    "layout change (2024-11-01 hand-written -> TypeSpec)": (M.HAND_2024_11, M.MAIN),
}
NOTES: list[str] = []


def run(runs: int = 3) -> list[dict[str, Any]]:
    env = run_oad.oad_env(run_oad.default_cache())
    if env is None:
        NOTES.append("oad is not installed (python tests/reference/oad/run_oad.py installs it): its diff figures are skipped")
    oad = run_oad.default_cache() / "npm" / "node_modules" / ".bin" / "oad"
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-diff-") as tmp:
        tree = run_oad.scratch_tree(Path(tmp) / "tree")
        for work, (old, new) in PAIRS.items():
            commands = {"specgen": [sys.executable, "-m", "generator", "diff", str(tree / old), str(tree / new), "--fail-on", "never"]}
            if env is not None:
                commands["oad 0.12.4"] = [str(oad), "compare", str(tree / old), str(tree / new)]
            # In the scratch folder: oad writes a log file into its working directory.
            times = process_ms(commands, runs=runs, cwd=Path(tmp), env={"TMPDIR": tmp, "PYTHONPATH": str(ROOT), **(env or {})})
            ours = times.pop("specgen")
            rows.append(row(f"diff two specs, whole process: {work}", "specgen diff", ours, times, "ms"))
    return rows


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
    print("\n".join(NOTES))
