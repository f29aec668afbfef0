"""The generated package uses only public standard-library APIs: it is vendored into services
that will run it on the next CPython and on other interpreters.

Public here means: from a module whose dotted name has no `_`-prefixed part; listed in the
module's `__all__` when it has one (or a submodule); otherwise (a top-level module such as `math`;
a submodule without `__all__`, such as `json.encoder`, is an implementation detail) not
`_`-prefixed and not an object of a private module re-exported."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from pathlib import Path

from conftest import GENERATED


def _stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def _uses(source: str) -> list[tuple[str, str, int]]:
    """(module, name, line) for every name the code takes from a standard-library module:
    `from m import n`, and attribute chains on names bound by `import m` (`m.n`, `m.sub.n`)."""
    tree = ast.parse(source)
    bound: dict[str, str] = {}  # local name -> module
    out: list[tuple[str, str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _stdlib(alias.name):
                    bound[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and _stdlib(node.module):
            out += [(node.module, alias.name, node.lineno) for alias in node.names]
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            chain: list[str] = []
            base: ast.expr = node
            while isinstance(base, ast.Attribute):
                chain.insert(0, base.attr)
                base = base.value
            if isinstance(base, ast.Name) and base.id in bound:
                module = bound[base.id]
                for name in chain:
                    out.append((module, name, node.lineno))
                    if not (_is_package(module) and importlib.util.find_spec(f"{module}.{name}") is not None):
                        break
                    module = f"{module}.{name}"  # `json.encoder.x`: x is the submodule's
    return sorted(set(out))


def _is_package(module: str) -> bool:
    spec = importlib.util.find_spec(module)
    return spec is not None and spec.submodule_search_locations is not None


def _private(module: str, name: str) -> str | None:
    """Why `module.name` is not public API, or None."""
    if module == "__future__":
        return None
    if any(part.startswith("_") for part in module.split(".")):
        return f"{module} is a private module"
    imported = importlib.import_module(module)
    public = getattr(imported, "__all__", None)
    if public is not None:
        if name in public or (_is_package(module) and importlib.util.find_spec(f"{module}.{name}") is not None):
            return None
        return f"{name} is not in {module}.__all__"
    if "." in module:
        return f"{module} is a submodule without __all__ (an implementation detail)"
    if name.startswith("_"):
        return f"{module}.{name} is private"
    owner = getattr(getattr(imported, name, None), "__module__", None) or module
    if any(part.startswith("_") for part in owner.split(".")):
        return f"{module}.{name} is {owner}'s, re-exported"
    return None


def test_the_check_catches_private_names() -> None:
    source = (
        "import json\nimport re\n"
        "from json.encoder import c_make_encoder as _c_make_encoder\n"
        "from json.encoder import encode_basestring\n"
        "x = json.encoder.py_encode_basestring\ny = re._compile\nimport _json\n"
    )
    found = {(m, n): _private(m, n) for m, n, _ in _uses(source)}
    assert found[("json.encoder", "c_make_encoder")] and found[("json.encoder", "encode_basestring")]
    assert found[("re", "_compile")] and found[("json.encoder", "py_encode_basestring")]
    assert _private("_json", "make_encoder") and _private("math", "_private_name")
    assert _private("json", "JSONEncoder") is None and _private("math", "isfinite") is None
    assert _private("urllib.parse", "quote") is None and _private("collections.abc", "Mapping") is None


def test_the_generated_package_uses_only_public_stdlib_names() -> None:
    problems = []
    files = sorted((GENERATED / "runcommands").rglob("*.py"))
    assert len(files) > 5
    for path in files:
        for module, name, line in _uses(path.read_text(encoding="utf-8")):
            why = _private(module, name)
            if why:
                problems.append(f"{Path(path).name}:{line}: {why}")
    assert problems == []
