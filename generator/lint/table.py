"""The rule table: data only. Each rule's check lives in `rules_*.py`, registered by id.

Names, severities and meaning follow Azure's linter (azure-openapi-validator, run as "LintDiff")
where a rule comes from there (`source = "azure"`); specgen adds a few of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


ARM = "arm"
DATA_PLANE = "data-plane"
OPENAPI_TYPES = (ARM, DATA_PLANE)  # Azure's `openapi-type` setting: which rule set applies
BOTH = OPENAPI_TYPES


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: str
    description: str  # one line
    explanation: str  # what it checks, why, how to fix
    source: str = "azure"  # "azure" (same name as azure-openapi-validator) or "specgen"
    applies_to: tuple[str, ...] = BOTH  # the openapi-types it runs for, as Azure's rule documents say


def _r(id: str, severity: str, description: str, explanation: str, source: str = "azure", applies_to: tuple[str, ...] = BOTH) -> RuleInfo:
    return RuleInfo(id, severity, description, " ".join(explanation.split()), source, applies_to)


def _data(id: str, severity: str, description: str, explanation: str) -> RuleInfo:
    """A rule Azure's linter applies to data-plane specs only."""
    return _r(id, severity, description, explanation, applies_to=(DATA_PLANE,))


def _arm(id: str, severity: str, description: str, explanation: str) -> RuleInfo:
    """A rule Azure's linter applies to ARM (resource-manager) specs only."""
    return _r(id, severity, description, explanation, applies_to=(ARM,))


