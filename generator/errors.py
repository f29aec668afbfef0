"""Errors are values with a location; a stage collects all of them before it gives up."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, with where it is.

    `line`/`col` (1-based) point at the text when it is at fault or when the position of the
    offending value is known; `pointer` is the JSON Pointer of what a valid document says wrongly.
    """

    file: str
    pointer: str | None
    message: str
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        where = _one_line(self.file)
        pointer = None if self.pointer is None else _one_line(self.pointer)
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
            if pointer is not None:
                where += f": #{pointer}"
        elif pointer is not None:
            where += f"#{pointer}"
        return f"{where}: {self.message}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    """`text` with its control characters escaped (`\\n`): a key may hold any, a problem is one line."""
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


class SpecError(Exception):
    """Raised by a stage with every problem it found (exit status 2 at the CLI)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems), key=_sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[SpecError], tuple[list[Problem]]]:  # across processes
        return (SpecError, (self.problems,))


def _sort_key(p: Problem) -> tuple[str, int, int, str, str]:
    return (p.file, p.line or 0, p.col or 0, p.pointer or "", p.message)


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    return pointer + "".join("/" + escape_pointer_token(str(t)) for t in tokens)


class MissingExtra(Exception):
    """`--target pydantic` without the optional `[pydantic]` extra (exit status 2, nothing written)."""

    def __init__(self) -> None:
        super().__init__("--target pydantic needs datamodel-code-generator: pip install 'specgen[pydantic]'")
