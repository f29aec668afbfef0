"""Runtime helpers copied into generated validator modules (standard library only).

Each entry of :data:`HELPERS` is the source of one top-level definition plus the helpers and
imports it needs.  The emitter copies only what a schema uses, in a fixed order, so the
generated module stays small and byte-identical between runs.  The small helpers every schema
may need are written here; the format checks are real modules (``fmt_*.py``: importable,
type-checked and tested as they are), read definition by definition.  A function
``_fmt_<name>`` checks format ``<name>`` (``_`` for ``-``): :data:`FORMATS`.
"""

from __future__ import annotations

import ast
from pathlib import Path
from types import CodeType
from typing import NamedTuple

__all__ = ["FORMATS", "HELPERS", "Helper", "helper_closure"]


class Helper(NamedTuple):
    source: str
    needs: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()


HELPERS: dict[str, Helper] = {
    "_r": Helper(
        '''
def _r(value: object) -> str:
    """A short repr of an instance value for messages."""
    try:
        text = repr(value)
    except ValueError:  # an int with more digits than int-to-str conversion allows
        return f"<{type(value).__name__} too large to show>"
    except RecursionError:  # nested deeper than repr can follow
        return f"a deeply nested {type(value).__name__}"
    if len(text) > 120:
        text = text[:100] + "..." + text[-12:]
    return text
'''
    ),
    "_ptr": Helper(
        '''
def _ptr(path: tuple[str | int, ...]) -> str:
    """RFC 6901 JSON Pointer for a tuple of keys and indices."""
    if not path:
        return ""
    text = "/".join(map(str, path))
    if "~" in text or text.count("/") != len(path) - 1:
        text = "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path)
    return "/" + text
'''
    ),
    "_too_deep": Helper(
        '''
def _too_deep(instance: object, schema_path: str) -> list[ValidationError]:
    """The one error of an instance nested deeper than Python's recursion limit lets the
    validator follow: at the first of its most deeply nested values (found without recursion)."""
    keys: list[str | int] = []
    parents: list[int] = []
    best, depth = -1, 0
    todo: list[tuple[object, int, int]] = [(instance, -1, 0)]
    seen: set[int] = set()
    while todo:
        node, index, level = todo.pop()
        if level > depth:
            best, depth = index, level
        if isinstance(node, dict):
            children: list[tuple[str | int, object]] = list(node.items())
        elif isinstance(node, list):
            children = list(enumerate(node))
        else:
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        for key, child in reversed(children):
            keys.append(key)
            parents.append(index)
            todo.append((child, len(keys) - 1, level + 1))
    path: list[str | int] = []
    while best >= 0:
        path.append(keys[best])
        best = parents[best]
    message = f"nested too deeply to validate ({depth} levels)"
    return [ValidationError(_ptr(tuple(reversed(path))), "depth", schema_path, message)]
''',
        needs=("_ptr",),
    ),
    "_sp": Helper(
        '''
_SP_CACHE: dict[tuple[int, str], str] = {}


def _sp(node: int, keyword: str) -> str:
    """Schema location of ``keyword`` in schema node ``node`` (see _SP_PARENT)."""
    key = (node, keyword)
    text = _SP_CACHE.get(key)
    if text is None:
        parts = [keyword]
        while node >= 0:
            parts.append(_SP_SEGMENT[node])
            node = _SP_PARENT[node]
        text = _SP_CACHE[key] = "/".join(reversed(parts))
    return text
'''
    ),
    "_canon": Helper(
        '''
def _canon(value: object) -> tuple[str, object]:
    """A hashable form where 1 == 1.0 but 1 != True, for enum/const/uniqueItems."""
    kind = type(value)
    if kind is str:
        return ("s", value)
    if kind is bool:
        return ("b", value)
    if kind is int or kind is float:
        return ("n", value)
    if value is None:
        return ("z", None)
    if isinstance(value, dict):
        return ("d", frozenset((k, _canon(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return ("l", tuple(map(_canon, value)))
    if isinstance(value, str):
        return ("s", str(value))
    if isinstance(value, (int, float)):
        return ("n", value)
    return ("?", id(value))
'''
    ),
    "_uniq": Helper(
        '''
def _uniq(items: list[object]) -> bool:
    """True when no two items of the array are equal as JSON values."""
    seen: set[tuple[str, object]] = set()
    for item in items:
        key = _canon(item)
        if key in seen:
            return False
        seen.add(key)
    return True
''',
        needs=("_canon",),
    ),
    "_mul": Helper(
        '''
def _mul(value: float, divisor: float) -> bool:
    """JSON Schema multipleOf, exact for decimal literals (0.0075 is a multiple of 0.0001)."""
    if type(value) is int and type(divisor) is int:
        return value % divisor == 0
    if type(value) is float and not math.isfinite(value):
        return False
    if type(value) is int:  # any size: no float conversion, no decimal precision to run out of
        exact = Fraction(repr(divisor)) if type(divisor) is float else Fraction(divisor)
        return (value / exact).denominator == 1
    with localcontext() as ctx:
        ctx.prec = 1200  # a float quotient needs at most ~650 digits
        return Decimal(repr(value)) % Decimal(divisor if type(divisor) is int else repr(divisor)) == 0
''',
        imports=("import math", "from decimal import Decimal, localcontext", "from fractions import Fraction"),
    ),
}

#: The modules that hold the format checks, as real code (see :func:`_module_helpers`).
_FORMAT_MODULES = ("fmt_time", "fmt_idna", "fmt_net", "fmt_uri", "fmt_regex")


def _module_helpers(modules: tuple[str, ...]) -> dict[str, Helper]:
    """The top-level definitions of ``generator/validate/<module>.py`` as helpers.

    A run of statements with no blank line between them is one helper (so a compiled pattern
    travels with the function that uses it), named by its first definition; ``needs`` are the
    helpers its code names (in any of the modules: the ``from generator.validate...`` imports
    that let the modules run as they are stay behind), ``imports`` the ``import X`` lines it uses.
    """
    imports: dict[str, str] = {}
    runs: list[tuple[list[str], list[ast.stmt]]] = []
    for module in modules:
        text = Path(__file__).with_name(f"{module}.py").read_text(encoding="utf-8")
        lines = text.splitlines()
        for stmt in ast.parse(text).body:
            if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
                continue  # the module docstring
            if isinstance(stmt, ast.Import):
                imports.update((alias.name, f"import {alias.name}") for alias in stmt.names)
            elif isinstance(stmt, ast.ImportFrom):
                if not (stmt.module or "").startswith("generator.validate."):
                    raise TypeError(f"{module}.py line {stmt.lineno}: only `import X` and sibling imports")
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
        helpers[first] = Helper(source, tuple(needs), tuple(sorted(imports[n] for n in used if n in imports)))
    return helpers


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
        raise TypeError(f"a format module may only define names at the top level, line {stmt.lineno}")
    return names


HELPERS.update(_module_helpers(_FORMAT_MODULES))

#: format name -> the helper that checks a string
FORMATS: dict[str, str] = {
    name.removeprefix("_fmt_").replace("_", "-"): name for name in HELPERS if name.startswith("_fmt_")
}


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
