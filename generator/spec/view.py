"""The spec view: one typed reading of a loaded Swagger 2.0 document, shared by build, diff and lint.

It answers what the three of them used to work out each on their own: the operations (from
`paths` and `x-ms-paths`), each operation's parameters (path-level ones merged in, overridden by
the operation's own with the same name and place, `$ref`s followed), its responses, and the
`allOf`-merged properties of a schema. Every item keeps its document and JSON Pointer (the
referencing site and the target, for what a `$ref` names), so any consumer can report `line:col`.

Nothing here raises on a malformed spec: what cannot be read is skipped and noted in `problems`
(each a `Problem` with its location). Build reports them; lint has rules of its own for them;
diff runs only on specs that build. `deref` is the one strict call, for callers that stop at a
broken reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from generator.errors import Problem, SpecError, join_pointer
from generator.load.loader import Document, Loader
from generator.spec import schemas
from generator.spec.nodes import Loc, Node
from generator.spec.schemas import Discriminator, Part, Properties

METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
SECTIONS = ("paths", "x-ms-paths")  # x-ms-paths: keys may carry a query that tells operations apart
PLACES = ("path", "query", "header", "body", "formData")

Key = tuple[Path, str]


@dataclass(frozen=True)
class Operation:
    section: str  # "paths" or "x-ms-paths"
    path: str  # the key as written
    method: str  # lower case
    node: Node  # the operation object
    item: Node  # its path item

    @property
    def template(self) -> str:
        """The URL path template. Under `x-ms-paths` the key may end in `?query`, which only
        tells operations apart and is not sent (AutoRest); declared parameters make the query."""
        return self.path.partition("?")[0] if self.section == "x-ms-paths" else self.path

    @property
    def operation_id(self) -> str | None:
        op_id = self.node.get("operationId")
        return op_id if isinstance(op_id, str) else None

    @property
    def value(self) -> dict[str, Any]:
        return self.node.value  # type: ignore[no-any-return]

    @property
    def loc(self) -> Loc:
        return self.node.loc

    @property
    def item_loc(self) -> Loc:
        return self.item.loc


@dataclass(frozen=True)
class Parameter:
    site: Node  # the entry of a `parameters` list as written: a `$ref`, or the parameter itself
    node: Node  # the parameter object, `$ref`s followed (`site` itself when written inline)
    level: Literal["path item", "operation"]  # which `parameters` list declares it

    @property
    def value(self) -> dict[str, Any]:
        return self.node.value  # type: ignore[no-any-return]

    @property
    def name(self) -> str:
        return self.node.value["name"]  # type: ignore[no-any-return]

    @property
    def where(self) -> str:
        """The `in` of the parameter: path, query, header, body or formData."""
        return self.node.value["in"]  # type: ignore[no-any-return]

    @property
    def loc(self) -> Loc:
        return self.site.loc

    @property
    def required(self) -> bool:
        return bool(self.value.get("required")) or self.where == "path"

    @property
    def is_global(self) -> bool:
        """Defined in a document's `parameters` section (AutoRest: a client parameter by default)."""
        return self.node.pointer.startswith("/parameters/")


@dataclass(frozen=True)
class Response:
    status: str  # "200", ..., "default"
    site: Node  # the entry under `responses` as written (it may be a `$ref`)
    node: Node | None  # the response object, `$ref`s followed; None when it is not one (noted)

    @property
    def schema(self) -> Node | None:
        schema = self.node.child("schema") if self.node is not None else None
        return schema if schema is not None and isinstance(schema.value, dict) else None

    @property
    def headers(self) -> dict[str, Node]:
        headers = self.node.child("headers") if self.node is not None else None
        if headers is None or not isinstance(headers.value, dict):
            return {}
        return {name: headers.child(name) for name in headers.value}


