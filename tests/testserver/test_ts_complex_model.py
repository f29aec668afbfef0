"""complex-model.json: arrays and maps of models nested in each other (array of maps, map of
arrays). The server has no route for its paths (no scenario in any report), so the requests are
checked as built and the parsers are fed the bodies the spec describes."""

from __future__ import annotations

import json
from typing import Any

import pytest

SWAGGER = "complex-model.json"

NOT_PASSED: dict[str, str] = {}

PRODUCT = {"product_id": "uberX", "description": "Low-cost rides", "display_name": "uberX", "capacity": "4", "image": "http://x/uberx.png"}


def test_list_with_the_constant_subscription(api: Any) -> None:
    request = api.requests.build_list_request(resource_group_name="rg", base_url="http://h")
    assert request.method == "GET"
    assert request.url == "http://h/subscriptions/123456/resourcegroups/rg/Microsoft.Cache/Redis?api-version=2014-04-01-preview"
    # A closed single-value enum: another subscription is refused before anything is built.
    with pytest.raises(api.requests.ParameterError, match="subscription"):
        api.requests.build_list_request(resource_group_name="rg", subscription_id="other")


def test_list_parses_an_array_of_models(api: Any) -> None:
    body = {"productArray": [PRODUCT, {"product_id": "pool"}]}
    catalog = api.responses.parse_list_response(200, {}, json.dumps(body).encode())
    assert type(catalog) is api.models.CatalogArray
    assert catalog.product_array == [api.models.Product(**PRODUCT), api.models.Product(product_id="pool")]
    # No default is invented: capacity stays unset where the body has none.
    assert catalog.product_array[1].capacity is api.package.UNSET
    assert catalog.to_dict() == body


def test_create_sends_a_map_of_arrays_and_parses_a_map(api: Any) -> None:
    m = api.models
    body = m.CatalogDictionaryOfArray(product_dictionary_of_array={"cheap": [m.Product(product_id="uberX")], "none": []})
    request = api.requests.build_create_request(subscription_id="s", resource_group_name="rg", body=body, base_url="http://h")
    assert request.method == "POST"
    assert json.loads(request.body) == {"productDictionaryOfArray": {"cheap": [{"product_id": "uberX"}], "none": []}}
    answer = {"productDictionary": {"a": PRODUCT}}
    catalog = api.responses.parse_create_response(200, {}, json.dumps(answer))
    assert type(catalog.product_dictionary["a"]) is m.Product
    assert catalog.to_dict() == answer


def test_update_sends_an_array_of_maps(api: Any) -> None:
    m = api.models
    body = m.CatalogArrayOfDictionary(product_array_of_dictionary=[{"a": m.Product(display_name="A")}, {}])
    request = api.requests.build_update_request(subscription_id="s", resource_group_name="rg", body=body, base_url="http://h")
    assert (request.method, json.loads(request.body)) == ("PUT", {"productArrayOfDictionary": [{"a": {"display_name": "A"}}, {}]})
    with pytest.raises(api.requests.ParameterError, match="/productArrayOfDictionary/0/a"):
        api.requests.build_update_request(subscription_id="s", resource_group_name="rg", body={"productArrayOfDictionary": [{"a": 1}]})


def test_an_error_answer_raises_with_its_model(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.responses.parse_list_response(500, {}, b'{"status": 500, "message": "down"}')
    assert caught.value.status_code == 500
    assert caught.value.error == api.models.Error(status=500, message="down")
