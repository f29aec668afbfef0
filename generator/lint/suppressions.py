"""Suppressions (rule + file + JSON pointer + mandatory reason) and baselines (LintDiff-style).

Suppressions come from `suppressions.yaml` files between a linted file and the spec root, and from
`[tool.specgen.lint] suppressions = [...]` in the nearest pyproject.toml. A suppression's `file` is
relative to the file that declares it. Baselines record findings by rule + file + pointer (no line
numbers), so edits elsewhere in a spec do not invalidate them.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Problem, SpecError
from generator.lint.core import Finding
from generator.lint.table import RULES
from generator.load.files import UnreadableFile, read_regular, real_path
from generator.load.loader import MAX_FILE_BYTES, display_path

NAMES = ("suppressions.yaml", "suppressions.yml")


@dataclass
class Suppression:
    rule: str
    target: Path  # real path of the file it applies to
    pointer: str
    reason: str
    origin: str  # display path of the declaring file
    origin_real: Path
    at: str  # pointer of the entry in the declaring file
    line: int
    col: int
    used: int = 0

    def matches(self, f: Finding) -> bool:
        if f.rule != self.rule or f.real is None or os.path.realpath(f.real) != str(self.target):
            return False
        return self.pointer in ("", "/") or f.pointer == self.pointer or f.pointer.startswith(self.pointer + "/")


def _finding(rule: str, file: str, real: Path, at: str, line: int, col: int, message: str) -> Finding:
    return Finding(file, line, col, rule, at, message, RULES[rule].severity, real)


def find_files(linted: list[Path], root_of: dict[Path, Path]) -> list[Path]:
    """suppressions.yaml files from each linted file's folder up to its spec root."""
    found: dict[str, Path] = {}
    for path in linted:
        root = root_of[path]
        folder = path.parent
        while True:
            for name in NAMES:
                candidate = folder / name
                if candidate.is_file():
                    found.setdefault(os.path.realpath(candidate), candidate)
            if folder == root or folder.parent == folder or root not in folder.parents:
                break
            folder = folder.parent
    return [found[k] for k in sorted(found)]


def load_yaml(path: Path) -> tuple[list[Suppression], list[Finding]]:
    from generator.load.loader import Loader

    doc = Loader(path.parent).document(path)  # safe YAML, with positions
    data = doc.data
    base = ""
    if isinstance(data, dict):
        data, base = data.get("suppressions", []), "/suppressions"
    if data is None:
        data = []
    if not isinstance(data, list):
        raise SpecError([doc.problem(base, "suppressions must be a list of {rule, file, pointer, reason}")])

    def where(i: int) -> tuple[int, int]:
        return doc.positions.value(f"{base}/{i}") or (1, 1)

    return _entries(data, path, display_path(path), base, where)


