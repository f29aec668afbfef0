"""Reading an input file that a spec (or its author) chose: only regular files, only so many bytes.

A path can name a FIFO (opening it for reading blocks until a writer comes, forever), a device
(`/dev/zero` never ends) or a file that grows while it is read. So the file is opened without
blocking, checked on the open descriptor (not on the path, which may be swapped meanwhile), and
read up to one byte past the limit: the size is checked on what was read, not on what `stat` said.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Self

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_CHUNK = 1 << 20


class UnreadableFile(Exception):
    """Why a file was not read, as a message for the user (`cannot read <path>: <reason>`)."""

    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        self.too_large = too_large


@dataclass(frozen=True)
class FileData:
    data: bytes
    identity: tuple[int, int]  # (device, inode): hard links to one file are one file


class RegularFile:
    """A regular file, open: who it is (device, inode) is known before a byte of it is read."""

    def __init__(self, path: Path | str) -> None:
        try:
            self.fd = os.open(path, _FLAGS)
        except (OSError, ValueError) as exc:  # ValueError: an embedded NUL byte
            raise UnreadableFile(_reason(exc)) from None
        try:
            info = os.fstat(self.fd)
        except OSError as exc:
            os.close(self.fd)
            raise UnreadableFile(_reason(exc)) from None
        if not stat.S_ISREG(info.st_mode):
            os.close(self.fd)
            raise UnreadableFile(f"not a regular file ({_kind(info.st_mode)})")
        self.size = info.st_size  # what the file system says; reading decides
        self.identity = (info.st_dev, info.st_ino)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self.fd)

    def read(self, limit: int) -> bytes:
        """Every byte, or `UnreadableFile` once more than `limit` have come."""
        if self.size > limit:
            raise UnreadableFile(f"larger than {limit} bytes", too_large=True)
        chunks: list[bytes] = []
        size = 0
        try:
            while size <= limit:
                chunk = os.read(self.fd, min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as exc:
            raise UnreadableFile(_reason(exc)) from None
        if size > limit:  # it grew, or its size was not told
            raise UnreadableFile(f"larger than {limit} bytes", too_large=True)
        return b"".join(chunks)


def read_regular(path: Path | str, limit: int) -> FileData:
    """The bytes of the regular file at `path`; raises `UnreadableFile` for anything else, for a
    file over `limit` bytes, or when the system refuses (missing, no permission, a NUL in the name)."""
    with RegularFile(path) as file:
        return FileData(file.read(limit), file.identity)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return "the name contains a NUL byte" if "null" in str(exc) else str(exc)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a file"


def is_file(path: Path | str) -> bool:
    """`Path.is_file`, false too for a name the system refuses (too long, a NUL byte in it)."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def real_path(path: Path | str) -> Path | None:
    """`os.path.realpath`, or None when the name cannot name a file at all (a NUL byte in it)."""
    try:
        return Path(os.path.realpath(path))
    except ValueError:
        return None
