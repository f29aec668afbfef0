"""The benchmark's arithmetic: per-round ratios, their spread, and how the table shows them."""

from __future__ import annotations

from bench.common import row
from bench.report import markdown


def test_ratio_is_the_median_of_paired_rounds_with_its_interquartile_range() -> None:
    ours = [2.0, 4.0, 3.0, 10.0, 5.0]  # a neighbour slowed round 4 for everybody
    peer = [4.0, 8.0, 5.0, 20.0, 10.0]
    r = row("work", "ours", ours, {"peer": peer}, "µs")
    assert r["value"] == 4.0 and r["peers"] == {"peer": 8.0}
    assert r["ratios"] == {"peer": 0.5}  # per round: .5 .5 .6 .5 .5
    assert r["spread"] == {"peer": [0.5, 0.5]}
    assert "peer 0.50× (0.50–0.50)" in markdown([r])


def test_spread_widens_with_noise_and_single_figures_have_none() -> None:
    r = row("work", "ours", [1.0, 1.0, 1.0, 1.0, 1.0], {"noisy": [1.0, 2.0, 4.0, 5.0, 10.0], "once": 4.0}, "ms")
    assert r["ratios"] == {"noisy": 0.25, "once": 0.25}
    assert r["spread"] == {"noisy": [0.2, 0.5]}
    line = markdown([r]).splitlines()[-1]
    assert line.endswith("| noisy 0.25× (0.20–0.50) · once 0.25× |")
