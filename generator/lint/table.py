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
        _arm("ProvisioningStateMustBeReadOnly", WARNING, "provisioningState in a response model must be readOnly.",
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
           (RPC-Get-V1-13); adding it later is a breaking change for SDKs. Fix: add
           `"x-ms-pageable": {"nextLinkName": "nextLink"}` (or `null`)."""),
        _r("OperationIdNounVerb", ERROR, "operationId must be Noun_Verb, without the noun repeated in the verb.",
           """AutoRest splits `operationId` at the underscore: the noun becomes the operations group,
           the verb the method. An operationId without `_`, or whose verb repeats the noun
           (`Users_GetUser`), yields odd or failing SDKs. Fix: `Noun_Verb`, e.g. `Users_Get`."""),
        _arm("ApiVersionParameterRequired", ERROR, "Every operation must have the api-version query parameter.",
           """ARM routes every request by its `api-version` query parameter (RPC-Uri-V1-08). Fix:
           reference the common-types `ApiVersionParameter` in the operation or path parameters."""),
        _arm("MissingDefaultResponse", ERROR, "Every operation must have a default (error) response.",
           """Errors are returned through the `default` response (with the ARM error schema); an
           operation without it leaves clients unable to parse failures. Fix: add `default` with
           the common-types `ErrorResponse` (or `CloudError`)."""),
        _arm("RequiredPropertiesMissingInResourceModel", ERROR,
           "A resource model must have readOnly id, name and type in its hierarchy.",
           """Per the ARM resource contract (RPC-Get-V1-03, RPC-Put-V1-08) a resource model —
           marked `x-ms-azure-resource: true`, or returned by a point GET or by a PUT — has `id`,
           `name` and `type`, all `readOnly`, itself or through `allOf`. Fix: derive from the
           common-types `Resource`, `ProxyResource` or `TrackedResource`."""),
        _r("PutGetPatchResponseSchema", ERROR, "PUT, GET and PATCH on one path must return the same model.",
           """For a path with PUT, GET and PATCH, the 200 (else 201) responses must reference the
           same schema (RPC-Put-V1-12), so one model serves to read, create and update. Fix:
           return the resource model from all three."""),
        _r("MutabilityWithReadOnly", ERROR, "readOnly and x-ms-mutability must agree.",
           """`readOnly: true` allows only `x-ms-mutability: ["read"]`; `readOnly: false` must not
           have `["read"]` alone. Anything else contradicts itself and SDKs pick one at random.
           Fix: make the two say the same."""),
        _arm("IntegerTypeMustHaveFormat", ERROR, "type: integer must have format int32 or int64.",
           """Without a format, languages where the width matters (C#, Java, Go) must guess the
           integer size. Fix: add `"format": "int32"` or `"format": "int64"`."""),
        _r("ArraySchemaMustHaveItems", ERROR, "type: array must have items.",
           """An array schema without `items` gives generators no element type; AutoRest fails.
           Fix: add `items` (a type or a `$ref`)."""),
        _r("DescriptiveDescriptionRequired", WARNING, "A description must not be empty or blank.",
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
           weight: it still becomes SDK surface. Files without paths (shared libraries) are not
           checked. Fix: delete it, or reference it.""", "specgen"),
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
