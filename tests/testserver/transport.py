"""A standard-library transport for the generated `HttpRequest`s: what a user of the package writes.

It follows redirects the way azure-core's RedirectPolicy does (300-308 for GET and HEAD; 303
turns any method into a GET; 307/308 repeat the method and body), at most 30 hops.
"""

from __future__ import annotations

import http.client
from typing import Any
from urllib.parse import urljoin, urlsplit

REDIRECTS = frozenset((300, 301, 302, 303, 307, 308))
MAX_HOPS = 30


class Answer:
    """(status, headers, body) as the response parsers take them; unpacks like a tuple."""

    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def __iter__(self) -> Any:
        return iter((self.status, self.headers, self.body))

    def __repr__(self) -> str:
        return f"Answer({self.status}, {dict(self.headers.items())!r}, {self.body[:200]!r})"


def send(request: Any, *, timeout: float = 30) -> Answer:
    """Send one generated `HttpRequest`; an HTTP error status is an answer like any other."""
    method, url, headers, body = request.method, request.url, dict(request.headers), request.body
    for _ in range(MAX_HOPS):
        answer = _once(method, url, headers, body, timeout)
        location = answer.headers.get("Location")
        if answer.status not in REDIRECTS or not location:
            return answer
        if answer.status == 303 and method != "HEAD":
            method, body = "GET", None
            headers = {k: v for k, v in headers.items() if k.lower() not in ("content-type", "content-length")}
        elif answer.status not in (307, 308) and method not in ("GET", "HEAD"):
            return answer
        url = urljoin(url, location)
    raise RuntimeError(f"more than {MAX_HOPS} redirects from {request.url}")


def _once(method: str, url: str, headers: dict[str, str], body: bytes | None, timeout: float) -> Answer:
    parts = urlsplit(url)
    connection_type = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_type(parts.hostname or "", parts.port, timeout=timeout)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    try:
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return Answer(response.status, response.headers, data)
    finally:
        connection.close()
