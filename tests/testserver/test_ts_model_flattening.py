"""model-flattening.json: x-ms-client-flatten on model properties (accessors at any depth: a
product's `odata_value` is `details.max_product_image.odata_value`) and on body parameters (the
builder takes the body's fields), in arrays, maps and nested collections of models."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "model-flattening.json"

NOT_PASSED: dict[str, str] = {}

TAGS = {"tag1": "value1", "tag2": "value3"}


def _check_product1(p: Any, m: Any, id_: str = "1", name: str = "Resource1", p_name: str = "Product1") -> None:
    assert type(p) is m.FlattenedProduct and isinstance(p, m.Resource)
    assert (p.id, p.name, p.location, p.type, p.tags) == (id_, name, "Building 44", "Microsoft.Web/sites", TAGS)
    # The flattened `properties`, read through accessors; the one named like Resource's `type` is prefixed.
    assert (p.p_name, p.properties_type, p.provisioning_state, p.provisioning_state_values) == (p_name, "Flat", "Succeeded", "OK")
    assert p.properties == m.FlattenedProductProperties(p_name=p_name, type="Flat", provisioning_state="Succeeded", provisioning_state_values="OK")


def test_get_array(api: Any) -> None:
    m = api.models
    products = api.call("get_array")
    assert len(products) == 3
    _check_product1(products[0], m)
    assert (products[1].id, products[1].name, products[1].location) == ("2", "Resource2", "Building 44")
    assert (products[2].id, products[2].name, products[2].location) == ("3", "Resource3", api.package.UNSET)
    assert products[2].p_name is api.package.UNSET  # its `properties` is not there


def test_put_array(api: Any) -> None:
    m = api.models
    body = [m.Resource(location="West US", tags=TAGS), m.Resource(location="Building 44")]
    assert api.call("put_array", body=body) is None


def test_get_dictionary(api: Any) -> None:
    m = api.models
    products = api.call("get_dictionary")
    assert list(products) == ["Product1", "Product2", "Product3"]
    _check_product1(products["Product1"], m)
    assert (products["Product3"].id, products["Product3"].name) == ("3", "Resource3")


def _product(m: Any, location: str, p_name: str, tags: dict[str, str] | None = None) -> Any:
    product = m.FlattenedProduct(location=location, **({"tags": tags} if tags else {}))
    product.p_name = p_name  # sets through the flattened `properties`, made on the way
    product.properties_type = "Flat"
    return product


def test_put_dictionary(api: Any) -> None:
    m = api.models
    body = {"Resource1": _product(m, "West US", "Product1", TAGS), "Resource2": _product(m, "Building 44", "Product2")}
    assert body["Resource1"].properties == m.FlattenedProductProperties(p_name="Product1", type="Flat")
    assert api.call("put_dictionary", body=body) is None


def test_get_resource_collection(api: Any) -> None:
    m = api.models
    collection = api.call("get_resource_collection")
    assert type(collection) is m.ResourceCollection
    _check_product1(collection.dictionaryofresources["Product1"], m)
    _check_product1(collection.arrayofresources[0], m, "4", "Resource4", "Product4")
    assert [p.name for p in collection.arrayofresources] == ["Resource4", "Resource5", "Resource6"]
    assert (collection.productresource.id, collection.productresource.name) == ("7", "Resource7")


def test_put_resource_collection(api: Any) -> None:
    m = api.models
    body = m.ResourceCollection(
        dictionaryofresources={"Resource1": _product(m, "West US", "Product1", TAGS), "Resource2": _product(m, "Building 44", "Product2")},
        arrayofresources=[_product(m, "West US", "Product1", TAGS), _product(m, "East US", "Product2")],
        productresource=_product(m, "India", "Azure"),
    )
    assert api.call("put_resource_collection", body=body) is None


def _simple_product(m: Any, generic_value: str | None = None) -> Any:
    image = m.ProductUrl(odata_value="http://foo", **({"generic_value": generic_value} if generic_value else {}))
    details = m.SimpleProductProperties(max_product_display_name="max name", capacity="Large", max_product_image=image)
    return m.SimpleProduct(product_id="123", description="product description", details=details)


def test_put_simple_product(api: Any) -> None:
    m = api.models
    sent = _simple_product(m, generic_value="https://generic")
    # Nested flattening: details, then its max_product_image, are read through.
    assert (sent.max_product_display_name, sent.capacity, sent.odata_value, sent.generic_value) == ("max name", "Large", "http://foo", "https://generic")
    got = api.call("put_simple_product", body=sent)
    assert got == sent and got.additional_properties == {}


def test_post_flattened_simple_product(api: Any) -> None:
    m = api.models
    # The body parameter is flattened: its fields, at any depth, are the builder's arguments.
    got = api.call("post_flattened_simple_product", product_id="123", description="product description", max_product_display_name="max name", capacity="Large", odata_value="http://foo")
    assert got == _simple_product(m)
    assert got.odata_value == "http://foo"


def test_a_flattened_body_refuses_a_model_on_the_way_without_its_required_fields(api: Any) -> None:
    with pytest.raises(api.requests.ParameterError, match="max_product_display_name"):
        api.requests.build_post_flattened_simple_product_request(product_id="123", capacity="Large")


def test_put_simple_product_with_grouping(api: Any) -> None:
    m = api.models
    # x-ms-parameter-grouping: the path parameter and the flattened body's fields are one group.
    group = api.requests.FlattenParameterGroup(name="groupproduct", product_id="123", description="product description", max_product_display_name="max name", capacity="Large", odata_value="http://foo")
    got = api.call("put_simple_product_with_grouping", flatten_parameter_group=group)
    assert got == _simple_product(m)
