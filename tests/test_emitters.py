"""Each emitter fed a tiny hand-built IR (generator/ir), one behaviour a test.

No spec is loaded and nothing is formatted: the fixtures below are the whole input, so a failure
points at the emitter, not at the build.  Behaviour is checked on the emitted module where it is
cheap to run it (a package assembled from the unformatted files), else on the emitted text.
(The spec view has its own unit tests on small documents: test_spec_view.py.)
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from generator import ir
from generator.emit import requests, responses, strategies, validators
from generator.emit.models import ModelEmitter
from generator.emit.package import header, render_package
from generator.emit.schemas import emit_schemas

STRING = ir.Type("string")
COLOR = ir.Enum(
    name="Color",
    py_name="Color",
    members=(ir.EnumMember("RED", "red"), ir.EnumMember("BLUE", "blue")),
    extensible=False,
)
WIDGET = ir.Model(
    name="Widget",
    py_name="Widget",
    fields=(
        ir.Field("name", "name", STRING, required=True),
        ir.Field("size", "size", ir.Type("integer", constraints=(("minimum", 1),))),
        ir.Field("color", "color", ir.Type("enum", ref="Color")),
        ir.Field("etag", "etag", STRING, read_only=True),
    ),
)
NAME = ir.Parameter("name", "name", "path", STRING, required=True)
API_VERSION = ir.Parameter("api_version", "api-version", "query", STRING, required=True, constant="2024-01-01", api_version=True)
GET = ir.Operation(
    operation_id="Widgets_Get",
    py_name="widgets_get",
    method="GET",
    path="/widgets/{name}",
    parameters=(NAME, API_VERSION),
    responses=(ir.Response("200", ir.Type("model", ref="Widget")),),
)
DELETE = ir.Operation(
    operation_id="Widgets_Delete",
    py_name="widgets_delete",
    method="DELETE",
    path="/widgets/{name}",
    parameters=(NAME, API_VERSION),
    responses=(ir.Response("200", None), ir.Response("204", None)),
)
API = ir.Api(
    title="Widgets",
    api_version="2024-01-01",
    host="example.com",
    scheme="https",
    base_path="",
    spec_display="widgets.json",
    spec_sha256="0" * 64,
    models=(WIDGET,),
    enums=(COLOR,),
    operations=(GET, DELETE),
)


def _common(api: ir.Api = API) -> dict[str, Any]:
    return {"header": header(api)}


@pytest.fixture(scope="module")
def pkg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The package every emitter writes for :data:`API`, imported as it comes (unformatted)."""
    folder = tmp_path_factory.mktemp("emitters")
    name = "tiny_widgets"
    for path, text in render_package(API, name).items():
        target = folder / name / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))
        for module in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
            del sys.modules[module]


def _sub(pkg: ModuleType, name: str) -> Any:
    return importlib.import_module(f"{pkg.__name__}.{name}")


# -- models ---------------------------------------------------------------------------------------


def test_models_an_optional_field_defaults_to_unset_and_a_required_one_has_no_default() -> None:
    fields = {f.py_name: f for f in ModelEmitter(API).model_view(WIDGET).fields}
    assert fields["size"].parameter.strip() == "size: int | None | Unset = UNSET,"
    assert fields["name"].parameter.strip() == "name: str,"


def test_models_round_trip_wire_names_and_leave_unset_fields_out(pkg: ModuleType) -> None:
    models = _sub(pkg, "models")
    widget = models.Widget.from_dict({"name": "w", "color": "red"})
    assert widget.size is models.UNSET and widget.color is models.Color.RED
    assert widget.to_dict() == {"name": "w", "color": "red"}


def test_models_a_renamed_field_is_read_and_written_under_its_wire_name() -> None:
    renamed = replace(WIDGET, fields=(replace(WIDGET.fields[0], py_name="display_name", wire_name="displayName"),))
    view = ModelEmitter(replace(API, models=(renamed,))).model_view(renamed)
    assert "displayName" in view.from_dict and "displayName" in view.to_dict
    assert [f.py_name for f in view.fields] == ["display_name"]


# -- schemas --------------------------------------------------------------------------------------


def test_schemas_required_read_only_and_enum_refs() -> None:
    schemas = emit_schemas(API)
    widget = schemas["Widget.json"]
    assert widget["required"] == ["name"]
    assert widget["properties"]["etag"]["readOnly"] is True
    assert widget["properties"]["size"]["minimum"] == 1
    assert widget["properties"]["color"] == {"$ref": "Color.json"}
    assert schemas["Color.json"]["enum"] == ["red", "blue"]


