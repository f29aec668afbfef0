"""The layout shows the pipeline: one package per stage, small modules, no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parents[1] / "generator"
STAGES = {"load", "spec", "ir", "emit", "validate", "format", "write", "diff", "lint", "cli"}


def _module(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """module -> the generator modules it imports at run time (lazy imports count)."""
    modules = {_module(p): p for p in GENERATOR.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for block in ast.walk(tree):  # imports for type checkers only never run
            if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test):
                block.body = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                base = node.module
                for alias in node.names:
                    found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def test_no_import_cycles() -> None:
    graph = _imports()
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(node) :], node]))
        if node in done:
            return
        for nxt in sorted(graph[node]):
            visit(nxt, [*stack, node])
        done.add(node)

    for module in sorted(graph):
        if module != "generator":  # the package root re-exports the public entry points lazily
            visit(module, [])


def test_one_package_per_stage() -> None:
    packages = {p.name for p in GENERATOR.iterdir() if (p / "__init__.py").is_file()}
    assert packages <= STAGES, packages - STAGES


def test_every_package_is_installed() -> None:
    """A non-editable install (pre-commit's) gets exactly the packages pyproject.toml lists."""
    import tomllib

    listed = set(tomllib.loads((GENERATOR.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {_module(p.parent / "__init__.py") for p in GENERATOR.rglob("__init__.py")}
    assert found <= listed, f"missing from [tool.setuptools] packages: {sorted(found - listed)}"


MAX_MODULE_LINES = 500


def test_modules_are_small() -> None:
    """Every generator module stays under MAX_MODULE_LINES lines: one grows past it by gaining a
    second concern, which goes to a module of its own. (No exceptions: the one data table,
    validate/unicode_categories.py, fits.)"""
    sizes = {_module(p): len(p.read_text(encoding="utf-8").splitlines()) for p in GENERATOR.rglob("*.py")}
    large = {name: lines for name, lines in sorted(sizes.items()) if lines > MAX_MODULE_LINES}
    assert not large, f"modules over {MAX_MODULE_LINES} lines (split them along a seam): {large}"
