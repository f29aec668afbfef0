"""specgen: Azure REST API specs (Swagger 2.0) -> a self-contained Python package.

The pipeline, one module per stage: `load` (files and $refs) -> `build` (IR, names) -> `render`
(templates) -> `format` (black, compile) -> `writer` (atomic write or --check).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def compile_schema(
    schema: Any,
    *,
    draft: str = "2020-12",
    resources: Mapping[str, Any] | None = None,
    assert_formats: bool = True,
) -> str:
    """JSON Schema -> source of a standalone validator module (see `generator.validate.compiler`)."""
    from generator.validate.compiler import compile_schema as _compile

    return _compile(schema, draft=draft, resources=resources, assert_formats=assert_formats)


__all__ = ["compile_schema"]
