"""Where each value of a JSON or YAML document stands in its text (`line:col`, 1-based).

The stdlib parser is used for values (fast); this scanner only records positions, and only runs
when a position is wanted (an error message, the linter). It is iterative, so deep nesting cannot
exhaust the Python stack.
"""

from __future__ import annotations

import bisect
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # public, untyped
from typing import Any

from generator.errors import escape_pointer_token

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = ("true", "false", "null")
_NEWLINE = re.compile("\n")


class Positions:
    """Maps a JSON Pointer to the position of its value and, for object members, of its key."""

    def __init__(self, text: str, values: dict[str, int], keys: dict[str, int]) -> None:
        self._newlines = [m.start() for m in _NEWLINE.finditer(text)]
        self._values = values
        self._keys = keys

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_left(self._newlines, offset)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def value(self, pointer: str) -> tuple[int, int] | None:
        """Position of the value at `pointer`, or of the nearest ancestor that exists."""
        while True:
            if pointer in self._values:
                return self._line_col(self._values[pointer])
            if not pointer:
                return None
            pointer = pointer.rsplit("/", 1)[0]

    def key(self, pointer: str) -> tuple[int, int] | None:
        """Position of the member name of `pointer` (falls back to its value)."""
        if pointer in self._keys:
            return self._line_col(self._keys[pointer])
        return self.value(pointer)


def offset_to_line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def scan_json(text: str) -> Positions:
    """Record the offset of every value and member name. Assumes `text` is valid JSON."""
    values: dict[str, int] = {}
    keys: dict[str, int] = {}
    # Stack of containers being filled: (pointer, kind, next index for arrays).
    stack: list[list[Any]] = []
    pos = _WS.match(text, 0).end()  # type: ignore[union-attr]
    pointer = ""
    while True:
        # Parse one value starting at pos, recorded at `pointer`.
        values[pointer] = pos
        ch = text[pos]
        if ch == "{":
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            if text[pos] == "}":
                pos += 1
            else:
                stack.append([pointer, "o", 0])
                pointer, pos = _member(text, pos, pointer, keys)
                continue
        elif ch == "[":
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
            if text[pos] == "]":
                pos += 1
            else:
                stack.append([pointer, "a", 0])
                pointer = pointer + "/0"
                continue
        elif ch == '"':
            _, pos = scanstring(text, pos + 1)
        else:
            for lit in _LITERALS:
                if text.startswith(lit, pos):
                    pos += len(lit)
                    break
            else:
                m = _NUMBER.match(text, pos)
                if m is None:
                    raise ValueError(f"unexpected character at offset {pos}")
                pos = m.end()
        # Close finished containers, or move to the next sibling.
        while True:
            if not stack:
                return Positions(text, values, keys)
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            parent, kind, index = stack[-1]
            if text[pos] == ",":
                pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
                if kind == "o":
                    pointer, pos = _member(text, pos, parent, keys)
                else:
                    stack[-1][2] = index + 1
                    pointer = f"{parent}/{index + 1}"
                break
            pos += 1  # the closing bracket
            stack.pop()


def _member(text: str, pos: int, parent: str, keys: dict[str, int]) -> tuple[str, int]:
    key_at = pos
    name, pos = scanstring(text, pos + 1)
    pointer = f"{parent}/{escape_pointer_token(name)}"
    keys[pointer] = key_at
    pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]  # past ':'
    return pointer, pos


def scan_yaml_node(node: Any) -> Positions:
    """Positions from a PyYAML node tree (`yaml.compose`), iteratively."""
    import yaml

    values: dict[str, int] = {}
    keys: dict[str, int] = {}
    lines: dict[int, tuple[int, int]] = {}
    todo: list[tuple[str, Any]] = [("", node)]
    counter = 0
    while todo:
        pointer, n = todo.pop()
        counter += 1
        values[pointer] = counter
        lines[counter] = (n.start_mark.line + 1, n.start_mark.column + 1)
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                child = f"{pointer}/{escape_pointer_token(str(k.value))}"
                counter += 1
                keys[child] = counter
                lines[counter] = (k.start_mark.line + 1, k.start_mark.column + 1)
                todo.append((child, v))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                todo.append((f"{pointer}/{i}", v))
    return _FixedPositions(values, keys, lines)


class _FixedPositions(Positions):
    def __init__(
        self, values: dict[str, int], keys: dict[str, int], lines: dict[int, tuple[int, int]]
    ) -> None:
        super().__init__("", values, keys)
        self._lines = lines

    def _line_col(self, offset: int) -> tuple[int, int]:
        return self._lines[offset]
