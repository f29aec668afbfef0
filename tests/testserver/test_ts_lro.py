"""lro.json: every long-running operation variant of the azure report, driven the way a user
drives one with the generated helpers (the README's loop): send the initial request, parse it,
`lro_poll_info`, GET `status_url` with `follow_link` until `lro_poll_update` says done, GET
`final_url` when there is one, and read the result with `lro_result_<operation>`.

Azure-AsyncOperation and Location headers, both, neither (the resource's provisioningState),
final-state-via, retries after 500s (the session retries, as azure-core's RetryPolicy does),
failed and canceled operations, invalid polling bodies and headers, custom headers on every call.
"""

from __future__ import annotations

from typing import Any

import pytest

from testserver.loops import run_lro
from testserver.session import Session

SWAGGER = "lro.json"

NOT_PASSED: dict[str, str] = {}

CLIENT_REQUEST_ID = {"x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"}


@pytest.fixture
def session() -> Session:
    return Session()  # a fresh cookie jar per test: the server keeps each scenario's state there


class Lro:
    """Runs one of the API's long-running operations through `run_lro`, and keeps what it saw."""

    def __init__(self, api: Any, session: Session) -> None:
        self.api, self.session = api, session
        self.polls: list[Any] = []  # every PollInfo of the last operation, the initial one first

    def __call__(self, operation_id: str, *, headers: dict[str, str] | None = None, **arguments: Any) -> Any:
        request = self.api.requests.OPERATIONS[operation_id](base_url=self.api.base_url, headers=headers, **arguments)
        self.polls = []
        return run_lro(self.api, self.session, operation_id, request, base_url=self.api.base_url, headers=headers, polls=self.polls)

    def paths(self) -> list[str]:
        """The method, path and query of every request sent (retries included)."""
        base = self.api.base_url
        return [f"{method} {url.removeprefix(base)}" for method, url in self.session.sent]


@pytest.fixture
def lro(api: Any, session: Session) -> Lro:
    return Lro(api, session)


@pytest.fixture
def product(api: Any) -> Any:
    return api.models.Product(location="West US")


def assert_product(result: Any, api: Any, state: str | None, *, id: str = "100", name: str = "foo") -> None:
    assert type(result) is api.models.Product
    assert (result.id, result.name) == (id, name)
    if state is None:
        assert result.properties is api.package.UNSET
    else:
        assert result.provisioning_state == state


# -- completed by the initial response ---------------------------------------------------------


