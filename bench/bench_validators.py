"""Benchmark: generated validators (specgen) vs jsonschema, fastjsonschema, jsonschema-rs.

Not a test: prints medians and ratios from ONE interleaved run, never asserts a time.

    python bench/bench_validators.py [--rounds 15] [--target-ms 20] [--json bench/results/validators.json]

Bodies (from the upstream x-ms-examples of 2024-11-01 runCommands):
  put      -- parameters.runCommand of VirtualMachineRunCommand_CreateOrUpdate.json
  response -- responses.200.body of VirtualMachineRunCommand_Get.json, extended with a
              systemData block and a full properties.instanceView (statuses included)
  invalid  -- the response with 8 errors at different depths (types, int32 bound, closed
              enum, date-time, required)
Schema: generated/runcommands/schemas/*.json when present (else a hand-built equivalent set),
compiled by compile_schema_set; the peers get the same documents bundled into one schema
under $defs (fastjsonschema has no 2020-12 mode; the keywords used mean the same in draft 7).
Formats are asserted by every validator that can.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.validator_emit import compile_schema_set

EXAMPLES = (
    ROOT
    / "specs/azure-rest-api-specs/specification/compute/resource-manager/Microsoft.Compute"
    / "ComputeRP/stable/2024-11-01/examples/runCommandExamples"
)
SCHEMA_DIR = ROOT / "generated/runcommands/schemas"
ENTRY = "VirtualMachineRunCommand"


# -- schema documents --------------------------------------------------------------------------


def _doc(name: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{name}.json",
        "title": name,
        **body,
    }


def hand_built_documents() -> dict[str, dict[str, Any]]:
    """A 2020-12 document set equivalent to what the generated package ships."""
    s = {"type": "string"}
    dt = {"type": "string", "format": "date-time"}
    docs = {
        "VirtualMachineRunCommand": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "readOnly": True},
                "name": {"type": "string", "readOnly": True},
                "type": {"type": "string", "readOnly": True},
                "systemData": {"$ref": "SystemData.json", "readOnly": True},
                "tags": {"type": "object", "additionalProperties": s},
                "location": s,
                "properties": {"$ref": "VirtualMachineRunCommandProperties.json"},
            },
            "required": ["location"],
        },
        "VirtualMachineRunCommandProperties": {
            "type": "object",
            "properties": {
                "source": {"$ref": "VirtualMachineRunCommandScriptSource.json"},
                "parameters": {"type": "array", "items": {"$ref": "RunCommandInputParameter.json"}},
                "protectedParameters": {
                    "type": "array",
                    "items": {"$ref": "RunCommandInputParameter.json"},
                    "x-ms-secret": True,
                },
                "asyncExecution": {"type": "boolean"},
                "runAsUser": s,
                "runAsPassword": {"type": "string", "x-ms-secret": True},
                "timeoutInSeconds": {
                    "type": "integer",
                    "format": "int32",
                    "minimum": -2147483648,
                    "maximum": 2147483647,
                },
                "outputBlobUri": s,
                "errorBlobUri": s,
                "outputBlobManagedIdentity": {"$ref": "RunCommandManagedIdentity.json"},
                "errorBlobManagedIdentity": {"$ref": "RunCommandManagedIdentity.json"},
                "provisioningState": {"type": "string", "readOnly": True},
                "instanceView": {"$ref": "VirtualMachineRunCommandInstanceView.json", "readOnly": True},
                "treatFailureAsDeploymentFailure": {"type": "boolean"},
            },
        },
        "VirtualMachineRunCommandScriptSource": {
            "type": "object",
            "properties": {
                "script": s,
                "scriptUri": s,
                "commandId": s,
                "scriptUriManagedIdentity": {"$ref": "RunCommandManagedIdentity.json"},
            },
        },
        "RunCommandInputParameter": {
            "type": "object",
            "properties": {"name": s, "value": s},
            "required": ["name", "value"],
        },
        "RunCommandManagedIdentity": {
            "type": "object",
            "properties": {"clientId": s, "objectId": s},
        },
        "VirtualMachineRunCommandInstanceView": {
            "type": "object",
            "properties": {
                "executionState": {"$ref": "ExecutionState.json"},
                "executionMessage": s,
                "exitCode": {"type": "integer", "format": "int32", "minimum": -2147483648, "maximum": 2147483647},
                "output": s,
                "error": s,
                "startTime": dt,
                "endTime": dt,
                "statuses": {"type": "array", "items": {"$ref": "InstanceViewStatus.json"}},
            },
        },
        "ExecutionState": {
            "type": "string",
            "examples": ["Unknown", "Pending", "Running", "Failed", "Succeeded", "TimedOut", "Canceled"],
        },
        "InstanceViewStatus": {
            "type": "object",
            "properties": {
                "code": s,
                "level": {"$ref": "StatusLevelTypes.json"},
                "displayStatus": s,
                "message": s,
                "time": dt,
            },
        },
        "StatusLevelTypes": {"type": "string", "enum": ["Info", "Warning", "Error"]},
        "SystemData": {
            "type": "object",
            "properties": {
                "createdBy": s,
                "createdByType": {"$ref": "CreatedByType.json"},
                "createdAt": dt,
                "lastModifiedBy": s,
                "lastModifiedByType": {"$ref": "CreatedByType.json"},
                "lastModifiedAt": dt,
            },
        },
        "CreatedByType": {"type": "string", "examples": ["User", "Application", "ManagedIdentity", "Key"]},
    }
    return {f"{name}.json": _doc(name, body) for name, body in docs.items()}


def load_documents() -> tuple[dict[str, dict[str, Any]], str]:
    files = sorted(SCHEMA_DIR.glob("*.json")) if SCHEMA_DIR.is_dir() else []
    if any(f.name == f"{ENTRY}.json" for f in files):
        docs = {f.name: json.loads(f.read_text(encoding="utf-8")) for f in files}
        return docs, f"{SCHEMA_DIR.relative_to(ROOT)}/*.json ({len(docs)} documents)"
    docs = hand_built_documents()
    return docs, f"hand-built equivalent set ({len(docs)} documents)"


def bundle(docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One schema with every document under $defs and refs rewritten (for the peers)."""
    defs = {}
    for uri, doc in docs.items():
        body = {k: v for k, v in doc.items() if k not in ("$id", "$schema")}
        defs[uri[: -len(".json")]] = body

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: rewrite(v) for k, v in node.items()}
            ref = out.get("$ref")
            if isinstance(ref, str) and ref.endswith(".json"):
                out["$ref"] = f"#/$defs/{ref[: -len('.json')]}"
            if "$ref" in out and len(out) > 1:  # draft 7 ignores $ref siblings: wrap
                ref_only = {"$ref": out.pop("$ref")}
                out = {"allOf": [ref_only], **out}
            return out
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    return {"$ref": f"#/$defs/{ENTRY}", "$defs": rewrite(defs)}


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


