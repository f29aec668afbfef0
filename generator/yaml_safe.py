"""A YAML loader that only builds JSON values: SafeLoader without timestamps (dates stay text)."""

from __future__ import annotations

from typing import Any, ClassVar

import yaml


class JsonSafeLoader(yaml.SafeLoader):
    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
