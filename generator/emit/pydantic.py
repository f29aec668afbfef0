"""`specgen generate --target pydantic`: pydantic v2 models made by datamodel-code-generator.

We do not write a second model emitter: datamodel-code-generator (the optional `[pydantic]` extra
of specgen, imported only here) runs as a library on the JSON Schema documents the package already
contains. They are written to a temporary folder, beside one bundle document whose `$defs` refer
to each of them, so their relative `$ref`s ("Other.json") resolve and the result is ONE module,
inside the package:

    <out>/<package>/pydantic_models.py

There, it is one more file of the package: written in the same atomic swap, listed in the
manifest, compared by `--check`, served by the run cache (whose key holds the versions of
datamodel-code-generator, pydantic and isort), and removed by a run without the target. The
package never imports it (it is not in `__all__`), so the package still needs only the standard
library; `import <package>.pydantic_models` needs pydantic.

Options, and why:
- `snake_case_field` + `allow_population_by_field_name`: snake_case attributes, the wire name kept
  as the alias (`model_dump(by_alias=True)` gives the wire body back), either name accepted;
- `use_subclass_enum`, `capitalise_enum_members`: closed enums are `StrEnum`s with the same
  member names as the dataclass models; extensible enums (no `enum` keyword in our schemas) stay
  plain strings (a `RootModel[str]` listing the known values as examples);
- `extra_fields="allow"`: unknown fields are kept, as the dataclass models keep them;
- no `default` reaches the schemas, so no default is invented: optional fields default to None
  and are left out by `model_dump(exclude_unset=True)`;
- `format: uri` is mapped to `str`: pydantic's `AnyUrl` rewrites the text (adds a trailing `/`);
- `azure-time` and `azure-duration` (our documents' names for Azure's `time` and `duration`, see
  `emit/formats.py`) are mapped to pydantic's `time` and `timedelta`;
- secrets (`x-ms-secret`) get `repr=False`, so they stay out of `repr()` as in the dataclasses;
- deterministic: no timestamp, our own header, black run by datamodel-code-generator itself.

The generated module needs pydantic v2 at run time; the dataclass package never does.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
import warnings
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.emit.text import escape_line
from generator.errors import MissingExtra
from generator.format.formatter import check_compiles

if TYPE_CHECKING:
    from generator import ir

SECRET = "x-ms-secret"
BUNDLE = "_definitions.json"  # the bundle document's name in the temporary folder
BUNDLE_TITLE = "Definitions"  # datamodel-code-generator makes the bundle root a RootModel[Any]
MODULE = "pydantic_models.py"  # its path inside the package


def tool_versions() -> str:
    """The versions of what makes the module (part of the run cache's key), without importing them."""
    versions = []
    for module, distribution in (("datamodel_code_generator", "datamodel-code-generator"), ("pydantic", "pydantic"), ("isort", "isort")):
        try:
            if importlib.util.find_spec(module) is None:
                raise MissingExtra
            versions.append(f"{distribution}={metadata.version(distribution)}")
        except (ValueError, metadata.PackageNotFoundError):
            raise MissingExtra from None
    return " ".join(versions)


def pydantic_files(api: ir.Api, files: dict[str, bytes]) -> dict[str, bytes]:
    """The pydantic module made from the package's schema documents (`files`), by its path."""
    schemas = {
        path.removeprefix("schemas/"): json.loads(data)
        for path, data in files.items()
        if path.startswith("schemas/") and path.endswith(".json")
    }
    try:
        return {MODULE: pydantic_source(api, schemas).encode("utf-8")}
    except ModuleNotFoundError as exc:
        if exc.name is None or not exc.name.startswith(("datamodel_code_generator", "pydantic", "isort")):
            raise
        raise MissingExtra from None


def pydantic_source(api: ir.Api, schemas: dict[str, dict[str, Any]]) -> str:
    """The pydantic module's source for the schema documents `{"Name.json": schema}`.

    Raises ModuleNotFoundError when datamodel-code-generator is not installed.
    """
    import datamodel_code_generator as dmcg  # the optional [pydantic] extra
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import Formatter, PythonVersion

    with tempfile.TemporaryDirectory(prefix="specgen-pydantic-") as tmp:
        folder = Path(tmp)
        for name, schema in sorted(schemas.items()):
            (folder / name).write_text(json.dumps(_for_pydantic(schema), indent=2), encoding="utf-8")
        bundle = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": _bundle_title(schemas),
            "description": "Bundle root made by specgen to put every definition in one module; not a wire type.",
            "$defs": {name.removesuffix(".json"): {"$ref": name} for name in sorted(schemas)},
        }
        (folder / BUNDLE).write_text(json.dumps(bundle, indent=2), encoding="utf-8")
        output = folder / "out.py"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # datamodel-code-generator's notices
            warnings.simplefilter("ignore", DeprecationWarning)
            dmcg.generate(
                folder / BUNDLE,
                input_file_type=InputFileType.JsonSchema,
                output=output,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                snake_case_field=True,
                allow_population_by_field_name=True,
                extra_fields="allow",
                use_subclass_enum=True,
                capitalise_enum_members=True,
                field_constraints=True,
                use_schema_description=True,
                use_field_description=True,
                use_double_quotes=True,
                type_mappings=["string+uri=string", "string+azure-time=time", "string+azure-duration=duration"],
                field_extra_keys_without_x_prefix={"x-repr"},
                disable_timestamp=True,
                custom_file_header=_header(api, dmcg_version()),
                formatters=[Formatter.BLACK, Formatter.ISORT],
            )
        text = output.read_text(encoding="utf-8")
    check_compiles(MODULE, text)  # it must be Python, read as UTF-8
    return text


def dmcg_version() -> str:
    return metadata.version("datamodel-code-generator")


def _for_pydantic(schema: Any) -> Any:
    """A copy with target-only annotations: `x-repr: false` beside every secret."""
    if isinstance(schema, dict):
        out = {k: _for_pydantic(v) for k, v in schema.items()}
        if out.get(SECRET) is True:
            out["x-repr"] = False
        return out
    if isinstance(schema, list):
        return [_for_pydantic(v) for v in schema]
    return schema


def _bundle_title(schemas: dict[str, dict[str, Any]]) -> str:
    title = BUNDLE_TITLE
    while f"{title}.json" in schemas:
        title += "_"
    return title


def _header(api: ir.Api, version: str) -> str:
    """Like `_header.jinja`: no text from outside on the first two lines (PEP 263), the rest escaped."""
    return "\n".join(
        [
            "# Do not edit: change the spec and run `specgen generate --target pydantic`.",
            f"# spec sha256: {api.spec_sha256}",
            f"# Code generated by specgen --target pydantic (datamodel-code-generator {escape_line(version)})",
            f"# from {escape_line(api.spec_display)}",
            f"# api-version: {escape_line(api.api_version)}",
            "# Pydantic v2 models of the same JSON Schemas as the dataclass package; needs pydantic.",
        ]
    )
