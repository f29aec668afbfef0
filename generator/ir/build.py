"""Stage 2: Swagger 2.0 (after `$ref` resolution) -> IR, with every Python name decided here.

Definitions are discovered by following references from the operations and from the root file's
definitions, across files. A definition that is an object becomes a model, one with `enum`
becomes an enum, anything else (a string alias, an array, a map) an alias that its uses name.
The stages: `type_builder` (schemas -> types, definitions' names), `model_builder` (models),
`operation_builder` (operations); `build` runs them in order.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from generator import ir
from generator.errors import Problem, SpecError, join_pointer
from generator.ir import arguments, polymorphism
from generator.ir.body_flattening import flatten_bodies
from generator.ir.mixins import assign_mixins
from generator.ir.model_builder import ModelBuilder
from generator.ir.operation_builder import OperationBuilder
from generator.ir.type_builder import text_or_empty
from generator.load.loader import Document, Loader, Target, default_root
from generator.load.overlay import Overlay


class _Builder(ModelBuilder, OperationBuilder):
    """Builds one spec: the type builder's state, with the models' and operations' steps."""


def build(spec: Path, *, root: Path | None = None, overlay: Overlay | None = None) -> tuple[ir.Api, list[str]]:
    """Load `spec` and build the IR. Raises `SpecError` with every problem found.

    Returns the IR and warnings (things that are not errors but a user should see).
    """
    loader = Loader(root if root is not None else default_root(spec))
    doc = loader.document(spec)
    data = doc.data
    if not isinstance(data, dict) or data.get("swagger") != "2.0":
        raise SpecError([doc.problem("", "not a Swagger 2.0 document (expected \"swagger\": \"2.0\")")])
    info: dict[str, Any] = data["info"] if isinstance(data.get("info"), dict) else {}
    version = info.get("version")
    problems: list[Problem] = []
    if not isinstance(version, str) or not version:
        problems.append(doc.problem("/info", "info.version (the api-version) is missing"))
        version = ""
    b = _Builder(loader, doc, overlay or Overlay())
    roots: list[tuple[Any, Document, str]] = [(data.get(section) or {}, doc, "/" + section) for section in ("paths", "x-ms-paths")]
    definitions = data.get("definitions") or {}
    if not isinstance(definitions, dict):
        raise SpecError([doc.problem("/definitions", "definitions must be an object")])
    for name, schema in definitions.items():
        pointer = join_pointer("/definitions", name)
        b.definitions.setdefault((doc.path, name), Target(doc, pointer, schema))
        roots.append((schema, doc, pointer))
    b.discover(roots)
    b.assign_names()
    host_template, host_parameters, use_scheme_prefix = b.parameterized_host()
    b.pending = [k for k in sorted(b.definitions, key=lambda k: b.class_names[k]) if isinstance(b.definitions[k].value, dict) and b.is_named(b.definitions[k].value)]
    operations = b.operations()
    b.build_pending()
    b.add_flattened()
    b.models, hierarchy_problems = polymorphism.resolve(b.models, b.hierarchy)
    b.problems.extend(hierarchy_problems)
    b.assign_bases()
    b.models = assign_mixins(b.models, b.parents)
    operations = flatten_bodies(operations, b.models, host_parameters)
    operations, parameter_groups, argument_problems = arguments.resolve(operations)
    b.problems.extend(argument_problems)
    problems.extend(b.problems)
    if problems:
        raise SpecError(problems)
    warnings = [
        f"{b.overlay.display}: secret {d}.{p} matches nothing in {doc.display}"
        for d, p in sorted(b.overlay.secrets - b.overlay_used)
    ] + sorted(b.warnings)
    schemes = data.get("schemes")
    if not isinstance(schemes, list) or not schemes:
        # https; but a parameterized host's scheme prefix is http, as AutoRest takes it (its
        # test server's specs rely on it).
        schemes = ["http"] if host_template and use_scheme_prefix else ["https"]
    api = ir.Api(
        title=text_or_empty(info.get("title")),
        api_version=version,
        host=text_or_empty(data.get("host")) or "management.azure.com",
        scheme="https" if "https" in schemes else str(schemes[0]),
        base_path=text_or_empty(data.get("basePath")),
        spec_display=doc.path.relative_to(loader.root).as_posix(),
        spec_sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        models=tuple(sorted(b.models.values(), key=lambda m: m.py_name)),
        enums=tuple(sorted(b.enums.values(), key=lambda e: e.py_name)),
        aliases=tuple(sorted(b.aliases.values(), key=lambda a: a.name)),
        operations=tuple(operations),
        host_template=host_template,
        host_parameters=host_parameters,
        use_scheme_prefix=use_scheme_prefix,
        notes=tuple(sorted(b.notes)),
        documents=tuple(loader.paths_opened()),
        parameter_groups=parameter_groups,
    )
    return api, warnings
