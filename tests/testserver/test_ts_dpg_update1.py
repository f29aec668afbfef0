"""dpg-update1.json: dpg-initial.json evolved by the service (new optional parameters, a new
operation on a known path, a new path). The server counts these scenarios in its `dpg` report,
which the coverage summary does not read, so the last test checks the server's counts."""

from __future__ import annotations

from typing import Any

SWAGGER = "dpg-update1.json"

NOT_PASSED: dict[str, str] = {}

MESSAGE = {"message": "An object was successfully returned"}
SCENARIOS = (
    "DPGAddOptionalInput_NoParams",
    "DPGAddOptionalInput",
    "DPGAddOptionalInput_RequiredOptionalParam",
    "DPGAddOptionalInput_OptionalParam",
    "DPGNewBodyType.JSON",
    "DPGNewBodyType.JPEG",
    "DPGNewBodyType",
    "DPGAddNewOperation",
    "DPGAddNewPath",
    "DPGGlassBreaker",
)


def test_head_no_params_gains_an_optional_parameter(api: Any) -> None:
    assert api.call("params_head_no_params") is True  # HEAD answers a boolean (its 200 has no body to read)
    request = api.requests.build_params_head_no_params_request(new_parameter="bar", base_url=api.base_url)
    assert request.url.endswith("/serviceDriven/parameters?new_parameter=bar")
    assert api.call("params_head_no_params", new_parameter="bar") is True


def test_get_required_gains_an_optional_parameter(api: Any) -> None:
    assert api.call("params_get_required", parameter="foo") == MESSAGE
    request = api.requests.build_params_get_required_request(parameter="foo", new_parameter="bar", base_url=api.base_url)
    assert request.url.endswith("?parameter=foo&new_parameter=bar")
    assert api.call("params_get_required", parameter="foo", new_parameter="bar") == MESSAGE


def test_put_required_optional_gains_an_optional_parameter(api: Any) -> None:
    assert api.call("params_put_required_optional", required_param="foo", optional_param="bar") == MESSAGE
    assert api.call("params_put_required_optional", required_param="foo", optional_param="bar", new_parameter="baz") == MESSAGE
    assert api.call("params_put_required_optional", required_param="foo", new_parameter="baz") == MESSAGE


def test_get_optional_gains_an_optional_parameter(api: Any) -> None:
    assert api.call("params_get_optional", optional_param="foo") == MESSAGE
    assert api.call("params_get_optional", optional_param="foo", new_parameter="bar") == MESSAGE


def test_post_parameters_json(api: Any) -> None:
    body = api.models.PostInput(url="http://example.org/myimage.jpeg")
    assert api.call("params_post_parameters", body=body) is None


def test_post_parameters_gains_a_jpeg_body(api: Any) -> None:
    # The operation now consumes image/jpeg too: content_type picks it, the bytes go as they are.
    request = api.requests.build_params_post_parameters_request(body=b"hello", content_type="image/jpeg", base_url=api.base_url)
    assert (request.headers["Content-Type"], request.body) == ("image/jpeg", b"hello")
    assert api.call("params_post_parameters", body=b"hello", content_type="image/jpeg") is None


def test_new_operation_on_a_known_path(api: Any) -> None:
    request = api.requests.build_params_delete_parameters_request(base_url=api.base_url)
    assert (request.method, request.url) == ("DELETE", api.base_url + "/serviceDriven/parameters")
    assert api.call("params_delete_parameters") is None


def test_new_path(api: Any) -> None:
    assert api.call("params_get_new_operation") == MESSAGE


def test_glass_breaker(api: Any) -> None:
    # A GET of a URL the spec does not describe goes out as the package's own HttpRequest.
    from testserver.transport import send

    request = api.requests.follow_link(api.base_url + "/servicedriven/glassbreaker", base_url=api.base_url)
    status, _, body = send(request)
    assert (status, body) == (200, b'{"message":"An object was successfully returned"}')


def test_the_server_counted_every_scenario(api: Any, testserver: Any) -> None:
    counts = testserver.coverage("dpg")
    assert {name: counts[name] > 0 for name in SCENARIOS} == dict.fromkeys(SCENARIOS, True)
