"""dpg-customization.json: models, pages and a long-running operation, each in two modes.

The server counts these scenarios in its `dpg` report, which the coverage summary does not read;
the last test checks the server's counts for them directly."""

from __future__ import annotations

from typing import Any

import pytest

SWAGGER = "dpg-customization.json"

NOT_PASSED: dict[str, str] = {}

MODES = ("raw", "model")
SCENARIOS = ("GetRawModel", "GetHandwrittenModel", "PostRawModel", "PostHandwrittenModel", "GetRawPages", "GetHandwrittenModelPages", "RawLRO", "HandwrittenModelLRO")


@pytest.mark.parametrize("mode", MODES)
def test_get_model(api: Any, mode: str) -> None:
    product = api.call("get_model", mode=mode)
    assert product == api.models.Product(received=mode)


@pytest.mark.parametrize("mode", MODES)
def test_post_model(api: Any, mode: str) -> None:
    product = api.call("post_model", mode=mode, body=api.models.Input(hello="world!"))
    assert product == api.models.Product(received=mode)


def test_post_model_needs_its_required_field(api: Any) -> None:
    with pytest.raises(api.requests.ParameterError, match="hello"):
        api.requests.build_post_model_request(mode="raw", body={})


@pytest.mark.parametrize("mode", MODES)
def test_get_pages(api: Any, mode: str) -> None:
    from testserver.transport import send

    request = api.requests.build_get_pages_request(mode=mode, base_url=api.base_url)
    items = []
    while request is not None:
        page = api.responses.parse_get_pages_response(*send(request))
        assert type(page) is api.models.ProductResult
        items += api.responses.items_get_pages(page)
        link = api.responses.next_link_get_pages(page)
        request = None if link is None else api.requests.follow_link(link, base_url=api.base_url)
    assert items == [api.models.Product(received=mode)] * 2


@pytest.mark.parametrize("mode", MODES)
def test_lro(api: Any, mode: str) -> None:
    request = api.requests.build_lro_request(mode=mode, base_url=api.base_url)
    from testserver.transport import send

    answer = send(request)
    poll = api.responses.lro_poll_info("lro", answer.headers, request_url=request.url)
    assert poll.done  # no Azure-AsyncOperation or Location: the first answer is final
    product = api.responses.parse_lro_response(*answer)
    assert product == api.models.LROProduct(received=mode, provisioning_state="Succeeded")
    assert isinstance(product, api.models.Product)


def test_the_server_counted_every_scenario(api: Any, testserver: Any) -> None:
    counts = testserver.coverage("dpg")
    assert {name: counts[name] > 0 for name in SCENARIOS} == dict.fromkeys(SCENARIOS, True)
