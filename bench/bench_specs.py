"""Real specs of other services: generation, `--check` and import, beside datamodel-code-generator.

    python -m bench.bench_specs

For runCommands and each spec in `specs/specs-arm/`: `specgen generate` as a whole process with
every cache off, `--check` with the run cache warm, the lines generated, and the import of the
models in a fresh interpreter (the import statement alone). datamodel-code-generator reads no
Swagger 2.0, so it gets each spec's definitions as specgen emits them (`schemas/*.json`): the
same definitions, models only.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.bench_import import import_ms_in_process
from bench.common import ROOT, SPEC, installed, median, process_ms

ARM = ROOT / "specs/specs-arm/specification"
SPECS = {
    "runcommands": SPEC,
    "storage": ARM / "storage/resource-manager/Microsoft.Storage/stable/2021-04-01/storage.json",
    "keyvault_mgmt": ARM / "keyvault/resource-manager/Microsoft.KeyVault/stable/2019-09-01/keyvault.json",
    "metricalerts": ARM / "monitor/resource-manager/Microsoft.Insights/stable/2018-03-01/metricAlert_API.json",
    "kv_secrets": ARM / "keyvault/data-plane/Microsoft.KeyVault/stable/7.2/secrets.json",
    "managedapps": ARM / "resources/resource-manager/Microsoft.Solutions/stable/2019-07-01/managedapplications.json",
    "webapps": ARM / "web/resource-manager/Microsoft.Web/stable/2021-01-15/WebApps.json",
}


def run(runs: int = 3) -> list[dict[str, Any]]:
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="specgen-specs-"))
    rows = []
    try:
        for name, spec in SPECS.items():
            out = tmp / "out"
            gen = [py, "-m", "generator", "generate", str(spec), "--out", str(out), "--package", name, "--no-overlay", "--force"]
            cold = median(process_ms({"gen": gen}, runs=runs, env={"SPECGEN_CACHE": "off"})["gen"])
            cache = {"SPECGEN_CACHE": str(tmp / "cache")}
            check = median(process_ms({"check": [*gen, "--check"]}, runs=runs, env=cache)["check"])
            package = out / name
            lines = sum(p.read_text(encoding="utf-8").count("\n") for p in package.rglob("*.py"))
            definitions = len(list((package / "schemas").glob("*.json")))
            peers: dict[str, float] = {}
            if installed("datamodel_code_generator"):
                schemas = tmp / f"schemas-{name}"
                shutil.copytree(package / "schemas", schemas, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
                dmcg = [
                    py, "-m", "datamodel_code_generator", "--input", str(schemas), "--input-file-type", "jsonschema",
                    "--output", str(tmp / f"dmcg-{name}"), "--output-model-type", "pydantic_v2.BaseModel", "--disable-timestamp",
                ]
                peers["datamodel-code-generator"] = median(process_ms({"dmcg": dmcg}, runs=runs)["dmcg"])
            imported = median(import_ms_in_process({"imp": (str(out), f"{name}.models")}, runs * 3)["imp"])
            rows.append({
                "work": f"spec: {name}",
                "ours": "generate (whole process, no cache)",
                "value": round(cold, 1),
                "unit": "ms",
                "peers": {k: round(v, 1) for k, v in peers.items()},
                "ratios": {k: round(cold / v, 3) for k, v in peers.items() if v},
                "check_ms": round(check, 1),
                "lines": lines,
                "definitions": definitions,
                "import_ms": round(imported, 1),
            })
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


def markdown(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| spec | definitions | lines generated | generate (no cache) | datamodel-code-generator (models only) | ratio | `--check` (cache warm) | import the models |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        peer = r["peers"].get("datamodel-code-generator")
        ratio = r["ratios"].get("datamodel-code-generator")
        lines.append(
            f"| {r['work'].split(': ')[1]} | {r['definitions']} | {r['lines']:,} | {r['value']:,.0f} ms | "
            f"{'—' if peer is None else f'{peer:,.0f} ms'} | {'—' if ratio is None else f'{ratio:.2f}×'} | "
            f"{r['check_ms']:,.0f} ms | {r['import_ms']} ms |"
        )
    return lines


if __name__ == "__main__":
    print("\n".join(markdown(run())))
