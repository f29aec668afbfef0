"""The whole `specgen generate` pipeline: load -> IR -> emit -> format -> write (or check)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.write import run_cache

if TYPE_CHECKING:
    from generator.ir import Api


@dataclass(frozen=True)
class Generated:
    api_version: str
    files: dict[str, bytes]
    warnings: list[str]
    api: Api | None = None  # None when the output came from the run cache


def generate_package(
    spec: Path, package: str, *, root: Path | None = None, overlay: Path | None = None, use_cache: bool = True, target: str = "dataclasses"
) -> Generated:
    """Everything the package folder should contain; raises SpecError on bad input.

    `target="pydantic"` adds the pydantic module (raises MissingExtra without the extra).
    """
    variant = target
    if target == "pydantic":
        from generator.emit.pydantic import tool_versions

        variant += " " + tool_versions()
    if use_cache:
        hit = run_cache.lookup(spec, package, root, overlay, variant)
        if hit is not None:
            files = {name: text.encode("utf-8") for name, text in hit["files"].items()}
            return Generated(hit["api_version"], files, hit["warnings"])
    from generator.emit.package import render_package
    from generator.format.formatter import format_files
    from generator.ir.build import build
    from generator.load.overlay import load_overlay
    from generator.write.atomic import encode
    from generator.write.manifest import with_manifest

    api, warnings = build(spec, root=root, overlay=load_overlay(overlay))
    files = encode(format_files(render_package(api, package)))
    if target == "pydantic":
        from generator.emit.pydantic import pydantic_files

        files.update(pydantic_files(api, files))
    files = with_manifest(files)
    if use_cache:
        run_cache.store(spec, package, root, overlay, variant=variant, documents=list(api.documents), api_version=api.api_version, warnings=warnings, files=files)
    return Generated(api.api_version, files, warnings, api)
