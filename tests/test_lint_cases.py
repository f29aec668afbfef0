"""Minimal failing and passing spec fragments, one pair per lint rule (data for test_lint_rules; no tests here).

Each case: rule, failing text, (line, column, text expected at that position), passing text.
Paths are under a provider so that the ARM point/collection logic applies.
"""

from __future__ import annotations

P = "/subscriptions/{s}/providers/Microsoft.X/widgets/{name}"
L = "/subscriptions/{s}/providers/Microsoft.X/widgets"
PARAMS = '"parameters": [{"name": "api-version", "in": "query", "type": "string"}, {"name": "s", "in": "path", "required": true, "type": "string"}, {"name": "name", "in": "path", "required": true, "type": "string"}]'
LPARAMS = '"parameters": [{"name": "api-version", "in": "query", "type": "string"}, {"name": "s", "in": "path", "required": true, "type": "string"}]'
RES = '''"Widget": {"type": "object", "properties": {
      "id": {"type": "string", "readOnly": true}, "name": {"type": "string", "readOnly": true},
      "type": {"type": "string", "readOnly": true}, "properties": {"$ref": "#/definitions/Props"}}},
    "Props": {"type": "object", "properties": {"provisioningState": {"type": "string", "readOnly": true}}}'''


def op(method: str, body: str, path: str = P, params: str = PARAMS, defs: str = RES) -> str:
    return f'''{{"swagger": "2.0", "info": {{"title": "t", "version": "2024-01-01"}},
  "paths": {{"{path}": {{{params},
    "{method}": {{"operationId": "Widgets_Do",
      {body}}}}}}},
  "definitions": {{
    {defs}}}}}
'''


OK_RESP = '"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}}, "default": {"description": "error"}}'