# -- bodies ------------------------------------------------------------------------------------


def bodies() -> dict[str, Any]:
    put = json.loads((EXAMPLES / "VirtualMachineRunCommand_CreateOrUpdate.json").read_text())
    get = json.loads((EXAMPLES / "VirtualMachineRunCommand_Get.json").read_text())
    put_body = put["parameters"]["runCommand"]
    response = copy.deepcopy(get["responses"]["200"]["body"])
    response["systemData"] = {
        "createdBy": "user@example.com",
        "createdByType": "User",
        "createdAt": "2024-11-01T10:00:00.1234567Z",
        "lastModifiedBy": "user@example.com",
        "lastModifiedByType": "User",
        "lastModifiedAt": "2024-11-01T10:05:00.1234567Z",
    }
    response["properties"]["outputBlobManagedIdentity"] = {"clientId": "22d35efb-0c99-4041-8c5b-6d24db33a69a"}
    response["properties"]["instanceView"] = {
        "executionState": "Succeeded",
        "executionMessage": "",
        "exitCode": 0,
        "output": "Hello World!",
        "error": "",
        "startTime": "2024-11-01T10:00:01.1234567+00:00",
        "endTime": "2024-11-01T10:00:09.7654321+00:00",
        "statuses": [
            {
                "code": "ProvisioningState/succeeded",
                "level": "Info",
                "displayStatus": "Provisioning succeeded",
                "message": "Finished executing command",
                "time": "2024-11-01T10:00:09.7654321+00:00",
            }
        ],
    }
    invalid = copy.deepcopy(response)
    invalid["location"] = 42
    props = invalid["properties"]
    props["timeoutInSeconds"] = 3000000000
    props["asyncExecution"] = "yes"
    props["parameters"][1] = {"name": "param2"}
    props["outputBlobManagedIdentity"]["clientId"] = 5
    props["instanceView"]["statuses"][0]["level"] = "Bogus"
    props["instanceView"]["startTime"] = "yesterday"
    props["instanceView"]["exitCode"] = "0"
    return {"put": put_body, "response": response, "invalid": invalid}


# -- timing ------------------------------------------------------------------------------------


def calibrate(fn: Callable[[], Any], target_s: float) -> int:
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= target_s / 4 or n >= 1 << 22:
            return max(1, int(n * target_s / max(elapsed, 1e-9)))
        n *= 4


