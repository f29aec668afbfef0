"""A YAML loader that only builds JSON values.

SafeLoader without timestamps (dates stay text), and without anchors and aliases: JSON has none,
and an alias bomb ("billion laughs") would make every walk over the document exponential.
"""

from __future__ import annotations

from typing import Any, ClassVar

import yaml


class JsonSafeLoader(yaml.SafeLoader):
    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {  # type: ignore[misc]
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "YAML aliases are not supported in specs", event.start_mark)
        return super().compose_node(parent, index)
