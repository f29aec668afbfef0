"""`specgen generate` and `--check` as whole processes vs datamodel-code-generator.

    python -m bench.bench_generate

The peer gets the same definitions: our emitted JSON Schemas (`generated/runcommands/schemas`).
`specgen generate` is timed cold (black's output cache off, so black runs) and warm (cached).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import GENERATED, ROOT, SPEC, installed, process_ms, row


def run(runs: int = 5) -> list[dict[str, Any]]:
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="specgen-bench-"))
    try:
        cache = tmp / "cache"
        gen = [py, "-m", "generator", "generate", str(SPEC), "--out", str(tmp / "out"), "--package", "pkg"]
        commands = {
            "cold": gen + ["--out", str(tmp / "cold")],
            "warm": gen,
            "check": [py, "-m", "generator", "generate", "--check"],
        }
        peers: dict[str, list[str]] = {}
        if installed("datamodel_code_generator"):
            schemas = tmp / "schemas"
            shutil.copytree(GENERATED / "runcommands/schemas", schemas, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
            peers["datamodel-code-generator"] = [
                py, "-m", "datamodel_code_generator", "--input", str(schemas), "--input-file-type", "jsonschema",
                "--output", str(tmp / "dmcg"), "--output-model-type", "pydantic_v2.BaseModel", "--disable-timestamp",
            ]
        # "cold": the cache folder is emptied by pointing it somewhere new each time is not
        # possible across runs, so cold runs use SPECGEN_CACHE=off.
        cold = process_ms({"cold": commands["cold"], **peers}, runs=runs, env={"SPECGEN_CACHE": "off"})
        warm = process_ms({"warm": commands["warm"], "check": commands["check"]}, runs=runs, env={"SPECGEN_CACHE": str(cache)}, cwd=ROOT)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    peer = {k: v for k, v in cold.items() if k in peers}
    return [
        row("generate the package, whole process (black runs)", "specgen generate", cold["cold"], peer, "ms"),
        row("generate the package, whole process (black cache warm)", "specgen generate", warm["warm"], peer, "ms"),
        row("check generated/ is current, whole process", "specgen generate --check", warm["check"], peer, "ms"),
    ]


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
