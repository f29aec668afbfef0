"""Errors are values with a location; a stage collects all of them before it gives up."""

from __future__ import annotations

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
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.col or 1}"
            if self.pointer is not None:
                where += f": #{self.pointer}"
        elif self.pointer is not None:
            where += f"#{self.pointer}"
        return f"{where}: {self.message}"


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
