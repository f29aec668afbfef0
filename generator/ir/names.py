"""Python names, decided once: every identifier the templates print comes from here.

Reserved words depend on where a name is used (a field may be called `type` or `id`; a parameter
may not shadow what the generated function body uses; an enum member may not be called `name`
or `value` in a way that breaks `Enum`); collisions inside a scope get predictable suffixes.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_WORDS = re.compile(r"[A-Z]{2,}s(?![a-z])|[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")

# What a name may not be, per context. Builtins only matter where the generated code itself
# would use them after the name is bound (module level and function parameters).
_COMMON = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
RESERVED = {
    # Dataclass fields are attributes: `type`, `id`, `format` are fine there, but not what the
    # generated class itself defines.
    "field": _COMMON | {"from_dict", "to_dict", "additional_properties", "validate"},
    # Function parameters of request builders: the body is built from these locals.
    "parameter": _COMMON | {"api_version", "body", "headers", "url", "query", "request", "content_type"},
    # Enum members: `name`/`value` and leading underscores clash with Enum's own attributes.
    "enum_member": _COMMON | {"name", "value", "mro"},
    # Module-level names in the generated package (classes, functions).
    "module": _COMMON | set(dir(builtins)) | {
        "annotations", "dataclass", "field", "datetime", "Any", "Enum", "UNSET", "Unset",
        "json", "re", "typing",
    },
}


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
    """Make `name` a safe identifier for `context`: valid, not reserved, never empty."""
    if not name:
        name = "value" if context != "enum_member" else "EMPTY"
    if name[0].isdigit():
        name = ("_" if context != "enum_member" else "V") + name
    if not _IDENTIFIER.match(name) or name.startswith("__"):
        raise ValueError(f"not an identifier: {name!r}")
    if name in RESERVED[context] or (context == "enum_member" and name.startswith("_")):
        name += "_"
    return name


class Scope:
    """Hands out unique names within one namespace: `x`, then `x_2`, `x_3`, ..."""

    def __init__(self, context: str, taken: set[str] | None = None) -> None:
        self.context = context
        self.taken: set[str] = set(taken or ())

    def add(self, name: str) -> str:
        base = checked(name, self.context)
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            candidate = f"{base}_{n}"
        self.taken.add(candidate)
        return candidate


def field_name(wire: str) -> str:
    return snake(wire) or "value"


def enum_member_name(value: str) -> str:
    return upper_snake(value) or "EMPTY"