# -- requests -------------------------------------------------------------------------------------


def test_requests_a_path_parameter_is_quoted(pkg: ModuleType) -> None:
    req = _sub(pkg, "requests").build_widgets_get_request(name="a b/c")
    assert (req.method, req.url) == ("GET", "https://example.com/widgets/a%20b%2Fc?api-version=2024-01-01")


def test_requests_a_constant_parameter_defaults_to_its_value() -> None:
    kind = ir.Parameter("kind", "kind", "query", STRING, required=True, constant="full")
    api = replace(API, operations=(replace(GET, parameters=(NAME, API_VERSION, kind)),))
    text = requests.emit(api, emit_schemas(api), _common(api))["requests.py"]
    assert 'kind: str = "full",' in text
    assert "api_version: str = API_VERSION," in text  # the api-version is the package's own


def test_requests_a_missing_path_placeholder_parameter_is_a_spec_error() -> None:
    from generator.errors import SpecError

    broken = replace(GET, parameters=(API_VERSION,))
    with pytest.raises(SpecError, match=r"\{name\}"):
        requests.emit(replace(API, operations=(broken,)), emit_schemas(API), _common())


# -- responses ------------------------------------------------------------------------------------


def test_responses_a_status_without_a_schema_returns_none(pkg: ModuleType) -> None:
    parse = _sub(pkg, "responses").parse_widgets_delete_response
    assert parse(204, {}, b"") is None and parse(200, {}, b"") is None


def test_responses_a_status_with_a_model_returns_the_model(pkg: ModuleType) -> None:
    widget = _sub(pkg, "responses").parse_widgets_get_response(200, {}, b'{"name": "w"}')
    assert widget == _sub(pkg, "models").Widget(name="w")


def test_responses_an_undeclared_status_raises(pkg: ModuleType) -> None:
    module = _sub(pkg, "responses")
    with pytest.raises(module.HttpResponseError):
        module.parse_widgets_get_response(404, {}, b"{}")


def test_responses_annotation_says_none_only_when_every_status_is_bodiless() -> None:
    text = responses.emit(API, emit_schemas(API), _common())["responses.py"]
    assert "def parse_widgets_delete_response(status_code: int, headers: Headers | None, body: Body) -> None:" in text
    assert ") -> _models.Widget:" in text


# -- strategies -----------------------------------------------------------------------------------


def test_strategies_have_a_builder_per_definition() -> None:
    text = strategies.emit(API, emit_schemas(API), _common())["strategies.py"]
    assert "def _build_Widget(" in text and "def _build_Color(" in text


def test_strategies_draw_what_the_validators_accept(pkg: ModuleType) -> None:
    from hypothesis import given, settings

    validate = _sub(pkg, "validators").validate

    @settings(max_examples=30, database=None)
    @given(_sub(pkg, "strategies").for_definition("Widget", request=True))
    def check(body: dict[str, Any]) -> None:
        assert "name" in body and "etag" not in body  # required kept, read-only left out of requests
        assert validate("Widget", body, request=True) == []

    check()


# -- validators -----------------------------------------------------------------------------------


def test_validators_report_a_missing_required_field_and_a_value_below_minimum(pkg: ModuleType) -> None:
    validate = _sub(pkg, "validators").validate
    assert validate("Widget", {"name": "w", "size": 1}) == []
    errors = validate("Widget", {"size": 0})
    assert sorted((e.keyword, e.path) for e in errors) == [("minimum", "/size"), ("required", "")]


def test_validators_a_read_only_field_is_an_error_only_in_requests() -> None:
    text = validators.emit(API, emit_schemas(API), _common())["validators.py"]
    namespace: dict[str, Any] = {}
    exec(compile(text, "validators.py", "exec"), namespace)  # noqa: S102
    assert namespace["is_valid"]("Widget", {"name": "w", "etag": "x"})
    assert not namespace["is_valid"]("Widget", {"name": "w", "etag": "x"}, request=True)


def test_validators_a_function_per_definition_named_in_snake_case() -> None:
    text = validators.emit(API, emit_schemas(API), _common())["validators.py"]
    assert "def validate_widget(" in text and "def validate_color(" in text

