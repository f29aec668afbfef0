"""Which definitions are ARM resources, as Azure's native rules decide it (their `ArmHelper`).

A resource of a file is a model defined in that file that an operation returns (the `$ref` of its
200, else 201, response schema), with a GET, PUT or PATCH among those operations, or marked as a
resource (`x-ms-azure-resource: true` anywhere in it, or a base resource — Resource,
ProxyResource, TrackedResource, AzureEntityResource — among its `allOf` ancestors) and returned by
something other than POST only. The operations are the file's own and those of the files that
refer to it (a service's common file is read with the specs that use it). A tracked resource has a
`location` property.

References are followed as Azure's helper follows them: file by file, pointer segments as
written; a model is known by its definition name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.errors import SpecError
from generator.lint.core import Context
from generator.lint.places import truthy
from generator.lint.reach import references_of
from generator.load.files import real_path

BASE_RESOURCES = ("trackedresource", "proxyresource", "resource", "azureentityresource")
COMMON_TYPES = "common-types"
# A path that ends in a resource (type/{name} or type/default) after its last provider; Azure's
# helper (unlike its Spectral functions) allows no `?query` after it.
_SPECIFIC_RESOURCE = re.compile(r"/providers/[^/]+(?:/\w+/default|/\w+/{[^/]+})+$", re.ASCII | re.IGNORECASE)

_DEFINITIONS = "#/definitions/"


@dataclass(frozen=True)
class Schema:
    """A value and the file it is read in (where its relative `$ref`s start)."""

    value: Any
    file: Path


@dataclass
class ResourceOp:
    path: str  # the path key
    method: str
    response: Schema  # the 200 (else 201) response's schema `$ref`, to be read in `response.file`


@dataclass
class Collection:
    specific: list[str]  # GET paths of one resource
    listing: list[str]  # GET paths of the list
    model: str | None  # the list's model
    child: str  # the listed resource's model


@dataclass
class Resource:
    model: str
    file: Path  # where the model is defined
    ops: list[ResourceOp] = field(default_factory=list)


class Workspace:
    """Schemas read as Azure's native rules read them (its `Workspace`): file by file, `$ref`s
    followed with their pointer segments as written."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.file = ctx.doc.path
        self._targets: dict[tuple[Path, str], Path] = {}

    # -- documents and references ----------------------------------------------------------------
    def document_data(self, file: Path) -> Any:
        try:
            return self.ctx.loader.document(file).data
        except SpecError:
            return None

    def ref_target(self, ref: str, file: Path) -> tuple[Path, str]:
        """(file, fragment) a `$ref` written in `file` names."""
        file_part, _, fragment = ref.partition("#")
        if not file_part:
            return file, fragment
        key = (file, file_part)
        if key not in self._targets:
            named = file.parent / unquote(file_part)
            self._targets[key] = real_path(named) or named  # (a NUL byte: the loader refuses it)
        return self._targets[key], fragment

    def resolve(self, schema: Schema, limit: int = 32) -> Schema:
        """Follow `$ref`s (pointer segments as written, unescaped as Azure does not)."""
        value, file = schema.value, schema.file
        for _ in range(limit):
            if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
                break
            file, fragment = self.ref_target(value["$ref"], file)
            value = self.document_data(file)
            for segment in fragment.lstrip("/").split("/") if fragment.strip("/") else []:
                value = value.get(segment) if isinstance(value, dict) else None
                if not value:
                    break
        return Schema(value, file)

    # -- properties ------------------------------------------------------------------------------
    def property(self, schema: Schema, name: str, depth: int = 0) -> Schema | None:
        """Azure's `Workspace.getProperty`: own properties first, then `allOf`; resolved."""
        model = self.resolve(schema)
        if not isinstance(model.value, dict) or depth > 32:
            return None
        props = model.value.get("properties")
        if isinstance(props, dict) and truthy(props.get(name)):
            return self.resolve(Schema(props[name], model.file))
        parents = model.value.get("allOf")
        for parent in parents if isinstance(parents, list) else []:
            found = self.property(Schema(parent, model.file), name, depth + 1)
            if found is not None:
                return found
        return None

    def properties(self, schema: Schema, depth: int = 0) -> dict[str, Schema]:
        """Azure's `Workspace.getProperties`: own, then `allOf` parents' under them. For a list
        model (`value` an array of a `$ref`) the item model's; for a list of a common type just
        a `common-types` marker (as Azure's, which its rules then read as a property name)."""
        model = self.resolve(schema)
        if not isinstance(model.value, dict) or depth > 32:
            return {}
        value = model.value
        props = _object(value.get("properties"))
        items = _object(props.get("value")).get("items")
        reference = items.get("$ref") if isinstance(items, dict) else None
        if isinstance(reference, str) and reference:
            if "/common-types/" in reference and "/types.json#/definitions/" in reference:
                return {COMMON_TYPES: Schema("", model.file)}
            item = self.resolve(Schema(items, model.file))
            if isinstance(item.value, dict) and (item.value.get("properties") or item.value.get("allOf")):
                value = item.value
        out: dict[str, Schema] = {}
        own = value.get("properties")
        if isinstance(own, dict):
            out.update((name, Schema(prop, model.file)) for name, prop in own.items())
        parents = value.get("allOf")
        for parent in parents if isinstance(parents, list) else []:
            inherited = self.properties(Schema(parent, model.file), depth + 1)
            out = {**inherited, **out}
        return out

    def attribute(self, schema: Schema, name: str) -> Any:
        value = self.resolve(schema).value
        return value.get(name) if isinstance(value, dict) else None


