"""Stage 4: format the whole generated package in one pass, and prove every file compiles.

The output is exactly black's (pinned version and mode; the tests run black in `--check` mode
over every generated file). The work is done by `ruff format`, black-compatible and written in
Rust: one process formats a whole package (~0.1 s for runCommands, where black took ~4 s and
minutes on the large specs). Where the ruff binary is missing, black formats in-process instead.
"""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
import tokenize
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.errors import Problem, SpecError
from generator.format.forked import Forked

LINE_LENGTH = 100
TARGET = "py310"


def cache_root() -> Path | None:
    """The root of specgen's caches (run cache, compiled templates); None when `SPECGEN_CACHE=off`."""
    if os.environ.get("SPECGEN_CACHE") == "off":
        return None
    base = os.environ.get("SPECGEN_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen"


@lru_cache(maxsize=1)
def _ruff() -> str | None:
    """The ruff binary of the installed `ruff` package, else one on PATH."""
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return str(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        import shutil

        return shutil.which("ruff")


@lru_cache(maxsize=1)
def formatter_stamp() -> str:
    """Which formatter shapes the output (part of the run cache key). The ruff binary is named by
    its path, size and time: another version is another file. (`ruff --version` took 30 ms of a
    100 ms `generate --check`, the pre-commit hook; importlib.metadata as long.)"""
    ruff = _ruff()
    if ruff is None:
        return f"black {_black_version()} {TARGET} {LINE_LENGTH}"
    found = os.stat(ruff)
    return f"ruff at {ruff} ({found.st_size} bytes, {found.st_mtime_ns}) {TARGET} {LINE_LENGTH}"


@lru_cache(maxsize=1)
def _black_version() -> str:
    from importlib import metadata

    return metadata.version("black")


@lru_cache(maxsize=1)
def _black() -> tuple[Any, Any]:
    import black

    mode = black.Mode(target_versions={black.TargetVersion[TARGET.upper()]}, line_length=LINE_LENGTH)
    return black, mode


def black_mode() -> Any:
    """The pinned black mode (imports black): the oracle the tests hold the output to."""
    return _black()[1]


def check_compiles(path: str, source: str) -> None:
    """Compile `source` from the bytes written for it, as the import system reads a file.

    `compile(str)` would skip the PEP 263 step: from bytes, Python first looks for a `coding=`
    declaration on the first two lines, and one there makes it read a different program. So the
    file must also be read as UTF-8, which is what it was written in.
    """
    try:
        data = source.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate: no file can hold it
        line = source.count("\n", 0, exc.start) + 1
        raise SpecError([Problem(path, None, f"generated code is not valid UTF-8: {exc.reason} {source[exc.start]!r}", line, 1)]) from None
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        if encoding == "utf-8":
            compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:  # a generator bug, never a spec's fault
        raise SpecError([Problem(path, None, f"generated code does not compile: {exc}", getattr(exc, "lineno", None), 1)]) from None
    if encoding != "utf-8":
        raise SpecError([Problem(path, None, f"generated code declares the encoding {encoding} on line 1 or 2: Python would not read the UTF-8 written", 1, 1)])


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Every `.py` file compile()-checked from its bytes, then formatted as black would; other files as they are.

    ruff runs in its own process meanwhile: the checks and the formatting overlap.
    """
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    ruff = _ruff()
    with tempfile.TemporaryDirectory(prefix="specgen-format-") as scratch:
        running = _start_ruff(ruff, scratch, python) if ruff is not None else None
        try:
            _check_all(list(python.items()))
        except BaseException:
            if running is not None:
                running.kill()
                running.wait()
            raise
        if running is not None:
            formatted = _finish_ruff(running, scratch, python)
        else:
            formatted = {p: _run_black(p, t) for p, t in python.items()}
    return {path: formatted.get(path, text) for path, text in files.items()}


def _start_ruff(ruff: str, scratch: str, sources: dict[str, str]) -> subprocess.Popen[str]:
    """`ruff format` over a scratch copy of the package (isolated: no user or project config)."""
    for index, text in enumerate(sources.values()):  # plain names: no path from the spec
        Path(scratch, f"m{index}.py").write_text(text, encoding="utf-8", newline="\n")
    command = [ruff, "format", "--isolated", "--no-cache", "--quiet", f"--line-length={LINE_LENGTH}", f"--target-version={TARGET}", scratch]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish_ruff(running: subprocess.Popen[str], scratch: str, sources: dict[str, str]) -> dict[str, str]:
    out, err = running.communicate()
    if running.returncode != 0:
        raise SpecError([Problem("<generated package>", None, f"ruff format failed: {(err or out).strip()}", None, None)])
    return {path: Path(scratch, f"m{index}.py").read_text(encoding="utf-8") for index, path in enumerate(sources)}


def _run_black(path: str, source: str) -> str:
    black, mode = _black()
    try:
        formatted: str = black.format_str(source, mode=mode)
    except black.InvalidInput as exc:
        raise SpecError([Problem(path, None, f"generated code does not compile: {exc}", None, 1)]) from None
    return formatted


def _check_all(sources: list[tuple[str, str]]) -> None:
    """compile() every file, in two halves by size: a forked child takes one (compile holds the GIL)."""
    halves: tuple[list[tuple[str, str]], list[tuple[str, str]]] = ([], [])
    sizes = [0, 0]
    for job in sorted(sources, key=lambda job: -len(job[1])):
        side = 0 if sizes[0] <= sizes[1] else 1
        halves[side].append(job)
        sizes[side] += len(job[1])
    child = Forked(_check_each, halves[1]) if halves[1] else None
    _check_each(halves[0])
    if child is not None:
        child.result()


def _check_each(sources: list[tuple[str, str]]) -> None:
    for path, text in sources:
        check_compiles(path, text)
