"""The package's `validators` module: its JSON Schemas compiled by `validator_emit`.

One `validate_<definition>(instance, *, request=False)` per schema document, plus
`validate(name, instance, request=False)` and `is_valid(...)`; `request=True` treats read-only
fields as not allowed (they belong in responses only).
"""

from __future__ import annotations

from typing import Any

from generator import ir
from generator.emit.formats import READ_FORMATS
from generator.emit.templates import render
from generator.errors import Problem, SpecError
from generator.ir import names
from generator.validate.compiler import (
    RegexTranslationError,
    SchemaCompileError,
    UnresolvableRefError,
    compile_schema_set,
)

#: The formats the validators assert: those the generated models read (each exactly as its reader
#: reads it, the same definitions: `generator/emit/formats.py`), and ``uri`` and ``uuid``, which
#: Azure services read the same way.  The other RFC formats the compiler knows (``email``,
#: ``hostname``...) would make a client stricter than the service.
ASSERTED_FORMATS = tuple(sorted({*READ_FORMATS, "uri", "uuid"}))


def emit(api: ir.Api, schemas: dict[str, dict[str, Any]], common: dict[str, Any]) -> dict[str, str]:
    scope = names.Scope("operation")
    functions = {uri: scope.add(names.snake(uri.removesuffix(".json")) or "definition") for uri in schemas}
    try:
        source = compile_schema_set(schemas, functions=functions, formats=ASSERTED_FORMATS)
    except (SchemaCompileError, RegexTranslationError, UnresolvableRefError) as exc:
        # The build checks every keyword value with its location; this is the last guard.
        raise SpecError([Problem(api.spec_display, None, f"cannot compile the validators: {exc}")]) from None
    return {"validators.py": render("_header.jinja", **common) + source}
