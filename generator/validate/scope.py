"""The mode a generated function is compiled in (:class:`Ctx`)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Ctx"]


class Ctx(NamedTuple):
    """``fast``: return a verdict, build no errors; ``request``: readOnly is an error;
    ``secret``: instance values never appear in messages."""

    fast: bool
    request: bool
    secret: bool
