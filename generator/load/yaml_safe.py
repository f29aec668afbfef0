"""A YAML loader that only builds JSON values.

SafeLoader without timestamps (dates stay text), and without anchors and aliases: JSON has none,
and an alias bomb ("billion laughs") would make every walk over the document exponential. Only
JSON's types are built: `!!binary`, `!!set`, `!!omap`, `!!timestamp` and other tags are refused,
so are numbers JSON cannot hold (`.nan`, `.inf`, integers too long to print). Mapping keys are
text, as in JSON: a plain `200:` or `~:` key is its source text ("200", "~"), which is also how
positions name it.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any, ClassVar

import yaml

from generator.load.numbers import MAX_INT_DIGITS

_JSON_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "str", "seq", "map")}


class JsonSafeLoader(yaml.SafeLoader):
    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {  # type: ignore[misc]
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    yaml_constructors: ClassVar[dict[Any, Any]] = {  # type: ignore[misc]
        tag: constructor for tag, constructor in yaml.SafeLoader.yaml_constructors.items() if tag in _JSON_TAGS or tag is None
    }  # None: any other tag is refused (construct_undefined)

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases are not supported in specs", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Hashable, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        self.flatten_mapping(node)
        mapping: dict[Hashable, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(None, None, "a mapping key must be text, as in JSON", key_node.start_mark)
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_int(self, node: Any) -> int:
        text = str(node.value)
        if sum(c.isdigit() for c in text) > MAX_INT_DIGITS:
            raise yaml.constructor.ConstructorError(None, None, f"an integer of more than {MAX_INT_DIGITS} digits is not supported", node.start_mark)
        return int(super().construct_yaml_int(node))

    def construct_yaml_float(self, node: Any) -> float:
        value = float(super().construct_yaml_float(node))
        if not math.isfinite(value):
            raise yaml.constructor.ConstructorError(None, None, f"{node.value} is not a JSON number", node.start_mark)
        return value


JsonSafeLoader.add_constructor("tag:yaml.org,2002:int", JsonSafeLoader.construct_yaml_int)
JsonSafeLoader.add_constructor("tag:yaml.org,2002:float", JsonSafeLoader.construct_yaml_float)
