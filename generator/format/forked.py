"""Run a function in a forked child while this process goes on; fetch its result later.

Generation is CPU-bound Python and the machines have a second core. A fork shares the loaded
modules and the inputs for free (a process pool would import and pickle them again), and the
child sends its result back pickled through a pipe. Without fork (Windows), with one core, or
with other threads running (a fork copies their locks, held or not) the function simply runs when
its result is asked for.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    def __init__(self, fn: Callable[..., T], *args: Any) -> None:
        self._fn, self._args = fn, args
        self._pid = 0
        if not hasattr(os, "fork") or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            try:
                os.close(read)
                try:
                    payload = pickle.dumps((True, fn(*args)))
                except BaseException as exc:  # noqa: BLE001 - handed to the parent as it is
                    try:
                        payload = pickle.dumps((False, exc))
                    except Exception:  # noqa: BLE001 - an exception that does not pickle
                        payload = pickle.dumps((False, RuntimeError(repr(exc))))
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
            finally:
                os._exit(0)
        os.close(write)
        self._pid, self._read = pid, read

    def __del__(self) -> None:
        """A result never asked for (the caller failed meanwhile): let the child go and reap it."""
        if self._pid:
            os.close(self._read)  # the child's write fails, and it exits
            os.waitpid(self._pid, 0)
            self._pid = 0

    def result(self) -> T:
        if not self._pid:
            return self._fn(*self._args)
        with os.fdopen(self._read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(self._pid, 0)
        self._pid = 0
        if not data:
            raise RuntimeError(f"the forked {getattr(self._fn, '__qualname__', self._fn)!r} died without a result")
        ok, value = pickle.loads(data)
        if ok:
            return value  # type: ignore[no-any-return]
        raise value
