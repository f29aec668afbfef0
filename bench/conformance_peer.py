"""Measure jsonschema-rs on the official JSON-Schema-Test-Suite: the bar our conformance tests hold.

    python -m bench.conformance_peer      # needs jsonschema-rs (the bench extra) and the suite

Runs every case of draft2020-12 and draft4 in ``../shared/conformance/full/`` the way
``tests/test_validator_conformance.py`` runs ours: ``remotes/`` served as a local registry for
``http://localhost:1234/`` (a retriever that never touches the network), formats asserted in
``optional/format/`` only (the suite's README asks runners to enable format validation there;
elsewhere ``format`` is an annotation).  Writes ``tests/data/conformance_peer.json``: the case
counts, the peer's pass counts and the ids of the cases it fails.  The conformance test then
requires every required case and every optional case the peer passes.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared/conformance/full/JSON-Schema-Test-Suite"
OUT = ROOT / "tests/data/conformance_peer.json"
REMOTE = "http://localhost:1234/"
FOLDERS = ("draft2020-12", "draft4")


def cases() -> list[tuple[str, str, Any, dict[str, Any]]]:
    """(folder, case id, schema, test) for every case, in file order."""
    found = []
    for folder in FOLDERS:
        root = SUITE / "tests" / folder
        for path in sorted(root.rglob("*.json")):
            rel = path.relative_to(root).as_posix()
            for group in json.loads(path.read_text(encoding="utf-8")):
                for test in group["tests"]:
                    found.append((folder, f"{folder}/{rel}::{group['description']}::{test['description']}", group["schema"], test))
    return found


def retrieve(uri: str) -> Any:
    if not uri.startswith(REMOTE):
        raise ValueError(f"not in the local registry (no network): {uri}")
    return json.loads((SUITE / "remotes" / uri.removeprefix(REMOTE)).read_text(encoding="utf-8"))


def main() -> int:
    import jsonschema_rs

    from bench.common import version

    classes = {"draft2020-12": jsonschema_rs.Draft202012Validator, "draft4": jsonschema_rs.Draft4Validator}
    validators: dict[int, Any] = {}
    total: Counter[tuple[str, str]] = Counter()
    passed: Counter[tuple[str, str]] = Counter()
    failed = []
    for folder, case_id, schema, test in cases():
        kind = "optional" if case_id.split("::")[0].startswith(f"{folder}/optional/") else "required"
        key = id(schema)
        if key not in validators:
            formats = case_id.startswith(f"{folder}/optional/format/")
            try:
                validators[key] = classes[folder](schema, validate_formats=formats, retriever=retrieve)
            except Exception:  # noqa: BLE001 -- a schema it cannot compile fails its cases
                validators[key] = None
        validator = validators[key]
        try:
            ok = validator is not None and validator.is_valid(test["data"]) is test["valid"]
        except Exception:  # noqa: BLE001 -- an error while validating is a failed case
            ok = False
        total[(folder, kind)] += 1
        passed[(folder, kind)] += ok
        if not ok:
            failed.append(case_id)
    source = (SUITE / "SOURCE.txt").read_text(encoding="utf-8").splitlines()[0]
    result = {
        "peer": f"jsonschema-rs {version('jsonschema-rs')}",
        "suite": source,
        "measured_by": "python -m bench.conformance_peer",
        "cases": {f: {k: total[(f, k)] for k in ("required", "optional")} for f in FOLDERS},
        "passed": {f: {k: passed[(f, k)] for k in ("required", "optional")} for f in FOLDERS},
        "failed": failed,
    }
    OUT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for folder in FOLDERS:
        for kind in ("required", "optional"):
            print(f"{folder} {kind}: {passed[(folder, kind)]}/{total[(folder, kind)]}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
