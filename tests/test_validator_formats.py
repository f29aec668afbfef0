"""The formats the validator compiler checks (generator/validate/fmt_*.py, copied into generated
modules): what each accepts, that the copies are strict-typed and lint-clean, and that no input
makes one slow."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import CONFORMANCE

from generator.validate.compiler import compile_schema, compile_schema_set
from generator.validate.formats import FORMATS, HELPERS, NUMBER_FORMATS, helper_closure

EVERY_FORMAT = {"properties": {name: {"format": name} for name in sorted(FORMATS)}}


def checker(name: str) -> Any:
    namespace: dict[str, Any] = {}
    exec(compile(compile_schema({"format": name}), f"<{name}>", "exec"), namespace)  # noqa: S102
    return namespace["is_valid"]


# Beyond the official suite: corners of each grammar, both ways.
EXAMPLES: dict[str, tuple[list[Any], list[Any]]] = {
    "date": (["2024-02-29", "0001-01-01"], ["2023-02-29", "2024-1-01", "2024-01-01T00:00:00Z", "0000-01-01"]),
    "time": (["23:59:60Z", "00:00:00.000+14:00"], ["23:59:60+01:00", "12:00", "12:00:00+1:00"]),
    "duration": (["P1Y", "PT0S", "P2W"], ["P1.5D", "PT", "P1H"]),
    "ipv4": (["1.2.3.4"], ["01.2.3.4", "1.2.3", "1.2.3.4 "]),
    "ipv6": (["::", "1::2:3.4.5.6"], ["1:::2", "::1%eth0", "1::2::3"]),
    "hostname": (["a-b.c", "xn--bcher-kva.example"], ["a_b", "xn--", "-a.b", "a" * 64]),
    "idn-hostname": (["bücher.example", "例え。テスト"], ["bücher..example", "Bücher.example", "a\u200db"]),
    "email": (['"a b"@c.d', "a+b@[IPv6:::1]"], ["a@b@c", "a.@b", "a@-b"]),
    "idn-email": (["ü@ü.example"], ["ü", "a@b..c"]),
    "uri": (["urn:isbn:0451450523", "http://[::1]:8080/a?b#c"], ["//host/path", "http://a b", "http://[::1%25x]/"]),
    "uri-reference": (["../a?b", "#", ""], ["a b", "http://h:port/"]),
    "iri": (["http://例え.テスト/パス"], ["例え", "http://a/\ud800"]),
    "iri-reference": (["パス?クエリ#断片"], ["a\\b"]),
    "uri-template": (["/users{/id}{?fields*}", "{+path:10}"], ["{", "{a-b}", "{?}"]),
    "json-pointer": (["", "/", "/a~1b/~0"], ["a", "/~", "/~2"]),
    "relative-json-pointer": (["0", "3/a", "2#"], ["-1", "0/~", "#"]),
    "regex": (["^a(?=b)|[^\\]x-z]{2,3}?$", "\\p{Lu}+(?<n>x)\\k<n>"], ["(", "a{3,2}", "[b-a]", "\\1"]),
    "uuid": (["01234567-89ab-cdef-0123-456789ABCDEF"], ["0123456789abcdef0123456789abcdef"]),
    "date-time": (["2024-12-31T23:59:60Z"], ["2024-12-31 23:59:59Z"]),
    # Azure's (fmt_azure.py): what the generated models read
    "azure-time": (["11:34:56", "00:00:00.1234567z", "23:59:59-23:59"], ["23:59:60Z", "24:00:00", "11:34", "11:34:56+1:00"]),
    "azure-duration": (["-P1DT0.5S", "p1w2d", "PT1,5S", "P999999999D"], ["PT", "P", "P1000000000D", "PT1.S", "P1DT", "PT1\u017f"]),
    "date-time-rfc1123": (["Fri, 31 May 2024 12:00:00 GMT", "mon, 1 jan 0001 00:00:00 gmt"], ["Sat, 31 May 2024 12:00:00 GMT", "Fri, 31 May 2024 12:00:00 UTC", "\u017fat, 01 Jun 2024 12:00:00 GMT", "Mon, 29 Feb 2100 00:00:00 GMT"]),
    "byte": (["", "AP8=", "//79/Pv6+fj39g=="], ["YQ", "YQ=", "a-b_", "AP8=\n"]),
    "base64url": (["", "AP8", "AP8=", "__79_Pv6-fj39g"], ["a+b/", "A", "AP8==", "YQ="]),
    "unixtime": ([0, -62135596800, 253402300799, 1e10], [-62135596801, 253402300800, 1e300]),
    "decimal": ([0, 1.5, -1e308, 10**400], [float("nan"), float("inf"), float("-inf")]),
}


def test_every_format_has_examples() -> None:
    assert sorted(EXAMPLES) == sorted(FORMATS)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_format_examples(name: str) -> None:
    is_valid = checker(name)
    good, bad = EXAMPLES[name]
    assert [value for value in good if not is_valid(value)] == []
    assert [value for value in bad if is_valid(value)] == []
    other = "x" if name in NUMBER_FORMATS else float("nan")
    assert is_valid(other) and is_valid(None)  # formats only judge strings, or only numbers


def test_helpers_copy_what_they_need() -> None:
    """A helper travels with the definitions and imports it names, nothing else."""
    closure = helper_closure({FORMATS["email"]})
    assert {"_fmt_hostname", "_idna_label", "_fmt_ipv6"} <= set(closure)
    assert "_fmt_uri" not in closure and "_IRI_UCSCHAR" not in helper_closure({FORMATS["uri"]})
    assert HELPERS[FORMATS["ipv4"]].imports == ("import ipaddress",)


def test_module_with_every_format_is_strict_typed_and_lint_clean(tmp_path: Path) -> None:
    (tmp_path / "every_format.py").write_text(compile_schema(EVERY_FORMAT), encoding="utf-8")
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "every_format.py"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=600,
    )
    assert mypy.returncode == 0, mypy.stdout[-3000:]
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "every_format.py"],
        cwd=tmp_path, capture_output=True, text=True, check=False, timeout=300,
    )
    assert ruff.returncode == 0, ruff.stdout[-3000:]


HOSTILE = [
    "a" * 200_000,
    "a" * 200_000 + "!",
    "//" + "a" * 200_000 + "[",
    "http://" + "a:" * 100_000 + "@",
    "P" + "1" * 200_000 + "X",
    "\\p{" * 50_000,
    "a{" + "9" * 20_000 + "," + "1" * 20_000 + "}",
    "(" * 100_000 + ")" * 100_000,
    "[" + "\\u{" * 50_000,
    "x" * 60 + "@" + ("ü" * 60 + ".") * 1000,
    "xn--" + "a" * 200_000,
    ("\u30fb" + "\u0660") * 50_000,
    "{" + "a," * 100_000 + "}",
    "/" + "~0" * 100_000 + "~",
]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_no_input_makes_a_format_slow(name: str) -> None:
    is_valid = checker(name)
    for value in HOSTILE:
        start = time.perf_counter()
        is_valid(value)
        assert time.perf_counter() - start < 0.5, f"{name} on {value[:40]!r}..."


def test_the_regex_format_accepts_every_pattern_of_the_suite() -> None:
    if not CONFORMANCE.is_dir():
        pytest.skip(f"JSON-Schema-Test-Suite not found at {CONFORMANCE}")
    is_regex = checker("regex")
    patterns: set[str] = set()
    todo: list[Any] = [json.loads(p.read_text(encoding="utf-8")) for p in (CONFORMANCE / "tests").rglob("*.json")]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            patterns.update(k for k in node.get("patternProperties") or {} if isinstance(node["patternProperties"], dict))
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    assert len(patterns) > 30
    assert sorted(p for p in patterns if not is_regex(p)) == []


def test_a_document_set_asserts_the_formats_it_is_given() -> None:
    docs = {"A.json": {"$id": "A.json", "properties": {"d": {"format": "duration"}, "u": {"format": "uri"}}}}
    every: dict[str, Any] = {}
    exec(compile_schema_set(docs, functions={"A.json": "a"}), every)  # noqa: S102
    some: dict[str, Any] = {}
    exec(compile_schema_set(docs, functions={"A.json": "a"}, formats=["uri"]), some)  # noqa: S102
    assert not every["is_valid"]("A", {"d": "PT1.5S"}) and some["is_valid"]("A", {"d": "PT1.5S"})
    assert not some["is_valid"]("A", {"u": "no scheme"})
    with pytest.raises(ValueError, match="unknown format 'durations'"):
        compile_schema_set(docs, functions={"A.json": "a"}, formats=["durations"])


def test_models_and_validators_share_the_date_time_fast_path() -> None:
    """The models keep a date-time's text when the validators' fast path takes it (and read it
    when first used): the generated runtime's shapes are the validators' (tested above)."""
    from runcommands import _runtime

    from generator.validate import fmt_time

    assert _runtime._COMMON_SHAPES == fmt_time._COMMON_SHAPES and _runtime._ZERO_DIGITS == fmt_time._ZERO_DIGITS


def test_the_date_time_fast_path_agrees_with_the_full_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_fmt_date_time` takes the common shape through `datetime.fromisoformat`; on any string
    (mutations of valid and invalid date-times) it must say what the full RFC 3339 grammar says."""
    import random

    from generator.validate import fmt_time

    seeds = ["2024-11-01T10:00:01.1234567Z", "2024-02-29T23:59:60+00:00", "2023-02-29T10:00:00Z",
             "0000-01-01T00:00:00Z", "2024-12-31T23:59:59-05:30", "2024-11-01T10:00:01.5+23:59",
             "2024-04-30T00:00:00Z", "2024-01-31T09:10:11.0+10:00", "0001-10-01T20:59:59Z", "2100-02-28T19:00:00-23:00"]
    alphabet = "0123456789-:T.Zz+t 56\u0663W,"
    rng = random.Random(19)
    cases = list(seeds)
    for _ in range(20000):
        chars = list(rng.choice(seeds))
        for _ in range(rng.randint(1, 3)):
            i, op = rng.randrange(len(chars)), rng.random()
            if op < 0.6:
                chars[i] = rng.choice(alphabet)
            elif op < 0.8:
                del chars[i]
            else:
                chars.insert(i, rng.choice(alphabet))
        cases.append("".join(chars))
    for _ in range(20000):  # the common shape with fields in and out of their ranges
        y, mo, d, h, mi, s = (f"{rng.randint(0, hi):0{n}d}" for hi, n in ((2401, 4), (13, 2), (32, 2), (25, 2), (61, 2), (61, 2)))
        zone = rng.choice(["Z", f"{rng.choice('+-')}{rng.randint(0, 25):02d}:{rng.randint(0, 61):02d}"])
        cases.append(f"{y}-{mo}-{d}T{h}:{mi}:{s}{rng.choice(['', '.5', '.1234567'])}{zone}")
    fast = [fmt_time._fmt_date_time(c) for c in cases]
    monkeypatch.setattr(fmt_time, "_COMMON_SHAPES", {})
    full = [fmt_time._fmt_date_time(c) for c in cases]
    assert sum(fast) > 1000  # the fast path is exercised
    assert [c for c, a, b in zip(cases, fast, full, strict=True) if a != b] == []