def load_pyproject(path: Path) -> tuple[list[Suppression], list[Finding]]:
    try:
        text = read_regular(path, MAX_FILE_BYTES).data.decode("utf-8")
        table = tomllib.loads(text)
    except UnreadableFile as exc:
        raise SpecError([Problem(display_path(path), None, f"cannot read: {exc}")]) from None
    except UnicodeDecodeError:
        raise SpecError([Problem(display_path(path), None, "not valid UTF-8")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise SpecError([Problem(display_path(path), None, f"malformed TOML: {exc}")]) from None
    lint = table.get("tool", {}).get("specgen", {}).get("lint", {})
    entries = lint.get("suppressions", []) if isinstance(lint, dict) else []
    if not isinstance(entries, list):
        entries = []
    # tomllib keeps no positions: the n-th `rule =` after the section header is the n-th entry.
    header = re.search(r"^\[tool\.specgen\.lint\]", text, re.MULTILINE)
    starts = [m.start() for m in re.finditer(r"\brule\s*=", text[header.end():])] if header else []
    offset = header.end() if header else 0

    def where(i: int) -> tuple[int, int]:
        if i >= len(starts):
            return (header and text.count("\n", 0, header.start()) + 1 or 1, 1)
        at = offset + starts[i]
        return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1

    return _entries(entries, path, display_path(path), "/tool/specgen/lint/suppressions", where)


def _entries(entries: list[Any], path: Path, shown: str, base: str, where: Any) -> tuple[list[Suppression], list[Finding]]:
    real = Path(os.path.realpath(path))
    out: list[Suppression] = []
    problems: list[Finding] = []
    for i, entry in enumerate(entries):
        line, col = where(i)
        at = f"{base}/{i}"
        if not isinstance(entry, dict):
            problems.append(_finding("InvalidSuppression", shown, real, at, line, col, "A suppression must be a mapping with rule, file, pointer and reason."))
            continue
        rule, file, pointer, reason = (entry.get(k) for k in ("rule", "file", "pointer", "reason"))
        if not isinstance(rule, str) or rule not in RULES:
            problems.append(_finding("InvalidSuppression", shown, real, at, line, col, f"Unknown rule {rule!r} in suppression."))
            continue
        if not isinstance(file, str) or not file:
            problems.append(_finding("InvalidSuppression", shown, real, at, line, col, f"Suppression of {rule} has no file."))
            continue
        pointer = "" if pointer is None else pointer
        if not isinstance(pointer, str) or (pointer and not pointer.startswith("/")):
            problems.append(_finding("InvalidSuppression", shown, real, at, line, col, f"Suppression of {rule}: pointer {pointer!r} is not a JSON Pointer."))
            continue
        if not isinstance(reason, str) or not reason.strip():
            problems.append(_finding("SuppressionWithoutReason", shown, real, at, line, col, f"Suppression of {rule} in {file} has no reason; it is ignored."))
            continue
        target = real_path(path.parent / file)
        if target is None:
            problems.append(_finding("InvalidSuppression", shown, real, at, line, col, f"Suppression of {rule}: {file!r} cannot name a file."))
            continue
        out.append(Suppression(rule, target, pointer.rstrip("/") if pointer != "/" else pointer, reason.strip(), shown, real, at, line, col))
    return out, problems


def apply(findings: list[Finding], suppressions: list[Suppression], linted: set[str]) -> tuple[list[Finding], list[Finding], int]:
    """(kept findings, findings about unused suppressions, number suppressed)."""
    kept, suppressed = [], 0
    for f in findings:
        hit = next((s for s in suppressions if s.matches(f)), None)
        if hit is None:
            kept.append(f)
        else:
            hit.used += 1
            suppressed += 1
    unused = [
        _finding("UnusedSuppression", s.origin, s.origin_real, s.at, s.line, s.col,
                 f"Suppression of {s.rule} at {display_path(s.target)}#{s.pointer} matches no finding.")
        for s in suppressions
        if not s.used and str(s.target) in linted
    ]
    return kept, unused, suppressed


# -- baselines -----------------------------------------------------------------------------------

def _rel(real: Path, base: Path) -> str:
    return Path(os.path.relpath(real, base)).as_posix()


def write_baseline(path: Path, findings: list[Finding]) -> None:
    base = Path(os.path.realpath(path.parent))
    entries = sorted(
        ({"rule": f.rule, "file": _rel(f.real or Path(f.file), base), "pointer": f.pointer, "message": f.message} for f in findings),
        key=lambda e: (e["file"], e["pointer"], e["rule"], e["message"]),
    )
    text = json.dumps({"version": 1, "tool": "specgen lint", "findings": entries}, indent=2, ensure_ascii=False) + "\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def read_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(read_regular(path, MAX_FILE_BYTES).data.decode("utf-8"))
    except UnreadableFile as exc:
        raise SpecError([Problem(display_path(path), None, f"cannot read baseline: {exc}")]) from None
    except UnicodeDecodeError:
        raise SpecError([Problem(display_path(path), None, "baseline is not valid UTF-8")]) from None
    except RecursionError:
        raise SpecError([Problem(display_path(path), None, "baseline nested too deeply")]) from None
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(display_path(path), None, f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)]) from None
    base = Path(os.path.realpath(path.parent))
    entries = data.get("findings", []) if isinstance(data, dict) else []
    counts: Counter[tuple[str, str, str]] = Counter()
    for e in entries:
        if isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("rule", "file", "pointer")):
            target = real_path(base / e["file"])
            if target is not None:
                counts[(e["rule"], str(target), e["pointer"])] += 1
    return counts


def filter_baseline(findings: list[Finding], baseline: Counter[tuple[str, str, str]]) -> tuple[list[Finding], int]:
    """Findings not in the baseline (matched by rule + file + pointer, as many times as recorded)."""
    left = Counter(baseline)
    kept, known = [], 0
    for f in findings:
        key = (f.rule, os.path.realpath(f.real or f.file), f.pointer)
        if left[key] > 0:
            left[key] -= 1
            known += 1
        else:
            kept.append(f)
    return kept, known
