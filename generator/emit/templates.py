"""The Jinja environment that renders every generated module from `templates/`."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2

from generator.format.layout import literal
from generator.paths import templates_folder


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates, in the cache root (compiling them is ~0.1 s a run)."""
    from generator.format.formatter import cache_root

    folder = cache_root()
    if folder is None:
        return None
    target = folder / "jinja"
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(target))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_folder()),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["py"] = literal
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