class SpecView:
    """The view of one document; the loader follows its references into other files lazily."""

    def __init__(self, loader: Loader, doc: Document) -> None:
        self.loader = loader
        self.doc = doc
        self.root = Node.root(doc)
        self._problems: dict[Problem, None] = {}  # insertion-ordered set
        self._resolved: dict[Key, Node | None] = {}
        self._failures: dict[Key, list[Problem]] = {}
        self._operations: list[Operation] | None = None
        self._declared: dict[Key, list[Parameter]] = {}
        self._parameters: dict[Key, list[Parameter]] = {}
        self._responses: dict[Key, list[Response]] = {}
        self._chains: dict[Key, list[Part]] = {}
        self._properties: dict[Key, Properties] = {}

    @property
    def problems(self) -> list[Problem]:
        """What could not be read so far, each with its location."""
        return list(self._problems)

    def note(self, problem: Problem) -> None:
        self._problems[problem] = None

    # -- references ----------------------------------------------------------------------------

    def resolve(self, node: Node) -> Node | None:
        """The value `node` stands for, following `$ref`s (and refs to refs); None, with the
        problem noted, when a reference does not resolve."""
        if not (isinstance(node.value, dict) and "$ref" in node.value):
            return node
        key = node.loc.identity
        if key not in self._resolved:
            try:
                target = self.loader.resolve(node.value["$ref"], node.doc, join_pointer(node.pointer, "$ref"))
            except SpecError as exc:
                self._failures[key] = exc.problems
                for problem in exc.problems:
                    self.note(problem)
                self._resolved[key] = None
            else:
                self._resolved[key] = Node(target.value, Loc(target.doc, target.pointer))
        return self._resolved[key]

    def deref(self, node: Node) -> Node:
        """`resolve`, raising `SpecError` for a reference that does not resolve."""
        target = self.resolve(node)
        if target is None:
            raise SpecError(self._failures[node.loc.identity])
        return target

    def definition_name(self, node: Node) -> str | None:
        """The definition a `$ref` at `node` names (after refs to refs), else None."""
        if not (isinstance(node.value, dict) and "$ref" in node.value):
            return None
        target = self.resolve(node)
        return schemas.definition_name(target) if target is not None else None

    # -- operations ----------------------------------------------------------------------------

    def operations(self) -> list[Operation]:
        """Every operation of `paths`, then of `x-ms-paths`, in the order written."""
        if self._operations is None:
            self._operations = list(self._walk_operations())
        return self._operations

    def _walk_operations(self) -> list[Operation]:
        out = []
        for section in SECTIONS:
            paths = self.root.child(section)
            if paths.value is None:
                continue
            if not isinstance(paths.value, dict):
                self.note(paths.loc.problem(f"{section} must be an object (path -> path item)"))
                continue
            for path, item in paths.value.items():
                item_node = paths.child(path)
                if not isinstance(item, dict):
                    self.note(item_node.loc.problem("a path item must be an object"))
                    continue
                for method in METHODS:
                    op = item_node.child(method)
                    if op.value is None:
                        continue
                    if not isinstance(op.value, dict):
                        self.note(op.loc.problem("an operation must be an object"))
                        continue
                    out.append(Operation(section, path, method, op, item_node))
        return out

    def parameters(self, op: Operation) -> list[Parameter]:
        """The operation's parameters: the path item's, each replaced in place by the
        operation's own of the same name and place, then the operation's others."""
        key = op.loc.identity
        if key not in self._parameters:
            merged: dict[tuple[str, str], Parameter] = {}
            for p in self.declared(op.item, "path item") + self.declared(op.node, "operation"):
                merged[(p.where, p.name)] = p
            self._parameters[key] = list(merged.values())
        return self._parameters[key]

    def declared(self, owner: Node, level: Literal["path item", "operation"]) -> list[Parameter]:
        """The parameters one path item or operation lists itself, in order, `$ref`s followed;
        entries that are no parameter (no string `name`, an unknown `in`) are noted and left out."""
        key = owner.loc.identity
        if key in self._declared:
            return self._declared[key]
        out: list[Parameter] = []
        entries = owner.child("parameters")
        if isinstance(entries.value, list):
            for i in range(len(entries.value)):
                site = entries.child(i)
                node = self.resolve(site)
                if node is None:
                    continue
                value = node.value
                if not isinstance(value, dict) or not isinstance(value.get("name"), str) or value.get("in") not in PLACES:
                    self.note(node.loc.problem("a parameter needs a string 'name' and 'in' of path, query, header, body or formData"))
                    continue
                out.append(Parameter(site, node, level))
        elif entries.value is not None:
            self.note(entries.loc.problem("parameters must be a list"))
        self._declared[key] = out
        return out

    def responses(self, op: Operation) -> list[Response]:
        """The operation's responses in the order written; one that is not an object (after
        `$ref`s) keeps its status with no `node`."""
        key = op.loc.identity
        if key in self._responses:
            return self._responses[key]
        out: list[Response] = []
        responses = op.node.child("responses")
        if isinstance(responses.value, dict):
            for status in responses.value:
                site = responses.child(status)
                node = self.resolve(site)
                if node is not None and not isinstance(node.value, dict):
                    self.note(node.loc.problem("a response must be an object"))
                    node = None
                headers = node.child("headers") if node is not None else None
                if headers is not None and headers.value is not None and not isinstance(headers.value, dict):
                    self.note(headers.loc.problem("headers must be an object (name -> header)"))
                out.append(Response(str(status), site, node))
        elif responses.value is not None:
            self.note(responses.loc.problem("responses must be an object (status code -> response)"))
        self._responses[key] = out
        return out

    # -- schemas -------------------------------------------------------------------------------

    def all_of_chain(self, schema: Node) -> list[Part]:
        """The schema's `allOf` parents (depth first, each once), then the schema, `$ref`s followed."""
        key = schema.loc.identity
        if key not in self._chains:
            self._chains[key] = schemas.all_of_chain(schema, self.resolve, self.note)
        return self._chains[key]

    def properties(self, schema: Node) -> Properties:
        """The schema's properties and required names with its `allOf` parents merged in."""
        key = schema.loc.identity
        if key not in self._properties:
            self._properties[key] = schemas.merged_properties(self.all_of_chain(schema), self.note)
        return self._properties[key]

    def discriminator(self, schema: Node) -> Discriminator | None:
        return schemas.discriminator(self.all_of_chain(schema))
