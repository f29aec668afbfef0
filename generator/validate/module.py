"""Assemble one generated validator module: docstring, imports, the error class, the helpers a
schema uses, the schema-path table, constants, the generated functions and the entry points --
once every function is written and none of them calls itself on its own value without end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.format.layout import export_order, statement, value
from generator.validate.formats import HELPERS, helper_closure
from generator.validate.source import SchemaCompileError

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["module"]


def module(em: Emitter, doc: str, entry_points: str, exports: list[str]) -> str:
    """The module text, once every queued function of ``em`` is written."""
    em.drain()
    _refuse_loops(em)
    helper_names = helper_closure(em.helpers | {"_ptr"})  # ValidationError.path uses it
    imports = set(em.imports)
    typing_names = em.typing_names | ({"Any"} if em.functions else set())
    if typing_names:
        imports.add(f"from typing import {', '.join(sorted(typing_names))}")
    for name in helper_names:
        imports.update(HELPERS[name].imports)
    head = [f'"""{doc}"""\n\nfrom __future__ import annotations\n']
    if imports:
        head.append("".join(f"{line}\n" for line in sorted(imports, key=lambda i: (i.startswith("from "), i))))
    head.append(value("__all__ = ", export_order(exports)) + "\n")
    # Top-level chunks, two blank lines apart (black's rule around every def and class).
    chunks = ["\n".join(head), _ERROR_CLASS, _NEW_ERROR]
    chunks.extend(HELPERS[name].source.strip("\n") + "\n" for name in helper_names)
    if em.sp_table:
        parents = tuple(parent for parent, _ in em.sp_table)
        segments = tuple(segment for _, segment in em.sp_table)
        chunks.append(value("_SP_PARENT = ", parents) + "\n" + value("_SP_SEGMENT = ", segments) + "\n")
    if em.constants:
        chunks.append("".join(statement(source, "") + "\n" for source in em.constants))
    chunks.extend(em.functions)
    chunks.append(entry_points)
    return "\n\n".join(chunks)


def _refuse_loops(em: Emitter) -> None:
    """Refuse a schema that applies itself to the same value without end (``{"anyOf":
    [{"$ref": "#"}]}``): its functions would call each other until the stack runs out."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    for start in sorted(em.same_value_calls):
        if start in state:
            continue
        path = [(start, iter(sorted(em.same_value_calls.get(start, ()))))]
        state[start] = 1
        while path:
            name, callees = path[-1]
            callee = next(callees, None)
            if callee is None:
                state[name] = 2
                path.pop()
            elif state.get(callee) == 1:
                where = em.location(em.function_nodes[callee])
                raise SchemaCompileError(f"the schema at {where} applies itself to the same value without end")
            elif callee not in state:
                state[callee] = 1
                path.append((callee, iter(sorted(em.same_value_calls.get(callee, ())))))


_ERROR_CLASS = '''class ValidationError:
    """One failed keyword.

    Attributes: instance ``path`` (JSON Pointer), ``keyword``, ``schema_path``, ``message``.
    """

    __slots__ = ("_at", "_path", "keyword", "message", "schema_path")

    def __init__(self, path: str, keyword: str, schema_path: str, message: str) -> None:
        self._path: str | None = path
        self._at: tuple[str | int, ...] = ()
        self.keyword = keyword
        self.schema_path = schema_path
        self.message = message

    @property
    def path(self) -> str:
        path = self._path
        if path is None:  # made on first use: listing many errors stays cheap
            path = self._path = _ptr(self._at)
        return path

    def __repr__(self) -> str:
        return (
            f"ValidationError(path={self.path!r}, keyword={self.keyword!r}, "
            f"schema_path={self.schema_path!r}, message={self.message!r})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ValidationError):
            return NotImplemented
        return (self.path, self.keyword, self.schema_path, self.message) == (
            other.path,
            other.keyword,
            other.schema_path,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.path, self.keyword, self.schema_path, self.message))

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"
'''


_NEW_ERROR = '''def _E(at: tuple[str | int, ...], keyword: str, schema_path: str, message: str) -> ValidationError:
    """The error at instance location ``at`` (keys and indices), its pointer left for later."""
    error = _new(ValidationError)
    error._at = at
    error._path = None
    error.keyword = keyword
    error.schema_path = schema_path
    error.message = message
    return error


_new = object.__new__
'''