RULES: dict[str, RuleInfo] = {
    r.id: r
    for r in (
        # --- ARM RPC: response codes and long-running operations -------------------------------
        _arm("PutResponseCodes", ERROR, "PUT operations must have exactly the 200, 201 and default responses.",
           """Synchronous and long-running PUT operations respond 200 (replaced) or 201 (created),
           and errors through `default`; no other response codes (RPC-Async-V1-01). A PUT with
           `x-ms-long-running-operation-options` must also set `x-ms-long-running-operation: true`.
           Fix: declare 200, 201 and default, and nothing else."""),
        _arm("DeleteResponseCodes", ERROR, "DELETE must have 200, 204, default (sync) or 202, 204, default (LRO).",
           """A synchronous DELETE responds 200 or 204; a long-running DELETE
           (`x-ms-long-running-operation: true`) responds 202 (accepted) or 204 (nothing to
           delete); both declare `default` for errors and no other codes (RPC-Delete-V1-01). A
           long-running DELETE that also lists 200 breaks this rule: the final 200 comes from the
           polling endpoint, not from the DELETE."""),
        _arm("LroPatch202", ERROR, "A long-running PATCH must have a 202 response.",
           """A PATCH marked `x-ms-long-running-operation: true` must declare the 202 (accepted)
           response it starts with (RPC-Patch-V1-06, RPC-Async-V1-08). Fix: add a 202 response
           with a Location (or Azure-AsyncOperation) header, or drop the LRO marker."""),
        _r("LroExtension", ERROR, "Operations with a 202 response must set x-ms-long-running-operation: true.",
           """A 202 response means the operation continues asynchronously, so clients must poll;
           AutoRest-generated SDKs only poll when `x-ms-long-running-operation: true` is set.
           GET is exempt (a 202 on GET is a polling answer). Fix: add the extension."""),
        _arm("LroLocationHeader", ERROR, "A 202 response must declare a Location header.",
           """Every asynchronous operation that returns 202 must support the Location header so
           that clients can poll for the result (RPC-Async-V1-07). Fix: add `Location` (type
           string) to the 202 response's `headers`."""),
        _arm("ProvisioningStateSpecifiedForLROPut", ERROR,
           "The 200 and 201 responses of a long-running PUT must have a provisioningState property.",
           """A long-running PUT's resource carries its state in `provisioningState` (directly,
           through `allOf`, or inside the `properties` bag), so clients can tell when the
           operation has finished (RPC-Async-V1-02). Fix: add `provisioningState` (read-only) to
           the response model of 200 and 201."""),
        _arm("ProvisioningStateMustBeReadOnly", ERROR, "provisioningState in a response model must be readOnly.",
           """The service sets `provisioningState`; a client never sends it. A response model
           whose `provisioningState` is not `readOnly: true` invites clients to send it and SDKs
           to expose it as settable. Fix: add `"readOnly": true`."""),
        _arm("GetOperationMustNotBeLongRunning", ERROR, "A GET must not be long-running.",
           """GET is synchronous (RPC-Get-V1-14): it must not set `x-ms-long-running-operation:
           true` nor declare `x-ms-long-running-operation-options`. Fix: remove both."""),
        _arm("ParametersInPointGet", ERROR, "A point GET must not have query parameters other than api-version.",
           """A point GET (a GET on a path ending in a resource name parameter) reads one resource;
           ARM passes only `api-version` in its query (RPC-Get-V1-08). Options such as `$expand`
           belong on collection GETs or in the resource itself. Fix: remove the query parameter."""),
        _arm("XMSSecretInResponse", ERROR, "A secret-looking string property in a response model must have x-ms-secret: true.",
           """A string property of a PUT/GET/POST response model whose name ends in a secret
           keyword (access, credential, secret, password, key, token, auth, connection; not
           public keys, not key/value pairs, not enums) must be annotated `"x-ms-secret": true`,
           so that ARM, SDKs and tools redact it (RPC-Put-V1-13). `runAsPassword` is one. Fix:
           add the annotation (and don't return the secret from GET)."""),
        _r("XmsEnumValidation", ERROR, "Enums must have the x-ms-enum extension.",
           """AutoRest's `x-ms-enum` names the enum type and says whether it is extensible
           (`modelAsString`). Without it SDKs generate unnamed or closed enums, and adding a value
           later is a breaking change. Fix: add `"x-ms-enum": {"name": ..., "modelAsString": true}`."""),
        _r("DefaultInEnum", ERROR, "A default value must be one of the enum values.",
           """A schema or parameter with both `enum` and `default` must list the default among the
           enum values; otherwise the default is invalid by the schema's own definition. Fix: add
           the value to the enum or change the default."""),
        _r("EnumInsteadOfBoolean", WARNING, "Consider an enum instead of a boolean property.",
           """Booleans cannot grow: if a third state may ever be needed, a boolean forces a breaking
           change. Evaluate whether the property is really two-valued; if not, use a string enum
           with `x-ms-enum` (`modelAsString: true`). Suppress when the boolean is final."""),
        _arm("XmsPageableForListCalls", ERROR, "A list GET (collection) must have x-ms-pageable.",
           """A collection GET (path ends in a resource type segment; the 200 response has a
           `value` array) must declare `x-ms-pageable` even if the service does not page yet
           (RPC-Get-V1-11); adding it later is a breaking change for SDKs. Fix: add
           `"x-ms-pageable": {"nextLinkName": "nextLink"}` (or `null`)."""),
        _r("OperationIdNounVerb", ERROR, "operationId must be Noun_Verb, without the noun repeated in the verb.",
           """AutoRest splits `operationId` at the underscore: the noun becomes the operations group,
           the verb the method. An operationId without `_`, or whose verb repeats the noun
           (`Users_GetUser`), yields odd or failing SDKs. Fix: `Noun_Verb`, e.g. `Users_Get`."""),
        _arm("ApiVersionParameterRequired", ERROR, "Every operation must have the api-version query parameter.",
           """ARM routes every request by its `api-version` query parameter (RPC-Uri-V1-08). Fix:
           reference the common-types `ApiVersionParameter` in the operation or path parameters."""),
        _arm("RequiredDefaultResponse", ERROR, "Every operation's responses must include default (the error response).",
           """Errors are returned through the `default` response (with the ARM error schema); an
           operation without it leaves clients unable to parse failures. Azure checks the
           operations under `paths`. Fix: add `default` with the common-types `ErrorResponse`.
           (Azure's rule of the same meaning named MissingDefaultResponse never fires: it selects
           the response codes, not the operation.)"""),
        _arm("RequiredPropertiesMissingInResourceModel", ERROR,
           "A resource model must have readOnly id, name and type in its hierarchy.",
           """Per the ARM resource contract (RPC-Get-V1-03, RPC-Put-V1-08) a resource model —
           marked `x-ms-azure-resource: true`, or returned by a point GET or by a PUT — has `id`,
           `name` and `type`, all `readOnly`, itself or through `allOf`. Fix: derive from the
           common-types `Resource`, `ProxyResource` or `TrackedResource`."""),
        _arm("PutGetPatchResponseSchema", ERROR, "PUT, GET and PATCH on one path must return the same model.",
           """For a path with PUT, GET and PATCH, the 200 (else 201) responses must reference the
           same schema (RPC-Put-V1-12), so one model serves to read, create and update. Fix:
           return the resource model from all three."""),
        _r("MutabilityWithReadOnly", ERROR, "readOnly and x-ms-mutability must agree.",
           """`readOnly: true` allows only `x-ms-mutability: ["read"]`; `readOnly: false` must not
           have `["read"]` alone. Anything else contradicts itself and SDKs pick one at random.
           Fix: make the two say the same."""),
        _r("IntegerTypeMustHaveFormat", ERROR, "type: integer must have format int32 or int64.",
           """Without a format, languages where the width matters (C#, Java, Go) must guess the
           integer size. Fix: add `"format": "int32"` or `"format": "int64"`."""),
        _r("ArraySchemaMustHaveItems", ERROR, "type: array must have items.",
           """An array schema without `items` gives generators no element type; AutoRest fails.
           Fix: add `items` (a type or a `$ref`)."""),
        _r("DescriptiveDescriptionRequired", ERROR, "A description must not be empty or blank.",
           """Reference documentation is generated from `description`; an empty or whitespace-only
           value documents nothing. Fix: write a real description, or remove the key."""),
        _r("MissingTypeObject", ERROR, "A schema with properties or additionalProperties must say type: object.",
           """Draft 4 reads a schema without `type` as "any type"; Azure's convention, and
           specgen's, is that a schema with `properties` or `additionalProperties` describes an
           object. specgen generates it as an object everywhere (model, validator, JSON Schema
           document with `"type": "object"`), so a body that is not an object is rejected; say
           so in the spec. Fix: add `"type": "object"`."""),
        _r("AvoidAnonymousTypes", ERROR, "Inline object schemas must be named definitions.",
           """An object schema defined inline (a body parameter, a response, a property or array
           items with its own `properties`) becomes an anonymous, non-reusable SDK class with a
           made-up name. Fix: move it to `definitions` and `$ref` it (or give it
           `x-ms-client-name`)."""),
        # --- ARM responses (Azure applies these to ARM specs) -------------------------------------
        _arm("GetResponseCodes", ERROR, "A GET must have the 200 and default responses (202 only for polling).",
           """A GET answers 200 with the resource, errors through `default`; 202 only where the GET
           is a long-running operation's polling URL (RPC-Get-V1-01). ARM specs only. Fix: declare
           200 and default, remove other codes."""),
        _arm("PostResponseCodes", ERROR, "A POST must have 200 or 204 and default; a long-running one 202 and default.",
           """A synchronous POST responds 200 (with a body) or 204 (without), plus `default`. A
           long-running POST (x-ms-long-running-operation: true, required once it has a 202)
           responds 202 without a schema and `default`, plus 200 only when the final result has a
           schema, else 204 (RPC-Async-V1-11/14, RPC-POST-V1-02/03). ARM specs only."""),
        _arm("NoErrorCodeResponses", ERROR, "Only 200, 201, 202, 204 and default responses; errors go in default.",
           """ARM operations describe every error with the `default` response and the common error
           schema; 4xx/5xx codes in the spec make SDKs treat those as separate, typed results.
           Azure checks operations under `paths`. ARM specs only. Fix: remove the error codes."""),
        _arm("LroErrorContent", ERROR, "A long-running operation's error responses use the common-types ErrorResponse (v2+).",
           """The default (and any 4xx/5xx) response of a long-running operation must `$ref` the
           `ErrorResponse` of `common-types/resource-management/v2` or later, so that clients
           read the polling failure the same way (RPC-Common-V1-05). ARM specs only."""),
        _r("XmsExamplesRequired", WARNING, "Every operation has x-ms-examples.",
           """Examples document the operation and are replayed by Azure's tools (and specgen's
           tests). Fix: add `x-ms-examples` naming example files with the minimum and maximum set
           of properties."""),
        _arm("PatchResponseCodes", ERROR, "A PATCH has 200 and default; a long-running one 200, 202 and default.",
           """A synchronous PATCH answers 200 with the resource, errors through `default`; a
           long-running one (x-ms-long-running-operation: true, required with
           x-ms-long-running-operation-options) adds 202 without a schema (RPC-Patch-V1-06).
           ARM specs only."""),
        # --- ARM paths and content (Azure applies these to ARM specs) -----------------------------
        _arm("EvenSegmentedPathForPutOperation", ERROR, "A PUT path names a resource: type/{name} pairs after the provider.",
           """What a PUT creates is addressed by its full resource id: after
           `/providers/Namespace`, pairs of a type and a `{name}` (or `default`) (RPC-Put-V1-02).
           ARM specs only."""),
        _arm("PathForResourceAction", ERROR, "A POST path is an action on a resource or collection.",
           """A POST on ARM is an action: `.../type/{name}/action` or `.../type/action`; its
           path ends in the action's name (RPC-POST-V1-01). ARM specs only."""),
        _arm("PathForNestedResource", ERROR, "A nested resource's path alternates types and names.",
           """Below a resource, child resources are addressed as `.../type/{name}/childType/{childName}`;
           two literal segments or two names in a row do not address a resource. An extension
           resource's fully qualified path is an accepted exception (suppress it). ARM specs only."""),
        _arm("GetCollectionOnlyHasValueAndNextLink", ERROR, "A collection GET's model has only value and nextLink.",
           """A list of resources is a page: `value` (the items) and `nextLink`, nothing else
           (RPC-Get-V1-09). ARM specs only."""),
        _arm("ParametersInPost", ERROR, "A POST has no query parameter but api-version.",
           """Inputs of an action go in its request body; the query carries only api-version.
           ARM specs only."""),
        _arm("NonApplicationJsonType", WARNING, "produces/consumes is application/json.",
           """ARM accepts and returns application/json only. Each
           `produces`/`consumes` entry (top level and per operation) is application/json.
           ARM specs only."""),
        _arm("GuidUsage", ERROR, "format: uuid needs a review.",
           """GUID-typed values are discouraged in ARM APIs; one that is really needed is signed off
           by the Azure API review board, then suppressed here. ARM specs only."""),
        _arm("AvoidAdditionalProperties", ERROR, "Definitions do not use additionalProperties.",
           """Free-form maps escape the schema and SDKs type them loosely; model the properties
           instead. Exempt: tags, delegatedResources, userAssignedIdentities. ARM specs only."""),
        _arm("LocationMustHaveXmsMutability", WARNING, "A location property says x-ms-mutability: [read, create].",
           """A resource's location is set when it is created and can be read, never updated;
           `x-ms-mutability` must say so, so that SDKs do not offer to change it. ARM specs only."""),
        _r("XmsParameterLocation", ERROR, "Global subscriptionId/api-version parameters say x-ms-parameter-location.",
           """A parameter in the top-level `parameters` becomes a client property unless it says
           `"x-ms-parameter-location": "method"`; subscriptionId and api-version must say which
           they are meant to be. ARM specs only."""),
        _arm("PathResourceTypeNameCamelCase", ERROR, "The words of a path are camelCase.",
           """Resource types (and the other words of a path under `paths`, placeholder names
           included; provider namespaces aside) are camelCase. ARM specs only."""),
        _r("PageableOperation", WARNING, "A GET that returns a page should be x-ms-pageable.",
           """A GET whose response model has an array among at most three properties is probably
           a list; `x-ms-pageable` lets SDKs page through it. Azure's common rule."""),
        _r("DeprecatedXmsCodeGenerationSetting", WARNING, "info.x-ms-code-generation-settings is deprecated.",
           """Code generation settings belong in the readme AutoRest reads. Azure's common rule."""),
        _arm("AllResourcesMustHaveGetOperation", WARNING, "A resource with a PUT or PATCH has a GET.",
           """What can be created or updated can be read; models derived from a
           polymorphic base are exempt. ARM specs only."""),
        _arm("OperationsAPIImplementation", ERROR, "The service implements the operations API.",
           """Every resource provider exposes GET /providers/Namespace/operations listing its
           operations. Azure checks it once per run, over all the files it lints; specgen reports
           it on the spec no other file of the run refers to. ARM specs only."""),
        _r("AvoidNestedProperties", WARNING, "A property with nested properties has x-ms-client-flatten.",
           """Nested models make request objects hard to build; `x-ms-client-flatten` lifts the
           nested properties to the outer model in SDKs. Azure's common rule (as written, any
           property of a model that has properties of its own)."""),
        _arm("GetCollectionResponseSchema", ERROR, "A list GET returns value: an array of the resource it lists.",
           """The GET one type segment above a resource's GET (its collection) returns a model whose
           `value` is an array of the resource's model. Azure reports it in each file of the run
           whose resources make the pair, at the list's path. ARM specs only."""),
        _arm("NestedResourcesMustHaveListOperation", ERROR, "A nested resource has a list operation.",
           """A child resource (a subscription path below another resource type) can be listed
           under its parent. ARM specs only."""),
        # --- ARM operations: names, descriptions, bodies (Azure applies these to ARM specs) ------
        _r("PutInOperationName", WARNING, "A PUT's operationId is Noun_Create...",
           """SDKs name methods after the operationId's verb; a PUT creates or replaces:
           `Noun_Create` or `Noun_CreateOrUpdate`. ARM specs only."""),
        _r("PatchInOperationName", WARNING, "A PATCH's operationId is Noun_Update...",
           """A PATCH updates: `Noun_Update`. ARM specs only."""),
        _r("GetInOperationName", WARNING, "A GET's operationId is Noun_Get or Noun_List...",
           """A GET reads one resource (`Noun_Get`) or lists them (`Noun_List...`). ARM specs only."""),
        _r("ListInOperationName", WARNING, "A pageable or list-returning GET/POST is named Noun_List...",
           """An operation with x-ms-pageable, or returning a page (`value` array, at most one other
           property), lists: `Noun_List`, `Noun_ListByResourceGroup`, ... ARM specs only."""),
        _r("OperationIdNounConflictingModelNames", WARNING, "An operationId's noun is not a model name.",
           """AutoRest names the operation group after the noun; a model of that name is renamed
           `NounModel`. Use the plural for the operations. ARM specs only."""),
        _r("SchemaDescriptionOrTitle", WARNING, "A definition has a description or a title.",
           """Documentation and SDK docstrings come from it. Azure's common rule (ARM and
           data-plane; off for TypeSpec-generated data-plane specs)."""),
        _r("ParameterDescription", WARNING, "A parameter has a description.",
           """Parameters of operations under `paths` (their own and the path's, references
           followed) document themselves. Azure's common rule."""),
        _arm("PatchBodyParametersSchema", ERROR, "A PATCH body has no defaults, no required and no create-only properties.",
           """A PATCH sends only what changes: its body's properties (nested objects too; identity
           aside at the top) have no `default`, are not `required` and are not
           `x-ms-mutability: ["create"]` (RPC-Patch-V1-10). ARM specs only."""),
        _r("LongRunningOperationsOptionsValidator", WARNING, "A long-running POST with a result says final-state-via.",
           """Where the result of a long-running POST comes from (the Location or
           Azure-AsyncOperation URL) must be said in `x-ms-long-running-operation-options`
           `final-state-via`, so that SDKs fetch it. Azure's common rule."""),
        _arm("RepeatedPathInfo", ERROR, "A PUT body does not repeat path or query parameters.",
           """A value in the path (the resource name, ...) is not repeated in the request body's
           `properties` bag. ARM specs only."""),
        _arm("DeleteResponseBodyEmpty", ERROR, "A DELETE's 200 and 204 responses have no body.",
           """DELETE returns nothing (RPC-Delete-V1-04). ARM specs only."""),
        _arm("PutRequestResponseSchemeArm", ERROR, "A PUT's body and its 200 response are the same model.",
           """GET, PUT and the PUT's response share one resource model, so clients can send back
           what they read (RPC-Put-V1-25). A body that is a superset needs a PATCH to update the
           rest. ARM specs only."""),
        _arm("XmsResourceInPutResponse", ERROR, "A PUT's response model is marked x-ms-azure-resource.",
           """The model a PUT returns is an ARM resource: `x-ms-azure-resource: true` in it or an
           `allOf` ancestor (the common-types resources have it). ARM specs only."""),
        _arm("APIVersionPattern", ERROR, "info.version is a date: YYYY-MM-DD[-preview].",
           """The api-version of an ARM spec is its date, optionally `-preview`.
           ARM specs only."""),
        _arm("SubscriptionsAndResourceGroupCasing", ERROR, "Paths spell subscriptions and resourceGroups so.",
           """ARM matches these segments case-insensitively, but SDKs and docs keep the canonical
           casing. ARM specs only."""),
        _arm("PathContainsResourceType", ERROR, "A CRUD path has a resource type after the provider.",
           """`/providers/Namespace/type...`: a GET, PUT, PATCH or DELETE path names a resource
           type. ARM specs only."""),
        _arm("ProvisioningStateValidation", ERROR, "A provisioningState enum has Succeeded, Failed and Canceled.",
           """Clients stop polling at a terminal state; the enum must list all three
           (RPC-Async-V1-03). ARM specs only."""),
        _arm("XMSLongRunningOperationProperty", ERROR, "An operation whose response has Location or Azure-AsyncOperation is long-running.",
           """A PUT, PATCH, POST or DELETE whose 200/201/202/204 response declares a polling header
           is long-running and must set `x-ms-long-running-operation: true`. ARM specs only."""),
        _arm("UnSupportedPatchProperties", ERROR, "A PATCH body cannot change id, name, type, location or provisioningState.",
           """Those are fixed once a resource exists: in a PATCH body they must be readOnly or
           immutable (x-ms-mutability without update), or absent. ARM specs only."""),
        _arm("RequestSchemaForTrackedResourcesMustHaveTags", ERROR, "A tracked resource's PUT body has optional tags.",
           """A tracked resource (location in its PUT body) is taggable: the body has `tags`, not
           required. ARM specs only."""),
        _arm("PathForTrackedResourceTypes", ERROR, "A tracked resource lives under a subscription and a resource group.",
           """A resource with location (in its PUT body or GET response) is addressed
           `/subscriptions/{id}/resourceGroups/{name}/providers/...`, alternating types and names.
           ARM specs only."""),
        _arm("MissingSegmentsInNestedResourceListOperation", WARNING, "A nested resource's list path contains its parent's path.",
           """The list of a nested resource type is `<parent resource path>/childType`; the parent's
           path appears in the file. ARM specs only."""),
        _arm("InvalidSkuModel", WARNING, "A Sku model has a string name and only tier, size, family, capacity.",
           """A definition named Sku follows ARM's SKU shape: a string `name` (required), and
           optionally tier, size, family and capacity, no other property. ARM specs only."""),
        _arm("OperationsApiResponseSchema", ERROR, "The operations API returns ARM's operation list shape.",
           """GET `/providers/Namespace/operations` returns `value` items with name, isDataAction and
           display (description, provider, operation, resource). ARM specs only."""),
        _arm("OperationsApiSchemaUsesCommonTypes", ERROR, "The operations API references common-types OperationListResult.",
           """Its 200 response schema is the common-types `OperationListResult`. ARM specs only."""),
        # --- ARM naming and common types (Azure applies these to ARM specs) -----------------------
        _arm("LatestVersionOfCommonTypesMustBeUsed", WARNING, "References to common-types use its latest version.",
           """A `$ref` into `common-types/resource-management/vN/FILE.json` should use the newest
           version of that file (types.json v6, managedidentity.json v6, privatelinks.json v6,
           customermanagedkeys.json v5, ...). ARM specs only."""),
        _arm("DefinitionsPropertiesNamesCamelCase", ERROR, "Property names of object definitions are camelCase.",
           """Names of the properties of every `type: object` schema under `definitions` are
           camelCase (lower-case start, up to three capitals in a row; `$` and `-` allowed). ARM
           specs only. Fix: rename (x-ms-client-name does not change the wire name)."""),
        _arm("ParameterNotUsingCommonTypes", WARNING, "Parameters common-types defines are referenced, not redefined.",
           """subscriptionId, api-version, resourceGroupName, operationId, location,
           managementGroupName, scope, tenantId, ifMatch and ifNoneMatch are defined in
           common-types; a parameter of one of these names written out in an operation or in the
           top-level parameters should be a `$ref` to it. ARM specs only."""),
        _arm("ResourceNameRestriction", ERROR, "A resource name path parameter has a pattern.",
           """A path parameter named like `{fooName}` names a resource and must restrict it with
           `pattern` (or an `enum`) (RPC-Uri-V1-05). Azure reads the parameters of the path's first
           operation and the path's own. ARM specs only. Fix: add the service's name pattern."""),
        _arm("DefaultErrorResponseSchema", ERROR, "The default response's schema is the ARM error shape.",
           """The `default` response's schema must have an `error` property with `code` and
           `message` (common-types ErrorResponse), as ARM returns errors. Azure checks the
           operations under `paths`. ARM specs only."""),
        _arm("DeleteOperationResponses", ERROR, "A synchronous DELETE declares both 200 and 204.",
           """A DELETE without a 202 response answers 200 (deleted) or 204 (did not exist); both
           must be declared. ARM specs only."""),
        # --- ARM rules Azure implements natively ----------------------------------------------------
        _arm("ParametersOrder", ERROR, "Path parameters are declared in the order of the path.",
           """SDK methods take path parameters in declaration order; declare them (path-level ones
           first, then the operation's) in the order they appear in the path. Referenced
           parameters count only with `x-ms-parameter-location: method`. ARM specs only."""),
        _arm("XmsIdentifierValidation", WARNING, "An array of objects names identifier properties its items have.",
           """For an array of objects (under definitions or parameters), each `x-ms-identifiers`
           entry (default: `id`) must be a property of the item model, so that tools can match
           items across versions. Fix: add the property, or set `x-ms-identifiers` (possibly
           `[]`). ARM specs only."""),
        _arm("UniqueXmsExample", WARNING, "x-ms-examples names are unique in a file.",
           """Example titles identify examples in documentation and tests; one title used by two
           operations under `paths` is ambiguous. ARM specs only."""),
        _arm("PostOperationIdContainsUrlVerb", WARNING, "A POST's operationId contains the path's last segment.",
           """An action POST (`.../restart`) is named after the action: the verb part of its
           operationId (after `_`) should contain the last path segment. ARM specs only."""),
        _arm("RequiredReadOnlySystemData", WARNING, "A resource returned by GET/PUT/PATCH has readOnly systemData.",
           """From api-version 2020-05-01, a resource returned by a GET, PUT or PATCH response
           (2xx) must carry the common-types `systemData`, read-only.
           ARM specs only."""),
        # --- ARM resources: Azure's native rules, with its notion of a resource ------------------
        _arm("BodyTopLevelProperties", ERROR, "A resource model's top-level properties are ARM's envelope only.",
           """A resource (a model an operation returns that has a GET, PUT or PATCH, or is marked
           `x-ms-azure-resource`) keeps its own fields in `properties`; at the top level only
           name, type, id, location, properties, tags, plan, sku, etag, managedBy, identity, kind,
           zones, systemData and extendedLocation. Fix: move the field into
           `properties`."""),
        _arm("TrackedResourcePatchOperation", ERROR, "A tracked resource must have a PATCH operation.",
           """A tracked resource (one with `location`) must be updatable in place, at least its
           tags, with PATCH on its path. Fix: add the PATCH operation."""),
        _arm("AllTrackedResourcesMustHaveDelete", ERROR, "A tracked resource must have a DELETE operation.",
           """Every tracked resource can be deleted. Fix: add DELETE on the
           resource's path."""),
        _arm("AllProxyResourcesShouldHaveDelete", WARNING, "A proxy resource that has a PUT should have a DELETE.",
           """What a client can create it should be able to delete. Fix: add DELETE on the
           resource's path, or suppress with the reason it cannot be deleted."""),
        _arm("ArmResourcePropertiesBag", ERROR, "A resource's properties bag must not repeat ARM's top-level names.",
           """Inside `properties` (and bags nested in it) a resource must not have a property
           named like an envelope field (name, type, id, location, tags, sku, etag, identity, ...;
           for a proxy resource name, id, type, etag, systemData): clients would confuse the two.
           Fix: rename the inner property."""),
        # --- Azure's data-plane rules (data-plane specs only) --------------------------------------
        _data("ParameterNamesConvention", WARNING, "Path and query parameters are camelCase, headers kebab-case.",
           """Parameter names do not begin with $ or @; path and query parameters (api-version
           aside) are camelCase, header parameters kebab-case. Data-plane specs only."""),
        _data("PathParameterSchema", WARNING, "A path parameter is a string with maxLength and pattern.",
           """A path parameter is `type: string` and says its maximum length (below the 2083
           characters of a URL) and its allowed characters (`pattern`). Data-plane specs only."""),
        _data("Delete204Response", WARNING, "A DELETE has a 204 response.",
           """Deleting what does not exist answers 204; a DELETE declares it (or 202 if
           long-running). Data-plane specs only."""),
        _data("Nullable", WARNING, "Avoid x-nullable.",
           """A value that may be missing is simply not required; `x-nullable` makes SDKs model an
           explicit null. Data-plane specs only."""),
        _data("VersionConvention", WARNING, "info.version is a date: YYYY-MM-DD[-preview].",
           """Azure's data-plane API versions are dates, optionally `-preview`. Data-plane specs
           only."""),
        _data("PutRequestResponseScheme", WARNING, "A PUT's body and its 200 response are the same model.",
           """One model serves to create and to read. Data-plane specs only (ARM specs have
           PutRequestResponseSchemeArm, an error)."""),
        # --- specgen's own ---------------------------------------------------------------------
        _r("UnresolvedRef", ERROR, "A $ref must resolve.",
           """The file a `$ref` names must exist and parse, and its JSON Pointer must reach a
           value. specgen follows references lazily, so one dangling `$ref` does not stop the
           others from being checked. Fix: correct the path or pointer.""", "specgen"),
        _r("RefOutsideRoot", ERROR, "A $ref must stay inside the spec root and be local.",
           """Specs are untrusted input: a `$ref` may only reach local files inside the spec root
           (the folder holding `specification/`, or `--root`), after symlinks are resolved; no
           `http(s)://`, no `file://`. Fix: copy the referenced file under the root.""", "specgen"),
        _r("UnusedDefinition", WARNING, "A definition is not referenced.",
           """A definition in a spec that has paths, referenced by nothing in that file, is dead
           weight: it still becomes SDK surface. Shared files are not checked: files without
           paths, and files another spec of the run refers to. Fix: delete it, or reference it.""", "specgen"),
        _r("PathParameterNotInPath", ERROR, "A path parameter does not appear in the path template.",
           """A parameter with `in: path` must name a `{placeholder}` of its path; otherwise the
           request URL cannot be built. Fix: rename the parameter or the placeholder.""", "specgen"),
        _r("PathParameterNotDeclared", ERROR, "A {placeholder} of the path has no path parameter.",
           """Every `{placeholder}` in a path needs a parameter with that name and `in: path`,
           declared on the path or on each operation. Fix: declare it.""", "specgen"),
        _r("DuplicateParameter", ERROR, "A parameter is declared twice in one list.",
           """Parameters are identified by `name` and `in`; two in one `parameters` list are
           ambiguous (Swagger 2.0 forbids it). An operation parameter may override a path-level
           one, which is not reported. Fix: remove one.""", "specgen"),
        _r("DuplicateOperationId", ERROR, "operationId is used by two operations.",
           """operationIds name the generated functions and must be unique within a spec. Fix:
           rename one.""", "specgen"),
        _r("InvalidPattern", ERROR, "A pattern is not a regular expression of its dialect.",
           """A schema's `pattern` is read as JSON Schema reads it (ECMA-262, `u` flag); a
           parameter's (path, query, header) as the service reads it (.NET: Unicode `\\w`,
           `\\d`, inline options such as `(?i)`). A pattern its reader cannot parse (`([`), or a
           construct the generated checks cannot reproduce (.NET balancing groups, named blocks
           like `\\p{IsGreek}`), stops `specgen generate`. Fix: correct the pattern.""", "specgen"),
        _r("PatternSuperLinear", ERROR, "Matching a pattern may take time superlinear in the input.",
           """The generated validators and request builders run every pattern on untrusted input
           with Python's backtracking `re`. A pattern that can match one text in many ways
           (`^(a+)+$`, `(a|a)*`: exponential time; `^\\d*\\d*x`, or `[a-z]+x` without `^`, whose
           search restarts at every position: quadratic) lets a 30-character value take minutes.
           The analysis is sound and conservative: a counted repetition such as `{2,5}` counts as
           unbounded. `specgen generate` refuses such a pattern. Fix: make each text match in
           one way (`^[a-z]+$` for `^(a+)+$`), anchor it with `^`, or bound it.""", "specgen"),
        _r("SuppressionWithoutReason", ERROR, "A suppression has no reason.",
           """Every suppression (suppressions.yaml or `[tool.specgen.lint]` in pyproject.toml)
           must say why the finding is acceptable, in a non-empty `reason`. A suppression
           without one does not suppress anything.""", "specgen"),
        _r("UnusedSuppression", WARNING, "A suppression matches no finding.",
           """A suppression for a linted file that matched nothing is stale (the problem was fixed,
           or the pointer moved). Fix: delete it or correct its rule/file/pointer.""", "specgen"),
        _r("InvalidSuppression", ERROR, "A suppression entry is malformed.",
           """Each suppression needs `rule` (a known rule id), `file`, `pointer` (a JSON Pointer,
           `""` for the whole file) and `reason`.""", "specgen"),
    )
}
