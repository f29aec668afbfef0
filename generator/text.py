"""Spec text into generated source, safely: literals via repr, docstrings escaped."""

from __future__ import annotations

import math
import re
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]")


def literal(value: Any) -> str:
    """A Python literal for a JSON-ish value (str, int, float, bool, None, list, dict)."""
    if isinstance(value, float) and math.isnan(value):  # NaN has no literal; never in JSON
        raise ValueError("NaN is not a JSON value")
    return repr(value)


def docstring(text: str, indent: int) -> str:
    """A triple-quoted docstring that no spec text can close or break: backslashes and every
    double quote are escaped, line separators normalised, control characters spelled out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text)
    lines = [line.rstrip() for line in text.split("\n")]
    pad = " " * indent
    body = ("\n" + pad).join(lines).replace("\n" + pad + "\n", "\n\n")
    while "\n" + pad + "\n" in body:
        body = body.replace("\n" + pad + "\n", "\n\n")
    if len(lines) > 1:
        body += "\n" + pad
    return f'"""{body}"""'


def comment(text: str) -> str:
    """One line of spec text safe inside a `#` comment."""
    return _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ")).strip()
