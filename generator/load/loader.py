"""Stage 1: read spec files and resolve `$ref`s across them, confined to a spec root.

A spec is untrusted input: only local files inside the root (after `realpath`) are read, no
`http(s)://` or `file://`, bounded sizes and reference chains, YAML only through a safe loader.
Documents are loaded when a reference first reaches them, so a dangling reference that nothing
reaches is not an error (upstream specs have some).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.errors import Problem, SpecError, unescape_pointer_token
from generator.load.positions import (
    Positions,
    offset_to_line_col,
    scan_json,
    scan_yaml_node,
)

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DOCUMENTS = 512
MAX_REF_CHAIN = 64
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class Document:
    path: Path  # real path
    display: str  # what messages show: relative to the working directory when possible
    text: str
    data: Any
    yaml_node: Any = None
    _positions: Positions | None = field(default=None, repr=False)

    @property
    def positions(self) -> Positions:
        if self._positions is None:
            if self.yaml_node is not None:
                self._positions = scan_yaml_node(self.yaml_node)
            else:
                self._positions = scan_json(self.text)
        return self._positions

    def problem(self, pointer: str, message: str, *, key: bool = False) -> Problem:
        """A problem at `pointer`, with the line and column of that value (or its name)."""
        where = self.positions.key(pointer) if key else self.positions.value(pointer)
        line, col = where if where else (None, None)
        return Problem(self.display, pointer, message, line, col)

    def get(self, pointer: str) -> Any:
        """The value at a JSON Pointer; raises KeyError naming the missing step."""
        node = self.data
        if not pointer:
            return node
        for raw in pointer.split("/")[1:]:
            token = unescape_pointer_token(raw)
            if isinstance(node, dict) and token in node:
                node = node[token]
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                raise KeyError(token)
        return node


@dataclass(frozen=True)
class Target:
    """Where a reference lands: the document, the pointer inside it, and the value there."""

    doc: Document
    pointer: str
    value: Any


def default_root(spec: Path) -> Path:
    """The folder holding the outermost `specification/` tree the spec sits in, else its folder."""
    spec = Path(os.path.realpath(spec))
    root = spec.parent
    for parent in spec.parents:
        if parent.name == "specification":
            root = parent.parent
    return root


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


class Loader:
    """Reads documents on demand and resolves references; errors raise `SpecError`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.realpath(root))
        self.documents: dict[Path, Document] = {}
        self._by_path: dict[str, Document] = {}

    def document(self, path: Path, *, referrer: Callable[[], Problem] | None = None) -> Document:
        """The document at `path`; `referrer` says where a reference to it stands (for errors)."""
        key = str(path)
        if key in self._by_path:  # realpath costs a syscall per path component
            return self._by_path[key]
        real = Path(os.path.realpath(path))
        if real in self.documents:
            self._by_path[key] = self.documents[real]
            return self.documents[real]
        where = referrer() if referrer else Problem(display_path(Path(path)), None, "")
        if not _inside(real, self.root):
            raise SpecError([_at(where, f"{path} is outside the spec root {self.root}")])
        if len(self.documents) >= MAX_DOCUMENTS:
            raise SpecError([_at(where, f"more than {MAX_DOCUMENTS} documents referenced")])
        try:
            size = real.stat().st_size
            if size > MAX_FILE_BYTES:
                raise SpecError([_at(where, f"{path} is larger than {MAX_FILE_BYTES} bytes")])
            raw = real.read_bytes()
        except OSError as exc:
            raise SpecError([_at(where, f"cannot read {path}: {exc.strerror}")]) from None
        display = display_path(real)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, col = offset_to_line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
            raise SpecError([Problem(display, None, "not valid UTF-8", line, col)]) from None
        doc = _parse(real, display, text)
        self.documents[real] = self._by_path[key] = doc
        return doc

    def resolve(self, ref: Any, doc: Document, pointer: str) -> Target:
        """Follow `ref` (found in `doc` at `pointer`) and any refs it lands on, to a value."""
        seen: list[tuple[Path, str]] = []
        while True:
            target = self._resolve_one(ref, doc, pointer)
            key = (target.doc.path, target.pointer)
            if key in seen:
                chain = " -> ".join(f"{display_path(p)}#{q}" for p, q in seen + [key])
                raise SpecError([doc.problem(pointer, f"$ref cycle never reaches a schema: {chain}")])
            seen.append(key)
            if len(seen) > MAX_REF_CHAIN:
                raise SpecError([doc.problem(pointer, "$ref chain longer than 64 steps")])
            value = target.value
            if isinstance(value, dict) and "$ref" in value and len(value) == 1:
                doc, pointer, ref = target.doc, target.pointer + "/$ref", value["$ref"]
                continue
            return target

    def resolve_step(self, ref: Any, doc: Document, pointer: str) -> Target:
        """Follow `ref` one step: where it points, even when that is another `$ref`."""
        return self._resolve_one(ref, doc, pointer)

    def _resolve_one(self, ref: Any, doc: Document, pointer: str) -> Target:
        if not isinstance(ref, str):
            raise SpecError([doc.problem(pointer, "$ref must be a string")])
        if _SCHEME.match(ref) or ref.startswith("//"):
            raise SpecError([doc.problem(pointer, f"remote $ref {ref!r} is not allowed: only local files inside the spec root")])
        file_part, _, fragment = ref.partition("#")
        if file_part:
            path = doc.path.parent / unquote(file_part)
            target_doc = self.document(path, referrer=lambda: doc.problem(pointer, ""))
        else:
            target_doc = doc
        fragment = unquote(fragment)
        if fragment and not fragment.startswith("/"):
            raise SpecError([doc.problem(pointer, f"$ref {ref!r}: fragment must be a JSON Pointer")])
        try:
            value = target_doc.get(fragment)
        except KeyError as exc:
            raise SpecError([doc.problem(pointer, f"$ref {ref!r} does not resolve: no {exc.args[0]!r} in {target_doc.display}")]) from None
        return Target(target_doc, fragment, value)

    def paths_opened(self) -> list[str]:
        """Every path a document was asked for, absolute but not resolved: the spec as given, each
        file `$ref` joined to its referrer's folder. A symlink on one of them that moves changes
        what a run reads, which the run cache must see."""
        return sorted(os.path.join(os.getcwd(), key) for key in self._by_path)


