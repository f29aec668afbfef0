"""Printing the table, and writing the README's benchmark section from the JSON."""

from __future__ import annotations

from typing import Any


def fmt(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.1f}%"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    if value >= 10:
        return f"{value:.1f} {unit}"
    return f"{value:.2f} {unit}"


def ratio(value: float, spread: list[float] | None) -> str:
    """`0.45× (0.41–0.50)`: the median per-round ratio and its interquartile range."""
    return f"{value:.2f}×" if not spread else f"{value:.2f}× ({spread[0]:.2f}–{spread[1]:.2f})"


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = ["| work | specgen | peers (same run) | specgen / peer (interquartile range over rounds) |", "| --- | --- | --- | --- |"]
    for r in rows:
        peers = " · ".join(f"{k} {fmt(v, r['unit'])}" for k, v in r["peers"].items()) or "—"
        spreads = r.get("spread", {})
        ratios = " · ".join(f"{k} {ratio(v, spreads.get(k))}" for k, v in r["ratios"].items()) or "—"
        lines.append(f"| {r['work']} | {fmt(r['value'], r['unit'])} | {peers} | {ratios} |")
    return "\n".join(lines)


def print_rows(rows: list[dict[str, Any]]) -> None:
    print(markdown(rows))
