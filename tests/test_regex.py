"""The regex translator and the matching-time analysis, on their own.

- `translate(pattern, dialect)`: ECMA-262 as JSON Schema reads a pattern (checked against a
  JavaScript engine when one is installed), .NET as an Azure service reads a parameter's.
- `superlinear(pattern)`: None only for patterns that match in time linear in the input. Checked
  on known shapes, on every real pattern of the specs, and without timing: accepted patterns run
  on 40-character adversarial inputs in a child process that only exponential time would stall.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from typing import Any

import pytest
from conftest import ROOT

from generator.validate import patterns, unicode_categories
from generator.validate.regex import RegexTranslationError, translate
from generator.validate.regex_linear import superlinear

SPECS_ARM = ROOT.parent / "shared/specs-arm"

# -- the two dialects ------------------------------------------------------------------------------

# pattern, value, matches as ECMA-262 reads it, matches as .NET reads it (None: not a pattern there)
SEMANTICS = [
    (r"^[-\w\._\(\)]+$", "grüppe", False, True),
    (r"^[-\w\._\(\)]+$", "gru\u0308ppe", False, True),  # a decomposed ü: U+0308 is Mn, a .NET word character
    (r"^\w+$", "資源グループ", False, True),
    (r"^\w+$", "x\u203fy", False, True),  # connector punctuation (Pc)
    (r"^\w+$", "x²", False, False),  # No is in neither (Python's own \w would take it)
    (r"^\d+$", "\u0663", False, True),  # ARABIC-INDIC DIGIT THREE
    (r"^\d+$", "123", True, True),
    (r"^\D$", "\u0663", True, False),
    (r"^[^\W]$", "é", False, True),
    (r"^\s$", "\x85", False, True),  # NEXT LINE: .NET space only
    (r"^\s$", "\ufeff", True, False),  # BYTE ORDER MARK: ECMA space only
    (r"^\s$", "\x1c", False, False),  # Python's own \s would take it
    (r"x\b", "xé", True, False),  # ECMA: é is no word character, so there is a boundary
    (r"^a$", "a\n", False, True),  # .NET's $ also matches before a final newline
    (r"^.$", "\r", False, True),  # ECMA's . stops at every line terminator, .NET's at \n only
    (r"^.$", "\n", False, False),
    (r"(?i)^[a-f]+$", "BEEF", None, True),  # inline options: .NET only
    (r"^(?i:[a-f])x$", "Ax", None, True),
    (r"^(?i:[a-f])x$", "AX", None, False),
    (r"^[a-z-[aeiou]]+$", "bcd", False, True),  # class subtraction: .NET only (ECMA reads a class and a `]`)
    (r"^[a-z-[aeiou]]+$", "bad", False, False),
    (r"^\p{Lu}\p{Ll}+$", "Ärger", True, True),
    (r"^\p{Letter}+$", "grüppe", True, None),  # ECMA's long names; .NET has short ones only
    (r"^\u{1F600}$", "\U0001f600", True, None),
    (r"^(?'x'a)\k'x'$", "aa", None, True),
    (r"^(?<x>a)\k<x>$", "aa", True, True),
    (r"\z", "", None, True),
    (r"^(?>a+)b$", "aab", None, True),
    (r"^a{,2}$", "a{,2}", True, True),  # `{,n}` is no quantifier in either (Python's `re` would say one)
]


@pytest.mark.parametrize(("pattern", "value", "ecma", "dotnet"), SEMANTICS)
def test_each_dialect_reads_a_pattern_as_its_reader_does(pattern: str, value: str, ecma: bool | None, dotnet: bool | None) -> None:
    for dialect, expected in (("ecma", ecma), ("dotnet", dotnet)):
        if expected is None:
            with pytest.raises(RegexTranslationError):
                translate(pattern, dialect)  # type: ignore[arg-type]
        else:
            assert (re.search(translate(pattern, dialect), value) is not None) is expected, (dialect, translate(pattern, dialect))  # type: ignore[arg-type]


_ATOMS = ["a", "b", "é", "-", "\\.", "1", " ", "\\n", "\\u00e9", "[a-c]", "[^ab]", "[\\d\\w]", "[^\\s]", "\\d", "\\w", "\\s",
          "\\D", "\\W", "\\S", ".", "\\p{L}", "\\P{Lu}", "\\cJ", "\\0", "[\\b]", "_", "\\x41", "[-a]", "\\$", "^", "$", "\\b", "\\B"]
_TEXT = ["a", "b", "é", "e\u0301", "1", "\u0663", "_", "-", " ", "\n", "\r", "\u2028", "\u00a0", "A", ".", "\t", "\x00", "x", "K"]


def _random_pattern(rnd: random.Random, depth: int = 0) -> str:
    r = rnd.random()
    if depth > 3 or r < 0.4:
        return rnd.choice(_ATOMS)
    if r < 0.6:
        return "".join(_random_pattern(rnd, depth + 1) for _ in range(rnd.randint(2, 3)))
    if r < 0.7:
        return "|".join(_random_pattern(rnd, depth + 1) for _ in range(2))
    if r < 0.9:
        quantifier = rnd.choice(["*", "+", "?", "{2}", "{1,3}", "*?"])
        return f"(?:{_random_pattern(rnd, depth + 1)}){quantifier}"
    return rnd.choice(["(?=", "(?!", "(?<="]) + rnd.choice(_ATOMS[:10]) + ")"


@pytest.mark.skipif(shutil.which("node") is None, reason="node (a JavaScript engine) is not installed")
def test_ecma_translation_agrees_with_a_javascript_engine() -> None:
    """Random patterns and texts, matched by V8 (`new RegExp(p, "u")`) and by the translation."""
    rnd = random.Random(20240601)
    cases = [(_random_pattern(rnd), ["".join(rnd.choice(_TEXT) for _ in range(rnd.randint(0, 5))) for _ in range(8)]) for _ in range(600)]
    script = (
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map(([p, texts]) => {"
        "  try { const r = new RegExp(p, 'u'); return texts.map(t => r.test(t)); } catch (e) { return null; } })));"
    )
    node = shutil.which("node")
    assert node is not None
    run = subprocess.run([node, "-e", script], input=json.dumps(cases), capture_output=True, text=True, timeout=120, check=True)
    disagree = []
    for (pattern, texts), expected in zip(cases, json.loads(run.stdout), strict=True):
        try:
            compiled = re.compile(translate(pattern))
        except RegexTranslationError:
            assert expected is None, f"{pattern!r} is a pattern for V8"
            continue
        assert expected is not None, f"{pattern!r} is no pattern for V8"
        disagree += [(pattern, text) for text, want in zip(texts, expected, strict=True) if (compiled.search(text) is not None) != want]
    assert disagree == []


def test_the_frozen_unicode_table_is_the_unicode_database() -> None:
    if unicodedata.unidata_version != unicode_categories.UNICODE_VERSION:
        pytest.skip(f"this Python has Unicode {unicodedata.unidata_version}, the table {unicode_categories.UNICODE_VERSION}")
    assert unicode_categories.compute() == unicode_categories.RUNS


# -- linear-time matching ------------------------------------------------------------------------

LINEAR = [
    r"^[-\w\._\(\)]+$", r"^[-\w\._\(\)]+[^\.]$", r"^[a-zA-Z0-9-]{3,24}$", r"[a-z]+", r"^(a?)*b", r"^(a|ab)*c",
    r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,88}[a-zA-Z0-9_]$", r"^(\d{1,3}\.){3}\d{1,3}$", r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$",
    r"^(?=.*\d)(?=.*[a-z]).{8,}$", r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", r"^/subscriptions/[^/]+/resourceGroups/[^/]+$",
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$", r"^(a|ab)*(b|bc)*d", r"^([a-z]+\.)+[a-z]+\.com$",
    "^(?:" + "|".join(f"region{i}" for i in range(200)) + ")$",
    # Bounded repetitions read a bounded amount of text from each start position, anchored or not.
    r"\d{2}-\d{2}-\d{4}", r"[a-z]{1,5}x", r"(a{1,3}){1,3}x", r"^.{0,4096}$",
]
SUPERLINEAR = {
    r"^(a+)+$": "exponential",
    r"^(a|a)*$": "exponential",
    r"^(a*)*b": "exponential",
    r"^(a?a?)*b": "exponential",
    r"^(\w+\s?)+$": "exponential",
    r"^(?:x(?:a?)*y)*z": "exponential",  # the inner loop can end in two ways at every turn of the outer
    r"^(a|a){20}$": "ways",  # bounded, but 2**20 ways to read twenty a's
    r"^(a|a){2000}$": "exponential",  # too large to unroll: counts as unbounded
    r"\d{2,}x": "not anchored",  # unbounded above
    r"^a*a*x": "quadratic",
    r"^\d*\d*$": "quadratic",
    r"[a-z]+x": "not anchored",  # the search restarts at every position and rescans the run
    r"[a-z]+$": "not anchored",
    r"(?=.*x)": "lookaround",
    r"^(?:a?){30}b": "ways",  # finite, but 2**29 ways
    "^" + "(?:ab|a.)" * 12 + "x": "ways",
}


@pytest.mark.parametrize("pattern", LINEAR)
def test_linear_patterns_are_accepted(pattern: str) -> None:
    assert superlinear(pattern) is None
    assert superlinear(pattern, "dotnet") is None


@pytest.mark.parametrize(("pattern", "why"), SUPERLINEAR.items())
def test_superlinear_patterns_are_refused_with_the_reason(pattern: str, why: str) -> None:
    message = superlinear(pattern)
    assert message is not None and (why in message or (why == "ways" and "ways" in message)), message


def _spec_patterns() -> list[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern" and isinstance(value, str):
                    found.add(value)
                elif key not in ("x-ms-examples", "example", "examples"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for root in (ROOT / "specs", SPECS_ARM):
        for path in sorted(root.rglob("*.json")) if root.is_dir() else []:
            if "examples" not in path.parts:
                walk(json.loads(path.read_text(encoding="utf-8-sig")))
    return sorted(found)


def test_every_real_azure_pattern_passes_in_both_dialects() -> None:
    found = _spec_patterns()
    assert r"^[-\w\._\(\)]+$" in found
    for pattern in found:
        for dialect in ("ecma", "dotnet"):
            assert patterns.invalid(pattern, dialect) is None and patterns.slow(pattern, dialect) is None, (pattern, dialect)  # type: ignore[arg-type]


_RUNNER = """
import json, re, sys
for source, texts in json.loads(sys.stdin.read()):
    compiled = re.compile(source)
    for text in texts:
        compiled.search(text)
