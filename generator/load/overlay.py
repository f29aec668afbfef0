"""Reviewed, user-editable additions to an upstream spec (today: which properties are secrets).

Upstream does not mark `runAsPassword` or `protectedParameters` as `x-ms-secret`; the overlay file
beside the spec says so, with a reason, and the generator honours it like `x-ms-secret: true`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, SpecError
from generator.load.files import UnreadableFile, read_regular
from generator.load.loader import MAX_FILE_BYTES, display_path


@dataclass(frozen=True)
class Overlay:
    secrets: frozenset[tuple[str, str]] = frozenset()  # (definition name, wire property name)
    display: str = ""


def load_overlay(path: Path | None) -> Overlay:
    if path is None:
        return Overlay()
    import yaml

    from generator.load.yaml_safe import JsonSafeLoader

    display = display_path(path)
    try:
        data = yaml.load(read_regular(path, MAX_FILE_BYTES).data.decode("utf-8"), Loader=JsonSafeLoader)
    except UnreadableFile as exc:
        raise SpecError([Problem(display, None, f"cannot read overlay: {exc}")]) from None
    except UnicodeDecodeError:
        raise SpecError([Problem(display, None, "overlay is not valid UTF-8")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(display, None, f"malformed overlay: {exc}")]) from None
    problems: list[Problem] = []
    secrets: set[tuple[str, str]] = set()
    entries = (data or {}).get("secrets", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SpecError([Problem(display, "/secrets", "expected a list of {definition, property, reason}")])
    for i, entry in enumerate(entries):
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) and entry.get(k) for k in ("definition", "property", "reason"))):
            problems.append(Problem(display, f"/secrets/{i}", "each secret needs non-empty 'definition', 'property' and 'reason'"))
            continue
        secrets.add((entry["definition"], entry["property"]))
    if problems:
        raise SpecError(problems)
    return Overlay(frozenset(secrets), display)
