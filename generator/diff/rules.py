"""The openapi-diff ("oad") rules `specgen diff` reports, and the Azure review policy's severity
for each in each scenario.

Ids and codes follow Azure/openapi-diff (`docs/rules/<id>.md`); the messages specgen prints are
oad's own (`oad_messages.py`), and so is each finding's default severity (`oad_walk.py`: Error
for a breaking change when the api-version did not change, Warning when it did, Info for
additions). `SEVERITY` below is the other column, the review policy: which changes need a
breaking-change approval. One row per rule (and per "variant" where the same rule is harmless in
one direction, e.g. a constraint that gets stronger in a response), one column per scenario:

- ``same``: the api-version did not change, the spec was edited in place. A published version
  must not change: every change is an error, additions too.
- ``cross``: a new api-version. Additive changes are info; removals and type, format,
  constraint, enum, required and long-running changes are errors; changes that break only some
  clients (a new response code, an added value in a closed enum, a different `allOf` or `$ref`
  target) are warnings for a reviewer.

`specgen diff --severity review` fails on this column instead of oad's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Severity = Literal["error", "warning", "info"]
Scenario = Literal["same", "cross"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
DOC_URL = "https://github.com/Azure/openapi-diff/blob/main/docs/rules/{id}.md"


@dataclass(frozen=True)
class Rule:
    id: str
    code: str
    message: str  # oad's message template ({0}, {1} filled by the comparer)


# id -> (code, oad message template). 1018 does not exist in oad.
RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("1000", "VersionsReversed", "The new version has a lower value than the old: {0} -> {1}"),
        Rule("1001", "NoVersionChange", "The versions have not changed."),
        Rule("1002", "ProtocolNoLongerSupported", "The new version does not support '{0}' as a protocol."),
        Rule("1003", "RequestBodyFormatNoLongerSupported", "The new version does not support '{0}' as a request body format."),
        Rule("1004", "ResponseBodyFormatNowSupported", "The old version did not support '{0}' as a response body format."),
        Rule("1005", "RemovedPath", "The new version is missing a path that was found in the old version. Was path '{0}' removed or restructured?"),
        Rule("1006", "RemovedDefinition", "The new version is missing a definition that was found in the old version. Was '{0}' removed or renamed?"),
        Rule("1007", "RemovedClientParameter", "The new version is missing a client parameter that was found in the old version. Was '{0}' removed or renamed?"),
        Rule("1008", "ModifiedOperationId", "The operation id has been changed from '{0}' to '{1}'. This will impact generated code."),
        Rule("1009", "RemovedRequiredParameter", "The required parameter '{0}' was removed in the new version."),
        Rule("1010", "AddingRequiredParameter", "The required parameter '{0}' was added in the new version."),
        Rule("1011", "AddingResponseCode", "The new version adds a response code '{0}'."),
        Rule("1012", "RemovedResponseCode", "The new version removes the response code '{0}'."),
        Rule("1013", "AddingHeader", "The new version adds a header '{0}'."),
        Rule("1014", "RemovingHeader", "The new version removes a header '{0}'."),
        Rule("1015", "ParameterInHasChanged", "How the parameter is passed has changed -- it used to be '{0}', now it is '{1}'."),
        Rule("1016", "ConstantStatusHasChanged", "The 'constant' status changed from the old version to the new: '{0}'."),
        Rule("1017", "ReferenceRedirection", "The '$ref' property points to different models in the old and new versions: '{0}' -> '{1}'."),
        Rule("1019", "RemovedEnumValue", "The new version is removing enum value(s) '{0}' from the old version."),
        Rule("1020", "AddedEnumValue", "The new version is adding enum value(s) '{0}' from the old version."),
        Rule("1021", "AddedAdditionalProperties", "The new version adds an 'additionalProperties' element."),
        Rule("1022", "RemovedAdditionalProperties", "The new version removes the 'additionalProperties' element."),
        Rule("1023", "TypeFormatChanged", "The new version has a different format '{0}' than the previous one '{1}'."),
        Rule("1024", "ConstraintIsStronger", "The new version has a more constraining '{0}' value than the previous one ({1} -> {2})."),
        Rule("1025", "RequiredStatusChange", "The 'required' status changed from the old version('{0}') to the new version('{1}')."),
        Rule("1026", "TypeChanged", "The new version has a different type '{0}' than the previous one '{1}'."),
        Rule("1027", "DefaultValueChanged", "The new version has a different default value than the previous one ({0} -> {1})."),
        Rule("1028", "ArrayCollectionFormatChanged", "The new version has a different array collection format than the previous one ({0} -> {1})."),
        Rule("1029", "ReadonlyPropertyChanged", "The read only property has changed from '{0}' to '{1}'."),
        Rule("1030", "DifferentDiscriminator", "The new version has a different discriminator than the previous one ({0} -> {1})."),
        Rule("1031", "DifferentExtends", "The new version has a different 'extends' property than the previous one."),
        Rule("1032", "DifferentAllOf", "The new version has a different 'allOf' property than the previous one ({0} -> {1})."),
        Rule("1033", "RemovedProperty", "The new version is missing a property found in the old version. Was '{0}' renamed or removed?"),
        Rule("1034", "AddedRequiredProperty", "The new version has new required property '{0}' that was not found in the old version."),
        Rule("1035", "RemovedOperation", "The new version is missing an operation that was found in the old version. Was operationId '{0}' removed or restructured?"),
        Rule("1036", "ConstraintChanged", "The new version has a different '{0}' value than the previous one ({1} -> {2})."),
        Rule("1037", "ConstraintIsWeaker", "The new version has a less constraining '{0}' value than the previous one ({1} -> {2})."),
        Rule("1038", "AddedPath", "The new version is adding a path that was not found in the old version: '{0}'."),
        Rule("1039", "AddedOperation", "The new version is adding an operation that was not found in the old version: '{0}'."),
        Rule("1040", "AddedReadOnlyPropertyInResponse", "The new version has a new read-only property '{0}' in response that was not found in the old version."),
        Rule("1041", "AddedPropertyInResponse", "The new version has a new property '{0}' in response that was not found in the old version."),
        Rule("1042", "ChangedParameterOrder", "The order of parameter '{0}' was changed (position {1} -> {2})."),
        Rule("1043", "AddingOptionalParameter", "The optional parameter '{0}' was added in the new version."),
        Rule("1044", "XmsLongRunningOperationChanged", "The new version has a different 'x-ms-long-running-operation' value than the previous one ({0} -> {1})."),
        Rule("1045", "AddedOptionalProperty", "The new version has a new optional property '{0}' that was not found in the old version."),
        Rule("1046", "RemovedOptionalParameter", "The optional parameter '{0}' was removed in the new version."),
        Rule("1047", "XmsEnumChanged", "The new version has a different x-ms-enum '{0}' than the previous one ({1} -> {2})."),
        Rule("1048", "AddedXmsEnum", "The new version adds a x-ms-enum extension."),
        Rule("1049", "RemovedXmsEnum", "The new version removes a x-ms-enum extension."),
        Rule("1050", "ParameterLocationHasChanged", "The 'x-ms-parameter-location' of '{0}' changed from '{1}' to '{2}'."),
    )
}

# (rule id, variant) -> {scenario: severity}. A variant names a case oad itself logs at a lower
# level ("benign": the change cannot break a caller in that direction; "extensible": the enum is
# x-ms-enum modelAsString, so clients must already accept unknown values).
E: Final = "error"
W: Final = "warning"
I: Final = "info"
SEVERITY: dict[tuple[str, str], dict[str, Severity]] = {
    ("1000", ""): {"same": E, "cross": E},
    ("1001", ""): {"same": I, "cross": I},
    ("1002", ""): {"same": E, "cross": E},
    ("1003", ""): {"same": E, "cross": E},
    ("1004", ""): {"same": E, "cross": W},
    ("1005", ""): {"same": E, "cross": E},
    ("1006", ""): {"same": E, "cross": E},
    ("1007", ""): {"same": E, "cross": E},
    ("1008", ""): {"same": E, "cross": E},
    ("1009", ""): {"same": E, "cross": E},
    ("1010", ""): {"same": E, "cross": E},
    ("1011", ""): {"same": E, "cross": W},
    ("1012", ""): {"same": E, "cross": E},
    ("1013", ""): {"same": E, "cross": I},
    ("1014", ""): {"same": E, "cross": E},
    ("1015", ""): {"same": E, "cross": E},
    ("1016", ""): {"same": E, "cross": E},
    ("1017", ""): {"same": E, "cross": W},
    ("1019", ""): {"same": E, "cross": E},
    ("1020", ""): {"same": E, "cross": W},
    ("1020", "extensible"): {"same": E, "cross": I},
    ("1021", ""): {"same": E, "cross": W},
    ("1022", ""): {"same": E, "cross": E},
    ("1023", ""): {"same": E, "cross": E},
    ("1023", "benign"): {"same": E, "cross": I},
    ("1024", ""): {"same": E, "cross": E},
    ("1024", "benign"): {"same": E, "cross": I},
    ("1025", ""): {"same": E, "cross": E},
    ("1025", "benign"): {"same": E, "cross": I},
    ("1026", ""): {"same": E, "cross": E},
    ("1027", ""): {"same": E, "cross": E},
    ("1028", ""): {"same": E, "cross": E},
    ("1029", ""): {"same": E, "cross": E},
    ("1030", ""): {"same": E, "cross": E},
    ("1031", ""): {"same": E, "cross": E},
    ("1032", ""): {"same": E, "cross": W},
    ("1033", ""): {"same": E, "cross": E},
    ("1034", ""): {"same": E, "cross": E},
    ("1035", ""): {"same": E, "cross": E},
    ("1036", ""): {"same": E, "cross": E},
    ("1037", ""): {"same": E, "cross": E},
    ("1037", "benign"): {"same": E, "cross": I},
    ("1038", ""): {"same": E, "cross": I},
    ("1039", ""): {"same": E, "cross": I},
    ("1040", ""): {"same": E, "cross": I},
    ("1041", ""): {"same": E, "cross": I},
    ("1042", ""): {"same": E, "cross": W},
    ("1043", ""): {"same": E, "cross": I},
    ("1044", ""): {"same": E, "cross": E},
    ("1045", ""): {"same": E, "cross": I},
    ("1046", ""): {"same": E, "cross": E},
    ("1047", ""): {"same": E, "cross": E},
    ("1048", ""): {"same": E, "cross": E},
    ("1049", ""): {"same": E, "cross": E},
    ("1050", ""): {"same": E, "cross": E},
}

# Rules `specgen diff` does not report, and why.
NOT_COVERED: dict[str, str] = {
    "1031": "DifferentExtends: 'extends' is not part of Swagger 2.0 (an AutoRest 0.x relic); "
    "inheritance is 'allOf', covered by 1032",
}
COVERED: tuple[str, ...] = tuple(sorted(set(RULES) - set(NOT_COVERED)))


def severity(rule_id: str, scenario: Scenario, variant: str = "") -> Severity:
    """The severity of a rule (and variant) in a scenario: a table lookup, nothing else."""
    return SEVERITY[(rule_id, variant)][scenario]


def at_least(severity_: str, threshold: str) -> bool:
    """Whether `severity_` is as bad as `threshold` (error > warning > info)."""
    return SEVERITY_ORDER[severity_] <= SEVERITY_ORDER[threshold]
