"""Assemble one generated validator module: docstring, imports, the error class and the helpers
a schema uses (copied from :mod:`generator.validate.rt_helpers` and ``fmt_*.py``), the
schema-path table, constants, the generated functions and the entry points -- once every
function is written and none of them calls itself on its own value without end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.format.layout import export_order, literal
from generator.validate.formats import HELPERS, helper_closure
from generator.validate.source import SchemaCompileError

if TYPE_CHECKING:
    from generator.validate.emitter import Emitter

__all__ = ["module"]


def module(em: Emitter, doc: str, entry_points: str, exports: list[str]) -> str:
    """The module text, once every queued function of ``em`` is written."""
    em.drain()
    _refuse_loops(em)
    helper_names = helper_closure(em.helpers | {"ValidationError", "_E"})  # every module raises errors
    imports = set(em.imports)
    typing_names = em.typing_names | ({"Any"} if em.functions else set())
    if typing_names:
        imports.add(f"from typing import {', '.join(sorted(typing_names))}")
    for name in helper_names:
        imports.update(HELPERS[name].imports)
    head = [f'"""{doc}"""\n\nfrom __future__ import annotations\n']
    if imports:
        head.append("".join(f"{line}\n" for line in sorted(_merged(imports), key=lambda i: (i.startswith("from "), i))))
    head.append(f"__all__ = {literal(export_order(exports))}\n")
    # Top-level chunks, two blank lines apart (black's rule around every def and class).
    chunks = ["\n".join(head)]
    chunks.extend(HELPERS[name].source.strip("\n") + "\n" for name in helper_names)
    if em.sp_table:  # (what `_sp` reads: every module has it, as every module has errors)
        parents = tuple(parent for parent, _ in em.sp_table)
        segments = tuple(segment for _, segment in em.sp_table)
        chunks.append(f"_SP_PARENT = {literal(parents)}\n_SP_SEGMENT = {literal(segments)}\n")
    else:
        chunks.append("_SP_PARENT: tuple[int, ...] = ()\n_SP_SEGMENT: tuple[str, ...] = ()\n")
    if em.constants:
        chunks.append("".join(f"{source}\n" for source in em.constants))
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



def _merged(imports: set[str]) -> set[str]:
    """``imports`` with the ``from M import ...`` lines of each module made one."""
    names: dict[str, set[str]] = {}
    plain: set[str] = set()
    for line in imports:
        if line.startswith("from "):
            module, _, found = line.removeprefix("from ").partition(" import ")
            names.setdefault(module, set()).update(found.split(", "))
        else:
            plain.add(line)
    return plain | {f"from {module} import {', '.join(sorted(found))}" for module, found in names.items()}
