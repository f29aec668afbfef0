"""httpInfrastructure.json: every status class (success, redirect, client and server failure,
retry) and the multiple-responses matrix (declared, `default` with and without a schema,
undeclared; valid, invalid and empty bodies).

The success operations take `booleanValue` (a body that is the constant `true`); redirects and
retries are the transport's (tests/testserver/transport.py: azure-core's rules); everything else
is the generated parser's: a declared status returns its body's model (None without a schema, a
boolean for HEAD), anything else raises `HttpResponseError` with the error model of its status.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

SWAGGER = "httpInfrastructure.json"

NOT_PASSED: dict[str, str] = {}


def _final(api: Any, operation: str, **arguments: Any) -> tuple[int, Any]:
    """The status the transport ended on (after redirects and retries), and the parsed result."""
    answer = api.send(operation, **arguments)
    return answer.status, getattr(api.responses, f"parse_{operation}_response")(*answer)


def _raised(api: Any, operation: str, status: int, **arguments: Any) -> Any:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.call(operation, **arguments)
    assert caught.value.status_code == status
    return caught.value


# -- success -------------------------------------------------------------------------------------


def test_success_200(api: Any) -> None:
    assert api.call("http_success_head200") is True
    assert api.call("http_success_get200") is True
    for method in ("put", "patch", "post", "delete"):
        assert _final(api, f"http_success_{method}200", body=True) == (200, None)


def test_success_201_202_204(api: Any) -> None:
    for method in ("put", "post"):
        assert _final(api, f"http_success_{method}201", body=True) == (201, None)
    for method in ("put", "patch", "post", "delete"):
        assert _final(api, f"http_success_{method}202", body=True) == (202, None)
        assert _final(api, f"http_success_{method}204", body=True) == (204, None)
    assert _final(api, "http_success_head204") == (204, True)


def test_head_404_is_false_when_declared(api: Any) -> None:
    assert _final(api, "http_success_head404") == (404, False)


# -- redirects (followed by the transport as azure-core does) ------------------------------------


@pytest.mark.parametrize(
    ("operation", "arguments", "status", "result"),
    [
        ("http_redirects_head300", {}, 200, True),
        ("http_redirects_get300", {}, 200, None),
        ("http_redirects_head301", {}, 200, True),
        ("http_redirects_get301", {}, 200, None),
        ("http_redirects_put301", {"body": True}, 301, None),  # not followed: PUT
        ("http_redirects_head302", {}, 200, True),
        ("http_redirects_get302", {}, 200, None),
        ("http_redirects_patch302", {"body": True}, 302, None),  # not followed: PATCH
        ("http_redirects_post303", {"body": True}, 200, None),  # followed as a GET
        ("http_redirects_head307", {}, 200, True),
        ("http_redirects_get307", {}, 200, None),
        ("http_redirects_options307", {}, 200, None),
        ("http_redirects_put307", {"body": True}, 200, None),
        ("http_redirects_patch307", {"body": True}, 200, None),
        ("http_redirects_post307", {"body": True}, 200, None),
        ("http_redirects_delete307", {"body": True}, 200, None),
    ],
)
def test_redirects(api: Any, operation: str, arguments: dict[str, Any], status: int, result: Any) -> None:
    assert _final(api, operation, **arguments) == (status, result)


# -- failures: the `default` response (an Error model; these answers have no body) ---------------


@pytest.mark.parametrize(
    ("operation", "status"),
    [
        ("http_client_failure_head400", 400),
        ("http_client_failure_get400", 400),
        ("http_client_failure_options400", 400),
        ("http_client_failure_put400", 400),
        ("http_client_failure_patch400", 400),
        ("http_client_failure_post400", 400),
        ("http_client_failure_delete400", 400),
        ("http_client_failure_head401", 401),
        ("http_client_failure_get402", 402),
        ("http_client_failure_options403", 403),
        ("http_client_failure_get403", 403),
        ("http_client_failure_put404", 404),
        ("http_client_failure_patch405", 405),
        ("http_client_failure_post406", 406),
        ("http_client_failure_delete407", 407),
        ("http_client_failure_put409", 409),
        ("http_client_failure_head410", 410),
        ("http_client_failure_get411", 411),
        ("http_client_failure_options412", 412),
        ("http_client_failure_get412", 412),
        ("http_client_failure_put413", 413),
        ("http_client_failure_patch414", 414),
        ("http_client_failure_post415", 415),
        ("http_client_failure_get416", 416),
        ("http_client_failure_delete417", 417),
        ("http_client_failure_head429", 429),
        ("http_server_failure_head501", 501),
        ("http_server_failure_get501", 501),
        ("http_server_failure_post505", 505),
        ("http_server_failure_delete505", 505),
    ],
)
def test_failures(api: Any, operation: str, status: int) -> None:
    method = operation.rsplit("_", 1)[1][: -len(str(status))]
    arguments = {"body": True} if method in ("put", "patch", "post", "delete") else {}
    error = _raised(api, operation, status, **arguments)
    assert error.error is None  # no body to parse
    assert error.operation_id.lower().endswith(f"_{method}{status}")


def test_failure_bodies(api: Any) -> None:
    empty = _raised(api, "http_failure_get_empty_error", 400)
    assert isinstance(empty.error, api.models.Error) and empty.error.message == ""
    # No `default`: an undeclared status still raises; the API's common error model reads it.
    no_model = _raised(api, "http_failure_get_no_model_error", 400)
    assert no_model.message == "NoErrorModel" and json.loads(no_model.body) == {"message": "NoErrorModel"}
    nothing = _raised(api, "http_failure_get_no_model_empty", 400)
    assert nothing.error is None and nothing.body == b""


# -- retries (the transport's; the server counts the retry by a cookie it set) ------------------


@pytest.mark.parametrize(
    ("operation", "arguments", "result"),
    [
        ("http_retry_head408", {}, True),
        ("http_retry_get502", {}, None),
        ("http_retry_options502", {}, None),  # 200 with no body: no boolean to read
        ("http_retry_put500", {"body": True}, None),
        ("http_retry_patch500", {"body": True}, None),
        ("http_retry_post503", {"body": True}, None),
        ("http_retry_delete503", {"body": True}, None),
        ("http_retry_put504", {"body": True}, None),
        ("http_retry_patch504", {"body": True}, None),
    ],
)
def test_retries(api: Any, operation: str, arguments: dict[str, Any], result: Any) -> None:
    assert _final(api, operation, **arguments) == (200, result)


# -- multiple responses --------------------------------------------------------------------------


def test_200_model_204_none_default_error(api: Any) -> None:
    a = api.call("multiple_responses_get200_model204_no_model_default_error200_valid")
    assert type(a) is api.models.A and a.status_code == "200"
    assert _final(api, "multiple_responses_get200_model204_no_model_default_error204_valid") == (204, None)
    # 201 and 202 are not declared: the `default` (an Error) describes them.
    created = _raised(api, "multiple_responses_get200_model204_no_model_default_error201_invalid", 201)
    assert type(created.error) is api.models.Error and created.error.additional_properties == {"statusCode": "201"}
    accepted = _raised(api, "multiple_responses_get200_model204_no_model_default_error202_none", 202)
    assert accepted.error.additional_properties == {"statusCode": "202"}
    failed = _raised(api, "multiple_responses_get200_model204_no_model_default_error400_valid", 400)
    assert type(failed.error) is api.models.Error and failed.error.message == "client error"
    assert failed.message == "client error" and "client error" in str(failed)


def test_200_model_201_model_default_error(api: Any) -> None:
    a = api.call("multiple_responses_get200_model201_model_default_error200_valid")
    assert type(a) is api.models.A and a.status_code == "200"
    b = api.call("multiple_responses_get200_model201_model_default_error201_valid")
    assert type(b) is api.models.B and (b.status_code, b.text_status_code) == ("201", "Created")
    failed = _raised(api, "multiple_responses_get200_model201_model_default_error400_valid", 400)
    assert failed.error.message == "client error"


def test_200_a_201_c_404_d_default_error(api: Any) -> None:
    a = api.call("multiple_responses_get200_model_a201_model_c404_model_d_default_error200_valid")
    assert type(a) is api.models.A and a.status_code == "200"
    c = api.call("multiple_responses_get200_model_a201_model_c404_model_d_default_error201_valid")
    assert type(c) is api.models.C and c.http_code == "201"
    assert _final(api, "multiple_responses_get200_model_a201_model_c404_model_d_default_error404_valid")[0] == 404
    d = api.call("multiple_responses_get200_model_a201_model_c404_model_d_default_error404_valid")
    assert type(d) is api.models.D and d.http_status_code == "404"
    failed = _raised(api, "multiple_responses_get200_model_a201_model_c404_model_d_default_error400_valid", 400)
    assert type(failed.error) is api.models.Error and failed.error.message == "client error"


def test_202_none_204_none(api: Any) -> None:
    assert _final(api, "multiple_responses_get202_none204_none_default_error202_none") == (202, None)
    assert _final(api, "multiple_responses_get202_none204_none_default_error204_none") == (204, None)
    failed = _raised(api, "multiple_responses_get202_none204_none_default_error400_valid", 400)
    assert failed.error.message == "client error"
    # A declared status without a schema returns None, whatever the body says.
    assert _final(api, "multiple_responses_get202_none204_none_default_none202_invalid") == (202, None)
    assert _final(api, "multiple_responses_get202_none204_none_default_none204_none") == (204, None)
    # A `default` without a schema: raised, no model (the body is kept as it came).
    bare = _raised(api, "multiple_responses_get202_none204_none_default_none400_none", 400)
    assert bare.error is None and bare.body == b""
    invalid = _raised(api, "multiple_responses_get202_none204_none_default_none400_invalid", 400)
    assert invalid.error is None and json.loads(invalid.body) == {"property": "value"}


def _empty_model(api: Any, operation: str) -> None:
    """A 200 that declares a model but comes without a body: a DecodeError (autorest.python
    returns None; specgen's parsers keep the annotation the spec promises, the model)."""
    answer = api.send(operation)
    assert (answer.status, answer.body) == (200, b"")
    with pytest.raises(api.package.DecodeError, match="expected object for A, got null"):
        getattr(api.responses, f"parse_{operation}_response")(*answer)


def test_default_model_a(api: Any) -> None:
    a = api.call("multiple_responses_get_default_model_a200_valid")
    assert type(a) is api.models.A and a.status_code == "200"
    _empty_model(api, "multiple_responses_get_default_model_a200_none")
    # The server's 400 "valid" has no body, its 400 "none" has one: `default` is A either way.
    empty = _raised(api, "multiple_responses_get_default_model_a400_valid", 400)
    assert empty.error is None
    read = _raised(api, "multiple_responses_get_default_model_a400_none", 400)
    assert type(read.error) is api.models.A and read.error.additional_properties == {"property": "value"}


def test_default_none(api: Any) -> None:
    assert _final(api, "multiple_responses_get_default_none200_invalid") == (200, None)
    assert _final(api, "multiple_responses_get_default_none200_none") == (200, None)
    invalid = _raised(api, "multiple_responses_get_default_none400_invalid", 400)
    assert invalid.error is None and json.loads(invalid.body) == {"statusCode": "200"}
    assert _raised(api, "multiple_responses_get_default_none400_none", 400).error is None


def test_200_model_a(api: Any) -> None:
    _empty_model(api, "multiple_responses_get200_model_a200_none")
    valid = api.call("multiple_responses_get200_model_a200_valid")
    assert type(valid) is api.models.A and valid.status_code == "200"
    invalid = api.call("multiple_responses_get200_model_a200_invalid")
    assert type(invalid) is api.models.A and invalid.status_code is api.package.UNSET
    assert invalid.additional_properties == {"statusCodeInvalid": "200"}
    # Only 200 is declared (no `default`): 400 and 202 raise; the API's common error model reads them.
    for operation, status in (
        ("multiple_responses_get200_model_a400_none", 400),
        ("multiple_responses_get200_model_a400_valid", 400),
        ("multiple_responses_get200_model_a400_invalid", 400),
        ("multiple_responses_get200_model_a202_valid", 202),
    ):
        assert isinstance(_raised(api, operation, status).error, api.models.Error)
