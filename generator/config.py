"""The embedded default: `[tool.specgen]` in the nearest pyproject.toml above the working directory."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    base: Path  # the folder of pyproject.toml; relative settings are relative to it
    spec: Path | None = None
    out: Path = Path("generated")
    package: str = "client"
    overlay: Path | None = None


def find_config(start: Path | None = None) -> Config:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                table = tomllib.loads(candidate.read_text(encoding="utf-8")).get("tool", {}).get("specgen")
            except (OSError, tomllib.TOMLDecodeError):
                table = None
            if isinstance(table, dict):
                return Config(
                    base=folder,
                    spec=folder / table["spec"] if isinstance(table.get("spec"), str) else None,
                    out=folder / table.get("out", "generated"),
                    package=str(table.get("package", "client")),
                    overlay=folder / table["overlay"] if isinstance(table.get("overlay"), str) else None,
                )
    return Config(base=here, out=here / "generated")
