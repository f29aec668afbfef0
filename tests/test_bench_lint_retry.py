"""The lint bench's live LintDiff run: one cut-off output is retried; two fall back to the record."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bench import bench_lint


class _Failed(Exception):
    pass


def _reference(outcomes: list[Any]) -> Any:
    calls = iter(outcomes)

    def run_autorest(modules: Path, spec: Path, openapi_type: str) -> tuple[Any, Any, float]:
        outcome = next(calls)
        if isinstance(outcome, Exception):
            raise outcome
        return None, None, outcome

    return SimpleNamespace(run_autorest=run_autorest, ReferenceError_=_Failed)


def test_one_failure_is_retried() -> None:
    bench_lint.NOTES.clear()
    reference = _reference([ValueError("Unterminated string"), 4.5])
    assert bench_lint._live_seconds(reference, Path("m"), Path("spec.json"), "arm") == 4.5
    assert bench_lint.NOTES == []


def test_two_failures_keep_the_recorded_time_and_say_so() -> None:
    bench_lint.NOTES.clear()
    reference = _reference([ValueError("Unterminated string"), _Failed("autorest failed")])
    assert bench_lint._live_seconds(reference, Path("m"), Path("spec.json"), "arm") is None
    assert len(bench_lint.NOTES) == 1 and "spec.json" in bench_lint.NOTES[0] and "recorded" in bench_lint.NOTES[0]
    bench_lint.NOTES.clear()
