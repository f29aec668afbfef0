"""Spec text into generated source, safely: literals via `layout.literal`, docstrings escaped."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from generator.format.layout import LINE_LENGTH

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def sentence(text: str) -> str:
    """Spec text as a sentence, so that notes appended after it read as the next sentence."""
    text = text.strip()
    return text + "." if text and text[-1] not in ".!?:;" else text


@lru_cache(maxsize=4096)  # the same descriptions recur in many models (`Resource ID.`)
def docstring(text: str, indent: int) -> str:
    """A triple-quoted docstring that no spec text can close or break: backslashes and every
    double quote are escaped, line separators normalised, control characters spelled out; long
    lines are wrapped at spaces to fit the line length. Indentation is normalised the way black
    does it (PEP 257: tabs expanded, the common indentation of the later lines removed)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text)
    room = LINE_LENGTH - indent - 3  # every line leaves room for the quotes: black never moves them
    lines = []
    for line in text.split("\n"):
        lines += _wrap(_expand_leading_tabs(line), room) or [""]
    if len(lines) == 1 and len(lines[0]) > room - 3:
        lines = _wrap(lines[0], room - 3)
    lines = [line.rstrip() for line in lines]
    common = min((len(line) - len(line.lstrip()) for line in lines[1:] if line), default=0)
    lines[1:] = [line[common:] for line in lines[1:]]
    pad = " " * indent
    body = "\n".join(pad + line if i and line else line for i, line in enumerate(lines))
    if len(lines) > 1:
        body += "\n" + pad
    elif body.endswith('"'):  # black keeps an escaped quote off the closing ones
        body += " "
    return f'"""{body or " "}"""'


def _expand_leading_tabs(line: str) -> str:
    rest = line.lstrip()
    return line[: len(line) - len(rest)].expandtabs() + rest if rest and "\t" in line[: len(line) - len(rest)] else line


def _wrap(line: str, room: int) -> list[str]:
    """A line wrapped at spaces; continuation lines keep the line's own indentation."""
    if len(line) <= room and line == line.strip():
        return [line] if line else []
    lead = line[: len(line) - len(line.lstrip(" "))]
    return textwrap.wrap(line, room, subsequent_indent=lead, break_long_words=False, break_on_hyphens=False, replace_whitespace=False)


def comment(text: str) -> str:
    """One line of spec text safe inside a `#` comment."""
    return _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()


def escape_line(text: str) -> str:
    """Text from outside (a path, `info.version`) for a header comment, escaped like a literal:
    printable characters as they are; a backslash and every other character (line breaks,
    controls, bidi and zero-width marks) as its Python escape, so the line reads back exactly."""
    return "".join(c if c.isprintable() and c != "\\" else repr(c)[1:-1] for c in text)
