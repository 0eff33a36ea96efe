"""The HTTP adapter between a device and the server: explicit timeouts, typed messages,
and errors turned into two kinds: the network failed (retry later) or the server said no."""

from __future__ import annotations

import asyncio
from typing import Any, TypeVar

import httpx
import orjson
from pydantic import BaseModel, ValidationError

from sync.protocol import (
    Ack,
    CodeRequest,
    CodeResponse,
    DevicesHealthResponse,
    EnrollRequest,
    EnrollResponse,
    HealthReport,
    LeaseRequest,
    LeaseResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    SnapshotResponse,
)

ResponseT = TypeVar("ResponseT", bound=BaseModel)
TIMEOUT = httpx.Timeout(10.0, connect=3.0)
LONG_POLL_MARGIN_S = 5.0
SNAPSHOT_TIMEOUT_S = 60.0
PARSE_ASIDE_BYTES = 32_768
"""Answers larger than this (a pull of many ops) are read on a worker thread, not on the
event loop that is also the windows' GUI thread."""


class Unreachable(Exception):
    """The request may or may not have reached the server: try again later."""


class Refused(Exception):
    """The server answered with an error (4xx): retrying the same request will not help."""

    def __init__(self, status: int, code: str, message: str, retry_after: float | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.retry_after = status, code, message, retry_after


class ServerLink:
    def __init__(self, base_url: str, token: str | None = None, transport: httpx.AsyncBaseTransport | None = None):
        self.token = token
        self._http = httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT, transport=transport)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _call(
        self,
        method: str,
        path: str,
        answer: type[ResponseT],
        *,
        body: BaseModel | None = None,
        params: dict[str, float | int] | None = None,
        timeout: float | None = None,
    ) -> ResponseT:
        response = await self._request(method, path, body=body, params=params, timeout=timeout)
        try:
            if len(response.content) < PARSE_ASIDE_BYTES:
                return answer.model_validate_json(response.content)
            return await asyncio.to_thread(answer.model_validate_json, response.content)
        except ValidationError as error:
            raise Unreachable(f"unreadable answer: {error.errors()[0]['msg']}") from error

    async def _request(
        self,
        method: str,
        path: str,
        *,
        body: BaseModel | None = None,
        params: dict[str, float | int] | None = None,
        timeout: float | None = None,
    ) -> httpx.Response:
        headers = {"authorization": f"Bearer {self.token}"} if self.token else {}
        try:
            response = await self._http.request(
                method,
                path,
                headers=headers,
                params=params,
                content=body.model_dump_json() if body else None,
                timeout=httpx.Timeout(timeout, connect=3.0) if timeout else TIMEOUT,
            )
        except httpx.HTTPError as error:
            raise Unreachable(str(error) or type(error).__name__) from error
        if response.status_code >= 500:
            raise Unreachable(f"server error {response.status_code}")
        if response.status_code >= 400:
            try:
                problem = response.json()
                code, message = str(problem["error"]), str(problem["message"])
            except (ValueError, KeyError, TypeError):
                code, message = "http_error", response.text[:200]
            retry = response.headers.get("retry-after")
            raise Refused(response.status_code, code, message, float(retry) if retry else None)
        return response

    async def enroll(self, request: EnrollRequest) -> EnrollResponse:
        return await self._call("POST", "/v1/enroll", EnrollResponse, body=request)

    async def push(self, request: PushRequest) -> PushResponse:
        return await self._call("POST", "/v1/ops", PushResponse, body=request)

    async def pull(self, after: int, limit: int, wait_s: float) -> PullResponse:
        return await self._call(
            "GET",
            "/v1/ops",
            PullResponse,
            params={"after": after, "limit": limit, "wait": wait_s},
            timeout=wait_s + LONG_POLL_MARGIN_S,
        )

    async def snapshot(self) -> tuple[SnapshotResponse, dict[str, Any]]:
        """The server's snapshot: its header, checked here, and its tables, which are
        large and are checked where they are taken in (core.ops.snapshot.start_from)."""
        response = await self._request("GET", "/v1/snapshot", timeout=SNAPSHOT_TIMEOUT_S)
        try:
            body = await asyncio.to_thread(orjson.loads, response.content)
            tables = body.pop("tables")
            header = SnapshotResponse.model_validate(body)
        except (orjson.JSONDecodeError, AttributeError, KeyError, TypeError) as error:
            raise Unreachable(f"unreadable snapshot: {error}") from error
        except ValidationError as error:
            raise Unreachable(f"unreadable snapshot: {error.errors()[0]['msg']}") from error
        if not isinstance(tables, dict):
            raise Unreachable("unreadable snapshot: no tables")
        return header, tables

    async def leases(self, request: LeaseRequest) -> LeaseResponse:
        return await self._call("POST", "/v1/leases", LeaseResponse, body=request)

    async def rotate_token(self) -> EnrollResponse:
        """Trade this device's token for a new one (the old one stops working)."""
        answer = await self._call("POST", "/v1/token", EnrollResponse)
        self.token = answer.token
        return answer

    async def enrollment_code(self, request: CodeRequest) -> CodeResponse:
        return await self._call("POST", "/v1/enrollment-codes", CodeResponse, body=request)

    async def report_health(self, report: HealthReport) -> Ack:
        return await self._call("POST", "/v1/health", Ack, body=report)

    async def devices_health(self) -> DevicesHealthResponse:
        return await self._call("GET", "/v1/devices/health", DevicesHealthResponse)
