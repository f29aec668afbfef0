"""Stage 4: format generated Python with black (in-process, pinned mode) and prove it compiles.

The emitters already write black's layout (`generator.format.layout`; the test suite proves the text is
black's fixed point on every spec it generates), and black costs ~0.3 ms a line: formatting all of
a package took 97% of a run. So black runs on the files that still hold a code line over the line
length (a long name or string from the spec), where only black knows the split it wants. Its
output is cached by the SHA-256 of its input, black's version and the mode (like black's own
cache), in `$SPECGEN_CACHE` or the user cache folder. Every file is checked with `compile()` on the bytes that will be written.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import tokenize
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.errors import Problem, SpecError
from generator.format.forked import Forked
from generator.format.layout import LINE_LENGTH, fits

TARGET = "py310"


def cache_folder() -> Path | None:
    if os.environ.get("SPECGEN_CACHE") == "off":
        return None
    base = os.environ.get("SPECGEN_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen" / "black"


@lru_cache(maxsize=1)
def _black_version() -> str:
    try:  # black ships this one-line module; importing black itself costs ~0.1 s
        from _black_version import version  # type: ignore[import-untyped]

        return str(version)
    except ImportError:
        from importlib import metadata

        return metadata.version("black")


@lru_cache(maxsize=1)
def _black() -> tuple[Any, Any]:
    import black

    mode = black.Mode(target_versions={black.TargetVersion[TARGET.upper()]}, line_length=LINE_LENGTH)
    return black, mode


def black_mode() -> Any:
    """The pinned black mode (imports black)."""
    return _black()[1]


def _key(source: str) -> str:
    stamp = f"black {_black_version()} {TARGET} {LINE_LENGTH}\n"
    return hashlib.sha256((stamp + source).encode("utf-8")).hexdigest()


def split_header(source: str) -> tuple[str, str]:
    """The leading `#` comment lines (the do-not-edit header) and the rest.

    black leaves such lines as they are, so only the rest is formatted and cached: an api-version
    bump that changes the header alone reuses every cached body.
    """
    lines = source.splitlines(keepends=True)
    n = 0
    while n < len(lines) and lines[n].startswith("# "):
        n += 1
    return "".join(lines[:n]), "".join(lines[n:])


def _cached(source: str) -> str | None:
    """black's output for `source` from the cache, if it is there."""
    folder = cache_folder()
    if folder is None:
        return None
    header, body = split_header(source)
    try:
        return header + (folder / f"{_key(body)}.py").read_text(encoding="utf-8")
    except OSError:
        return None


def needs_black(source: str) -> bool:
    """Whether a code line is wider than black allows.

    Comment lines and docstrings are exempt: black never re-flows them. A docstring opens on a
    line starting with three double quotes and closes on one ending with them (inside, spec text
    has every double quote escaped, so it never holds three in a row).
    """
    lines = source.splitlines()
    if source.isascii() and max(map(len, lines), default=0) <= LINE_LENGTH:
        return False
    in_docstring = False
    for line in lines:
        stripped = line.strip()
        if in_docstring:
            in_docstring = not stripped.endswith('"""')
        elif stripped.startswith('"""'):
            in_docstring = len(stripped) < 6 or not stripped.endswith('"""')
        elif not stripped.startswith("#") and not fits(line):
            return True
    return False


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


def _run_black(path: str, source: str) -> str:
    header, body = split_header(source)
    black, mode = _black()
    check_compiles(path, source)
    try:
        formatted: str = black.format_str(body, mode=mode)
    except black.InvalidInput as exc:
        raise SpecError([Problem(path, None, f"generated code does not compile: {exc}", None, 1)]) from None
    check_compiles(path, header + formatted)
    folder = cache_folder()
    if folder is not None:
        _store(folder, _key(body), formatted)
    return header + formatted


def _store(folder: Path, key: str, text: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, folder / f"{key}.py")
    except OSError:  # a read-only home is no reason to fail
        pass


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Check every Python file compiles; the ones black must see run in parallel, one per core."""
    out = dict(files)
    todo, ready = [], []
    for path, text in files.items():
        if path.endswith(".py"):
            if not needs_black(text):
                ready.append((path, text))
                continue
            hit = _cached(text)
            if hit is None:
                todo.append((path, text))
            else:
                out[path] = hit
    todo.sort(key=lambda job: -len(job[1]))  # biggest first keeps the cores busy
    paths, sources = [p for p, _ in todo], [t for _, t in todo]
    workers = min(len(todo), os.cpu_count() or 1)
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_run_black, paths, sources))
    else:
        results = [_run_black(p, t) for p, t in todo]
    for (path, _), formatted in zip(todo, results):
        out[path] = formatted
    _check_all(ready)
    return out


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
