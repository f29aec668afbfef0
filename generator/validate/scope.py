"""The mode a generated function is compiled in (:class:`Ctx`), dynamic scope included.

``$dynamicRef`` resolves against the dynamic scope: the schema resources evaluation passed
through to get there, the outermost one declaring the ``$dynamicAnchor`` winning.  Only the
bindings matter, so the scope is kept as ``(anchor name, node)`` pairs (:data:`Scope`), bound
once each, outermost first.  A function is compiled once per scope that can change its
verdict (the emitter drops the scope below nodes that reach no ``$dynamicRef``), so the
generated code resolves every reference statically and carries no scope at run time.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Ctx", "Scope"]

Scope = tuple[tuple[str, int], ...]


class Ctx(NamedTuple):
    """``fast``: return a verdict, build no errors; ``request``: readOnly is an error;
    ``secret``: instance values never appear in messages; ``scope``: the dynamic scope."""

    fast: bool
    request: bool
    secret: bool
    scope: Scope = ()
