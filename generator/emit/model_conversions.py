"""Field values between the wire and Python: the annotations, and the expressions and statements
that read and write them, specialised per type (no per-call reflection in the generated code).
Records the runtime helpers (`_read_list`, `_write_datetime`, ...) the emitted code calls."""

from __future__ import annotations

from dataclasses import replace

from generator import ir
from generator.emit.annotations import or_none, py_type
from generator.emit.formats import codec
from generator.format.layout import literal

_CHECK = {"string": ("str",), "integer": ("int",), "boolean": ("bool",), "number": ("float", "int")}
_SCALAR_READER = {"string": "_read_str", "integer": "_read_int", "boolean": "_read_bool", "number": "_read_number"}


class ConversionEmitter:
    """`qualify` prefixes what models.py defines (classes, enum readers, alias helpers) for a
    module that imports it as `_models` (responses.py, requests.py); the runtime helpers it
    records in `used` are imported by every module under the same names. `request` is the
    expression a writer passes on as `to_dict`'s `request`."""

    def __init__(self, api: ir.Api, qualify: str = "", request: str = "request") -> None:
        self.request = request
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.api = api
        self.qualify = qualify
        self.used: set[str] = set()  # runtime helpers the emitted code calls
        # Models whose from_dict models.py calls through `_from_dict_<Model>`, bound once at
        # import: a classmethod looked up on its class is bound again on every call.
        self.bound: set[str] = set()
        # Array and map definitions: a type alias and a reader and a writer each, which their
        # uses call rather than spell the nesting out again.
        self.aliases = {a.name: a for a in api.aliases if a.type.kind in ("array", "map")}

    def alias(self, t: ir.Type) -> str | None:
        return t.alias if t.alias in self.aliases else None

    def _use(self, helper: str) -> str:
        self.used.add(helper)
        return helper

    # -- annotations --------------------------------------------------------------------------

    def annotation(self, t: ir.Type) -> str:
        alias = self.alias(t)
        if alias is not None:
            spelled = self.qualify + alias
        elif t.kind in ("array", "map"):  # one level here, so that an item that is an alias is named
            item = self.annotation(t.item or ir.Type("any"))
            spelled = f"list[{item}]" if t.kind == "array" else f"dict[str, {item}]"
        else:  # (models.py names the types of formats privately: a field may be called `time`)
            return py_type(self.api, t, qualify=self.qualify, private=not self.qualify)
        return or_none(spelled) if t.nullable else spelled

    def field_annotation(self, f: ir.Field) -> str:
        base = self.annotation(f.type)
        if f.required and not f.read_only:
            return base
        return f"{or_none(base)} | Unset"

    # -- wire -> Python -----------------------------------------------------------------------

    def needs_conversion(self, t: ir.Type) -> bool:
        if t.kind in ("model", "enum") or codec(t) is not None:
            return True
        if t.kind in ("array", "map") and t.item is not None:
            return self.needs_conversion(t.item)
        return False

    def read_expr(self, t: ir.Type, var: str, secret: bool = False) -> str:
        """An expression turning the (non-null) wire value in `var` into its Python value.

        Models read from a secret field become their `_Secret...` view, whose repr shows nothing."""
        alias = self.alias(t)
        if alias is not None and not secret:
            return f"{self.qualify}_read_{alias}({var})"
        if t.kind in ("array", "map"):
            item = t.item or ir.Type("any")
            helper = self._use("_read_list" if t.kind == "array" else "_read_map")
            return f"{helper}({var}, {'None' if item.kind == 'any' else self.reader(item, secret)})"
        if t.kind == "enum" and self.enums[t.ref or ""].value_kind == "string":
            # A known value is one lookup here; any other goes to the reader (which keeps an
            # extensible enum's unknown string, and raises for the rest).
            values = f"{self.qualify}_VALUES_{self.enums[t.ref or ''].py_name}"
            return f"{values}[{var}] if {var}.__class__ is str and {var} in {values} else {self.reader(replace(t, nullable=False), secret)}({var})"
        return f"{self.reader(replace(t, nullable=False), secret)}({var})"

    def reader(self, t: ir.Type, secret: bool = False) -> str:
        """The same as a callable (for the items of arrays and maps): scalars are checked as the
        validators check them (an integral float is an integer, read as the int it equals); a
        null is refused unless the type is x-nullable."""
        read = self.non_null_reader(t, secret)
        return f"{self._use('_or_null')}({read})" if t.nullable and t.kind != "any" else read

    def non_null_reader(self, t: ir.Type, secret: bool) -> str:
        q = self.qualify
        if t.kind in _SCALAR_READER:
            return self._use(_SCALAR_READER[t.kind])
        if t.kind == "model":
            name = self.models[t.ref or ""].py_name
            if secret:
                return f"{q}_Secret{name}.from_dict"
            if not q:  # (models.py binds each class's from_dict once: see `bound`)
                self.bound.add(name)
                return f"_from_dict_{name}"
            return f"{q}{name}.from_dict"
        if t.kind == "enum":
            return f"{q}_in_{self.enums[t.ref or ''].py_name}"
        found = codec(t)
        if found is not None:
            return self._use(f"_read_{found.name}")
        if t.kind in ("array", "map"):
            alias = self.alias(t)
            return f"{q}_read_{alias}" if alias is not None and not secret else f"lambda v: {self.read_expr(replace(t, nullable=False), 'v', secret)}"
        return self._use("_identity")

    @staticmethod
    def keeps_text(f: ir.Field) -> bool:
        """Whether field `f` is a `DateTimeField`: it keeps the checked wire text in the slot
        `_<name>_wire` and makes the datetime when first read (most never are: a round trip
        writes the text back without one). (No name a class body uses ends with `_wire`.)"""
        found = codec(f.type)
        return found is not None and found.name == "datetime"

    def slot(self, f: ir.Field) -> str:
        """The attribute that holds field `f`'s value (`from_dict` and `to_dict` use it)."""
        return f"_{f.py_name}_wire" if self.keeps_text(f) else f.py_name

    def read_statements(self, f: ir.Field, var: str) -> list[tuple[int, str]]:
        """The statements reading field `f` into `obj`, each with its depth (in indents)."""
        # Every statement that can raise sets `k` (the key the except clause adds to the
        # pointer) first; a missing property is the object's own error (`k = None`), as the
        # validators report `required`. `in` and a subscript cost less than `data.get`, most
        # when the field is absent.
        wire = literal(f.wire_name)
        # A required field must be there and must not be null (unless x-nullable); an optional
        # one may be either.
        required = f.required and not f.read_only
        may_be_null = not required or f.type.nullable
        t = replace(f.type, nullable=False)  # what a value that is not null is read as
        body = [(0, f"{var} = data[{wire}]")]
        if t.kind in _CHECK:
            # The common case costs one class test; anything else goes to the reader, which
            # raises (or, for 1.0 as an integer, returns the int).
            check = " and ".join(f"{var}.__class__ is not {cls}" for cls in _CHECK[t.kind])
            body += [(0, f"if {check}{f' and {var} is not None' if may_be_null else ''}:"), (1, f"k = {wire}"), (1, f"{var} = {self.reader(t)}({var})")]
        else:
            if self.keeps_text(f):
                read = self._use("_wire_datetime")
                convert = [f"k = {wire}", f"{var} = {self._use('_secret_value')}({read}, {var})" if f.secret else f"{var} = {read}({var})"]
            elif f.secret and (self.needs_conversion(t) or t.kind in ("array", "map")):
                # Whatever goes wrong below a secret field (a closed enum's value in an array, in a
                # nested model) is reported at its pointer, without the value.
                convert = [f"k = {wire}", f"{var} = {self._use('_secret_value')}({self.reader(t, True)}, {var})"]
            elif self.needs_conversion(t) or t.kind in ("array", "map"):
                convert = [f"k = {wire}", f"{var} = {self.read_expr(t, var, f.secret)}"]
            else:
                convert = []
            if convert and not may_be_null:
                body += [(0, line) for line in convert]
            elif convert:
                body += [(0, f"if {var} is not None:"), *((1, line) for line in convert)]
        body.append((0, f"obj.{self.slot(f)} = {var}"))
        if required:
            missing = literal("required property " + repr(f.wire_name) + " is missing")
            return [(0, f"if {wire} not in data:"), (1, "k = None"), (1, f"raise DecodeError({missing})"), *body]
        # (`absent` counts the fields the body lacks: with it, from_dict knows whether the body has
        # keys no field takes without looking at each key again)
        return [(0, f"if {wire} in data:"), *((depth + 1, line) for depth, line in body), (0, "else:"), (1, f"obj.{self.slot(f)} = UNSET"), (1, "absent += 1")]

    # -- Python -> wire -----------------------------------------------------------------------

    def writer(self, t: ir.Type, var: str, depth: int = 0) -> str:
        """An expression turning the Python value in `var` back into its wire value."""
        alias = self.alias(t)
        if alias is not None:
            return f"{self.qualify}_write_{alias}({var}, {self.request})"
        if t.kind == "model":
            return f"{var}.to_dict(request={self.request})"
        if t.kind == "enum":
            enum = self.enums[t.ref or ""]
            return f"({var}._value_ if {var}.__class__ is {self.qualify}{enum.py_name} else {var})"
        found = codec(t)
        if found is not None:
            return f"{self._use(f'_write_{found.name}')}({var})"
        if t.kind == "array":
            item = t.item or ir.Type("any")
            x = f"x{depth}"
            return f"[{self.item_writer(item, x, depth + 1)} for {x} in {var}]" if self.needs_conversion(item) else f"list({var})"
        if t.kind == "map":
            item = t.item or ir.Type("any")
            k, x = f"k{depth}", f"x{depth}"
            return f"{{{k}: {self.item_writer(item, x, depth + 1)} for {k}, {x} in {var}.items()}}" if self.needs_conversion(item) else f"dict({var})"
        return var

    def item_writer(self, t: ir.Type, var: str, depth: int) -> str:
        """`writer` for an array item or map value, which may be null where x-nullable says so."""
        written = self.writer(t, var, depth)
        return f"(None if {var} is None else {written})" if t.nullable else written
