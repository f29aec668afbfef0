"""Collecting `specgen diff` findings: one per rule, message and pair of locations."""

from __future__ import annotations

import json
from typing import Any

from generator.diff.rules import RULES, Scenario, severity
from generator.diff.side import locate
from generator.diff.types import Finding
from generator.spec import Node


class Findings:
    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self._found: dict[tuple[Any, ...], Finding] = {}

    def __bool__(self) -> bool:
        return bool(self._found)

    def emit(self, rule_id: str, group: str, old: Node | None, new: Node | None, *args: Any, subject: str = "", variant: str = "") -> None:
        """A finding of `rule_id` about `old` and `new`; `args` fill the rule's message."""
        rule = RULES[rule_id]
        text = rule.message.format(*(show(a) for a in args))
        message = f"{subject}: {text}" if subject else text
        o = locate(old) if old is not None else None
        n = locate(new) if new is not None else None
        key = (rule_id, variant, message, o and (o.file, o.pointer), n and (n.file, n.pointer))
        if key not in self._found:
            self._found[key] = Finding(rule_id, rule.code, severity(rule_id, self.scenario, variant), message, group, o, n, variant)

    def ordered(self) -> list[Finding]:
        return sorted(self._found.values(), key=lambda f: f.sort_key())


def show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True)
    return str(value)
