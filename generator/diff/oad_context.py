"""State of one oad-style comparison (oad's `ComparisonContext`): where the walk is, the data
direction (request or response), whether it is strict (same api-version: breaking changes are
errors), and the messages logged so far. Plus the readings of a Swagger node that oad's C# model
makes (numbers as strings, enum values as strings, booleans as C# prints them)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from generator.diff.oad_view import Step, View

NONE, REQUEST, RESPONSE, BOTH = 0, 1, 2, 3
TYPES = {"string", "number", "integer", "boolean", "array", "file", "object"}
PARAMETER_IN = {"query": "Query", "header": "Header", "path": "Path", "formData": "FormData", "body": "Body"}


@dataclass(frozen=True)
class Obj:
    """A node of one side's merged document, with its path there: oad's C# model has one object
    per place in that document, so the path is the object's identity."""

    node: dict[str, Any]
    path: tuple[str, ...]

    def get(self, key: str) -> Any:
        return self.node.get(key)

    def child(self, *keys: str) -> Obj | None:
        node: Any = self.node
        for k in keys:
            node = node.get(k) if isinstance(node, dict) else None
        return Obj(node, self.path + keys) if isinstance(node, dict) else None


@dataclass(frozen=True)
class Message:
    id: str
    category: str  # Error | Warning | Info
    args: tuple[str, ...]
    steps: tuple[Step, ...]
    subject: str  # the definition being compared when logged ("" outside one)
    variant: str = ""  # the review policy's row ("extensible": a value added to an open enum)
    oad: bool = True  # False: a change oad does not report (specgen's `--beyond-oad` findings)


@dataclass
class Context:
    old: View
    new: View
    strict: bool = False
    direction: int = NONE
    steps: list[Step] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    visited: dict[tuple[str, ...], set[tuple[str, ...]]] = field(default_factory=dict)
    compared_direction: dict[tuple[str, ...], int] = field(default_factory=dict)
    referenced: dict[str, set[str]] = field(default_factory=lambda: {"old": set(), "new": set()})

    def push(self, kind: str, value: str) -> None:
        self.steps.append((kind, value))

    def pop(self) -> None:
        self.steps.pop()

    def _log(self, rule: str, category: str, args: tuple[Any, ...], variant: str, oad: bool = True) -> None:
        subject = self.subject[-1] if self.subject else ""
        self.messages.append(Message(rule, category, tuple(cs_str(a) for a in args), tuple(self.steps), subject, variant, oad))

    def beyond(self, rule: str, *args: Any, variant: str = "") -> None:
        """A change oad passes over in silence (its level is the review policy's)."""
        self._log(rule, "", args, variant, oad=False)

    def info(self, rule: str, *args: Any, variant: str = "") -> None:
        self._log(rule, "Info", args, variant)

    def error(self, rule: str, *args: Any, variant: str = "") -> None:
        self._log(rule, "Error", args, variant)

    def breaking(self, rule: str, *args: Any, variant: str = "") -> None:
        self._log(rule, "Error" if self.strict else "Warning", args, variant)


def cs_str(value: Any) -> str:
    """A value as C#'s string.Format shows it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def number_text(value: Any) -> str | None:
    """A numeric keyword as oad's model holds it (a string), None when absent."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def enum_values(node: dict[str, Any]) -> list[str] | None:
    values = node.get("enum")
    if not isinstance(values, list):
        return None
    return [v if isinstance(v, str) else cs_str(v) if isinstance(v, bool) else json.dumps(v) if isinstance(v, (dict, list)) else cs_str(v) for v in values]


def data_type(node: dict[str, Any]) -> str | None:
    t = node.get("type")
    return t if isinstance(t, str) and t in TYPES else None


def same_json(a: Any, b: Any) -> bool:
    """JToken.DeepEquals: equal JSON values (true is not 1)."""
    return json.dumps(_tagged(a), sort_keys=True) == json.dumps(_tagged(b), sort_keys=True)


def _tagged(v: Any) -> Any:
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, (int, float)):
        return ["num", float(v)]
    if isinstance(v, dict):
        return {k: _tagged(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_tagged(x) for x in v]
    return v


def client_name(node: dict[str, Any]) -> str | None:
    v = node.get("x-ms-client-name")
    return v if isinstance(v, str) else None


def ref_of(node: dict[str, Any]) -> str | None:
    v = node.get("$ref")
    return v if isinstance(v, str) else None


def find_definition(view: View, ref: str | None) -> Obj | None:
    """oad's FindReferencedSchema: only `#/definitions/NAME`."""
    if ref is None or not ref.startswith("#"):
        return None
    parts = ref.split("/")
    if len(parts) != 3 or parts[1] != "definitions":
        return None
    defs = view.root.get("definitions")
    node = defs.get(parts[2]) if isinstance(defs, dict) else None
    return Obj(node, ("definitions", parts[2])) if isinstance(node, dict) else None


def find_parameter(view: View, ref: str | None) -> Obj | None:
    """oad's FindReferencedParameter: only `#/parameters/NAME`."""
    if ref is None or not ref.startswith("#"):
        return None
    parts = ref.split("/")
    if len(parts) != 3 or parts[1] != "parameters":
        return None
    params = view.root.get("parameters")
    node = params.get(parts[2]) if isinstance(params, dict) else None
    return Obj(node, ("parameters", parts[2])) if isinstance(node, dict) else None
