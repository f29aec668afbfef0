"""The files Azure's linter lints besides the spec it is given: those the spec reaches by `$ref`.

autorest loads every file a loaded file names in a `$ref` (x-ms-examples aside) and the linter
lints each of them as a document of its own, attributing findings to their own file; only the
shared ARM common types (`common-types/resource-management/v*/*.json`) are left out. specgen does
the same, so that a finding in a service's own common file is reported once, where it is.
"""

from __future__ import annotations

import os
import re
import weakref
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.load.files import real_path
from generator.load.loader import Document, Loader

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_ARM_COMMON_TYPES = re.compile(r"common-types/resource-management/v[^/]*/[^/]*\.json$")
_SKIPPED_KEYS = frozenset({"x-ms-examples"})  # example payloads, not specs


def is_arm_common_types(path: Path) -> bool:
    """A file of the shared ARM common types, which Azure's linter never lints."""
    return bool(_ARM_COMMON_TYPES.search(Path(path).as_posix()))


# Per loader: the files each document it loaded refers to (real paths), worked out once.
_REFERENCES: weakref.WeakKeyDictionary[Loader, dict[Path, list[Path]]] = weakref.WeakKeyDictionary()


def references_of(loader: Loader, doc: Document) -> list[Path]:
    """`referenced_files(doc)` as real paths, remembered for the loader's lifetime."""
    cache = _REFERENCES.setdefault(loader, {})
    if doc.path not in cache:
        # (a name with a NUL byte names no file: UnresolvedRef reports it)
        cache[doc.path] = [real for p in referenced_files(doc) if (real := real_path(p)) is not None]
    return cache[doc.path]


def referenced_files(doc: Document) -> list[Path]:
    """The files `doc` names in its `$ref`s (x-ms-examples left out), in the order written."""
    out: dict[Path, None] = {}
    todo: list[Any] = [doc.data]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not _SCHEME.match(ref) and not ref.startswith("//"):
                file_part = ref.partition("#")[0]
                if file_part:
                    out.setdefault(Path(os.path.normpath(doc.path.parent / unquote(file_part))), None)
            todo.extend(reversed([v for k, v in node.items() if k not in _SKIPPED_KEYS and isinstance(v, (dict, list))]))
        elif isinstance(node, list):
            todo.extend(reversed([v for v in node if isinstance(v, (dict, list))]))
    return list(out)
