"""Stage 5: write the package atomically, or (`--check`) say how it differs from what is there.

The new tree is written to `.NAME.new` beside the package and swapped in, so at every moment
`NAME` is the old or the new version and a failed run changes nothing:

- where the kernel swaps two paths in one step (Linux `renameat2(RENAME_EXCHANGE)`, macOS
  `renamex_np(RENAME_SWAP)`), `NAME` never goes missing;
- elsewhere the old tree is renamed to `.NAME.old` and the new one to `NAME`; a run killed between
  the two leaves `.NAME.old`, which the next run puts back before anything else.

Leftovers (`.NAME.new`, `.NAME.old`) are removed by the next run, only while they hold nothing
specgen did not write. Files an earlier run wrote and this one does not go with the old tree;
a folder holding files specgen did not write is not replaced (unless forced). One run writes at
a time (`lock`). New folders and files get the usual permissions (the umask decides).
"""

from __future__ import annotations

import ctypes
import difflib
import errno
import os
import sys
from pathlib import Path

from generator.write.lock import WriteError, output_lock
from generator.write.manifest import MANIFEST, foreign_files, with_manifest

__all__ = ["WriteError", "diff", "encode", "read_tree", "recover", "write_atomically"]

SHOWN_FOREIGN = 5  # how many foreign files an error names


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
    """A unified diff from what is in `folder` to `files` ("" only when they are the same).

    A file that differs with no line to show (an empty file added or removed) gets its two
    header lines alone, as `git diff` does.
    """
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
        head = (f"a/{name}" if before is not None else "/dev/null", f"b/{name}" if after is not None else "/dev/null")
        lines = list(difflib.unified_diff(a, b, *head))
        chunks.extend(lines or [f"--- {head[0]}\n", f"+++ {head[1]}\n"])
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


def _sibling(folder: Path, role: str) -> Path:
    return folder.parent / f".{folder.name}.{role}"


def write_atomically(folder: Path, files: dict[str, bytes], *, force: bool = False) -> bool:
    """Replace `folder` by exactly `files` and their manifest. Returns False when nothing had to change.

    Raises WriteError (nothing changed) when another run holds the folder, or when it holds
    files specgen did not write and `force` is not given.
    """
    files = with_manifest(files)
    folder.parent.mkdir(parents=True, exist_ok=True)
    with output_lock(folder):
        recover(folder)
        if folder.is_dir() and not folder.is_symlink() and read_tree(folder) == files:
            return False
        foreign = [] if force else foreign_files(folder)
        if foreign:
            raise WriteError(_refusal(folder, foreign))
        new, old = _sibling(folder, "new"), _sibling(folder, "old")
        try:
            os.mkdir(new)
            _fill(new, files)
            if not os.path.lexists(folder):
                os.rename(new, folder)
            elif _exchange(new, folder):  # `new` now holds the old tree
                os.rename(new, old)
            else:
                os.rename(folder, old)
                os.rename(new, folder)  # killed before this line: the next run's `recover` puts `old` back
        except BaseException:
            recover(folder)
            raise
        _remove(old)
    return True


def recover(folder: Path) -> None:
    """Undo what a killed run left: put `.NAME.old` back if `NAME` is missing; remove leftovers.

    A leftover that holds anything specgen did not write is neither moved nor removed.
    """
    leftovers = [path for path in (_sibling(folder, "new"), _sibling(folder, "old")) if os.path.lexists(path)]
    for leftover in leftovers:
        if foreign_files(leftover):
            raise WriteError(f"{leftover} is in the way and holds files specgen did not write: move it away")
    old = _sibling(folder, "old")
    if not os.path.lexists(folder) and old in leftovers and old.is_dir() and not old.is_symlink():
        os.rename(old, folder)
    for leftover in leftovers:
        _remove(leftover)


def _fill(folder: Path, files: dict[str, bytes]) -> None:
    """Write `files` below `folder`, the manifest first (a partly written folder is still ours)."""
    for path in sorted(files, key=lambda name: name != MANIFEST):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[path])


def _remove(path: Path) -> None:
    """Delete a tree specgen wrote; what marks it as ours (manifest, `__init__.py`) goes last,
    so a tree half removed by a killed run is still recognised as ours."""
    if not os.path.lexists(path):
        return
    if path.is_symlink() or not path.is_dir():
        path.unlink()
        return
    markers = [path / MANIFEST, path / "__init__.py"]
    for here, dirs, names in os.walk(path, topdown=False):
        for name in names:
            if Path(here, name) not in markers:
                os.unlink(os.path.join(here, name))
        for name in dirs:
            entry = os.path.join(here, name)
            if os.path.islink(entry):
                os.unlink(entry)
            else:
                os.rmdir(entry)
    for marker in reversed(markers):
        marker.unlink(missing_ok=True)
    os.rmdir(path)


def _refusal(folder: Path, foreign: list[str]) -> str:
    if foreign == ["."]:
        what = "is not a folder specgen wrote"
    else:
        shown = ", ".join(foreign[:SHOWN_FOREIGN]) + (f" and {len(foreign) - SHOWN_FOREIGN} more" if len(foreign) > SHOWN_FOREIGN else "")
        what = f"holds files specgen did not write ({shown})"
    return f"{folder} {what}: not replacing it. Choose another --out or --package, or pass --force to replace it anyway"


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS stdio.h
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step where the kernel offers it; False where it does not."""
    if sys.platform.startswith("linux"):
        name, args = "renameat2", (_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    elif sys.platform == "darwin":
        name, args = "renamex_np", (os.fsencode(a), os.fsencode(b), _RENAME_SWAP)
    else:
        return False
    try:
        call = getattr(ctypes.CDLL(None, use_errno=True), name)
    except (OSError, AttributeError):  # an older C library
        return False
    if call(*args) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:  # this kernel or file system cannot
        return False
    raise OSError(code, os.strerror(code), str(b))