CASES = [
    ("PutResponseCodes",
     op("put", '"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}}, "default": {"description": "error"}}'), (4, 7, '"responses"'),
     op("put", '"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}}, "201": {"description": "created", "schema": {"$ref": "#/definitions/Widget"}}, "default": {"description": "error"}}')),
    ("DeleteResponseCodes",
     op("delete", '"x-ms-long-running-operation": true,\n      "responses": {"200": {"description": "ok"}, "202": {"description": "accepted", "headers": {"Location": {"type": "string"}}}, "204": {"description": "gone"}, "default": {"description": "error"}}'), (5, 7, '"responses"'),
     op("delete", '"x-ms-long-running-operation": true,\n      "responses": {"202": {"description": "accepted", "headers": {"Location": {"type": "string"}}}, "204": {"description": "gone"}, "default": {"description": "error"}}')),
    ("LroPatch202",
     op("patch", '"x-ms-long-running-operation": true,\n      ' + OK_RESP), (5, 7, '"responses"'),
     op("patch", '"x-ms-long-running-operation": true,\n      "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}}, "202": {"description": "accepted", "headers": {"Location": {"type": "string"}}}, "default": {"description": "error"}}')),
    ("LroExtension",
     op("post", '"responses": {"202": {"description": "accepted", "headers": {"Location": {"type": "string"}}}, "default": {"description": "error"}}'), (3, 5, '"post"'),
     op("post", '"x-ms-long-running-operation": true, "responses": {"202": {"description": "accepted", "headers": {"Location": {"type": "string"}}}, "default": {"description": "error"}}')),
    ("LroLocationHeader",
     op("post", '"x-ms-long-running-operation": true, "responses": {"202": {"description": "accepted", "headers": {"Retry-After": {"type": "integer", "format": "int32"}}}, "default": {"description": "error"}}'), (4, 58, '"202"'),
     op("post", '"x-ms-long-running-operation": true, "responses": {"202": {"description": "accepted", "headers": {"location": {"type": "string"}}}, "default": {"description": "error"}}')),
    ("ProvisioningStateSpecifiedForLROPut",
     op("put", '"x-ms-long-running-operation": true,\n      "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}},\n        "201": {"description": "created", "schema": {"$ref": "#/definitions/Other"}}, "default": {"description": "error"}}',
        defs=RES + ',\n    "Other": {"type": "object", "properties": {"id": {"type": "string"}}}'), (6, 9, '"201"'),
     op("put", '"x-ms-long-running-operation": true,\n      "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}},\n        "201": {"description": "created", "schema": {"$ref": "#/definitions/Widget"}}, "default": {"description": "error"}}')),
    ("ProvisioningStateMustBeReadOnly",
     op("get", OK_RESP, defs=RES.replace('"provisioningState": {"type": "string", "readOnly": true}', '"provisioningState": {"type": "string"}')), (9, 48, '"provisioningState"'),
     op("get", OK_RESP)),
    ("GetOperationMustNotBeLongRunning",
     op("get", '"x-ms-long-running-operation": true, ' + OK_RESP), (4, 7, '"x-ms-long-running-operation"'),
     op("get", '"x-ms-long-running-operation": false, ' + OK_RESP)),
    ("ParametersInPointGet",
     op("get", '"parameters": [{"name": "$expand", "in": "query", "type": "string"}],\n      ' + OK_RESP), (4, 22, '{"name": "$expand"'),
     op("get", '"parameters": [{"name": "$expand", "in": "query", "type": "string"}],\n      ' + OK_RESP, path=L, params=LPARAMS)),
    ("XMSSecretInResponse",
     op("get", OK_RESP, defs=RES.replace('"provisioningState"', '"runAsPassword": {"type": "string"}, "provisioningState"')), (9, 48, '"runAsPassword"'),
     op("get", OK_RESP, defs=RES.replace('"provisioningState"', '"runAsPassword": {"type": "string", "x-ms-secret": true}, "publicKey": {"type": "string"}, "provisioningState"'))),
    ("XmsEnumValidation",
     op("get", OK_RESP, defs=RES + ',\n    "Color": {"type": "string", "enum": ["red", "blue"]}'), (10, 33, '"enum"'),
     op("get", OK_RESP, defs=RES + ',\n    "Color": {"type": "string", "enum": ["red", "blue"], "x-ms-enum": {"name": "Color", "modelAsString": true}}')),
    ("DefaultInEnum",
     op("get", OK_RESP, defs=RES + ',\n    "Color": {"type": "string", "default": "green", "enum": ["red"], "x-ms-enum": {"name": "Color"}}'), (10, 44, '"green"'),
     op("get", OK_RESP, defs=RES + ',\n    "Color": {"type": "string", "default": "red", "enum": ["red"], "x-ms-enum": {"name": "Color"}}')),
    ("EnumInsteadOfBoolean",
     op("get", OK_RESP, defs=RES + ',\n    "Flags": {"type": "object", "properties": {\n      "enabled": {"type": "boolean"}}}'), (11, 7, '"enabled"'),
     op("get", OK_RESP, defs=RES + ',\n    "Flags": {"type": "object", "properties": {\n      "enabled": {"type": "string"}}}')),
    ("XmsPageableForListCalls",
     op("get", '"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/List"}}, "default": {"description": "error"}}', path=L, params=LPARAMS,
        defs=RES + ',\n    "List": {"type": "object", "properties": {"value": {"type": "array", "items": {"$ref": "#/definitions/Widget"}}}}'), (3, 5, '"get"'),
     op("get", '"x-ms-pageable": {"nextLinkName": null}, "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/List"}}, "default": {"description": "error"}}', path=L, params=LPARAMS,
        defs=RES + ',\n    "List": {"type": "object", "properties": {"value": {"type": "array", "items": {"$ref": "#/definitions/Widget"}}}}')),
    ("OperationIdNounVerb",
     op("get", OK_RESP).replace("Widgets_Do", "Widgets_GetWidget"), (3, 28, '"Widgets_GetWidget"'),
     op("get", OK_RESP).replace("Widgets_Do", "Widgets_Get")),
    ("ApiVersionParameterRequired",
     op("get", OK_RESP, params=PARAMS.replace('"api-version"', '"version"')), (3, 5, '"get"'),
     op("get", OK_RESP)),
    ("MissingDefaultResponse",
     op("get", '"responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}}}'), (4, 7, '"responses"'),
     op("get", OK_RESP)),
    ("RequiredPropertiesMissingInResourceModel",
     op("get", OK_RESP, defs=RES.replace('"type": {"type": "string", "readOnly": true}', '"type": {"type": "string"}')), (6, 5, '"Widget"'),
     op("get", OK_RESP)),
    ("PutGetPatchResponseSchema",
     op("get", OK_RESP + '},\n    "put": {"operationId": "Widgets_Put", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Props"}}, "201": {"description": "created", "schema": {"$ref": "#/definitions/Widget"}}, "default": {"description": "error"}}'), (2, 13, '"/subscriptions'),
     op("get", OK_RESP + '},\n    "put": {"operationId": "Widgets_Put", "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Widget"}}, "201": {"description": "created", "schema": {"$ref": "#/definitions/Widget"}}, "default": {"description": "error"}}')),
    ("MutabilityWithReadOnly",
     op("get", OK_RESP, defs=RES + ',\n    "M": {"type": "object", "properties": {"p": {"type": "string", "readOnly": true, "x-ms-mutability": ["read", "update"]}}}'), (10, 86, '"x-ms-mutability"'),
     op("get", OK_RESP, defs=RES + ',\n    "M": {"type": "object", "properties": {"p": {"type": "string", "readOnly": false, "x-ms-mutability": ["read", "update"]}}}')),
    ("IntegerTypeMustHaveFormat",
     op("get", OK_RESP, defs=RES + ',\n    "Count": {"type": "integer"}'), (10, 23, '"integer"'),
     op("get", OK_RESP, defs=RES + ',\n    "Count": {"type": "integer", "format": "int64"}')),
    ("ArraySchemaMustHaveItems",
     op("get", OK_RESP, defs=RES + ',\n    "Tags": {"type": "array"}'), (10, 22, '"array"'),
     op("get", OK_RESP, defs=RES + ',\n    "Tags": {"type": "array", "items": {"type": "string"}}')),
    ("DescriptiveDescriptionRequired",
     op("get", OK_RESP, defs=RES + ',\n    "D": {"type": "string", "description": "   "}'), (10, 44, '"   "'),
     op("get", OK_RESP, defs=RES + ',\n    "D": {"type": "string", "description": "A descriptive description."}')),
    ("AvoidAnonymousTypes",
     op("put", '"parameters": [{"name": "body", "in": "body", "schema": {"type": "object", "properties": {"a": {"type": "string"}}}}],\n      "responses": {}'), (4, 53, '"schema"'),
     op("put", '"parameters": [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Widget"}}],\n      "responses": {}')),
    ("UnusedDefinition",
     op("get", OK_RESP, defs=RES + ',\n    "Orphan": {"type": "string"}'), (10, 5, '"Orphan"'),
     op("get", OK_RESP)),
    ("PathParameterNotInPath",
     op("get", '"parameters": [{"name": "other", "in": "path", "required": true, "type": "string"}],\n      ' + OK_RESP), (4, 22, '{"name": "other"'),
     op("get", OK_RESP)),
    ("PathParameterNotDeclared",
     op("get", OK_RESP, params=LPARAMS), (3, 5, '"get"'),
     op("get", OK_RESP)),
    ("DuplicateParameter",
     op("get", '"parameters": [{"name": "q", "in": "header", "type": "string"},\n        {"name": "q", "in": "header", "type": "string"}],\n      ' + OK_RESP), (5, 9, '{"name": "q"'),
     op("get", '"parameters": [{"name": "q", "in": "header", "type": "string"},\n        {"name": "q", "in": "query", "type": "string"}],\n      ' + OK_RESP)),
    ("DuplicateOperationId",
     op("get", OK_RESP + '},\n    "patch": {"operationId": "Widgets_Do", ' + OK_RESP), (5, 30, '"Widgets_Do"'),
     op("get", OK_RESP + '},\n    "patch": {"operationId": "Widgets_Update", ' + OK_RESP)),
    ("InvalidPattern",
     op("get", OK_RESP, defs=RES + ',\n    "Name": {"type": "string", "pattern": "^([a-z]+$"}'), (10, 43, '"^([a-z]+$"'),
     op("get", OK_RESP, defs=RES + ',\n    "Name": {"type": "string", "pattern": "^([a-z]+)$"}')),
    ("PatternSuperLinear",
     op("get", '"parameters": [{"name": "q", "in": "query", "type": "string", "pattern": "^(a+)+$"}],\n      ' + OK_RESP), (4, 80, '"^(a+)+$"'),
     op("get", '"parameters": [{"name": "q", "in": "query", "type": "string", "pattern": "^a+$"}],\n      ' + OK_RESP)),
    ("UnresolvedRef",
     op("get", OK_RESP.replace("#/definitions/Widget", "#/definitions/Nope")), (4, 69, '"#/definitions/Nope"'),
     op("get", OK_RESP)),
    ("RefOutsideRoot",
     op("get", OK_RESP.replace("#/definitions/Widget", "../../outside.json#/definitions/Widget")), (4, 69, '"../../outside.json'),
     op("get", OK_RESP.replace("#/definitions/Widget", "other.json#/definitions/Widget"))),
]
