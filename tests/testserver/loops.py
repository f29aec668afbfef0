"""The two loops a user writes around the generated helpers (the README's): a long-running
operation polled to its result, and a pageable operation walked page by page.

Both use only what the generated package offers: `lro_poll_info`, `lro_poll_update`,
`LRO_RESULTS` (`lro_result_<op>`) and `requests.follow_link` for operations; `parse_<op>_response`,
`items_<op>` and `next_link_<op>` for pages.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from testserver.session import Session

MAX_POLLS = 10
MAX_PAGES = 20


def run_lro(
    api: Any,
    session: Session,
    operation_id: str,
    request: Any,
    *,
    base_url: str,
    headers: Mapping[str, str] | None = None,
    polls: list[Any] | None = None,
) -> Any:
    """Send `request` (a long-running operation's), poll until done, return the result.

    `base_url` is where relative links are followed (and the only host followed); `headers` go on
    every request; every PollInfo is appended to `polls`, the initial one first."""
    rq, rs = api.requests, api.responses
    polls = [] if polls is None else polls
    answer = session.send(request)
    # lro_poll_info raises for an error status as the operation's parser does; the parser itself
    # is not asked: an initial 202 may lack the body the spec gives it.
    poll = rs.lro_poll_info(operation_id, answer.headers, request_url=request.url, status_code=answer.status, body=answer.body)
    polls.append(poll)
    while not poll.done:
        assert len(polls) <= MAX_POLLS, polls
        time.sleep(poll.retry_after_seconds or 0)  # the test server asks for 0 s or says nothing
        answer = session.send(rq.follow_link(poll.status_url, base_url=base_url, headers=headers))
        poll = rs.lro_poll_update(poll, *answer)
        polls.append(poll)
    if poll.final_url is not None:
        answer = session.send(rq.follow_link(poll.final_url, base_url=base_url, headers=headers))
    return rs.LRO_RESULTS[operation_id](*answer)


def walk_pages(api: Any, session: Session, name: str, request: Any, *, follow: Callable[[str], Any], next_name: str | None = None) -> list[Any]:
    """Every item of every page. `name` is the operation's Python name (`parse_<name>_response`,
    `items_<name>`, `next_link_<name>`); `follow` makes the request for a next link;
    `next_name` reads the pages after the first (a next operation's)."""
    rs = api.responses
    items: list[Any] = []
    for count in range(MAX_PAGES):
        current = name if count == 0 or next_name is None else next_name
        page = getattr(rs, f"parse_{current}_response")(*session.send(request))
        items += getattr(rs, f"items_{current}")(page)
        link = getattr(rs, f"next_link_{current}")(page)
        if link is None:
            return items
        request = follow(link)
    raise AssertionError(f"more than {MAX_PAGES} pages")
