"""HTTP with the platform's retry rules: a 503 means nothing was published, so it is always safe to send again."""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, Optional

import requests
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from .errors import ProblemError

USER_AGENT = "modeltrust-python/0.1.0"


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a 503 or a failed connection.

    ``attempts`` counts the first try. The n-th retry waits ``backoff * 2**(n-1)`` seconds, or the
    answer's ``Retry-After`` when it has one; either is capped at ``max_delay``.
    """

    attempts: int = 5
    backoff: float = 0.5
    max_delay: float = 60.0

    def __post_init__(self):
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")
        if self.backoff < 0 or self.max_delay < 0:
            raise ValueError("backoff and max_delay must not be negative")

    def delay(self, retry: int, retry_after: Optional[float]) -> float:
        wait = retry_after if retry_after is not None else self.backoff * (2 ** (retry - 1))
        return min(max(wait, 0.0), self.max_delay)


def retry_after_seconds(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Retry-After as seconds: delta-seconds or an HTTP-date (RFC 9110 10.2.3); None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def never_sent(error: requests.RequestException) -> bool:
    """True when the connection was never made, so the server cannot have seen any of the request."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    cause = error.args[0] if error.args else None
    reason = getattr(cause, "reason", cause)  # urllib3 wraps it in a MaxRetryError, except on a chunked body
    return isinstance(reason, (NewConnectionError, ConnectTimeoutError))


class Transport:
    """One requests.Session with the API key, timeouts and retries of a Client."""

    def __init__(self, api_key: Optional[str], timeout, retry: RetryPolicy,
                 session: Optional[requests.Session] = None):
        self.session = session or requests.Session()
        self.timeout = timeout
        self.retry = retry
        self.headers = {"User-Agent": USER_AGENT, "Accept": "application/json, application/problem+json"}
        if api_key:
            self.headers["X-API-Key"] = api_key
        # Replaced in tests, so that retries are checked by the delays asked for rather than by a clock.
        self.sleep: Callable[[float], None] = time.sleep

    def request(self, method: str, url: str, *, params: Optional[Dict[str, Any]] = None, json: Any = None,
                body: Optional[Iterable[bytes]] = None, headers: Optional[Dict[str, str]] = None,
                repeatable: bool = True) -> requests.Response:
        """Sends the request, retrying 503s and connection failures; raises ProblemError for any other non-2xx.

        ``repeatable`` says whether the request may be sent again after a failure that leaves open
        whether the server received it (a reset or a read timeout). A connection that was never made
        is retried either way.
        """
        sent_headers = dict(self.headers)
        sent_headers.update(headers or {})
        params = {k: v for k, v in (params or {}).items() if v is not None}
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send(method, url, params or None, json, body, sent_headers)
            except (requests.ConnectionError, requests.Timeout) as e:
                if attempt >= self.retry.attempts or not (repeatable or never_sent(e)):
                    raise
                self.sleep(self.retry.delay(attempt, None))
                continue
            if response.status_code == 503 and attempt < self.retry.attempts:
                wait = self.retry.delay(attempt, retry_after_seconds(response.headers.get("Retry-After")))
                response.close()
                self.sleep(wait)
                continue
            if response.status_code >= 400:
                raise ProblemError.from_response(response)
            return response

    def _send(self, method, url, params, json, body, headers) -> requests.Response:
        try:
            return self.session.request(method, url, params=params, json=json,
                                        data=iter(body) if body is not None else None,
                                        headers=headers, timeout=self.timeout)
        except (NewConnectionError, ConnectTimeoutError) as e:
            # requests (before 2.32) lets these through unwrapped when the body is a stream (chunked).
            raise requests.ConnectionError(e) from e
