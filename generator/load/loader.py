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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from generator.errors import Problem, SpecError, join_pointer, unescape_pointer_token
from generator.load.files import RegularFile, UnreadableFile
from generator.load.numbers import number_problem
from generator.load.positions import (
    Positions,
    offset_to_line_col,
    scan_json,
    scan_yaml_node,
)

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 4 * MAX_FILE_BYTES  # every document of one run together
MAX_DOCUMENTS = 512
MAX_REF_CHAIN = 64
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_SURROGATE_ESCAPE = re.compile(r"\\[uU]0*[dD][89a-fA-F]")  # JSON `\ud800`, YAML `\uD800`/`\U0000D800`


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
        self._by_identity: dict[tuple[int, int], Document] = {}
        self.bytes_read = 0

    def document(self, path: Path, *, referrer: Callable[[], Problem] | None = None) -> Document:
        """The document at `path`; `referrer` says where a reference to it stands (for errors).

        Documents are told apart by file (device and inode), so hard links to one file are one
        document: read, parsed and counted once (its path is the first one that reached it)."""
        key = str(path)
        if key in self._by_path:  # realpath costs a syscall per path component
            return self._by_path[key]

        def refused(message: str) -> SpecError:
            where = referrer() if referrer else Problem(display_path(Path(path)), None, "")
            return SpecError([_at(where, message)])

        if "\0" in key:
            raise refused(f"cannot read {key!r}: the name contains a NUL byte")
        real = Path(os.path.realpath(path))
        if real in self.documents:
            self._by_path[key] = self.documents[real]
            return self.documents[real]
        if not _inside(real, self.root):
            raise refused(f"{path} is outside the spec root {self.root}")
        budget = MAX_TOTAL_BYTES - self.bytes_read
        try:
            with RegularFile(real) as file:
                same = self._by_identity.get(file.identity)
                if same is not None:
                    self._by_path[key] = same
                    return same
                if len(self._by_identity) >= MAX_DOCUMENTS:
                    raise refused(f"more than {MAX_DOCUMENTS} documents referenced")
                raw = file.read(min(MAX_FILE_BYTES, budget))
                identity = file.identity
        except UnreadableFile as exc:
            if exc.too_large and budget < MAX_FILE_BYTES:
                raise refused(f"cannot read {path}: the documents together would be larger than {MAX_TOTAL_BYTES} bytes") from None
            raise refused(f"cannot read {path}: {exc}") from None
        self.bytes_read += len(raw)
        display = display_path(real)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, col = offset_to_line_col(raw[: exc.start].decode("utf-8", "replace"), exc.start)
            raise SpecError([Problem(display, None, "not valid UTF-8", line, col)]) from None
        doc = _parse(real, display, text)
        self.documents[real] = self._by_path[key] = self._by_identity[identity] = doc
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
    """A token Python's json reads but JSON (or the generated code) cannot hold: (token, why)."""


def _not_json(constant: str) -> Any:
    raise _NotJson(constant, f"{constant} is not a JSON value")  # NaN, Infinity: Python accepts them


def _json_number(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    def parse(token: str) -> Any:
        problem = number_problem(token)
        if problem is not None:
            raise _NotJson(token, problem)
        return convert(token)

    return parse


def _parse(path: Path, display: str, text: str) -> Document:
    if path.suffix.lower() in (".yaml", ".yml"):
        return _parse_yaml(path, display, text)
    try:
        data = json.loads(text, parse_constant=_not_json, parse_int=_json_number(int), parse_float=_json_number(float))
    except json.JSONDecodeError as exc:
        raise SpecError([Problem(display, None, f"malformed JSON: {exc.msg}", exc.lineno, exc.colno)]) from None
    except _NotJson as exc:
        token, why = exc.args
        found = re.search(rf"(?<![\w\".+-]){re.escape(token)}(?![\w\".+-])", text)
        line, col = offset_to_line_col(text, found.start()) if found else (None, None)
        raise SpecError([Problem(display, None, f"malformed JSON: {why}", line, col)]) from None
    except RecursionError:
        raise SpecError([Problem(display, None, "JSON nested too deeply")]) from None
    doc = Document(path, display, text, data)
    _refuse_lone_surrogates(doc)
    return doc


def _refuse_lone_surrogates(doc: Document) -> None:
    """A `\\ud800` escape alone decodes to a lone surrogate: text no UTF-8 file can hold."""
    if not _SURROGATE_ESCAPE.search(doc.text):
        return
    why = "holds a lone surrogate (an unpaired \\ud800-\\udfff escape)"
    todo: list[tuple[Any, str]] = [(doc.data, "")]
    while todo:
        node, pointer = todo.pop()
        if isinstance(node, str) and not _is_unicode(node):
            raise SpecError([_printable(doc.problem(pointer, f"text {why}"))])
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            child = join_pointer(pointer, key)
            if isinstance(key, str) and not _is_unicode(key):
                raise SpecError([_printable(doc.problem(child, f"a name {why}", key=True))])
            todo.append((value, child))


def _printable(problem: Problem) -> Problem:
    """The problem with its pointer escaped: a lone surrogate cannot be printed."""
    pointer = problem.pointer
    if pointer is not None:
        pointer = pointer.encode("utf-8", "backslashreplace").decode("utf-8")
    return replace(problem, pointer=pointer)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
    except RecursionError:
        raise SpecError([Problem(display, None, "YAML nested too deeply")]) from None
    doc = Document(path, display, text, data, yaml_node=node)
    _refuse_lone_surrogates(doc)
    return doc
