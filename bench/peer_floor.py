"""The floor: the least any pure-Python model with a slot per field can cost for a round trip.

Built from the generated package's own JSON Schema documents (`schemas/*.json`): one class per
object definition, with a slot for every property (its allOf bases' too), and a `from_dict` and
`to_dict` written out straight, field by field, the way specgen's are (no loop over fields, no
reflection at run time). They do the least a model must: copy each field the body has into its
slot and UNSET into the others, read nested objects and arrays of them into their classes, copy
maps, and write back the fields that are set. They check only a scalar's class: no formats
(date-time), no enums, no nulls, no unknown fields, no read-only fields, no error pointers.

specgen does all of those; its distance to this floor is what they cost. A peer's ratio to
msgspec below the floor's cannot be reached by any pure-Python model of this shape (the
dataclass models DESIGN.md asks for). The code is written from the schemas' property names, each
only ever a string literal (`repr`); functions and slots get names of their own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

UNSET: Any = object()
_new = object.__new__


def _definition(ref: str) -> str | None:
    """The definition a document-level `$ref` names (`X.json`), or None for any other."""
    return ref[: -len(".json")] if ref.endswith(".json") and "/" not in ref else None


class _Floor:
    """The floor classes of one schemas folder, made on first use."""

    def __init__(self, folder: Path) -> None:
        self.docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
        self.names: dict[str, str] = {}  # definition -> the suffix its class and functions get
        self.ns: dict[str, Any] = {"UNSET": UNSET, "_new": _new}
        self.source: list[str] = []

    def properties(self, name: str) -> dict[str, Any]:
        doc = self.docs[name]
        found: dict[str, Any] = {}
        for base in doc.get("allOf", []):
            ref = _definition(base.get("$ref", ""))
            if ref is not None:
                found.update(self.properties(ref))
        found.update(doc.get("properties", {}))
        return found

    def is_model(self, schema: Any) -> str | None:
        ref = _definition(schema.get("$ref", "")) if isinstance(schema, dict) else None
        return ref if ref is not None and self.properties(ref) else None

    def model(self, name: str) -> str:
        """The suffix of definition `name`'s class and functions, written out on first use."""
        if name in self.names:
            return self.names[name]
        suffix = self.names[name] = str(len(self.names))
        props = self.properties(name)
        slots = [f"s{i}" for i in range(len(props))]
        self.ns[f"C{suffix}"] = type(f"Floor{suffix}", (), {"__slots__": (*slots, "additional_properties")})
        read = [f"def from_dict{suffix}(data):", f"    obj = _new(C{suffix})"]
        write = [f"def to_dict{suffix}(obj):", "    out = {}"]
        for slot, (wire, schema) in zip(slots, props.items(), strict=True):
            key = repr(wire)
            nested, items = self.is_model(schema), schema.get("items") if isinstance(schema, dict) else None
            item = self.is_model(items)
            if nested is not None:
                reader, writer = f"from_dict{self.model(nested)}(v)", f"to_dict{self.model(nested)}(v)"
            elif item is not None:
                reader, writer = f"[from_dict{self.model(item)}(x) for x in v]", f"[to_dict{self.model(item)}(x) for x in v]"
            elif isinstance(schema, dict) and "additionalProperties" in schema:
                reader, writer = "dict(v)", "dict(v)"
            else:  # a scalar (or an array of scalars): its class, no more
                reader, writer = None, "v"
            read += [f"    if {key} in data:", f"        v = data[{key}]"]
            if reader is None:
                read.append("        if v.__class__ is not str and v.__class__ is not int and v.__class__ is not bool and v.__class__ is not list: raise TypeError")
            else:
                read.append(f"        v = {reader}")
            read += [f"        obj.{slot} = v", "    else:", f"        obj.{slot} = UNSET"]
            write += [f"    v = obj.{slot}", f"    if v is not UNSET: out[{key}] = {writer}"]
        read += ["    obj.additional_properties = {}", "    return obj"]
        write.append("    return out")
        self.source += ["\n".join(read), "\n".join(write)]
        return suffix

    def round_trip(self, name: str) -> Any:
        suffix = self.model(name)
        exec(compile("\n\n".join(self.source), f"<floor of {name}>", "exec"), self.ns)  # noqa: S102 -- our own code, see the docstring
        read, write = self.ns[f"from_dict{suffix}"], self.ns[f"to_dict{suffix}"]
        return lambda body: write(read(body))


def round_trip(folder: Path, definition: str) -> Any:
    """wire -> floor model -> wire for `definition` of the schemas in `folder`."""
    return _Floor(folder).round_trip(definition)
