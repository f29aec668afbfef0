"""Where specgen's own files are: the templates, in a checkout and when installed."""

from __future__ import annotations

from pathlib import Path


def templates_folder() -> str:
    """`templates/` beside the package in a checkout; `generator/templates/` when installed."""
    here = Path(__file__).resolve().parent
    for folder in (here.parent / "templates", here / "templates"):
        if (folder / "models.py.jinja").is_file():
            return str(folder)
    raise FileNotFoundError(f"specgen's templates are missing (looked beside {here})")
