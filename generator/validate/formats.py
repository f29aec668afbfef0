"""Runtime helpers copied into generated validator modules (standard library only).

Each entry of :data:`HELPERS` is the source of one top-level definition plus the helpers and
imports it needs.  The emitter copies only what a schema uses, in a fixed order, so the
generated module stays small and byte-identical between runs.  Every helper is real code,
importable, type-checked and tested as it is, read definition by definition: the error class
and the small helpers every schema may need in ``rt_helpers.py``, the format checks in
``fmt_*.py``.  A function ``_fmt_<name>`` checks format ``<name>`` (``_`` for ``-``):
:data:`FORMATS`; one whose parameter is a ``float`` judges numbers (:data:`NUMBER_FORMATS`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path
from types import CodeType
from typing import NamedTuple

__all__ = ["FORMATS", "HELPERS", "NUMBER_FORMATS", "Helper", "helper_closure"]


class Helper(NamedTuple):
    source: str
    needs: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()


#: The modules that hold the helpers, as real code (see :func:`_module_helpers`), in the
#: order their definitions appear in a generated module.
_HELPER_MODULES = ("rt_helpers", "fmt_time", "fmt_azure", "fmt_idna", "fmt_net", "fmt_uri", "fmt_regex")


def _module_helpers(modules: tuple[str, ...]) -> dict[str, Helper]:
    """The top-level definitions of ``generator/validate/<module>.py`` as helpers.

    A run of statements with no blank line between them is one helper (so a compiled pattern
    travels with the function that uses it), named by its first definition; ``needs`` are the
    helpers its code names (in any of the modules: the ``from generator.validate...`` imports
    that let the modules run as they are stay behind), ``imports`` the import lines it uses
    (``import X``, or ``from X import`` just the names it uses).
    """
    imported: dict[str, tuple[str, str]] = {}  # name -> (module, "" for `import module`)
    runs: list[tuple[list[str], list[ast.stmt]]] = []
    for module in modules:
        text = Path(__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
        lines = text.splitlines()
        for stmt in ast.parse(text).body:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue  # the module docstring
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                imported.update(_imported_names(stmt, module))
            elif runs and runs[-1][0] is lines and stmt.lineno == (runs[-1][1][-1].end_lineno or 0) + 1:
                runs[-1][1].append(stmt)
            else:
                runs.append((lines, [stmt]))
    defined: dict[str, str] = {}
    for _lines, run in runs:
        first = _defined_names(run[0])[0]
        defined.update((name, first) for stmt in run for name in _defined_names(stmt))
    helpers: dict[str, Helper] = {}
    for lines, run in runs:
        first = _defined_names(run[0])[0]
        source = "\n".join(lines[run[0].lineno - 1 : run[-1].end_lineno]) + "\n"
        used = _names_used(compile(source, first, "exec"))
        needs = sorted({defined[name] for name in used if name in defined} - {first})
        helpers[first] = Helper(source, tuple(needs), _import_lines(imported[n] + (n,) for n in used if n in imported))
    return helpers


def _imported_names(stmt: ast.Import | ast.ImportFrom, module: str) -> list[tuple[str, tuple[str, str]]]:
    """``(name, (module, kind))`` for each name ``stmt`` binds; sibling imports bind none."""
    if any(alias.asname for alias in stmt.names):
        raise TypeError(f"{module}.py line {stmt.lineno}: no `as` in a helper module's imports")
    if isinstance(stmt, ast.Import):
        return [(alias.name, (alias.name, "")) for alias in stmt.names]
    if (stmt.module or "").startswith("generator.validate."):
        return []  # stands in for a sibling's definitions (copied on their own) or a module's own tables
    if stmt.level or not stmt.module or stmt.module.startswith("generator"):
        raise TypeError(f"{module}.py line {stmt.lineno}: only standard-library and sibling imports")
    return [(alias.name, (stmt.module, "from")) for alias in stmt.names]


def _import_lines(uses: Iterable[tuple[str, str, str]]) -> tuple[str, ...]:
    """The import lines for ``(module, kind, name)`` uses: one ``from`` line per module."""
    modules: set[str] = set()
    names: dict[str, set[str]] = {}
    for module, kind, name in uses:
        if kind:
            names.setdefault(module, set()).add(name)
        else:
            modules.add(module)
    lines = [f"import {module}" for module in modules]
    lines.extend(f"from {module} import {', '.join(sorted(found))}" for module, found in names.items())
    return tuple(sorted(lines))


def _names_used(code: CodeType) -> set[str]:
    """The global names ``code`` and the functions it defines refer to (compiling is far
    quicker than walking the tree, and leaves strings and comments out)."""
    found: set[str] = set()
    todo = [code]
    while todo:
        item = todo.pop()
        found.update(item.co_names)
        todo.extend(const for const in item.co_consts if isinstance(const, CodeType))
    return found


def _defined_names(stmt: ast.stmt) -> list[str]:
    if isinstance(stmt, (ast.FunctionDef, ast.ClassDef)):
        return [stmt.name]
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
    names = [target.id for target in targets if isinstance(target, ast.Name)]
    if not names:
        raise TypeError(f"a helper module may only define names at the top level, line {stmt.lineno}")
    return names


HELPERS: dict[str, Helper] = _module_helpers(_HELPER_MODULES)

#: format name -> the helper that checks a value of it (a string, or a number: NUMBER_FORMATS)
FORMATS: dict[str, str] = {
    name.removeprefix("_fmt_").replace("_", "-"): name for name in HELPERS if name.startswith("_fmt_")
}


def _judges_numbers(helper: str) -> bool:
    """Does the helper take a number (its parameter is annotated ``float``) rather than a string?"""
    for stmt in ast.parse(HELPERS[helper].source).body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == helper:
            annotation = stmt.args.args[0].annotation
            return annotation is not None and ast.unparse(annotation) == "float"
    raise TypeError(f"{helper} is not a function")


#: The formats of numbers (``unixtime``, ``decimal``); every other format judges strings only.
NUMBER_FORMATS: frozenset[str] = frozenset(name for name, helper in FORMATS.items() if _judges_numbers(helper))


def helper_closure(names: set[str]) -> list[str]:
    """The helpers in ``names`` plus everything they need, in a stable order."""
    todo = sorted(names)
    done: set[str] = set()
    while todo:
        name = todo.pop()
        if name in done:
            continue
        done.add(name)
        todo.extend(HELPERS[name].needs)
    return [name for name in HELPERS if name in done]
