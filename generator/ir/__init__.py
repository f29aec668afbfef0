"""The intermediate model: what the generated package contains, with every Python name decided.

Built from the spec by `build.py`; read by the emitters. Nothing here knows about templates, and
nothing downstream re-derives a name or a type decision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

Kind = Literal[
    "string", "integer", "number", "boolean", "datetime", "date", "time", "duration", "bytes", "decimal",
    "model", "enum", "array", "map", "any",
]

# Formats whose values have a Python type of their own: (JSON type, format) -> the IR kind. A
# datetime's `format` says its wire form (RFC 3339 text, RFC 1123 text or unix seconds), as a
# byte string's says base64 or base64url.
FORMAT_KINDS: dict[tuple[str, str], Kind] = {
    ("string", "date-time"): "datetime",
    ("string", "date-time-rfc1123"): "datetime",
    ("integer", "unixtime"): "datetime",
    ("string", "date"): "date",
    ("string", "time"): "time",
    ("string", "duration"): "duration",
    ("string", "byte"): "bytes",
    ("string", "base64url"): "bytes",
    ("number", "decimal"): "decimal",
}


@dataclass(frozen=True)
class Type:
    """The type of a field, item or parameter. `ref` names a model or enum (by definition name)."""

    kind: Kind
    ref: str | None = None
    item: Type | None = None  # arrays and maps
    format: str | None = None
    # JSON Schema validation keywords (minLength, pattern, minimum, enum, ...), wire values.
    constraints: tuple[tuple[str, Any], ...] = ()
    # Swagger's `x-nullable: true` where the type is used (or on the definition it names): null
    # is a value of it. Without it, null is refused where a value is required (array items,
    # map values, required fields).
    nullable: bool = False
    # The definition this type is (an array, map or primitive definition, not a class): emitters
    # refer to it by this name rather than spell it out at every use.
    alias: str | None = None

    def constraint(self, name: str, default: Any = None) -> Any:
        return dict(self.constraints).get(name, default)


@dataclass(frozen=True)
class Field:
    py_name: str
    wire_name: str
    type: Type
    required: bool = False
    read_only: bool = False
    # x-ms-secret on the property, on any definition its $ref passes through, or on what its
    # values are made of (array items, map values); or the overlay says so.
    secret: bool = False
    flatten: bool = False
    description: str = ""
    source: str = ""  # file#pointer, for messages and the diff


@dataclass(frozen=True)
class FlattenedField:
    """`rc.source` standing for `rc.properties.source` (x-ms-client-flatten). Flattening is
    transitive: when the inner model flattens a field of its own, `target` is that accessor and
    `path` goes on (`product.odata_value` is `product.details.max_product_image.odata_value`)."""

    py_name: str
    via: str  # the py_name of the flattened field on the outer model
    target: str  # the py_name of the field (or flattened accessor) on the inner model
    type: Type
    path: tuple[str, ...] = ()  # field py_names from the outer model to the field it stands for
    wire_path: tuple[str, ...] = ()  # their wire names


@dataclass(frozen=True)
class EnumMember:
    py_name: str
    value: str | int | float | bool
    description: str = ""


@dataclass(frozen=True)
class Enum:
    name: str  # definition name (schema document name)
    py_name: str
    members: tuple[EnumMember, ...]
    extensible: bool  # x-ms-enum modelAsString: unknown values accepted and kept
    value_kind: Kind = "string"
    description: str = ""
    source: str = ""
    definition: bool = True  # False: an inline x-ms-enum, its schema stays inline
    secret: bool = False  # x-ms-secret on the enum's own schema: every value of it is a secret


@dataclass(frozen=True)
class Model:
    name: str  # definition name (schema document name)
    py_name: str
    fields: tuple[Field, ...]
    flattened: tuple[FlattenedField, ...] = ()
    additional: Type | None = None  # typed additionalProperties on the model itself
    description: str = ""
    source: str = ""
    definition: bool = True  # False: an anonymous object schema, its schema stays inline
    # Polymorphism (Swagger `discriminator`, `x-ms-discriminator-value`): `discriminator` is the
    # wire name of the property that names the type (on the base and every subtype); `parent`
    # the nearest polymorphic model this one extends (its Python base class); `value` what the
    # property holds for this subtype; `subtypes` every descendant by value, for dispatch.
    discriminator: str | None = None
    parent: str | None = None
    value: str | None = None
    subtypes: tuple[tuple[str, str], ...] = ()
    secret: bool = False  # x-ms-secret on the model's own schema: all of it is secret (so is every field)
    # The allOf parent whose fields are exactly the first fields of this one (same names, types,
    # flags), when neither is polymorphic: emitters refer to it (a base class, an allOf `$ref`)
    # instead of repeating its fields.
    base: str | None = None
    # Further allOf parents the class extends too (Python multiple inheritance: a Cat is a Pet
    # and a Feline), each with all its fields among this model's, unchanged.
    mixins: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alias:
    """A definition that is not a class (an array, a map, a constrained string...): its own schema
    document, which its uses refer to."""

    name: str  # definition name, a module-level name like a model's
    type: Type  # the type spelled out (its own `alias` is None)
    description: str = ""
    source: str = ""


@dataclass(frozen=True)
class Header:
    wire_name: str
    type: Type
    py_name: str = ""  # its field in the operation's typed response headers
    # x-ms-header-collection-prefix: every header named `<prefix><key>`, as {key: value}
    collection_prefix: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Response:
    status: str  # "200", "201", ..., "default"
    body: Type | None
    headers: tuple[Header, ...] = ()
    description: str = ""
    error: bool = False  # x-ms-error-response: the status is a failure (raised, not returned)
    # How the body is read (see ir/media.py): JSON, text (a `str`, decoded with the answer's
    # charset, else `charset`) or binary (`bytes`, or the stream the caller passed through).
    media: Literal["json", "text", "binary"] = "json"
    charset: str = "utf-8"


@dataclass(frozen=True)
class BodyMember:
    """A request builder's keyword argument standing for one field of a flattened body
    (`x-ms-client-flatten` on the body parameter): the builder makes the model from them."""

    py_name: str
    path: tuple[str, ...]  # field py_names from the body's model (through flattened fields) to it
    wire_path: tuple[str, ...]  # their wire names
    type: Type
    required: bool  # the body and every field on the path are required: so is the argument
    description: str = ""


@dataclass(frozen=True)
class Parameter:
    py_name: str
    wire_name: str
    location: Literal["path", "query", "header", "body", "formData"]
    type: Type
    required: bool
    description: str = ""
    constant: Any = None  # single-value enum that must always be sent (e.g. api-version)
    skip_url_encoding: bool = False
    source: str = ""
    flatten: bool = False  # x-ms-client-flatten on a body parameter
    # A flattened model body: the builder takes these instead of the model (see BodyMember).
    members: tuple[BodyMember, ...] = ()
    # `type: file`, or a body schema of format binary/file: raw bytes (or a file-like object),
    # not JSON; for an array, each item is a file.
    binary: bool = False
    collection_format: str = "csv"  # an array's collectionFormat: csv, ssv, tsv, pipes or multi
    nullable_items: bool = False  # x-nullable array items: None is sent as an empty value
    default: Any = None  # x-ms-client-default: the value sent when the caller gives none
    request_id: bool = False  # x-ms-client-request-id: a fresh UUID unless the caller gives one
    api_version: bool = False  # the API's own `api-version` (defaults to API_VERSION)
    group: str | None = None  # x-ms-parameter-grouping: the class in `requests` that holds it
    # x-ms-header-collection-prefix (a map header): each key sent as a header `<prefix><key>`
    collection_prefix: str | None = None
    secret: bool = False  # x-ms-secret or format: password: a query value `repr()` hides


@dataclass(frozen=True)
class GroupMember:
    py_name: str
    wire_name: str
    location: str  # path, query, header or body
    type: Type
    required: bool
    default: Any = None  # a constant's value or the x-ms-client-default
    description: str = ""


@dataclass(frozen=True)
class ParameterGroup:
    """x-ms-parameter-grouping: a class in `requests` holding some arguments of one or more
    operations, passed to their builders as one keyword argument."""

    name: str
    members: tuple[GroupMember, ...]
    operations: tuple[str, ...]  # operationIds


@dataclass(frozen=True)
class MediaType:
    """A media type an operation's request body may be sent as, and how the body is written for it."""

    name: str  # as the spec writes it: the Content-Type sent
    encoding: Literal["json", "text", "binary", "urlencoded", "multipart"]
    charset: str = "utf-8"  # text: the charset its parameters name


