"""httpInfrastructure.quirks.json: the same server routes as httpInfrastructure.json (whose module
runs first and is credited with them), read through the "quirks" variant of the file: the
success operations' `booleanValue` is an optional boolean instead of the constant `true`, and
eight multiple-responses operations declare only a `default`, which then describes their
successes too (an operation that declares no success status takes any 2xx as its `default`).

Every scenario is driven again here; the tests that differ are redefined below.
"""

from __future__ import annotations

import json
from typing import Any

from testserver.test_ts_http_infrastructure import (  # noqa: F401  (collected here too, against this file's package)
    _empty_model,
    _final,
    _raised,
    test_200_a_201_c_404_d_default_error,
    test_200_model_201_model_default_error,
    test_200_model_204_none_default_error,
    test_200_model_a,
    test_202_none_204_none,
    test_failure_bodies,
    test_failures,
    test_head_404_is_false_when_declared,
    test_redirects,
    test_retries,
    test_success_200,
    test_success_201_202_204,
)

SWAGGER = "httpInfrastructure.quirks.json"

NOT_PASSED: dict[str, str] = {}


def test_boolean_value_is_optional(api: Any) -> None:
    assert _final(api, "http_success_put200") == (200, None)
    assert api.requests.build_http_success_put200_request().body is None
    assert api.requests.build_http_success_put200_request(body=True).body == b"true"


def test_default_model_a(api: Any) -> None:
    # Only `default: A` is declared: a 2xx answer is a success read as A, other statuses raise it.
    a = api.call("multiple_responses_get_default_model_a200_valid")
    assert type(a) is api.models.A and a.status_code == "200"
    _empty_model(api, "multiple_responses_get_default_model_a200_none")
    assert _raised(api, "multiple_responses_get_default_model_a400_valid", 400).error is None
    read = _raised(api, "multiple_responses_get_default_model_a400_none", 400)
    assert type(read.error) is api.models.A and read.error.additional_properties == {"property": "value"}


def test_default_none(api: Any) -> None:
    # Only a `default` without a schema: a 2xx is a success without a body to read.
    assert _final(api, "multiple_responses_get_default_none200_invalid") == (200, None)
    assert _final(api, "multiple_responses_get_default_none200_none") == (200, None)
    invalid = _raised(api, "multiple_responses_get_default_none400_invalid", 400)
    assert invalid.error is None and json.loads(invalid.body) == {"statusCode": "200"}
    assert _raised(api, "multiple_responses_get_default_none400_none", 400).error is None
