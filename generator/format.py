"""Stage 4: format generated Python with black (in-process, pinned mode) and prove it compiles."""

from __future__ import annotations

import black

from generator.errors import Problem, SpecError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=100)


def format_python(path: str, source: str) -> str:
    try:
        compile(source, path, "exec", dont_inherit=True)
        formatted = black.format_str(source, mode=MODE)
        compile(formatted, path, "exec", dont_inherit=True)
    except (SyntaxError, black.InvalidInput) as exc:  # a generator bug, never a spec's fault
        line = getattr(exc, "lineno", None)
        raise SpecError([Problem(path, None, f"generated code does not compile: {exc}", line, 1)]) from None
    return formatted


def format_files(files: dict[str, str]) -> dict[str, str]:
    return {path: format_python(path, text) if path.endswith(".py") else text for path, text in files.items()}
