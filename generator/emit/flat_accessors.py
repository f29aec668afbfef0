"""Flattened accessors (`x-ms-client-flatten` on a model's field): the properties that stand for
the fields of the flattened model, at any depth, as `models.py.jinja` shows them."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.emit.model_conversions import ConversionEmitter
from generator.format.layout import INDENT, annotated, block, literal


@dataclass(frozen=True)
class FlatView:
    py_name: str
    via: str
    target: str
    getter: str  # the property's `def` line(s)
    get_body: str
    setter: str
    set_body: str
    parameter: str  # the keyword argument `__init__` takes for it (set through the setter)


class FlatAccessorEmitter(ConversionEmitter):
    """The views of a model's flattened accessors."""

    def flat_view(self, m: ir.Model, fl: ir.FlattenedField) -> FlatView:
        """The property standing for `fl`: it reads through the flattened field (UNSET while that
        is unset), and sets through it (creating the inner model when nothing in it is required)."""
        outer = next(f for f in m.fields if f.py_name == fl.via)
        inner = self.models[outer.type.ref or ""]
        steps = self.path_fields(m, fl.path)
        takes = self.field_annotation(steps[-1])  # what the field it stands for holds, and so takes
        if all(f.required and not f.read_only for f in steps[:-1]):  # every model on the way is always there
            returns = takes
            get_body = [(2, f"return self.{fl.via}.{fl.target}")]
            set_body = [(2, f"self.{fl.via}.{fl.target} = value")]
        else:
            returns = takes if takes.endswith("| Unset") else f"{takes} | Unset"
            # Made on the way only when every model down to the field can be made empty (else
            # nothing is changed: the models in between have required fields to be set first).
            on_the_way = [self.models[f.type.ref or ""] for f in steps[:-1]]
            creatable = not any(g.required and not g.read_only for model in on_the_way for g in model.fields)
            unset = ".".join(fl.path[:-1])
            create = f"inner = self.{fl.via} = {inner.py_name}()" if creatable else f"raise _builtins.AttributeError({literal(f'set {unset} first: it has required fields')})"
            get_body = [(2, f"inner = self.{fl.via}"), (2, f"return UNSET if inner is UNSET or inner is None else inner.{fl.target}")]
            if not (outer.required and not outer.read_only):
                set_body = [(2, f"inner = self.{fl.via}"), (2, "if inner is UNSET or inner is None:"), (3, create), (2, f"inner.{fl.target} = value")]
            else:  # the inner model is always there; deeper down it may not be (its setter says)
                get_body = [(2, f"return self.{fl.via}.{fl.target}")]
                set_body = [(2, f"self.{fl.via}.{fl.target} = value")]
        return FlatView(
            py_name=fl.py_name,
            via=".".join(fl.path[:-1]),
            target=fl.path[-1],
            getter=f"{INDENT}def {fl.py_name}(self) -> {returns}:",
            get_body=block(get_body),
            setter=f"{INDENT}def {fl.py_name}(self, value: {takes}) -> None:",
            set_body=block(set_body),
            parameter=annotated(fl.py_name, takes if takes.endswith("| Unset") else f"{takes} | Unset", " = UNSET,", INDENT * 2),
        )

    def path_fields(self, m: ir.Model, path: tuple[str, ...]) -> list[ir.Field]:
        """The fields `path` (py_names) goes through, from model `m` on."""
        out: list[ir.Field] = []
        model = m
        for step in path:
            f = next(f for f in model.fields if f.py_name == step)
            out.append(f)
            if f.type.ref in self.models:
                model = self.models[f.type.ref or ""]
        return out
