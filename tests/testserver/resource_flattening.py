"""The checks azure-resource.json and azure-resource-x.json share: the same API, its resource
definition named `Resource` in one and `ResourceX` in the other (x-ms-azure-resource). The
server has no route for their paths (no scenario in any report), so the requests are checked as
built and the parsers are fed the bodies the spec describes."""

from __future__ import annotations

import json
from typing import Any

import pytest

TAGS = {"tag1": "value1", "tag2": "value3"}
PRODUCT = {
    "id": "1",
    "name": "Resource1",
    "type": "Microsoft.Web/sites",
    "location": "Building 44",
    "tags": TAGS,
    "properties": {"pname": "Product1", "lsize": 7, "provisioningState": "Succeeded"},
}


def check_get_array(api: Any, resource: str) -> None:
    got = api.responses.parse_get_array_response(200, {}, json.dumps([PRODUCT, {"id": "2"}]).encode())
    assert [type(p) for p in got] == [api.models.FlattenedProduct] * 2
    assert isinstance(got[0], getattr(api.models, resource))
    assert (got[0].pname, got[0].lsize, got[0].provisioning_state) == ("Product1", 7, "Succeeded")
    assert got[1].pname is api.package.UNSET
    assert [p.to_dict() for p in got] == [PRODUCT, {"id": "2"}]


def check_put_array(api: Any, resource: str) -> None:
    cls = getattr(api.models, resource)
    body = [cls.from_dict({"id": "1", "location": "West US", "tags": TAGS}), cls(location="Building 44")]
    request = api.requests.build_put_array_request(body=body, base_url="http://h")
    assert (request.method, request.url) == ("PUT", "http://h/azure/resource-flatten/array")
    assert json.loads(request.body) == [{"location": "West US", "tags": TAGS}, {"location": "Building 44"}]  # no read-only id


def check_dictionary(api: Any) -> None:
    m = api.models
    got = api.responses.parse_get_dictionary_response(200, {}, json.dumps({"Product1": PRODUCT}))
    assert type(got["Product1"]) is m.FlattenedProduct and got["Product1"].lsize == 7
    product = m.FlattenedProduct(location="West US")
    product.pname = "Product1"  # FlattenedResourceProperties has no required field: made on the way
    request = api.requests.build_put_dictionary_request(body={"Resource1": product}, base_url="http://h")
    assert json.loads(request.body) == {"Resource1": {"location": "West US", "properties": {"pname": "Product1"}}}


def check_resource_collection(api: Any) -> None:
    wire = {"productresource": PRODUCT, "arrayofresources": [PRODUCT], "dictionaryofresources": {"a": PRODUCT}}
    got = api.responses.parse_get_resource_collection_response(200, {}, json.dumps(wire))
    assert type(got) is api.models.ResourceCollection
    assert got.productresource.pname == got.arrayofresources[0].pname == got.dictionaryofresources["a"].pname == "Product1"
    assert got.to_dict() == wire
    request = api.requests.build_put_resource_collection_request(body=got, base_url="http://h")
    sent = json.loads(request.body)
    assert sent["productresource"] == {"location": "Building 44", "tags": TAGS, "properties": PRODUCT["properties"]}
    with pytest.raises(api.requests.ParameterError, match="/arrayofresources/0/properties/lsize"):
        api.requests.build_put_resource_collection_request(body={"arrayofresources": [{"properties": {"lsize": "big"}}]})


def check_error(api: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as caught:
        api.responses.parse_get_array_response(404, {}, b'{"status": 404, "message": "no"}')
    assert caught.value.status_code == 404 and caught.value.error == api.models.Error(status=404, message="no")