print("done")
"""


def _adversarial(pattern: str) -> list[str]:
    """40-character texts that make a backtracking matcher try hard: runs of one or two of the
    pattern's characters, then one that fits nowhere."""
    chars = sorted({c for c in pattern if c.isalnum() or c in "-_. "} | {"a", "0", "-"})[:8]
    runs = [c * 40 for c in chars] + [(c + d) * 20 for c in chars for d in chars if c < d]
    return runs + [r[:-1] + "!" for r in runs] + [r[:-1] + "\n" for r in runs]


def _accepted_sample() -> list[str]:
    rnd = random.Random(7)
    atoms = ["a", "b", "[ab]", "[a-z]", "-", "\\d", "\\w", ".", "a?", "(?=a)", "\\b"]

    def pattern(depth: int = 0) -> str:
        r = rnd.random()
        if depth > 3 or r < 0.3:
            return rnd.choice(atoms)
        if r < 0.55:
            return "".join(pattern(depth + 1) for _ in range(rnd.randint(2, 3)))
        if r < 0.7:
            return "(?:" + "|".join(pattern(depth + 1) for _ in range(2)) + ")"
        return "(?:" + pattern(depth + 1) + ")" + rnd.choice(["*", "+", "?", "{2,3}", "*?", "{2,}"])

    return [p for p in (rnd.choice(["", "^"]) + pattern() + rnd.choice(["", "$"]) for _ in range(600)) if superlinear(p) is None]


def _run_adversarial(cases: list[tuple[str, list[str]]], timeout: float) -> bool:
    """Whether a child process matches every case within `timeout` (only exponential time,
    2**40 steps, could take that long: these inputs are 40 characters)."""
    try:
        run = subprocess.run([sys.executable, "-c", _RUNNER], input=json.dumps(cases), capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return False
    return run.stdout.strip() == "done"


def test_accepted_patterns_match_adversarial_input_without_blowing_up() -> None:
    sample = _accepted_sample()
    assert len(sample) > 150
    real = LINEAR + _spec_patterns()
    cases = [(translate(p), _adversarial(p)) for p in sample + real] + [(translate(p, "dotnet"), _adversarial(p)) for p in real]
    assert _run_adversarial(cases, timeout=300)
    # The harness does tell: a refused pattern on the same kind of input does not finish.
    assert not _run_adversarial([(translate(r"^(a+)+$"), ["a" * 39 + "!"])], timeout=3)