def test_put_200_succeeded_is_done_at_once(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_put200Succeeded", body=product), api, "Succeeded")
    assert lro.paths() == ["PUT /lro/put/200/succeeded"]
    assert lro.polls[0].done and lro.polls[0].status == "Succeeded"


def test_put_201_succeeded_is_done_at_once(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_put201Succeeded", body=product), api, "Succeeded")
    assert len(lro.session.sent) == 1


def test_put_200_without_provisioning_state_is_done(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_put200SucceededNoState", body=product), api, None)
    assert len(lro.session.sent) == 1


def test_patch_200_succeeded_ignores_polling_headers(api: Any, lro: Lro, product: Any) -> None:
    # A 200 whose resource is in a terminal state ends the operation, whatever headers came with it
    # (this one's Azure-AsyncOperation points at a URL that must not be called).
    assert_product(lro("LROs_patch200SucceededIgnoreHeaders", body=product), api, "Succeeded")
    assert lro.paths() == ["PATCH /lro/patch/200/succeeded/ignoreheaders"]


def test_delete_204_is_done_at_once(lro: Lro) -> None:
    assert lro("LROs_delete204Succeeded") is None
    assert lro("LROSADs_delete204Succeeded") is None  # the "no Location" error scenario: a 204 is final
    assert len(lro.session.sent) == 2


def test_post_202_without_location_is_done(lro: Lro, product: Any) -> None:
    # Nothing to poll: azure-core, too, takes any 2xx without a polling header as success.
    assert lro("LROSADs_post202NoLocation", body=product) is None
    assert lro.polls[0].done and lro.polls[0].polling is None


# -- the resource's provisioningState (no polling header: GET the resource again) ---------------


def test_put_201_creating_polls_the_resource(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_put201CreatingSucceeded200", body=product), api, "Succeeded")
    first = lro.polls[0]
    assert (first.polling, first.status, first.status_url) == ("provisioning-state", "Creating", api.base_url + "/lro/put/201/creating/succeeded/200")
    assert lro.paths() == ["PUT /lro/put/201/creating/succeeded/200", "GET /lro/put/201/creating/succeeded/200"]


def test_put_200_updating_polls_the_resource(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_put200UpdatingSucceeded204", body=product), api, "Succeeded")
    assert lro.polls[0].status == "Updating"


def test_put_201_created_then_failed(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError, match="Failed") as info:
        lro("LROs_put201CreatingFailed200", body=product)
    assert info.value.status_code == 200


def test_put_200_accepted_then_canceled(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError, match="Canceled"):
        lro("LROs_put200Acceptedcanceled200", body=product)


# -- Location ------------------------------------------------------------------------------------


def test_put_202_location_then_200(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_put202Retry200", body=product), api, None)
    assert lro.polls[0].polling == "location"
    assert lro.paths() == ["PUT /lro/put/202/retry/200", "GET /lro/put/202/retry/operationResults/200"]


def test_put_location_202_without_header_then_200(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_putNoHeaderInRetry", body=product), api, "Succeeded")
    assert lro.paths() == ["PUT /lro/put/noheader/202/200"] + ["GET /lro/put/noheader/operationresults"] * 2


def test_put_non_resource_and_sub_resource_through_location(api: Any, lro: Lro) -> None:
    sku = lro("LROs_putNonResource", body=api.models.Sku())
    assert type(sku) is api.models.Sku and (sku.id, sku.name) == ("100", "sku")
    sub = lro("LROs_putSubResource", body=api.models.SubProduct())
    assert type(sub) is api.models.SubProduct and (sub.id, sub.provisioning_state) == ("100", "Succeeded")


def test_delete_location_then_the_resource(api: Any, lro: Lro) -> None:
    assert_product(lro("LROs_deleteProvisioning202Accepted200Succeeded"), api, "Succeeded")
    assert lro.polls[0].retry_after_seconds == 0.0
    # Through a Location the last response is the result, its provisioningState included: azure-core
    # returns it, and so does the loop.
    assert_product(lro("LROs_deleteProvisioning202DeletingFailed200"), api, "Failed")
    assert_product(lro("LROs_deleteProvisioning202Deletingcanceled200"), api, "Canceled")


def test_delete_location_200_and_204_without_bodies(lro: Lro) -> None:
    assert lro("LROs_delete202Retry200") is None
    assert lro.polls[0].retry_after_seconds == 0.0
    assert lro("LROs_delete202NoRetry204") is None
    assert lro("LROs_deleteNoHeaderInRetry") is None


def test_post_location_then_payload(api: Any, lro: Lro) -> None:
    sku = lro("LROs_post200WithPayload")
    assert type(sku) is api.models.Sku and (sku.id, sku.name) == ("1", "product")


def test_post_location_moves_while_polling(lro: Lro, product: Any) -> None:
    # The poll answers 202 with a new Location: the next poll goes there.
    assert lro("LROs_post202Retry200", body=product) is None  # 202 is its only response: no result
    assert lro.paths() == ["POST /lro/post/202/retry/200", "GET /lro/post/202/retry/200", "GET /lro/post/newuri/202/retry/200"]
    assert lro("LROs_post202NoRetry204", body=product) is None  # a 204 at the end: no body


# -- Azure-AsyncOperation ---------------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["LROs_putAsyncRetrySucceeded", "LROs_putAsyncNoRetrySucceeded"])
def test_put_async_operation_then_the_resource(api: Any, lro: Lro, product: Any, operation: str) -> None:
    assert_product(lro(operation, body=product), api, "Succeeded")
    first = lro.polls[0]
    assert first.polling == "status-monitor" and first.status == "InProgress"
    assert first.retry_after_seconds == (0.0 if "NoRetry" not in operation else None)
    put_url = lro.session.sent[0][1]
    assert first.final_url == put_url  # a PUT's result is the resource itself
    assert lro.session.sent[-1] == ("GET", put_url)


@pytest.mark.parametrize(("operation", "state"), [("LROs_putAsyncRetryFailed", "Failed"), ("LROs_putAsyncNoRetrycanceled", "Canceled")])
def test_put_async_operation_failed_or_canceled(api: Any, lro: Lro, product: Any, operation: str, state: str) -> None:
    with pytest.raises(api.responses.HttpResponseError, match=state):
        lro(operation, body=product)


def test_put_async_ignores_a_bad_location(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROs_putAsyncNoHeaderInRetry", body=product), api, "Succeeded")
    assert not any("somethingBad" in path for path in lro.paths())
    assert lro.paths()[-1] == "GET /lro/putasync/noheader/201/200"


def test_put_async_non_resource_and_sub_resource(api: Any, lro: Lro) -> None:
    sku = lro("LROs_putAsyncNonResource", body=api.models.Sku())
    assert type(sku) is api.models.Sku and (sku.id, sku.name) == ("100", "sku")
    sub = lro("LROs_putAsyncSubResource", body=api.models.SubProduct())
    assert type(sub) is api.models.SubProduct and sub.provisioning_state == "Succeeded"


def test_patch_async_operation_then_the_resource(api: Any, lro: Lro, product: Any) -> None:
    result = lro("LROs_patch201RetryWithAsyncHeader", body=product)
    assert_product(result, api, "Succeeded", id="/lro/patch/201/retry/onlyAsyncHeader")
    result = lro("LROs_patch202RetryWithAsyncAndLocationHeader", body=product)
    assert_product(result, api, "Succeeded", id="/lro/patch/202/retry/asyncAndLocationHeader")
    assert lro.paths()[-1] == "GET /lro/patch/202/retry/asyncAndLocationHeader"  # the PATCH's own URL, not the Location


@pytest.mark.parametrize("operation", ["LROs_deleteAsyncRetrySucceeded", "LROs_deleteAsyncNoRetrySucceeded", "LROs_deleteAsyncNoHeaderInRetry"])
def test_delete_async_operation(lro: Lro, operation: str) -> None:
    assert lro(operation) is None
    assert lro.polls[-1].final_url is None  # a DELETE has nothing to fetch at the end


@pytest.mark.parametrize(("operation", "state"), [("LROs_deleteAsyncRetryFailed", "Failed"), ("LROs_deleteAsyncRetrycanceled", "Canceled")])
def test_delete_async_operation_failed_or_canceled(api: Any, lro: Lro, operation: str, state: str) -> None:
    with pytest.raises(api.responses.HttpResponseError, match=state):
        lro(operation)


@pytest.mark.parametrize("operation", ["LROs_postAsyncRetrySucceeded", "LROs_postAsyncNoRetrySucceeded"])
def test_post_async_operation_then_location(api: Any, lro: Lro, product: Any, operation: str) -> None:
    assert_product(lro(operation, body=product), api, "Succeeded")
    assert "/operationResults/foo/200" in lro.paths()[-1]  # the final GET is on the Location


def test_post_async_operation_failed_with_its_error(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError, match="Internal Server Error") as info:
        lro("LROs_postAsyncRetryFailed", body=product)
    assert type(info.value.error) is api.models.CloudError
    assert (info.value.error.code, info.value.error.message) == (500, "Internal Server Error")


def test_post_async_operation_canceled(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError, match="Canceled"):
        lro("LROs_postAsyncRetrycanceled", body=product)


def test_post_with_both_headers_final_state_via(api: Any, lro: Lro) -> None:
    # final-state-via: location -> the result is fetched from the Location once done.
    assert_product(lro("LROs_postDoubleHeadersFinalLocationGet"), api, None)
    assert lro.paths()[-2:] == ["GET /lro/LROPostDoubleHeadersFinalLocationGet/asyncOperationUrl", "GET /lro/LROPostDoubleHeadersFinalLocationGet/location"]
    # final-state-via: azure-async-operation -> the status monitor's body is the result.
    result = lro("LROs_postDoubleHeadersFinalAzureHeaderGet")
    assert type(result) is api.models.Product and result.id == "100"
    assert lro.paths()[-1] == "GET /lro/LROPostDoubleHeadersFinalAzureHeaderGet/asyncOperationUrl"
    # Nothing said: a POST's result is at its Location (ARM's rule).
    assert_product(lro("LROs_postDoubleHeadersFinalAzureHeaderGetDefault"), api, None)
    assert lro.paths()[-1] == "GET /lro/LROPostDoubleHeadersFinalAzureHeaderGetDefault/location"


def test_post_then_a_list(api: Any, lro: Lro) -> None:
    products = lro("LROs_post202List")
    assert isinstance(products, list) and len(products) == 1
    assert_product(products[0], api, None)


# -- retried errors (500 once, then right) ------------------------------------------------------------


def test_retried_put(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LRORetrys_put201CreatingSucceeded200", body=product), api, "Succeeded")
    assert lro.paths().count("PUT /lro/retryerror/put/201/creating/succeeded/200") == 2  # 500, then 201
    assert_product(lro("LRORetrys_putAsyncRelativeRetrySucceeded", body=product), api, "Succeeded")


def test_retried_delete(api: Any, lro: Lro) -> None:
    assert_product(lro("LRORetrys_deleteProvisioning202Accepted200Succeeded"), api, "Succeeded")
    assert lro("LRORetrys_delete202Retry200") is None
    assert lro("LRORetrys_deleteAsyncRelativeRetrySucceeded") is None


def test_retried_post(lro: Lro, product: Any) -> None:
    assert lro("LRORetrys_post202Retry200", body=product) is None
    assert lro("LRORetrys_postAsyncRelativeRetrySucceeded", body=product) is None


# -- errors --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", ["LROSADs_putNonRetry400", "LROSADs_deleteNonRetry400", "LROSADs_postNonRetry400"])
def test_initial_400(api: Any, lro: Lro, product: Any, operation: str) -> None:
    arguments = {} if "delete" in operation else {"body": product}
    with pytest.raises(api.responses.HttpResponseError) as info:
        lro(operation, **arguments)
    assert info.value.status_code == 400 and "Expected bad request message" in (info.value.message or "")
    assert len(lro.session.sent) == 1  # a 400 is not retried


def test_put_201_creating_then_400(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as info:
        lro("LROSADs_putNonRetry201Creating400", body=product)
    assert info.value.status_code == 400
    assert type(info.value.error) is api.models.CloudError and info.value.error.message == "Error from the server"


def test_put_201_creating_then_400_with_invalid_json(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.responses.HttpResponseError) as info:
        lro("LROSADs_putNonRetry201Creating400InvalidJson", body=product)
    assert info.value.status_code == 400 and info.value.error is None  # the body is kept, not read
    assert info.value.body.startswith(b"<{")


@pytest.mark.parametrize(
    "operation",
    ["LROSADs_putAsyncRelativeRetry400", "LROSADs_delete202NonRetry400", "LROSADs_deleteAsyncRelativeRetry400", "LROSADs_post202NonRetry400", "LROSADs_postAsyncRelativeRetry400"],
)
def test_polling_400(api: Any, lro: Lro, product: Any, operation: str) -> None:
    arguments = {} if "delete" in operation else {"body": product}
    with pytest.raises(api.responses.HttpResponseError) as info:
        lro(operation, **arguments)
    assert info.value.status_code == 400


def test_put_201_without_body_then_a_poll_without_body(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.package.DecodeError, match="no body"):
        lro("LROSADs_putError201NoProvisioningStatePayload", body=product)


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        ("LROSADs_putAsyncRelativeRetryNoStatus", "no status"),
        ("LROSADs_putAsyncRelativeRetryNoStatusPayload", "no body"),
        ("LROSADs_deleteAsyncRelativeRetryNoStatus", "no status"),
        ("LROSADs_postAsyncRelativeRetryNoPayload", "no body"),
        ("LROSADs_putAsyncRelativeRetryInvalidJsonPolling", "not valid JSON"),
        ("LROSADs_deleteAsyncRelativeRetryInvalidJsonPolling", "not valid JSON"),
        ("LROSADs_postAsyncRelativeRetryInvalidJsonPolling", "not valid JSON"),
    ],
)
def test_status_monitor_that_cannot_be_read(api: Any, lro: Lro, product: Any, operation: str, message: str) -> None:
    arguments = {} if "delete" in operation else {"body": product}
    with pytest.raises(api.package.DecodeError, match=message):
        lro(operation, **arguments)


def test_put_200_with_invalid_json(api: Any, lro: Lro, product: Any) -> None:
    with pytest.raises(api.package.DecodeError, match="not valid JSON"):
        lro("LROSADs_put200InvalidJson", body=product)


@pytest.mark.parametrize(
    "operation",
    [
        "LROSADs_putAsyncRelativeRetryInvalidHeader",
        "LROSADs_delete202RetryInvalidHeader",
        "LROSADs_deleteAsyncRelativeRetryInvalidHeader",
        "LROSADs_post202RetryInvalidHeader",
        "LROSADs_postAsyncRelativeRetryInvalidHeader",
    ],
)
def test_invalid_polling_headers(api: Any, lro: Lro, product: Any, operation: str) -> None:
    # "/foo" is a relative link: it is followed on the service's own host, where it does not exist;
    # "Retry-After: /bar" is no delay at all.
    arguments = {} if "delete" in operation else {"body": product}
    with pytest.raises(api.responses.HttpResponseError) as info:
        lro(operation, **arguments)
    assert info.value.status_code == 404
    assert lro.polls[0].retry_after_seconds is None
    assert lro.paths()[-1] == "GET /foo"


# -- custom headers on every request ---------------------------------------------------------------


def test_custom_header_put_async(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROsCustomHeader_putAsyncRetrySucceeded", body=product, headers=CLIENT_REQUEST_ID), api, "Succeeded")


def test_custom_header_put_201_creating(api: Any, lro: Lro, product: Any) -> None:
    assert_product(lro("LROsCustomHeader_put201CreatingSucceeded200", body=product, headers=CLIENT_REQUEST_ID), api, "Succeeded")


def test_custom_header_posts(lro: Lro, product: Any) -> None:
    assert lro("LROsCustomHeader_postAsyncRetrySucceeded", body=product, headers=CLIENT_REQUEST_ID) is None
    assert lro("LROsCustomHeader_post202Retry200", body=product, headers=CLIENT_REQUEST_ID) is None