@dataclass(frozen=True)
class Operation:
    operation_id: str
    py_name: str  # snake_case operation id
    method: str  # upper case
    path: str  # template with {wireName} placeholders
    parameters: tuple[Parameter, ...]
    responses: tuple[Response, ...]
    description: str = ""
    long_running: bool = False
    final_state_via: str | None = None
    pageable: bool = False
    next_link_name: str | None = None
    item_name: str | None = None
    next_operation: str | None = None  # x-ms-pageable operationName: the operationId that gets the next pages
    consumes: tuple[str, ...] = ("application/json",)
    produces: tuple[str, ...] = ("application/json",)
    source: str = ""
    # What the body (or the formData parameters) may be sent as, the default first; empty when
    # the operation sends no body. More than one: the builder takes `content_type`.
    request_media: tuple[MediaType, ...] = ()
    groups: tuple[tuple[str, str], ...] = ()  # (group class, keyword argument), x-ms-parameter-grouping
    response_headers: tuple[Header, ...] = ()  # every header its responses declare, once each
    headers_class: str | None = None  # the class in `responses` that holds them, typed


@dataclass(frozen=True)
class Api:
    title: str
    api_version: str
    host: str
    scheme: str
    base_path: str
    spec_display: str  # the spec's path as messages and headers show it
    spec_sha256: str
    models: tuple[Model, ...]
    enums: tuple[Enum, ...]
    operations: tuple[Operation, ...]
    # x-ms-parameterized-host: the host is a template filled from these parameters (builder
    # arguments of every operation); None for a plain `host` (then builders take `base_url`).
    host_template: str | None = None
    host_parameters: tuple[Parameter, ...] = ()
    use_scheme_prefix: bool = True  # prepend `scheme://` to the expanded template
    aliases: tuple[Alias, ...] = field(default=())  # definitions that are not classes
    notes: tuple[str, ...] = field(default=())  # what the IR could not express, said in the output
    documents: tuple[str, ...] = field(default=())  # every path the build opened, symlinks not resolved
    parameter_groups: tuple[ParameterGroup, ...] = field(default=())  # x-ms-parameter-grouping

    def model(self, name: str) -> Model:
        return self._index[0][name]

    def enum(self, name: str) -> Enum:
        return self._index[1][name]

    @cached_property
    def _index(self) -> tuple[dict[str, Model], dict[str, Enum]]:
        """Definitions by name: emitters look one up for every annotation."""
        return {m.name: m for m in self.models}, {e.name: e for e in self.enums}
