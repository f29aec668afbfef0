"""A user's HTTP session around the generated requests: cookies and retries, as a client has them.

The AutoRest test server keeps a scenario's state in a cookie (the first poll says "InProgress"
and sets it, the next says "Succeeded"), and its retry scenarios answer 500 once before they
answer right. So this session keeps cookies (`http.cookiejar`) and retries 408, 429, 500, 502,
503 and 504 the way azure-core's RetryPolicy does. Requests go out through the documented route,
`HttpRequest.to_urllib(extra_headers=...)` and `urllib`; `sent` records what went out, so a
test can check the path a scenario took.
"""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

from testserver.transport import Answer

RETRY_STATUSES = frozenset((408, 429, 500, 502, 503, 504))


class Session:
    """One client's connection state: a cookie jar, the headers it adds, its retry budget."""

    def __init__(self, *, extra_headers: Mapping[str, str] | None = None, retries: int = 3, timeout: float = 30) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.extra_headers = dict(extra_headers or {})
        self.retries = retries
        self.timeout = timeout
        self.sent: list[tuple[str, str]] = []  # (method, url) of every request, retries included

    def send(self, request: Any) -> Answer:
        """Send one generated `HttpRequest`; an HTTP error status is an answer like any other."""
        for attempt in range(self.retries + 1):
            answer = self._once(request)
            if answer.status not in RETRY_STATUSES or attempt == self.retries:
                return answer
        raise AssertionError("unreachable")

    def _once(self, request: Any) -> Answer:
        self.sent.append((request.method, request.url))
        prepared = request.to_urllib(extra_headers=self.extra_headers or None)
        try:
            with self.opener.open(prepared, timeout=self.timeout) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            with error:
                return Answer(error.code, error.headers, error.read())
