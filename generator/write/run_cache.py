"""A whole-run cache: when no input changed, `specgen generate` reuses the last output.

The key covers everything the output depends on: the generator's own code and templates, the
versions of the formatter and jinja2, the arguments and target (with the versions of the tools a target
runs), the overlay and the spec file. The entry lists every document the run read as the run
opened it (the path a `$ref` spelled, symlinks not resolved), the real path that was and the
SHA-256 of its bytes; a hit needs all three unchanged, so an edited common-types file and a
retargeted symlinked `common` folder are both seen. Generation is deterministic, so a hit gives
the same bytes a fresh run would; the golden tests run with the cache off (`SPECGEN_CACHE=off`).
This keeps the pre-commit `--check` hook fast.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.format.formatter import cache_root
from generator.load.files import UnreadableFile, read_regular
from generator.load.loader import MAX_FILE_BYTES

VERSION = "2"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes:
    """An input's bytes, read as the loader reads them (a FIFO or a device must not block the key)."""
    return read_regular(path, MAX_FILE_BYTES).data


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The generator's own source and templates, and the versions of what shapes the output."""
    from generator.format.formatter import formatter_stamp
    from generator.paths import templates_folder

    digest = hashlib.sha256(f"{VERSION} {sys.version_info[:2]} {formatter_stamp()}".encode())
    spec = importlib.util.find_spec("jinja2")  # its __init__ holds __version__
    if spec is not None and spec.origin:
        digest.update(Path(spec.origin).read_bytes())
    here = Path(__file__).resolve().parents[1]  # the whole generator package
    for folder, pattern in ((here, "*.py"), (Path(templates_folder()), "*.jinja")):
        for path in sorted(folder.rglob(pattern)):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _key(spec: Path, package: str, root: Path | None, overlay: Path | None, variant: str) -> str | None:
    try:
        parts = [
            _code_digest(),
            variant,
            os.path.realpath(spec),
            _sha(_read(spec)),
            package,
            os.path.realpath(root) if root else "",
            _sha(_read(overlay)) if overlay else "",
        ]
    except (OSError, ValueError, UnreadableFile):  # not readable: no cache; the run says why
        return None
    return _sha("\0".join(parts).encode())


def _entry_path(key: str) -> Path | None:
    folder = cache_root()
    return None if folder is None else folder / "runs" / f"{key}.json"


def lookup(spec: Path, package: str, root: Path | None, overlay: Path | None, variant: str = "") -> dict[str, Any] | None:
    """The cached run for these inputs, if every document it read is still what it read.

    `variant` names the target and the versions of what it runs (part of the key).
    """
    key = _key(spec, package, root, overlay, variant)
    path = _entry_path(key) if key else None
    if path is None:
        return None
    try:
        entry: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        for opened, real, digest in entry["documents"]:
            if os.path.realpath(opened) != real or _sha(_read(Path(real))) != digest:
                return None
    except (OSError, ValueError, KeyError, TypeError, UnreadableFile):
        return None
    return entry


def store(
    spec: Path, package: str, root: Path | None, overlay: Path | None, *, variant: str = "", documents: list[str], api_version: str, warnings: list[str], files: dict[str, bytes]
) -> None:
    """Remember a run; `documents` are the paths it opened, as it opened them."""
    key = _key(spec, package, root, overlay, variant)
    path = _entry_path(key) if key else None
    if path is None:
        return
    try:
        read = []
        for opened in sorted(documents):
            real = os.path.realpath(opened)
            read.append([opened, real, _sha(Path(real).read_bytes())])
        entry = {
            "documents": read,
            "api_version": api_version,
            "warnings": warnings,
            "files": {name: data.decode("utf-8") for name, data in files.items()},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(entry, handle)
        os.replace(tmp, path)
    except (OSError, UnicodeDecodeError):  # a cache that cannot be written is no error
        pass
