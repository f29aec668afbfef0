"""Official JSON Schema meta-schemas (draft 4, 2020-12 and its vocabularies), embedded.

Copied from the json-schema.org meta-schemas (as packaged by jsonschema-specifications,
MIT) so that `$ref`s to them resolve without network access.  Keyed by `$id`/`id`.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["METASCHEMAS"]

_SOURCES = {
    'http://json-schema.org/draft-04/schema': (
        '{"$schema":"http://json-schema.org/draft-04/schema#","default":{},"definitions":{"positi'
        'veInteger":{"minimum":0,"type":"integer"},"positiveIntegerDefault0":{"allOf":[{"$ref":"#'
        '/definitions/positiveInteger"},{"default":0}]},"schemaArray":{"items":{"$ref":"#"},"minI'
        'tems":1,"type":"array"},"simpleTypes":{"enum":["array","boolean","integer","null","numbe'
        'r","object","string"]},"stringArray":{"items":{"type":"string"},"minItems":1,"type":"arr'
        'ay","uniqueItems":true}},"dependencies":{"exclusiveMaximum":["maximum"],"exclusiveMinimu'
        'm":["minimum"]},"description":"Core schema meta-schema","id":"http://json-schema.org/dra'
        'ft-04/schema#","properties":{"$schema":{"type":"string"},"additionalItems":{"anyOf":[{"t'
        'ype":"boolean"},{"$ref":"#"}],"default":{}},"additionalProperties":{"anyOf":[{"type":"bo'
        'olean"},{"$ref":"#"}],"default":{}},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf"'
        ':{"$ref":"#/definitions/schemaArray"},"default":{},"definitions":{"additionalProperties"'
        ':{"$ref":"#"},"default":{},"type":"object"},"dependencies":{"additionalProperties":{"any'
        'Of":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]},"type":"object"},"description":'
        '{"type":"string"},"enum":{"minItems":1,"type":"array","uniqueItems":true},"exclusiveMaxi'
        'mum":{"default":false,"type":"boolean"},"exclusiveMinimum":{"default":false,"type":"bool'
        'ean"},"format":{"type":"string"},"id":{"type":"string"},"items":{"anyOf":[{"$ref":"#"},{'
        '"$ref":"#/definitions/schemaArray"}],"default":{}},"maxItems":{"$ref":"#/definitions/pos'
        'itiveInteger"},"maxLength":{"$ref":"#/definitions/positiveInteger"},"maxProperties":{"$r'
        'ef":"#/definitions/positiveInteger"},"maximum":{"type":"number"},"minItems":{"$ref":"#/d'
        'efinitions/positiveIntegerDefault0"},"minLength":{"$ref":"#/definitions/positiveIntegerD'
        'efault0"},"minProperties":{"$ref":"#/definitions/positiveIntegerDefault0"},"minimum":{"t'
        'ype":"number"},"multipleOf":{"exclusiveMinimum":true,"minimum":0,"type":"number"},"not":'
        '{"$ref":"#"},"oneOf":{"$ref":"#/definitions/schemaArray"},"pattern":{"format":"regex","t'
        'ype":"string"},"patternProperties":{"additionalProperties":{"$ref":"#"},"default":{},"ty'
        'pe":"object"},"properties":{"additionalProperties":{"$ref":"#"},"default":{},"type":"obj'
        'ect"},"required":{"$ref":"#/definitions/stringArray"},"title":{"type":"string"},"type":{'
        '"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"items":{"$ref":"#/definitions/simpleType'
        's"},"minItems":1,"type":"array","uniqueItems":true}]},"uniqueItems":{"default":false,"ty'
        'pe":"boolean"}},"type":"object"}'
    ),
    'https://json-schema.org/draft/2020-12/schema': (
        '{"$comment":"This meta-schema also defines keywords that have appeared in previous draft'
        's in order to prevent incompatible extensions as they remain in common use.","$dynamicAn'
        'chor":"meta","$id":"https://json-schema.org/draft/2020-12/schema","$schema":"https://jso'
        'n-schema.org/draft/2020-12/schema","$vocabulary":{"https://json-schema.org/draft/2020-12'
        '/vocab/applicator":true,"https://json-schema.org/draft/2020-12/vocab/content":true,"http'
        's://json-schema.org/draft/2020-12/vocab/core":true,"https://json-schema.org/draft/2020-1'
        '2/vocab/format-annotation":true,"https://json-schema.org/draft/2020-12/vocab/meta-data":'
        'true,"https://json-schema.org/draft/2020-12/vocab/unevaluated":true,"https://json-schema'
        '.org/draft/2020-12/vocab/validation":true},"allOf":[{"$ref":"meta/core"},{"$ref":"meta/a'
        'pplicator"},{"$ref":"meta/unevaluated"},{"$ref":"meta/validation"},{"$ref":"meta/meta-da'
        'ta"},{"$ref":"meta/format-annotation"},{"$ref":"meta/content"}],"properties":{"$recursiv'
        'eAnchor":{"$comment":"\\"$recursiveAnchor\\" has been replaced by \\"$dynamicAnchor\\".","$r'
        'ef":"meta/core#/$defs/anchorString","deprecated":true},"$recursiveRef":{"$comment":"\\"$r'
        'ecursiveRef\\" has been replaced by \\"$dynamicRef\\".","$ref":"meta/core#/$defs/uriReferen'
        'ceString","deprecated":true},"definitions":{"$comment":"\\"definitions\\" has been replace'
        'd by \\"$defs\\".","additionalProperties":{"$dynamicRef":"#meta"},"default":{},"deprecated'
        '":true,"type":"object"},"dependencies":{"$comment":"\\"dependencies\\" has been split and '
        'replaced by \\"dependentSchemas\\" and \\"dependentRequired\\" in order to serve their diffe'
        'ring semantics.","additionalProperties":{"anyOf":[{"$dynamicRef":"#meta"},{"$ref":"meta/'
        'validation#/$defs/stringArray"}]},"default":{},"deprecated":true,"type":"object"}},"titl'
        'e":"Core and Validation specifications meta-schema","type":["object","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/applicator': (
        '{"$defs":{"schemaArray":{"items":{"$dynamicRef":"#meta"},"minItems":1,"type":"array"}},"'
        '$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/meta/applicator","$s'
        'chema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https://json-schem'
        'a.org/draft/2020-12/vocab/applicator":true},"properties":{"additionalProperties":{"$dyna'
        'micRef":"#meta"},"allOf":{"$ref":"#/$defs/schemaArray"},"anyOf":{"$ref":"#/$defs/schemaA'
        'rray"},"contains":{"$dynamicRef":"#meta"},"dependentSchemas":{"additionalProperties":{"$'
        'dynamicRef":"#meta"},"default":{},"type":"object"},"else":{"$dynamicRef":"#meta"},"if":{'
        '"$dynamicRef":"#meta"},"items":{"$dynamicRef":"#meta"},"not":{"$dynamicRef":"#meta"},"on'
        'eOf":{"$ref":"#/$defs/schemaArray"},"patternProperties":{"additionalProperties":{"$dynam'
        'icRef":"#meta"},"default":{},"propertyNames":{"format":"regex"},"type":"object"},"prefix'
        'Items":{"$ref":"#/$defs/schemaArray"},"properties":{"additionalProperties":{"$dynamicRef'
        '":"#meta"},"default":{},"type":"object"},"propertyNames":{"$dynamicRef":"#meta"},"then":'
        '{"$dynamicRef":"#meta"}},"title":"Applicator vocabulary meta-schema","type":["object","b'
        'oolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/content': (
        '{"$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/meta/content","$sc'
        'hema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https://json-schema'
        '.org/draft/2020-12/vocab/content":true},"properties":{"contentEncoding":{"type":"string"'
        '},"contentMediaType":{"type":"string"},"contentSchema":{"$dynamicRef":"#meta"}},"title":'
        '"Content vocabulary meta-schema","type":["object","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/core': (
        '{"$defs":{"anchorString":{"pattern":"^[A-Za-z_][-A-Za-z0-9._]*$","type":"string"},"uriRe'
        'ferenceString":{"format":"uri-reference","type":"string"},"uriString":{"format":"uri","t'
        'ype":"string"}},"$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/met'
        'a/core","$schema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https:/'
        '/json-schema.org/draft/2020-12/vocab/core":true},"properties":{"$anchor":{"$ref":"#/$def'
        's/anchorString"},"$comment":{"type":"string"},"$defs":{"additionalProperties":{"$dynamic'
        'Ref":"#meta"},"type":"object"},"$dynamicAnchor":{"$ref":"#/$defs/anchorString"},"$dynami'
        'cRef":{"$ref":"#/$defs/uriReferenceString"},"$id":{"$comment":"Non-empty fragments not a'
        'llowed.","$ref":"#/$defs/uriReferenceString","pattern":"^[^#]*#?$"},"$ref":{"$ref":"#/$d'
        'efs/uriReferenceString"},"$schema":{"$ref":"#/$defs/uriString"},"$vocabulary":{"addition'
        'alProperties":{"type":"boolean"},"propertyNames":{"$ref":"#/$defs/uriString"},"type":"ob'
        'ject"}},"title":"Core vocabulary meta-schema","type":["object","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/format-annotation': (
        '{"$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/meta/format-annota'
        'tion","$schema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https://j'
        'son-schema.org/draft/2020-12/vocab/format-annotation":true},"properties":{"format":{"typ'
        'e":"string"}},"title":"Format vocabulary meta-schema for annotation results","type":["ob'
        'ject","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/format-assertion': (
        '{"$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/meta/format-assert'
        'ion","$schema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https://js'
        'on-schema.org/draft/2020-12/vocab/format-assertion":true},"properties":{"format":{"type"'
        ':"string"}},"title":"Format vocabulary meta-schema for assertion results","type":["objec'
        't","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/meta-data': (
        '{"$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/meta/meta-data","$'
        'schema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https://json-sche'
        'ma.org/draft/2020-12/vocab/meta-data":true},"properties":{"default":true,"deprecated":{"'
        'default":false,"type":"boolean"},"description":{"type":"string"},"examples":{"items":tru'
        'e,"type":"array"},"readOnly":{"default":false,"type":"boolean"},"title":{"type":"string"'
        '},"writeOnly":{"default":false,"type":"boolean"}},"title":"Meta-data vocabulary meta-sch'
        'ema","type":["object","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/unevaluated': (
        '{"$dynamicAnchor":"meta","$id":"https://json-schema.org/draft/2020-12/meta/unevaluated",'
        '"$schema":"https://json-schema.org/draft/2020-12/schema","$vocabulary":{"https://json-sc'
        'hema.org/draft/2020-12/vocab/unevaluated":true},"properties":{"unevaluatedItems":{"$dyna'
        'micRef":"#meta"},"unevaluatedProperties":{"$dynamicRef":"#meta"}},"title":"Unevaluated a'
        'pplicator vocabulary meta-schema","type":["object","boolean"]}'
    ),
    'https://json-schema.org/draft/2020-12/meta/validation': (
        '{"$defs":{"nonNegativeInteger":{"minimum":0,"type":"integer"},"nonNegativeIntegerDefault'
        '0":{"$ref":"#/$defs/nonNegativeInteger","default":0},"simpleTypes":{"enum":["array","boo'
        'lean","integer","null","number","object","string"]},"stringArray":{"default":[],"items":'
        '{"type":"string"},"type":"array","uniqueItems":true}},"$dynamicAnchor":"meta","$id":"htt'
        'ps://json-schema.org/draft/2020-12/meta/validation","$schema":"https://json-schema.org/d'
        'raft/2020-12/schema","$vocabulary":{"https://json-schema.org/draft/2020-12/vocab/validat'
        'ion":true},"properties":{"const":true,"dependentRequired":{"additionalProperties":{"$ref'
        '":"#/$defs/stringArray"},"type":"object"},"enum":{"items":true,"type":"array"},"exclusiv'
        'eMaximum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxContains":{"$ref":"'
        '#/$defs/nonNegativeInteger"},"maxItems":{"$ref":"#/$defs/nonNegativeInteger"},"maxLength'
        '":{"$ref":"#/$defs/nonNegativeInteger"},"maxProperties":{"$ref":"#/$defs/nonNegativeInte'
        'ger"},"maximum":{"type":"number"},"minContains":{"$ref":"#/$defs/nonNegativeInteger","de'
        'fault":1},"minItems":{"$ref":"#/$defs/nonNegativeIntegerDefault0"},"minLength":{"$ref":"'
        '#/$defs/nonNegativeIntegerDefault0"},"minProperties":{"$ref":"#/$defs/nonNegativeInteger'
        'Default0"},"minimum":{"type":"number"},"multipleOf":{"exclusiveMinimum":0,"type":"number'
        '"},"pattern":{"format":"regex","type":"string"},"required":{"$ref":"#/$defs/stringArray"'
        '},"type":{"anyOf":[{"$ref":"#/$defs/simpleTypes"},{"items":{"$ref":"#/$defs/simpleTypes"'
        '},"minItems":1,"type":"array","uniqueItems":true}]},"uniqueItems":{"default":false,"type'
        '":"boolean"}},"title":"Validation vocabulary meta-schema","type":["object","boolean"]}'
    ),
}

METASCHEMAS: dict[str, Any] = {uri: json.loads(src) for uri, src in _SOURCES.items()}
