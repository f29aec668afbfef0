"""How generation and import grow with the size of a spec: 10, 100 and 1,000 definitions.

    python -m bench.bench_scaling

Synthetic specs are built from the real runCommands definitions: definition i is a renamed
copy of real definition i mod R, its `$ref`s point at the copies in its own block (or block 0),
and every object model also refers to the next model, so the definitions are cross-linked.
Each spec is generated as a whole process with every cache off and the result
imported in a fresh interpreter (the import statement timed inside it).
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.bench_import import import_ms_in_process
from bench.common import ROOT, SPEC, median, process_ms

SIZES = (10, 100, 1000)


def synthetic_spec(n: int) -> dict[str, Any]:
    real = json.loads(SPEC.read_text())
    names = sorted(real["definitions"])
    size = len(names)

    def copy_name(name: str, block: int) -> str:
        return f"{name}{block}"

    defs: dict[str, Any] = {}
    objects = []
    for i in range(n):
        block, base = divmod(i, size)
        name = names[base]
        text = json.dumps(real["definitions"][name])
        for other in names:
            target_index = block * size + names.index(other)
            target_block = block if target_index < n else 0
            text = text.replace(f'"#/definitions/{other}"', json.dumps(f"#/definitions/{copy_name(other, target_block)}"))
        schema = json.loads(text)
        if schema.get("type") == "object" and "enum" not in schema:
            objects.append(copy_name(name, block))
        defs[copy_name(name, block)] = schema
    # Drop refs that point past the spec (small n cuts blocks short) and link models in a ring.
    text = json.dumps(defs)
    for name in names:
        if name + "0" not in defs:
            text = text.replace(json.dumps(f"#/definitions/{name}0"), json.dumps("#/definitions/" + objects[0]))
    defs = json.loads(text)
    for i, name in enumerate(objects):
        defs[name].setdefault("properties", {})["next"] = {"$ref": f"#/definitions/{objects[(i + 1) % len(objects)]}"}
    return {**real, "paths": {}, "definitions": defs}


def run(runs: int = 3) -> list[dict[str, Any]]:
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="specgen-scale-"))
    rows = []
    try:
        tree = tmp / "azure-rest-api-specs"
        shutil.copytree(ROOT / "specs/azure-rest-api-specs", tree)
        folder = tree / SPEC.relative_to(ROOT / "specs/azure-rest-api-specs").parent
        gen_ms: dict[int, float] = {}
        imp_ms: dict[int, float] = {}
        for n in SIZES:
            spec = folder / f"Synthetic{n}.json"
            spec.write_text(json.dumps(synthetic_spec(n), indent=2))
            out = tmp / f"out{n}"
            cmd = [py, "-m", "generator", "generate", str(spec), "--out", str(out), "--package", "synthetic", "--no-overlay"]
            gen_ms[n] = median(process_ms({"gen": cmd}, runs=1 if n >= 1000 else runs, env={"SPECGEN_CACHE": "off"})["gen"])
            imp_ms[n] = median(import_ms_in_process({"imp": (str(out), "synthetic.models")}, runs * 3)["imp"])
        for n in SIZES:
            rows.append({
                "work": f"scaling: {n:,} definitions",
                "ours": "generate (whole process) · import the models (the import statement alone)",
                "value": round(gen_ms[n], 1),
                "unit": "ms",
                "peers": {},
                "ratios": {},
                "import_ms": round(imp_ms[n], 1),
                "per_definition_ms": round(gen_ms[n] / n, 2),
            })
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


if __name__ == "__main__":
    for r in run():
        print(f"{r['work']:>28}: generate {r['value']:>9,.0f} ms ({r['per_definition_ms']} ms/definition), import {r['import_ms']:.1f} ms")
