"""dpg-initial.json: the first version of an API that dpg-update1.json evolves (service-driven
evolution). Its operations must work as they are; the server counts them in its `dpg` report,
which the coverage summary does not read, so the last test checks the server's counts."""

from __future__ import annotations

from typing import Any

SWAGGER = "dpg-initial.json"

NOT_PASSED: dict[str, str] = {}

MESSAGE = {"message": "An object was successfully returned"}
SCENARIOS = ("DPGAddOptionalInput_NoParams", "DPGAddOptionalInput", "DPGAddOptionalInput_RequiredOptionalParam", "DPGAddOptionalInput_OptionalParam", "DPGNewBodyType.JSON")


def test_head_no_params(api: Any) -> None:
    assert api.requests.build_params_head_no_params_request(base_url=api.base_url).url == api.base_url + "/serviceDriven/parameters"
    assert api.call("params_head_no_params") is True  # HEAD answers a boolean (its 200 has no body to read)


def test_get_required(api: Any) -> None:
    request = api.requests.build_params_get_required_request(parameter="foo", base_url=api.base_url)
    assert request.url.endswith("/serviceDriven/parameters?parameter=foo")
    assert api.call("params_get_required", parameter="foo") == MESSAGE


def test_put_required_optional(api: Any) -> None:
    assert api.call("params_put_required_optional", required_param="foo", optional_param="bar") == MESSAGE
    assert api.call("params_put_required_optional", required_param="foo") == MESSAGE


def test_get_optional(api: Any) -> None:
    assert api.call("params_get_optional", optional_param="foo") == MESSAGE
    assert api.call("params_get_optional") == MESSAGE


def test_post_parameters_json(api: Any) -> None:
    body = api.models.PostInput(url="http://example.org/myimage.jpeg")
    assert api.call("params_post_parameters", body=body) is None


def test_operations_of_the_later_version_are_absent(api: Any) -> None:
    assert not hasattr(api.requests, "build_params_delete_parameters_request")
    assert not hasattr(api.requests, "build_params_get_new_operation_request")


def test_the_server_counted_every_scenario(api: Any, testserver: Any) -> None:
    counts = testserver.coverage("dpg")
    assert {name: counts[name] > 0 for name in SCENARIOS} == dict.fromkeys(SCENARIOS, True)
