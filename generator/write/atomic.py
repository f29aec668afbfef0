"""Stage 5: write the package atomically, or (`--check`) say how it differs from what is there.

The new tree is written to a sibling temporary folder first and swapped in with renames, so a
failed run leaves the old package untouched; files an earlier run wrote and this one does not are
gone with the old tree.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path


def read_tree(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            out[path.relative_to(folder).as_posix()] = path.read_bytes()
    return out


def encode(files: dict[str, str]) -> dict[str, bytes]:
    return {path: text.encode("utf-8") for path, text in sorted(files.items())}


def diff(folder: Path, files: dict[str, bytes]) -> str:
    """A unified diff from what is in `folder` to `files` ("" when they are the same)."""
    old = read_tree(folder)
    shown = diff_prefix(folder)
    chunks: list[str] = []
    for path in sorted(set(old) | set(files)):
        before, after = old.get(path), files.get(path)
        if before == after:
            continue
        a = before.decode("utf-8", "replace").splitlines(keepends=True) if before is not None else []
        b = after.decode("utf-8", "replace").splitlines(keepends=True) if after is not None else []
        name = f"{shown}/{path}" if shown else path
        chunks.extend(difflib.unified_diff(a, b, f"a/{name}" if before is not None else "/dev/null", f"b/{name}" if after is not None else "/dev/null"))
    return "".join(chunks)


def diff_prefix(folder: Path) -> str:
    """How the diff headers (`a/NAME`, `b/NAME`) name `folder`: relative to the working directory
    when it is inside it, so `git apply` works from there, else by its own name (apply from its
    parent, the output folder); never absolute, which would read `a//...`."""
    real = os.path.realpath(folder)
    try:
        here = os.path.realpath(os.getcwd())
        inside = os.path.commonpath([real, here]) == here
    except (OSError, ValueError):  # no working directory any more; another drive
        inside = False
    if inside:
        relative = Path(os.path.relpath(real, here)).as_posix()
        return "" if relative == "." else relative
    return Path(real).name


def write_atomically(folder: Path, files: dict[str, bytes]) -> bool:
    """Replace `folder` by exactly `files`. Returns False when nothing had to change."""
    if read_tree(folder) == files:
        return False
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.new-", dir=folder.parent))
    try:
        for path, data in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        old = None
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old-", dir=folder.parent))
            os.rename(folder, old / folder.name)
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return True
