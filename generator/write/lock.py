"""One writer per output folder: two runs on one package, one wins, the other stops before writing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WriteError(Exception):
    """The package cannot be written; nothing was changed (exit status 2)."""


class Busy(WriteError):
    pass


def lock_path(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold `.NAME.lock` beside the package folder (`flock`, not waiting) for the write.

    The lock file is removed on release, so none is left beside the package. A run that opened the
    file just before it was removed would lock a file nobody else sees: after locking, the file
    must still be the one at the path, else it starts over. A killed run's lock goes with its
    process (the file stays and is reused).
    """
    try:
        import fcntl
    except ImportError:  # no flock (Windows): writes are not serialised there
        yield
        return
    path = lock_path(folder)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise Busy(f"another specgen run is writing {folder} (it holds {path}); nothing was written, try again") from None
        except BaseException:
            os.close(fd)
            raise
        try:
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        try:
            path.unlink(missing_ok=True)
        finally:
            os.close(fd)
