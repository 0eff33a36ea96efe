"""A generic HTTP SMS gateway: each event becomes a message in the patient's language
(sync.server.notify.templates), sent as the gateway's API wants it.

    [sms]
    url = "https://gateway.example/api/send"     # may hold {phone}, {message}... (URL-encoded)
    method = "POST"                               # or "GET": the fields go in the query
    encoding = "json"                             # or "form" (POST)
    fields = { to = "{phone}", text = "{message}", reference = "{event_id}", sender = "MMC" }
    headers = { Authorization = "Bearer 0123..." }
    country_code = "+966"                         # optional: 0501234567 is sent as +966501234567
    timeout_s = 10

    [sms.templates.en]                            # optional: any message, in ar or en
    called = "{site}: number {ticket}, please go to {clinic}, room {room}."

`fields` may nest tables and lists (a JSON body the gateway expects); every text in it,
in `url` and in `headers` may use {phone}, {message}, {event_id}, {kind} and
{language}. The gateway's answers mean what they mean for the webhook: 2xx sent; 408,
425, 429, 5xx, a timeout or no connection tried again; anything else refused for good.
Gateways that dedupe take {event_id} as their reference.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from typing import Any

import httpx

from sync.server.notify.config import MAX_TIMEOUT_S, Options
from sync.server.notify.plugin import NotificationEvent, NotifierConfigError
from sync.server.notify.templates import Templates, placeholders_of
from sync.server.notify.webhook import answer_verdict, post

FIELD_PLACEHOLDERS = frozenset({"phone", "message", "event_id", "kind", "language"})
DEFAULT_FIELDS = {"to": "{phone}", "text": "{message}", "reference": "{event_id}"}


def _check_texts(where: str, value: Any) -> None:
    """Every text in `value` uses only the request's placeholders."""
    if isinstance(value, str):
        try:
            unknown = sorted(set(placeholders_of(value)) - FIELD_PLACEHOLDERS)
        except ValueError as error:
            raise NotifierConfigError(detail=f"{where}: {error} is not a plain {{name}}") from None
        if unknown:
            allowed = ", ".join("{" + name + "}" for name in sorted(FIELD_PLACEHOLDERS))
            raise NotifierConfigError(detail=f"{where}: there is no {{{unknown[0]}}} (there are {allowed})")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_texts(f"{where}.{key}", item)
    elif isinstance(value, list):
        for place, item in enumerate(value):
            _check_texts(f"{where}[{place}]", item)


def _filled(value: Any, values: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return value.format_map(values)
    if isinstance(value, Mapping):
        return {key: _filled(item, values) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, values) for item in value]
    return value


class SmsGateway:
    """The `sms` notifier."""

    def __init__(self, name: str, options: Mapping[str, Any]) -> None:
        read = Options(name, options)
        read.only("url", "method", "encoding", "fields", "headers", "country_code", "timeout_s", "templates")
        self.name = name
        self.url = read.url("url")
        self.method = read.text("method", "POST").upper()
        if self.method not in ("POST", "GET"):
            raise NotifierConfigError(detail=f"{name}.method: POST or GET")
        self.encoding = read.text("encoding", "json")
        if self.encoding not in ("json", "form"):
            raise NotifierConfigError(detail=f"{name}.encoding: json or form")
        self.fields = options.get("fields", DEFAULT_FIELDS)
        if not isinstance(self.fields, Mapping):
            raise NotifierConfigError(detail=f"{name}.fields: a table of the request's fields")
        self.headers = read.texts("headers")
        self.country_code = read.text("country_code", "")
        if self.country_code and not (self.country_code.startswith("+") and self.country_code[1:].isdigit()):
            raise NotifierConfigError(detail=f"{name}.country_code: + and digits, such as +966")
        for where, value in ((f"{name}.url", self.url), (f"{name}.fields", self.fields)):
            _check_texts(where, value)
        _check_texts(f"{name}.headers", self.headers)
        self.templates = Templates.from_options(f"{name}.templates", options.get("templates"))
        self.client = httpx.Client(timeout=read.number("timeout_s", 10, 0.1, MAX_TIMEOUT_S), follow_redirects=False)

    def number(self, phone: str) -> str:
        """The number as the gateway takes it: a national 0... with the country code."""
        if self.country_code and phone.startswith("0"):
            return self.country_code + phone[1:]
        return phone

    def message(self, event: NotificationEvent) -> str:
        return self.templates.render(event)

    def request_of(self, event: NotificationEvent) -> dict[str, Any]:
        """The HTTP request (for httpx) that sends `event`."""
        values = {
            "phone": self.number(event.phone),
            "message": self.message(event),
            "event_id": event.event_id,
            "kind": event.kind,
            "language": event.language,
        }
        quoted = {key: urllib.parse.quote(value, safe="") for key, value in values.items()}
        request: dict[str, Any] = {
            "method": self.method,
            "url": self.url.format_map(quoted),
            "headers": _filled(self.headers, values),
        }
        fields = _filled(self.fields, values)
        if self.method == "GET":
            request["params"] = fields
        elif self.encoding == "form":
            request["data"] = fields
        else:
            request["json"] = fields
        return request

    def deliver(self, event: NotificationEvent) -> None:
        request = self.request_of(event)
        answer = post(self.client, request.pop("url"), **request)
        answer_verdict(answer.status_code, answer.text)

    def close(self) -> None:
        self.client.close()
