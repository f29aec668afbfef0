"""Validate the docs-page PUT body, a full response and an invalid body: ours vs the peers.

    python -m bench.bench_validators

Ours: the generated package's `runcommands.validators` -- `is_valid(name, body)` (a verdict,
stops at the first failure) on every body, and `validate(name, body)` (every error listed) on the
invalid one.  Peers get the package's own `schemas/*.json` bundled into one schema
under `$defs` (fastjsonschema has no 2020-12 mode; the keywords used mean the same in draft 7),
formats asserted by every validator that can:

* jsonschema: `Draft202012Validator.is_valid` / `list(iter_errors(body))`;
* fastjsonschema: the compiled function (raises at the first error) -- it cannot list every
  error, so it has no figure in that row;
* jsonschema-rs: `is_valid` / `list(iter_errors(body))`.

Bodies: `bench.common.bodies()`; the invalid one has 8 errors at different depths, and every
validator must agree on every verdict (and list the 8 errors) before anything is timed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from typing import Any

from bench.common import GENERATED, bodies, installed, measure, row

PACKAGE = "runcommands"
ENTRY = "VirtualMachineRunCommand"
INVALID_ERRORS = 8


def bundled_schema() -> dict[str, Any]:
    """The package's schema documents in one schema, under `$defs`, refs rewritten."""
    folder = GENERATED / PACKAGE / "schemas"
    defs = {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        defs[path.stem] = {k: v for k, v in doc.items() if k not in ("$id", "$schema")}

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: rewrite(v) for k, v in node.items()}
            ref = out.get("$ref")
            if isinstance(ref, str) and ref.endswith(".json"):
                out["$ref"] = f"#/$defs/{ref.removesuffix('.json')}"
            if "$ref" in out and len(out) > 1:  # draft 7 ignores $ref siblings: wrap
                out = {"allOf": [{"$ref": out.pop("$ref")}], **out}
            return out
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    if ENTRY not in defs:
        raise SystemExit(f"{folder}/{ENTRY}.json not found: run `specgen generate` first")
    return {"$ref": f"#/$defs/{ENTRY}", "$defs": rewrite(defs)}


def peers(schema: dict[str, Any]) -> dict[str, tuple[Callable[[Any], bool], Callable[[Any], list[Any]] | None]]:
    """peer name -> (verdict, every error or None)."""
    found: dict[str, tuple[Callable[[Any], bool], Callable[[Any], list[Any]] | None]] = {}
    if installed("jsonschema"):
        import jsonschema

        cls = jsonschema.Draft202012Validator
        js = cls(schema, format_checker=cls.FORMAT_CHECKER)
        found["jsonschema"] = (js.is_valid, lambda body: list(js.iter_errors(body)))
    if installed("fastjsonschema"):
        import fastjsonschema

        fjs = fastjsonschema.compile(schema)

        def first_error(body: Any) -> bool:
            try:
                fjs(body)
            except fastjsonschema.JsonSchemaException:
                return False
            return True

        found["fastjsonschema"] = (first_error, None)
    if installed("jsonschema_rs"):
        import jsonschema_rs

        rs = jsonschema_rs.validator_for(schema, validate_formats=True)
        found["jsonschema-rs"] = (rs.is_valid, lambda body: list(rs.iter_errors(body)))
    return found


def run(rounds: int = 11) -> list[dict[str, Any]]:
    from runcommands import validators

    data = bodies()
    others = peers(bundled_schema())
    for label in ("put", "response"):
        assert validators.is_valid(ENTRY, data[label]), validators.validate(ENTRY, data[label])
        for name, (verdict, _every) in others.items():
            assert verdict(data[label]), f"{name} rejects the {label} body"
    errors = validators.validate(ENTRY, data["invalid"])
    assert len(errors) == INVALID_ERRORS, errors
    assert not validators.is_valid(ENTRY, data["invalid"])
    for name, (verdict, every) in others.items():
        assert not verdict(data["invalid"]), f"{name} accepts the invalid body"
        if every is not None:
            assert len(every(data["invalid"])) == INVALID_ERRORS, f"{name} lists {every(data['invalid'])}"

    rows = []
    valid = (("put", "docs-page PUT body"), ("response", "full response body"))
    for label, text in valid:
        work = f"validate, {text} (valid)"
        body = data[label]
        cases: dict[str, Callable[[], Any]] = {"specgen": partial(validators.is_valid, ENTRY, body)}
        for name, (verdict, _every) in others.items():
            cases[name] = partial(verdict, body)
        result = measure(cases, rounds=rounds)
        rival = {k: v for k, v in result.items() if k != "specgen"}
        rows.append(row(work, "runcommands.validators.is_valid", result["specgen"], rival, "µs"))

    # What the response's date-time checks alone cost, against each peer's whole validation: a
    # floor under specgen's ratio that only a faster RFC 3339 check (in C) would lower.
    texts = date_times(data["response"])
    cases = {"specgen": partial(_all_date_times, validators._fmt_date_time, texts)}
    cases.update({name: partial(verdict, data["response"]) for name, (verdict, _every) in others.items()})
    result = measure(cases, rounds=rounds)
    rival = {k: v for k, v in result.items() if k != "specgen"}
    work = f"its {len(texts)} date-time checks alone, full response body (peers: the whole body)"
    rows.append(row(work, "runcommands.validators date-time check", result["specgen"], rival, "µs"))

    body = data["invalid"]
    cases = {"specgen": partial(validators.is_valid, ENTRY, body)}
    cases.update({name: partial(verdict, body) for name, (verdict, _every) in others.items()})
    result = measure(cases, rounds=rounds)
    rival = {k: v for k, v in result.items() if k != "specgen"}
    rows.append(row("first-error verdict, invalid body", "runcommands.validators.is_valid", result["specgen"], rival, "µs"))

    cases = {"specgen": partial(validators.validate, ENTRY, body)}
    for name, (_verdict, every) in others.items():
        if every is not None:
            cases[name] = partial(every, body)
    result = measure(cases, rounds=rounds)
    rival = {k: v for k, v in result.items() if k != "specgen"}
    work = f"list every error, invalid body ({INVALID_ERRORS} errors)"
    rows.append(row(work, "runcommands.validators.validate", result["specgen"], rival, "µs"))
    return rows


def date_times(body: Any) -> list[str]:
    """The date-time texts of a body, found through its model: a date-time field keeps its
    checked text in the slot `_<name>_wire`."""
    from runcommands import models

    found: list[str] = []

    def visit(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                visit(item)
        for cls in type(value).__mro__ if hasattr(value, "to_dict") else ():
            for slot in vars(cls).get("__slots__", ()):
                held = getattr(value, slot, None)
                if slot.endswith("_wire") and isinstance(held, str):
                    found.append(held)
                elif slot != "additional_properties":
                    visit(held)

    visit(models.VirtualMachineRunCommand.from_dict(body))
    return found


def _all_date_times(check: Callable[[str], bool], texts: list[str]) -> bool:
    for text in texts:
        if not check(text):
            return False
    return True


if __name__ == "__main__":
    from bench.report import print_rows

    print_rows(run())
