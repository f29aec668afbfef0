"""Stage 1b: the spec view, one typed reading of a loaded Swagger 2.0 document (see `view`)."""

from generator.spec.nodes import Loc, Node
from generator.spec.schemas import Discriminator, Part, Properties, Property
from generator.spec.view import METHODS, Operation, Parameter, Response, SpecView

__all__ = [
    "METHODS", "Discriminator", "Loc", "Node", "Operation", "Parameter", "Part", "Properties",
    "Property", "Response", "SpecView",
]
