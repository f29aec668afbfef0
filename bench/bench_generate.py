"""`specgen generate` and `--check` as whole processes vs datamodel-code-generator.

    python -m bench.bench_generate

The peer gets the same definitions: our emitted JSON Schemas (`generated/runcommands/schemas`).
`specgen generate` and `--check` are timed with every cache off (a fresh machine, a CI runner) and
warm (the whole-run cache of a developer's machine). For reference, one more row times black
over every generated file in-process: what the format stage would cost if the emitters did not
write black's layout themselves.
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
        check = [py, "-m", "generator", "generate", "--check"]
        commands = {"cold": gen + ["--out", str(tmp / "cold")], "warm": gen, "check": check}
        peers: dict[str, list[str]] = {}
        if installed("datamodel_code_generator"):
            schemas = tmp / "schemas"
            shutil.copytree(GENERATED / "runcommands/schemas", schemas, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
            peers["datamodel-code-generator"] = [
                py, "-m", "datamodel_code_generator", "--input", str(schemas), "--input-file-type", "jsonschema",
                "--output", str(tmp / "dmcg"), "--output-model-type", "pydantic_v2.BaseModel", "--disable-timestamp",
            ]
        cold = process_ms({"cold": commands["cold"], "check": check, **peers}, runs=runs, env={"SPECGEN_CACHE": "off"}, cwd=ROOT)
        warm = process_ms({"warm": commands["warm"], "check": commands["check"]}, runs=runs, env={"SPECGEN_CACHE": str(cache)}, cwd=ROOT)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    peer = {k: v for k, v in cold.items() if k in peers}
    lines, black_ms = _black_over_the_package()
    return [
        row("generate the package, whole process (no cache)", "specgen generate", cold["cold"], peer, "ms"),
        row("generate the package, whole process (run cache warm)", "specgen generate", warm["warm"], peer, "ms"),
        row("check generated/ is current, whole process (no cache)", "specgen generate --check", cold["check"], peer, "ms"),
        row("check generated/ is current, whole process (run cache warm)", "specgen generate --check", warm["check"], peer, "ms"),
        row(f"reference: black over all {lines:,} generated lines (in-process, one core)", "black.format_str", black_ms, peer, "ms"),
    ]


def _black_over_the_package() -> tuple[int, float]:
    """Lines and milliseconds black takes over every generated .py file (the output is already black's)."""
    import time

    import black

    from generator.format.formatter import black_mode

    sources = [p.read_text(encoding="utf-8") for p in sorted((GENERATED / "runcommands").rglob("*.py"))]
    start = time.perf_counter()
    for text in sources:
        black.format_str(text, mode=black_mode())
    return sum(t.count("\n") for t in sources), (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
