"""A standard-library transport for the generated `HttpRequest`s: what a user of the package writes.

It follows redirects the way azure-core's RedirectPolicy does (300-308 for GET and HEAD; 303
turns any method into a GET; 307/308 repeat the method and body), at most 30 hops. It retries
the way azure-core's RetryPolicy does, without its back-off: 408, 500, 502, 503 and 504 for the
idempotent methods, 500, 503 and 504 for POST and PATCH too, at most 3 retries; cookies the
server sets are sent back within one `send` (as a session would), since the retry scenarios
count the retry by a cookie. `send(..., stream=True)` leaves the body unread: the answer's
body is then a readable the caller reads (in blocks) and closes.
"""

from __future__ import annotations

import http.client
from http.cookies import CookieError, SimpleCookie
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

REDIRECTS = frozenset((300, 301, 302, 303, 307, 308))
MAX_HOPS = 30
RETRY_STATUSES = frozenset((408, 500, 502, 503, 504))
RETRY_ANY_METHOD = frozenset((500, 503, 504))
IDEMPOTENT = frozenset(("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"))
MAX_RETRIES = 3


class Answer:
    """(status, headers, body) as the response parsers take them; unpacks like a tuple."""

    def __init__(self, status: int, headers: http.client.HTTPMessage, body: Any) -> None:
        self.status, self.headers, self.body = status, headers, body

    def __iter__(self) -> Any:
        return iter((self.status, self.headers, self.body))

    def __repr__(self) -> str:
        shown = self.body[:200] if isinstance(self.body, bytes) else "<stream>"
        return f"Answer({self.status}, {dict(self.headers.items())!r}, {shown!r})"

    def close(self) -> None:
        if isinstance(self.body, Stream):
            self.body.close()


class Stream:
    """An unread response body; the connection closes at its end or on `close()`."""

    def __init__(self, connection: http.client.HTTPConnection, response: http.client.HTTPResponse) -> None:
        self._connection, self._response = connection, response

    def read(self, size: int = -1, /) -> bytes:
        data = self._response.read() if size is None or size < 0 else self._response.read(size)
        if not data or (size is not None and size < 0):
            self.close()
        return data

    def close(self) -> None:
        self._response.close()
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def send(request: Any, *, timeout: float = 30, stream: bool = False) -> Answer:
    """Send one generated `HttpRequest`; an HTTP error status is an answer like any other."""
    method, url, headers, body = request.method, request.url, dict(request.headers), request.body
    cookies: dict[str, str] = {}
    retries = 0
    for _ in range(MAX_HOPS + MAX_RETRIES):
        sent = {**headers, "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else headers
        answer = _once(method, url, sent, body, timeout, stream)
        cookies.update(_cookies(answer.headers))
        if retries < MAX_RETRIES and _retryable(method, answer.status) and not hasattr(body, "read"):
            retries += 1
            answer.close()
            continue
        location = answer.headers.get("Location")
        if answer.status not in REDIRECTS or not location:
            return answer
        if answer.status == 303 and method != "HEAD":
            method, body = "GET", None
            headers = {k: v for k, v in headers.items() if k.lower() not in ("content-type", "content-length")}
        elif answer.status not in (307, 308) and method not in ("GET", "HEAD"):
            return answer
        answer.close()
        url = urljoin(url, location)
    raise RuntimeError(f"more than {MAX_HOPS} redirects or {MAX_RETRIES} retries from {request.url}")


def _retryable(method: str, status: int) -> bool:
    return status in RETRY_ANY_METHOD or (status in RETRY_STATUSES and method in IDEMPOTENT)


def _cookies(headers: http.client.HTTPMessage) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in headers.get_all("Set-Cookie") or ():
        try:
            parsed = SimpleCookie(line)
        except CookieError:
            continue
        out.update((name, morsel.value) for name, morsel in parsed.items())
    return out


def _once(method: str, url: str, headers: dict[str, str], body: Any, timeout: float, stream: bool) -> Answer:
    parts = urlsplit(url)
    connection_type = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_type(parts.hostname or "", parts.port, timeout=timeout)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        if stream:
            return Answer(response.status, response.headers, Stream(connection, response))
        data = response.read()
    except BaseException:
        connection.close()
        raise
    connection.close()
    return Answer(response.status, response.headers, data)
