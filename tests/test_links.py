"""Links a service returns, and the base URL they are followed on: `follow_link` (relative
links, fragments, the api-version of next pages), a next link handed to the next operation
(x-ms-pageable operationName, a path parameter with x-ms-skip-url-encoding at the end of the
path), `host_url` for x-ms-parameterized-host, the scheme when the spec names none."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest
from conftest import generate_into

PAGE = {"type": "object", "properties": {"value": {"type": "array", "items": {"type": "string"}}, "nextLink": {"type": "string"}}}
API_VERSION = {"name": "api-version", "in": "query", "required": True, "type": "string"}
OK = {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Page"}}}


def _spec(**top: Any) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "T", "version": "2021-01-01"},
        "paths": {
            "/items": {"get": {"operationId": "Items_List", "x-ms-pageable": {"nextLinkName": "nextLink", "operationName": "Items_ListNext"}, "parameters": [API_VERSION], "responses": OK}},
            "/items/{nextLink}": {
                "get": {
                    "operationId": "Items_ListNext",
                    "x-ms-pageable": {"nextLinkName": "nextLink", "operationName": "Items_ListNext"},
                    "parameters": [{"name": "nextLink", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True}, API_VERSION],
                    "responses": OK,
                }
            },
            "/groups/{group}/items": {
                "get": {
                    "operationId": "Groups_List",
                    "x-ms-pageable": {"nextLinkName": "nextLink", "operationName": "Groups_Again"},
                    "parameters": [{"name": "group", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True}],
                    "responses": OK,
                }
            },
            "/again": {"get": {"operationId": "Groups_Again", "x-ms-pageable": {"nextLinkName": None}, "responses": OK}},
        },
        "definitions": {"Page": PAGE},
        **top,
    }


def _package(tmp_path_factory: pytest.TempPathFactory, name: str, spec: dict[str, Any]) -> ModuleType:
    folder = tmp_path_factory.mktemp(name)
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return generate_into(path, folder / "out", overlay=None)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _package(tmp_path_factory, "plain", _spec(host="svc.example.net", schemes=["https"]))


BASE = "https://svc.example.net"


def test_relative_links_are_appended_to_base_url(plain: ModuleType) -> None:
    follow = plain.requests.follow_link
    assert follow("/paging/2?x=1", base_url=BASE + "/").url == BASE + "/paging/2?x=1"
    assert follow("next?page=2", base_url=BASE + "/api").url == BASE + "/api/next?page=2"
    assert follow("//evil.example/x", base_url=BASE).url == BASE + "/evil.example/x"  # never another host
    assert follow(BASE + "/a#frag", base_url=BASE).url == BASE + "/a"  # a fragment is never sent
    assert follow("*&*#&$", base_url=BASE).url == BASE + "/*&*"
    with pytest.raises(plain.requests.ParameterError, match="relative"):
        follow("/paging/2")
    for bad in ("ftp://svc.example.net/x", "javascript:alert(1)", "/a b", "https://other.example/x"):
        with pytest.raises(plain.requests.ParameterError):
            follow(bad, base_url=BASE)


def test_api_version_is_set_on_the_link(plain: ModuleType) -> None:
    follow = plain.requests.follow_link
    assert follow(BASE + "/p/2?%24skiptoken=bar", api_version="1.0.0").url == BASE + "/p/2?%24skiptoken=bar&api-version=1.0.0"
    replaced = follow(BASE + "/p/2?Api-Version=notMe&%24skiptoken=bar&t=1/1/1970%2012%3A00", api_version="2021-01-01").url
    assert replaced == BASE + "/p/2?%24skiptoken=bar&t=1/1/1970%2012%3A00&api-version=2021-01-01"
    assert follow(BASE + "/p/2", api_version="a b").url == BASE + "/p/2?api-version=a%20b"
    with pytest.raises(plain.requests.ParameterError, match="api_version"):
        follow(BASE + "/p/2", api_version=1)  # type: ignore[arg-type]


def test_a_next_link_fragment_goes_to_the_next_operation(plain: ModuleType) -> None:
    build = plain.requests.build_items_list_next_request
    # A next operation's link, at the end of its path with x-ms-skip-url-encoding, is sent as
    # the service gave it, a query included: the builder's own query joins it.
    url = build(next_link="next?page=2", api_version="2021-01-01", base_url=BASE).url
    assert url == BASE + "/items/next?page=2&api-version=2021-01-01"
    assert build(next_link="a/b", api_version="x", base_url=BASE).url == BASE + "/items/a/b?api-version=x"
    for bad in ("a/../b", "next?page=2#x", "next?page 2", ""):
        with pytest.raises(plain.requests.ParameterError, match="next_link"):
            build(next_link=bad, api_version="x", base_url=BASE)
    # Any other skip-url-encoding value may not carry a query.
    with pytest.raises(plain.requests.ParameterError, match="group"):
        plain.requests.build_groups_list_request(group="g?x=1", base_url=BASE)


def test_next_link_helpers_say_how_to_follow(plain: ModuleType) -> None:
    r = plain.responses
    assert "build_items_list_next_request(next_link=" in (r.next_link_items_list.__doc__ or "")
    assert "build_groups_again_request(" in (r.next_link_groups_list.__doc__ or "")
    assert "follow_link" not in (r.next_link_groups_list.__doc__ or "")
    assert r.next_link_groups_again(r.parse_groups_again_response(200, {}, b'{"value": [], "nextLink": "x"}')) is None


# -- x-ms-parameterized-host -----------------------------------------------------------------------------


def _hosted(template: str, parameters: list[dict[str, Any]], **top: Any) -> dict[str, Any]:
    return _spec(**{"x-ms-parameterized-host": {"hostTemplate": template, "parameters": parameters}, **top})


ACCOUNT = {"name": "accountName", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True}
HOST = {"name": "host", "in": "path", "required": True, "type": "string", "x-ms-skip-url-encoding": True}


def test_host_url_and_the_scheme_autorest_takes(tmp_path_factory: pytest.TempPathFactory) -> None:
    # No `schemes`: http, as AutoRest (and Azure's SDKs made with it) take it.
    pkg = _package(tmp_path_factory, "hosted", _hosted("{accountName}{host}", [ACCOUNT, HOST]))
    rq = pkg.requests
    assert rq.host_url(account_name="local", host="host:3000") == "http://localhost:3000"
    assert rq.build_items_list_request(account_name="local", host="host:3000", api_version="1").url == "http://localhost:3000/items?api-version=1"
    link = rq.follow_link("/items/next", base_url=rq.host_url(account_name="local", host="host:3000"))
    assert link.url == "http://localhost:3000/items/next"
    with pytest.raises(rq.ParameterError, match="account_name"):
        rq.host_url(account_name="", host="host:3000")
    secure = _package(tmp_path_factory, "secure", _hosted("{accountName}{host}", [ACCOUNT, HOST], schemes=["http", "https"]))
    assert secure.requests.host_url(account_name="a", host=".example.net") == "https://a.example.net"


def test_no_host_url_without_a_parameterized_host(plain: ModuleType) -> None:
    assert not hasattr(plain.requests, "host_url")


def test_an_operation_name_that_names_no_operation_is_reported(tmp_path_factory: pytest.TempPathFactory) -> None:
    from generator.errors import SpecError
    from generator.ir.build import build

    spec = _spec(host="svc.example.net")
    spec["paths"]["/items"]["get"]["x-ms-pageable"]["operationName"] = "Items_Missing"
    path = tmp_path_factory.mktemp("missing") / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SpecError, match="operationName 'Items_Missing' names no operation") as info:
        build(path)
    assert info.value.problems[0].pointer == "/paths/~1items/get/x-ms-pageable/operationName"


def test_host_url_without_operations(tmp_path_factory: pytest.TempPathFactory) -> None:
    spec = _hosted("{accountName}{host}", [ACCOUNT, HOST])
    spec["paths"] = {}
    pkg = _package(tmp_path_factory, "bare", spec)
    assert pkg.requests.host_url(account_name="a", host=".example.net") == "http://a.example.net"


def test_a_plain_host_without_schemes_stays_https(tmp_path_factory: pytest.TempPathFactory) -> None:
    hosted = _package(tmp_path_factory, "hostonly", _spec(host="svc.example.net"))
    assert hosted.requests.build_items_list_request(api_version="1").url == "https://svc.example.net/items?api-version=1"
    arm = _package(tmp_path_factory, "nohost", _spec())
    assert arm.requests.build_items_list_request(api_version="1").url == "https://management.azure.com/items?api-version=1"