def run(cases: dict[tuple[str, str], Callable[[], Any]], rounds: int, target_s: float) -> dict[tuple[str, str], float]:
    for fn in cases.values():  # warm-up
        for _ in range(50):
            fn()
    sizes = {key: calibrate(fn, target_s) for key, fn in cases.items()}
    samples: dict[tuple[str, str], list[float]] = {key: [] for key in cases}
    gc_was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            for key, fn in cases.items():  # interleaved: every case once per round
                n = sizes[key]
                start = time.perf_counter()
                for _ in range(n):
                    fn()
                samples[key].append((time.perf_counter() - start) / n * 1e6)
    finally:
        if gc_was:
            gc.enable()
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--target-ms", type=float, default=20.0, help="time per batch")
    parser.add_argument("--json", type=Path, default=None, help="also write results as JSON here")
    args = parser.parse_args()

    docs, schema_note = load_documents()
    functions = {uri: snake(uri[: -len(".json")]) for uri in docs}
    source = compile_schema_set(docs, functions=functions)
    namespace: dict[str, Any] = {"__name__": "bench_generated_validators"}
    exec(compile(source, "<generated validators>", "exec"), namespace)  # noqa: S102
    ours_validate = namespace[f"validate_{snake(ENTRY)}"]
    ours_is_valid = namespace["_CHECKS"][ENTRY]
    bundled = bundle(docs)
    data = bodies()
    notes = [f"schema: {schema_note}"]

    impls: dict[str, tuple[Callable[[Any], Any], str]] = {
        "specgen.validate": (ours_validate, "all errors"),
        "specgen.is_valid": (ours_is_valid, "verdict"),
    }
    try:
        import jsonschema

        validator = jsonschema.Draft202012Validator(
            bundled, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
        impls["jsonschema.iter_errors"] = (lambda x: list(validator.iter_errors(x)), "all errors")
        impls["jsonschema.is_valid"] = (validator.is_valid, "verdict")
    except ImportError:
        notes.append("jsonschema not installed: skipped")
    try:
        import fastjsonschema

        draft7 = {k: v for k, v in bundled.items()}
        fjs = fastjsonschema.compile(draft7)

        def fjs_verdict(x: Any) -> bool:
            try:
                fjs(x)
            except fastjsonschema.JsonSchemaException:
                return False
            return True

        impls["fastjsonschema"] = (fjs_verdict, "first error")
    except ImportError:
        notes.append("fastjsonschema not installed: skipped")
    try:
        import jsonschema_rs

        rs = jsonschema_rs.validator_for(bundled, validate_formats=True)
        impls["jsonschema_rs.iter_errors"] = (lambda x: list(rs.iter_errors(x)), "all errors")
        impls["jsonschema_rs.is_valid"] = (rs.is_valid, "verdict")
    except ImportError:
        notes.append("jsonschema_rs not installed: skipped")

    # Sanity: every validator agrees on the verdicts before anything is timed.
    verdicts = {}
    for body_name, body in data.items():
        for impl_name, (fn, _kind) in impls.items():
            result = fn(body)
            verdicts[(body_name, impl_name)] = (not result) if isinstance(result, list) else bool(result)
    for body_name in data:
        seen = {verdicts[(body_name, name)] for name in impls}
        if len(seen) != 1:
            notes.append(f"WARNING: validators disagree on {body_name}: "
                         + ", ".join(f"{n}={verdicts[(body_name, n)]}" for n in impls))
    notes.append(f"errors listed for 'invalid': specgen {len(ours_validate(data['invalid']))}"
                 + (f", jsonschema {len(impls['jsonschema.iter_errors'][0](data['invalid']))}"
                    if "jsonschema.iter_errors" in impls else "")
                 + (f", jsonschema_rs {len(impls['jsonschema_rs.iter_errors'][0](data['invalid']))}"
                    if "jsonschema_rs.iter_errors" in impls else ""))

    cases = {
        (body_name, impl_name): (lambda fn=fn, body=body: fn(body))
        for body_name, body in data.items()
        for impl_name, (fn, _kind) in impls.items()
    }
    medians = run(cases, args.rounds, args.target_ms / 1000)

    ours_for = {"all errors": "specgen.validate", "verdict": "specgen.is_valid", "first error": "specgen.is_valid"}
    print(f"Python {sys.version.split()[0]}; {args.rounds} interleaved rounds; medians in µs per call")
    for note in notes:
        print(f"  {note}")
    header = f"{'body':<9} {'validator':<26} {'kind':<12} {'µs/call':>10} {'ours/peer':>10}"
    print(header)
    print("-" * len(header))
    rows = []
    for body_name in data:
        for impl_name, (_fn, kind) in impls.items():
            us = medians[(body_name, impl_name)]
            ratio = None
            if not impl_name.startswith("specgen"):
                ratio = medians[(body_name, ours_for[kind])] / us
            rows.append({"body": body_name, "validator": impl_name, "kind": kind, "us": us, "ours_over_peer": ratio})
            shown = f"{ratio:10.3f}" if ratio is not None else f"{'':>10}"
            print(f"{body_name:<9} {impl_name:<26} {kind:<12} {us:10.2f} {shown}")
        print()
    print("ours/peer compares like with like: specgen.validate vs peers listing all errors,")
    print("specgen.is_valid vs verdict-only and first-error peers (fastjsonschema).")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"notes": notes, "rounds": args.rounds, "results": rows}, indent=2) + "\n")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
