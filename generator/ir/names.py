"""Python names, decided once: every identifier the templates print comes from here.

The generated code and the spec share namespaces, so the resolver keeps three kinds of names apart:

* names it hands out never start with `_`: every helper, alias and local of the generated code's
  own that could meet a spec name does (`_builtins.len`, `_read_enum`, `_e_vm_name`), so no
  spec name can shadow them;
* class names (models, enums, schema documents) always start with an upper-case letter, fields
  and parameters with a lower-case one, so a class cannot shadow the lower-case builtins the
  module code uses, nor a field the types its class is annotated with;
* per context, the names the generated API itself shows are reserved (`DecodeError`, `to_dict`,
  `base_url`, ...) and get a `_` suffix.

The reserved lists are fixed here, not read from the running interpreter, so the output does not
depend on the Python version that runs the generator. Collisions inside a scope get `_2`, `_3`,
... in an order the caller makes stable (sorted wire names, not the spec's order).
"""

from __future__ import annotations

import re
import unicodedata

_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
_WORDS = re.compile(r"[A-Z]{2,}s(?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")

# Python's hard keywords (the same from 3.11 on). Soft keywords (`match`, `case`, `type`, `_`)
# are valid names wherever a generated name stands.
KEYWORDS = frozenset({
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
})
# File names Windows refuses whatever the extension (schemas/<Class>.json), compared casefolded.
_DEVICES = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(10)})

RESERVED = {
    # Classes in models.py (and their schema documents): models.py's own exports, the names its
    # annotations and bases show (`data: Any`, `class X(str, Enum)`), and NotImplemented, which
    # a type checker accepts from __eq__ only under its own name.
    "class": KEYWORDS | {"Any", "DecodeError", "Enum", "NotImplemented", "UNSET", "Unset"},
    # Model attributes: the model's API, `self` (an __init__ parameter), and the lower-case types
    # its annotations name, which a type checker looks up in the class body first.
    "field": KEYWORDS | {
        "additional_properties", "from_dict", "to_dict", "self",
        "bool", "datetime", "dict", "float", "int", "list", "object", "str",
    },
    # Request builder keyword arguments: the builder's own.
    "parameter": KEYWORDS | {"api_version", "base_url", "body", "headers"},
    # Enum members: upper-case anyway; `name`/`value`/`mro` would break Enum.
    "enum_member": KEYWORDS | {"name", "value", "mro"},
    # Operations and validator functions: only ever part of a longer name (`build_<op>_request`).
    "operation": frozenset(),
    # Classes of requests.py (parameter groups) and responses.py (typed headers): the names each
    # module defines or imports.
    "request_class": KEYWORDS | {
        "API_VERSION", "OPERATIONS", "TYPE_CHECKING", "Any", "Callable", "Decimal", "DecodeError",
        "Enum", "HttpRequest", "Mapping", "ParameterError", "Readable", "Sequence",
    },
    "response_class": KEYWORDS | {
        "LONG_RUNNING", "LRO_RESULTS", "PAGEABLE", "PARSERS", "UTC", "Any", "Body", "Callable",
        "Decimal", "DecodeError", "Headers", "HttpResponseError", "Iterable", "Mapping", "Message",
        "PollInfo", "PollStatus", "Protocol", "Readable", "TypeVar",
    },
}
_FALLBACK = {
    "class": "Model", "field": "value", "parameter": "param", "enum_member": "EMPTY", "operation": "operation",
    "request_class": "Group", "response_class": "Headers_",
}
# A name may not start with a digit: `v`/`V` goes in front (`2fa` -> `v2fa`, `1.0` -> `V1_0`).
_DIGIT_PREFIX = {"class": "V", "field": "v", "parameter": "v", "enum_member": "V", "operation": "v", "request_class": "V", "response_class": "V"}


def words(name: str) -> list[str]:
    """Split a wire name into words: `vmScaleSetName` -> vm, Scale, Set, Name; `$expand` -> expand."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _WORDS.findall(ascii_name)


def snake(name: str) -> str:
    """`VirtualMachineRunCommands_CreateOrUpdate` -> `virtual_machine_run_commands_create_or_update`."""
    return "_".join(w.lower() for w in words(name))


def pascal(name: str) -> str:
    """A class name: keep an already PascalCase definition name, else join capitalised words."""
    if _IDENTIFIER.match(name) and "_" not in name:
        return name[0].upper() + name[1:]
    return "".join(w[0].upper() + w[1:] for w in words(name))


def upper_snake(name: str) -> str:
    return snake(name).upper()


def checked(name: str, context: str) -> str:
    """Make `name` a safe identifier for `context`: valid, public, not reserved, never empty."""
    if not name:
        name = _FALLBACK[context]
    if name[0].isdigit():
        name = _DIGIT_PREFIX[context] + name
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a public identifier: {name!r}")
    if name in RESERVED[context] or (context == "class" and name.casefold() in _DEVICES):
        name += "_"
    return name


class Scope:
    """Hands out unique names within one namespace: `x`, then `x_2`, `x_3`, ...

    Class names are unique case-insensitively: they are file names too (`schemas/Foo.json` and
    `schemas/FOO.json` are one file on macOS and Windows)."""

    def __init__(self, context: str, taken: set[str] | None = None) -> None:
        self.context = context
        self.fold = context == "class"
        self.taken: set[str] = set()
        for name in taken or ():
            self.taken.add(self._key(name))

    def _key(self, name: str) -> str:
        return name.casefold() if self.fold else name

    def __contains__(self, name: str) -> bool:
        return self._key(name) in self.taken

    def add(self, name: str) -> str:
        base = checked(name, self.context)
        candidate, n = base, 1
        while self._key(candidate) in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        self.taken.add(self._key(candidate))
        return candidate


def field_name(wire: str) -> str:
    return snake(wire) or "value"


def enum_member_name(value: str) -> str:
    return upper_snake(value) or "EMPTY"
