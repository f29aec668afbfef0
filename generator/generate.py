"""The whole `specgen generate` pipeline: load -> IR -> emit -> format -> write (or check)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.build import build
from generator.format import format_files
from generator.ir import Api
from generator.overlay import load_overlay
from generator.render import render_package
from generator.writer import encode


@dataclass(frozen=True)
class Generated:
    api: Api
    files: dict[str, bytes]
    warnings: list[str]


def generate_package(spec: Path, package: str, *, root: Path | None = None, overlay: Path | None = None) -> Generated:
    """Everything the package folder should contain; raises SpecError on bad input."""
    api, warnings = build(spec, root=root, overlay=load_overlay(overlay))
    files = format_files(render_package(api, package))
    return Generated(api, encode(files), warnings)