def _inside(path: Path, root: Path) -> bool:
    try:
        return os.path.commonpath([path, root]) == str(root)
    except ValueError:
        return False


def _at(where: Problem, message: str) -> Problem:
    return Problem(where.file, where.pointer, message, where.line, where.col)


class _NotJson(ValueError):
    pass


def _not_json(constant: str) -> Any:
    raise _NotJson(constant)  # NaN, Infinity, -Infinity: Python's json accepts them, JSON does not


def _parse(path: Path, display: str, text: str) -> Document:
    if path.suffix.lower() in (".yaml", ".yml"):
        return _parse_yaml(path, display, text)
    try:
        data = json.loads(text, parse_constant=_not_json)
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(display, None, f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)]) from None
    except _NotJson as exc:
        found = re.search(rf"(?<![\w\"]){re.escape(exc.args[0])}(?![\w\"])", text)
        line, col = offset_to_line_col(text, found.start()) if found else (None, None)
        raise SpecError([Problem(display, None, f"malformed JSON: {exc.args[0]} is not a JSON value", line, col)]) from None
    except RecursionError:
        raise SpecError([Problem(display, None, "JSON nested too deeply")]) from None
    return Document(path, display, text, data)


def _parse_yaml(path: Path, display: str, text: str) -> Document:
    import yaml

    from generator.load.yaml_safe import JsonSafeLoader

    try:
        node = yaml.compose(text, Loader=JsonSafeLoader)
        data = yaml.load(text, Loader=JsonSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise SpecError([Problem(display, None, f"malformed YAML: {exc.problem}", line, col)]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(display, None, f"malformed YAML: {exc}")]) from None
    return Document(path, display, text, data, yaml_node=node)
