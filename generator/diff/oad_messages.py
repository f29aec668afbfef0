"""oad's messages: id -> (code, text, kind), as oad 0.12.4 words them (`ComparisonMessages.cs`).

The kind says which side a finding has a place on: an Addition has none on the old side when the
thing is new, a Removal none on the new side.
"""

from __future__ import annotations

from typing import Final

ADDITION: Final = "Addition"
UPDATE: Final = "Update"
REMOVAL: Final = "Removal"

MESSAGES: dict[str, tuple[str, str, str]] = {
    "1000": ("VersionsReversed", "The new version has a lower value than the old: {0} -> {1}", UPDATE),
    "1001": ("NoVersionChange", "The versions have not changed.", UPDATE),
    "1002": ("ProtocolNoLongerSupported", "The new version does not support '{0}' as a protocol.", REMOVAL),
    "1003": ("RequestBodyFormatNoLongerSupported", "The new version does not support '{0}' as a request body format.", REMOVAL),
    "1004": ("ResponseBodyFormatNowSupported", "The old version did not support '{0}' as a response body format.", ADDITION),
    "1005": ("RemovedPath", "The new version is missing a path that was found in the old version. Was path '{0}' removed or restructured?", REMOVAL),
    "1006": ("RemovedDefinition", "The new version is missing a definition that was found in the old version. Was '{0}' removed or renamed?", REMOVAL),
    "1007": ("RemovedClientParameter", "The new version is missing a client parameter that was found in the old version. Was '{0}' removed or renamed?", REMOVAL),
    "1008": ("ModifiedOperationId", "The operation id has been changed from '{0}' to '{1}'. This will impact generated code.", UPDATE),
    "1009": ("RemovedRequiredParameter", "The required parameter '{0}' was removed in the new version.", REMOVAL),
    "1010": ("AddingRequiredParameter", "The required parameter '{0}' was added in the new version.", ADDITION),
    "1011": ("AddingResponseCode", "The new version adds a response code '{0}'.", ADDITION),
    "1012": ("RemovedResponseCode", "The new version removes the response code '{0}'", REMOVAL),
    "1013": ("AddingHeader", "The new version adds a required header '{0}'.", ADDITION),
    "1014": ("RemovingHeader", "The new version removs a required header '{0}'.", REMOVAL),
    "1015": ("ParameterInHasChanged", "How the parameter is passed has changed -- it used to be '{0}', now it is '{1}'.", UPDATE),
    "1016": ("ConstantStatusHasChanged", "The 'constant' status changed from the old version to the new.", UPDATE),
    "1017": ("ReferenceRedirection", "The '$ref' property points to different models in the old and new versions.", UPDATE),
    "1019": ("RemovedEnumValue", "The new version is removing enum value(s) '{0}' from the old version.", REMOVAL),
    "1020": ("AddedEnumValue", "The new version is adding enum value(s) '{0}' from the old version.", ADDITION),
    "1021": ("AddedAdditionalProperties", "The new version adds an 'additionalProperties' element.", ADDITION),
    "1022": ("RemovedAdditionalProperties", "The new version removes the 'additionalProperties' element.", REMOVAL),
    "1023": ("TypeFormatChanged", "The new version has a different format '{0}' than the previous one '{1}'.", UPDATE),
    "1024": ("ConstraintIsStronger", "The new version has a more constraining '{0}' value than the previous one.", UPDATE),
    "1025": ("RequiredStatusChange", "The 'required' status changed from the old version('{0}') to the new version('{1}').", UPDATE),
    "1026": ("TypeChanged", "The new version has a different type '{0}' than the previous one '{1}'.", UPDATE),
    "1027": ("DefaultValueChanged", "The new version has a different default value than the previous one.", UPDATE),
    "1028": ("ArrayCollectionFormatChanged", "The new version has a different array collection format than the previous one.", UPDATE),
    "1029": ("ReadonlyPropertyChanged", "The read only property has changed from '{0}' to '{1}'.", UPDATE),
    "1030": ("DifferentDiscriminator", "The new version has a different discriminator than the previous one.", UPDATE),
    "1031": ("DifferentExtends", "The new version has a different 'extends' property than the previous one.", UPDATE),
    "1032": ("DifferentAllOf", "The new version has a different 'allOf' property than the previous one.", UPDATE),
    "1033": ("RemovedProperty", "The new version is missing a property found in the old version. Was '{0}' renamed or removed?", REMOVAL),
    "1034": ("AddedRequiredProperty", "The new version lists new non-read-only properties as required: '{0}'. These properties were not listed as required in the old version.", ADDITION),
    "1035": ("RemovedOperation", "The new version is missing an operation that was found in the old version. Was operationId '{0}' removed or restructured?", REMOVAL),
    "1036": ("ConstraintChanged", "The new version has a different '{0}' value than the previous one.", UPDATE),
    "1037": ("ConstraintIsWeaker", "The new version has a less constraining '{0}' value than the previous one.", UPDATE),
    "1038": ("AddedPath", "The new version is adding a path that was not found in the old version.", ADDITION),
    "1039": ("AddedOperation", "The new version is adding an operation that was not found in the old version.", ADDITION),
    "1040": ("AddedReadOnlyPropertyInResponse", "The new version has a new read-only property '{0}' in response that was not found in the old version.", ADDITION),
    "1041": ("AddedPropertyInResponse", "The new version has a new property '{0}' in response that was not found in the old version.", ADDITION),
    "1042": ("ChangedParameterOrder", "The order of parameter with Name: '{0}', In: '{1}', was changed. Expected param at index '{2}' but instead found it at index '{3}'.", UPDATE),
    "1043": ("AddingOptionalParameter", "The optional parameter '{0}' was added in the new version.", ADDITION),
    "1044": ("XmsLongRunningOperationChanged", "The new version has a different 'x-ms-longrunning-operation' value than the previous one.", UPDATE),
    "1045": ("AddedOptionalProperty", "The new version has a new optional property '{0}' that was not found in the old version.", ADDITION),
    "1046": ("RemovedOptionalParameter", "The optional parameter '{0}' was removed in the new version.", REMOVAL),
    "1047": ("XmsEnumChanged", "The new version has a different x-ms-enum '{0}' than the previous one.", UPDATE),
    "1048": ("AddedXmsEnum", "The new version adds a x-ms-enum extension.", ADDITION),
    "1049": ("RemovedXmsEnum", "The new version is missing a 'x-ms-enum' found in the old version.", REMOVAL),
    "1050": ("ParameterLocationHasChanged", "Parameter location has changed. Name: '{0}'. In: '{1}'. Old location is method: '{2}'. New location is method: '{3}'.", UPDATE),
}