class ArmModel(Workspace):
    """Azure's view of the resources of the linted file (its `ArmHelper`)."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._referring: list[Any] | None = None
        self.definitions: dict[str, Any] = _definitions(ctx.doc.data)
        self.marked = self._marked_resources()
        self.resources: list[Resource] = []
        self._collections: list[Collection] | None = None
        self._populate(ctx.doc.data, self.file)
        for other in self._referrers():
            self._populate(other.data, other.path)

    def _referrers(self) -> list[Any]:
        """The loaded files that refer to this one (Azure's inventory `referencesOf`)."""
        if self._referring is None:
            self._referring = [
                doc for doc in list(self.ctx.loader.documents.values())
                if doc.path != self.file and self.file in references_of(self.ctx.loader, doc)
            ]
        return self._referring

    # -- resources -------------------------------------------------------------------------------
    def _marked_resources(self) -> set[str]:
        marked: set[str] = set()
        for name, model in self.definitions.items():
            if _has_true_member(model, "x-ms-azure-resource") or name.lower() in BASE_RESOURCES:
                marked.add(name)
        while True:
            more = [name for name in self.definitions if name not in marked and any(
                ancestor.lower() in BASE_RESOURCES or ancestor in marked for ancestor in self.ancestors(Schema(self.definitions[name], self.file))
            )]
            if not more:
                return marked
            marked.update(more)

    def ancestors(self, schema: Schema, depth: int = 0) -> list[str]:
        """Definition names of the `allOf` references, depth first (Azure's `getResourceHierarchy`)."""
        if depth > 32:
            return []
        model = self.resolve(schema)
        out: list[str] = []
        parents = model.value.get("allOf") if isinstance(model.value, dict) else None
        for parent in parents if isinstance(parents, list) else []:
            ref = parent.get("$ref") if isinstance(parent, dict) else None
            if isinstance(ref, str) and _DEFINITIONS in ref:
                out.append(ref.split(_DEFINITIONS, 1)[1])
                out.extend(self.ancestors(Schema(parent, model.file), depth + 1))
        return out

    def _populate(self, data: Any, file: Path) -> None:
        paths: dict[str, Any] = {}
        for section in ("paths", "x-ms-paths"):
            if isinstance(data, dict) and isinstance(data.get(section), dict):
                paths.update(data[section])
        for key, item in paths.items():
            if not isinstance(item, dict):
                continue
            for method, op in item.items():
                if method == "parameters" or not isinstance(op, dict):
                    continue
                responses = _object(op.get("responses"))
                response = responses.get("200") or responses.get("201")
                if not response:
                    continue
                schema = response.get("schema") if isinstance(response, dict) else None
                ref = schema.get("$ref") if isinstance(schema, dict) else None
                if not isinstance(ref, str):
                    continue
                target_file, fragment = self.ref_target(ref, file)
                model = ("#" + fragment).split(_DEFINITIONS, 1)[1] if _DEFINITIONS in "#" + fragment else None
                if model is None:
                    continue
                found = next((r for r in self.resources if r.model == model and r.file == target_file), None)
                if found is None:
                    found = Resource(model, target_file)
                    self.resources.append(found)
                # Azure reads a `#/...` reference in the linted file, whichever file wrote it.
                found.ops.append(ResourceOp(key, method, Schema({"$ref": "#" + fragment}, target_file if "#" in ref and ref.partition("#")[0] else self.file)))

    def local(self) -> list[Resource]:
        return [r for r in self.resources if r.file == self.file]

    def all_resources(self, include_get: bool = False, list_gets: bool = False) -> list[Resource]:
        """Azure's `getAllResources`: marked ones (not base models, not POST-only) and those
        with a PUT or PATCH (or, with `include_get`, a GET; a GET of a list path only with
        `list_gets`)."""
        local = self.local()

        def qualifies(op: ResourceOp) -> bool:
            if op.method in ("put", "patch"):
                return True
            return include_get and op.method == "get" and (list_gets or not is_list_path(op.path))

        marked = [r for r in local if r.model in self.marked and r.model.lower() not in BASE_RESOURCES]
        marked = [r for r in marked if not all(op.method == "post" for op in r.ops)]
        out: list[Resource] = []
        for r in marked + [r for r in local if any(qualifies(op) for op in r.ops)]:
            if r not in out:
                out.append(r)
        return out

    def is_tracked(self, resource: Resource) -> bool:
        return bool(resource.ops) and self.property(resource.ops[0].response, "location") is not None

    def resource_names(self) -> list[str]:
        """Azure's `getAllResourceNames`: resources with an operation on a path naming a resource."""
        return [r.model for r in self.all_resources() if any(_SPECIFIC_RESOURCE.search(op.path[op.path.rfind("/providers/"):]) for op in r.ops if "/providers/" in op.path)]

    def tracked(self) -> list[Resource]:
        return [r for r in self.all_resources() if r.ops and self.is_tracked(r)]

    def proxies(self) -> list[Resource]:
        return [r for r in self.all_resources() if r.ops and not self.is_tracked(r)]

    def find_operation(self, path: str, method: str) -> str | None:
        """The operationId of `method` on `path` (under `paths`) here or in a referring file."""
        for data in [self.ctx.doc.data, *(d.data for d in self._referrers())]:
            paths = data.get("paths") if isinstance(data, dict) else None
            item = paths.get(path) if isinstance(paths, dict) else None
            op = item.get(method) if isinstance(item, dict) else None
            op_id = op.get("operationId") if isinstance(op, dict) else None
            if truthy(op_id):
                return str(op_id)
        return None

    # -- collections (Azure's getCollectionApiInfo) ------------------------------------------------
    def collections(self) -> list[Collection]:
        """The list operations Azure pairs with the resources they list: a GET path one type
        segment above a resource's GET path, and a definition whose `value` is an array of a
        resource returned by a GET."""
        if self._collections is not None:
            return self._collections
        with_get = [r for r in self.resources if any(op.method == "get" for op in r.ops)]
        keys = list(dict.fromkeys(op.path for r in self.resources for op in r.ops))
        out: list[Collection] = []
        for resource in with_get:
            for op in resource.ops:
                if any(c.specific[0] == op.path for c in out) or not _SPECIFIC_RESOURCE.search(op.path):
                    continue
                start, end = op.path.rfind("/providers"), op.path.rfind("/")
                wanted = _any_name(op.path[start:end])
                matched = [k for k in keys if _any_name(_js_substr(k, k.rfind("/providers"))).removesuffix("/") == wanted]
                if matched and self.operation_id(matched[0]) is not None:
                    out.append(Collection([op.path], matched, self._model_at(matched[0]), resource.model))
        listed: dict[str, str] = {}
        names_with_get = {r.model for r in with_get}
        for name, model in self.definitions.items():
            for node, path in _arrays(model):
                items = node.get("items")
                ref = items.get("$ref") if isinstance(items, dict) else None
                child = ref.split(_DEFINITIONS, 1)[1] if isinstance(ref, str) and _DEFINITIONS in ref else None
                if child in names_with_get and path == ("properties", "value"):
                    listed[child] = name  # type: ignore[index]
        def paths(model: str) -> list[str]:
            return [op.path for r in with_get if r.model == model for op in r.ops]

        for child, collection in listed.items():
            if collection in names_with_get and not any(c.model == collection for c in out):
                out.append(Collection(paths(child), paths(collection), collection, child))
        self._collections = out
        return out

    def _model_at(self, path: str) -> str | None:
        return next((r.model for r in self.resources if any(op.path == path for op in r.ops)), None)

    def operation_id(self, path: str, method: str = "get") -> str | None:
        """The operationId of `method` on `path` in any loaded file (Azure walks its inventory)."""
        for doc in list(self.ctx.loader.documents.values()):
            for section in ("paths", "x-ms-paths"):
                item = _object(_object(doc.data).get(section)).get(path)
                op = _object(item).get(method)
                if isinstance(op, dict) and "operationId" in op:
                    return op.get("operationId")  # type: ignore[no-any-return]
        return None

    def nested(self) -> list[str]:
        """Azure's `getAllNestedResources`: resources with a subscription path below another type."""
        out: list[str] = []
        for r in self.all_resources():
            if r.model not in out and any(op.path.lower().startswith("/subscriptions/") and len(_type_hierarchy(op.path)) > 1 for op in r.ops):
                out.append(r.model)
        return out

    def derives_from_polymorphic(self, name: str) -> bool:
        """Azure's `containsDiscriminator`: an `allOf` ancestor of the file's model `name` has a
        discriminator."""
        model = self.definitions.get(name)
        return model is not None and self._polymorphic_parent(Schema(model, self.file), 0)

    def _polymorphic_parent(self, schema: Schema, depth: int) -> bool:
        model = self.resolve(schema)
        parents = model.value.get("allOf") if isinstance(model.value, dict) else None
        for parent in parents if isinstance(parents, list) and depth < 32 else []:
            target = self.resolve(Schema(parent, self.file))
            if isinstance(target.value, dict) and (truthy(target.value.get("discriminator")) or self._polymorphic_parent(target, depth + 1)):
                return True
        return False

    def model_schema(self, name: str) -> Schema | None:
        """The definition of the first resource called `name` (Azure's `getResourceByName`)."""
        found = next((r for r in self.resources if r.model == name), None)
        if found is None:
            return None
        data = self.document_data(found.file)
        definitions = _definitions(data)
        return Schema(definitions.get(name), found.file)

def is_list_path(path: str) -> bool:
    """Azure's test for a collection path: after the last `.` (the namespace), an even number of
    `/`-separated parts (the namespace's tail, then type segments)."""
    return "." in path and "/" in path and len(path.split(".")[-1].split("/")) % 2 == 0


def workspace(ctx: Context) -> Workspace:
    """The linted file's `Workspace` (its `ArmModel`, if one was made)."""
    return getattr(ctx, "_arm_model", None) or Workspace(ctx)


def arm_model(ctx: Context) -> ArmModel:
    """The linted file's `ArmModel`, made once per file."""
    model = getattr(ctx, "_arm_model", None)
    if model is None:
        model = ArmModel(ctx)
        ctx._arm_model = model  # type: ignore[attr-defined]
    return model


def _any_name(path: str) -> str:
    return re.sub(r"{[^/]+}", "{}", path)


def _js_substr(text: str, start: int) -> str:
    """JavaScript's `substr(start)`: a negative start counts from the end."""
    return text[start:] if start >= 0 else text[max(0, len(text) + start):]


def _type_hierarchy(path: str) -> list[str]:
    """Azure's helper `getResourcesTypeHierarchy`: the type segments of a resource path."""
    index = path.rfind("/providers/")
    found = _SPECIFIC_RESOURCE.search(path[index:]) if index != -1 else None
    return [s for s in found.group(0).split("/")[3:] if not s.startswith("{") and s != "default"] if found else []


def _arrays(model: Any) -> list[tuple[dict[str, Any], tuple[str, ...]]]:
    """Objects with type array inside a definition, with their path in it (the definition
    itself is not one of them)."""
    out: list[tuple[dict[str, Any], tuple[str, ...]]] = []
    todo: list[tuple[Any, tuple[str, ...]]] = [(model, ())]
    while todo:
        node, path = todo.pop()
        if isinstance(node, dict):
            if path and node.get("type") == "array":
                out.append((node, path))
            todo.extend((v, (*path, k)) for k, v in node.items())
        elif isinstance(node, list):
            todo.extend((v, (*path, str(i))) for i, v in enumerate(node))
    return out


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _definitions(data: Any) -> dict[str, Any]:
    definitions = data.get("definitions") if isinstance(data, dict) else None
    return definitions if isinstance(definitions, dict) else {}


def _has_true_member(value: Any, key: str) -> bool:
    todo = [value]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            if node.get(key) is True:
                return True
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return False
