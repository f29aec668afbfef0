"""validation.json: constants in the path and in the body; parameter constraints (length, pattern,
range, multipleOf) checked by the builders, body constraints by the generated validators."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "validation.json"

NOT_PASSED: dict[str, str] = {}


def _product(api: Any, **extra: Any) -> Any:
    m = api.models
    return m.Product(
        child=m.ChildProduct(const_property="constant"),
        const_child=m.ConstantProduct(const_property="constant", const_property2="constant2"),
        const_int=0,
        const_string="constant",
        **extra,
    )


def test_constant_in_path(api: Any) -> None:
    assert api.call("get_with_constant_in_path") is None
    with pytest.raises(api.requests.ParameterError, match="constant_param"):
        api.call("get_with_constant_in_path", constant_param="other")


def test_constants_in_body(api: Any) -> None:
    product = _product(api)
    assert api.call("post_with_constant_in_body", body=product) == product


def test_parameter_constraints(api: Any) -> None:
    ok = {"subscription_id": "abc123", "api_version_": "12-34-5678", "base_url": "http://h"}
    build = api.requests.build_validation_of_method_parameters_request
    assert build(resource_group_name="123", id=150, **ok).url == "http://h/fakepath/abc123/123/150?apiVersion=12-34-5678"
    for arguments, message in (
        ({"resource_group_name": "1", "id": 100}, "3 to 10 characters"),
        ({"resource_group_name": "1234567890A", "id": 100}, "3 to 10 characters"),
        ({"resource_group_name": "!@#$", "id": 100}, "pattern"),
        ({"resource_group_name": "123", "id": 105}, "multiple of 10"),
        ({"resource_group_name": "123", "id": 0}, "greater than or equal to 100"),
        ({"resource_group_name": "123", "id": 2000}, "less than or equal to 1000"),
    ):
        with pytest.raises(api.requests.ParameterError, match=message):
            build(**arguments, **ok)
    with pytest.raises(api.requests.ParameterError, match="api_version_.*pattern"):
        build(resource_group_name="123", id=150, subscription_id="abc123", api_version_="abc")


def test_body_constraints_are_the_validators_job(api: Any) -> None:
    validate = api.package.validators.validate
    assert validate("Product", _product(api).to_dict()) == []
    for extra, keyword in (({"capacity": 0}, "exclusiveMinimum"), ({"capacity": 100}, "exclusiveMaximum"), ({"display_names": [str(i) for i in range(7)]}, "maxItems")):
        errors = validate("Product", _product(api, **extra).to_dict())
        assert [e.keyword for e in errors] == [keyword], errors
