"""A signed webhook: each event POSTed as JSON to a receiver of the site's choosing (a
WhatsApp bridge, the hospital's messaging system), signed so the receiver knows it came
from this server and was not replayed.

    [webhook]
    url = "https://messages.example/mmc"
    secret_file = "/etc/mmc-mms/webhook.secret"   # or secret = "..." (16 characters or more)
    timeout_s = 10
    headers = { "X-Site" = "north" }             # optional, sent with every request

Each request carries:
- `X-MMC-Event-Id` (and `Idempotency-Key`): the event's id; the same event may come more
  than once (at least once delivery), the receiver keeps the ids it has seen;
- `X-MMC-Timestamp`: Unix seconds when it was sent;
- `X-MMC-Signature`: `v1=` and the hex HMAC-SHA256, under the shared secret, of the
  timestamp, a full stop, and the body's bytes exactly as received.

A 2xx answer delivers the event; 408, 425, 429 and 5xx, a timeout or a refused connection
are tried again later; any other answer is final (the receiver refuses the request).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from typing import Any

import httpx
import orjson

from sync.server.notify.config import MAX_TIMEOUT_S, Options
from sync.server.notify.plugin import NotificationEvent, PermanentDelivery, RetryableDelivery

SIGNATURE_VERSION = "v1"
RETRYABLE_STATUS = frozenset({408, 425, 429})


def signature(secret: bytes, timestamp: str, body: bytes) -> str:
    """The X-MMC-Signature value of `body` sent at `timestamp`."""
    digest = hmac.new(secret, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION}={digest}"


def verify(secret: bytes, timestamp: str, body: bytes, given: str, *, now: float, tolerance_s: float = 300) -> bool:
    """What a receiver does: the signature matches and the timestamp is recent."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    return abs(now - sent) <= tolerance_s and hmac.compare_digest(signature(secret, timestamp, body), given)


def answer_verdict(status: int, text: str) -> None:
    """Raise what an HTTP answer means for the delivery (nothing for a 2xx)."""
    if 200 <= status < 300:
        return
    summary = f"HTTP {status}: {text[:200]}".strip()
    if status >= 500 or status in RETRYABLE_STATUS:
        raise RetryableDelivery(summary)
    raise PermanentDelivery(summary)


def post(client: httpx.Client, url: str, **request: Any) -> httpx.Response:
    """Send a request, a transport failure or timeout being worth another try."""
    try:
        return client.request(url=url, **request)
    except httpx.TimeoutException:
        raise RetryableDelivery("the receiver did not answer in time") from None
    except httpx.TransportError as error:
        raise RetryableDelivery(f"the receiver cannot be reached: {type(error).__name__}") from None


class SignedWebhook:
    """The `webhook` notifier."""

    def __init__(self, name: str, options: Mapping[str, Any]) -> None:
        read = Options(name, options)
        read.only("url", "secret", "secret_file", "timeout_s", "headers")
        self.name = name
        self.url = read.url("url")
        self.secret = read.secret("secret")
        self.headers = read.texts("headers")
        self.client = httpx.Client(timeout=read.number("timeout_s", 10, 0.1, MAX_TIMEOUT_S), follow_redirects=False)

    def request_of(self, event: NotificationEvent, now: float) -> tuple[bytes, dict[str, str]]:
        """The body and headers that carry `event`, signed at `now`."""
        body = orjson.dumps(event.as_dict(), option=orjson.OPT_SORT_KEYS)
        timestamp = str(int(now))
        headers = {
            **self.headers,
            "Content-Type": "application/json",
            "X-MMC-Event-Id": event.event_id,
            "Idempotency-Key": event.event_id,
            "X-MMC-Timestamp": timestamp,
            "X-MMC-Signature": signature(self.secret, timestamp, body),
        }
        return body, headers

    def deliver(self, event: NotificationEvent) -> None:
        body, headers = self.request_of(event, time.time())
        answer = post(self.client, self.url, method="POST", content=body, headers=headers)
        answer_verdict(answer.status_code, answer.text)

    def close(self) -> None:
        self.client.close()
