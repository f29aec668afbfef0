"""Numbers a spec may hold: what JSON can write and Python can print back into generated code."""

from __future__ import annotations

import math
import sys

# Python refuses to turn longer digit strings into ints (and back) once the process limit is
# lowered, down to this floor; a literal beyond it may not even compile in the user's process.
MAX_INT_DIGITS: int = sys.int_info.str_digits_check_threshold


def number_problem(token: str) -> str | None:
    """Why a JSON number token cannot be taken as it is written, or None."""
    digits = sum(c.isdigit() for c in token)
    if not any(c in token for c in ".eE"):
        return f"an integer of {digits} digits is not supported (at most {MAX_INT_DIGITS})" if digits > MAX_INT_DIGITS else None
    return None if math.isfinite(float(token)) else f"{token[:40]}{'...' if len(token) > 40 else ''} is out of range for a number"
