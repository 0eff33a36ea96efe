"""The server's HTTP API (FastAPI). Every route needs a device token, except /v1/enroll,
whose one-time code is its credential, and /health, which answers only "ok" or "failing"
for the monitoring; /metrics also takes the server's metrics token."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hmac
import logging
import math
import shutil
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from core.clock import service_day, to_iso, utc_now
from core.database import Database
from core.digest import view_at_acceptance_point
from core.errors import MalformedOp, MmcError, first_problem
from core.ops.envelope import MAX_INT, Op
from core.ops.kinds import BOUNDED
from core.ops.log import accept_batch, accepted_after, accepted_seq_of, identity
from core.ops.snapshot import Snapshot, take_snapshot
from core.permissions import SYSTEM
from core.projection import Projection, pseudonym_maker
from core.schema import Clinic, LocalIdentity
from core.services.config import issue_day_keys, lease_numbers
from core.services.days import close_past_days, current_day
from core.services.numbers import spare_numbers
from core.settings import setting
from core.statuses import Acceptance
from sync.protocol import (
    MAX_BATCH,
    MAX_BODY_BYTES,
    Ack,
    CodeRequest,
    CodeResponse,
    DevicesHealthResponse,
    EnrollRequest,
    EnrollResponse,
    HealthReport,
    LeaseRequest,
    LeaseResponse,
    OpAnswer,
    OpHeader,
    Outcome,
    PulledOp,
    PullResponse,
    PushRequest,
    PushResponse,
    SnapshotResponse,
    WireOp,
    is_bounded_json,
)
from sync.server.audit import audit_refusals
from sync.server.authorization import OpChecks
from sync.server.enrollment import DeviceAuth, authenticate, code_for_admin, enroll, rotate_token
from sync.server.health import devices_health, record_health
from sync.server.metrics import DATABASE_ERRORS, Metrics, is_long_poll
from sync.server.ratelimit import RateLimiter
from sync.server.signal import CHANNEL, NewOps, PostgresListener

log = logging.getLogger(__name__)
MessageT = TypeVar("MessageT", bound=BaseModel)
MAX_WAIT_S = 10.0
CLIENT_GONE = 499
"""The metrics' status of a request whose client hung up before it was read (nginx's)."""

STATUS_OF_CODE = {
    "not_authenticated": 401,
    "bad_credentials": 401,
    "permission_denied": 403,
    "enrollment_refused": 403,
    "device_exists": 409,
    "locked_out": 429,
    "forbidden": 403,
    "unknown_op_kind": 422,
    "malformed_op": 422,
    "transition_refused": 409,
    "already_checked_in": 409,
    "already_in_queue": 409,
    "number_taken": 409,
    "sequence_reused": 409,
    "op_id_reused": 409,
    "out_of_order_op": 409,
    "wrong_actor": 403,
    "unproven_user": 403,
    "setting_refused": 403,
    "number_not_leased": 409,
    "wrong_pin": 409,
    "time_refused": 422,
    "storage_full": 507,
}
DAYS_CHECK_S = 60.0
MIN_FREE_BYTES = 16 * 1024 * 1024
"""Below this much free space under an SQLite database, /health reports the disk failing."""


class Problem(Exception):
    """An HTTP error with a JSON body {error, message}."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}

    @classmethod
    def too_many(cls, wait_s: float) -> Problem:
        return cls(429, "rate_limited", "Too many requests; slow down.", {"Retry-After": str(max(1, round(wait_s)))})

    @classmethod
    def of(cls, error: MmcError) -> Problem:
        return cls(STATUS_OF_CODE.get(error.code, 400), error.code, str(error))


async def read_message(request: Request, model: type[MessageT]) -> MessageT:
    """The request body as `model`, refusing oversized or malformed bodies with a clear 4xx."""
    return parse_message(await read_body(request), model)


async def read_body(request: Request) -> bytes:
    """The request body, refusing one over MAX_BODY_BYTES with 413."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY_BYTES):
        raise Problem(413, "body_too_large", f"The body may be at most {MAX_BODY_BYTES} bytes.")
    size, chunks = 0, []
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise Problem(413, "body_too_large", f"The body may be at most {MAX_BODY_BYTES} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_message(body: bytes, model: type[MessageT]) -> MessageT:
    try:
        return model.model_validate_json(body)
    except ValidationError as error:
        if error.errors()[0]["type"] == "json_invalid":
            raise Problem(400, "malformed_json", "The body is not valid JSON.") from None
        raise Problem(422, "invalid_request", first_problem(error, "body")) from None


def json_response(message: BaseModel) -> Response:
    """The message serialized by pydantic in one pass. (Returned as a model, FastAPI would
    validate it again and encode it through `jsonable_encoder` and `json`, which cost as
    much as applying a batch of check-ins.)"""
    return Response(message.model_dump_json(), media_type="application/json")


def _answer(verdict_outcome: str, op_id: str, seq: int | None, code: str | None, reason: str | None) -> OpAnswer:
    status = 200 if verdict_outcome != Acceptance.REJECTED else STATUS_OF_CODE.get(code or "", 400)
    return OpAnswer.model_construct(  # the server's own values: nothing to validate
        op_id=op_id, outcome=cast(Outcome, verdict_outcome), status=status, accepted_seq=seq, code=code, reason=reason
    )


def create_app(db: Database, *, rate: float = 50.0, burst: float = 200.0, metrics_token: str | None = None) -> FastAPI:
    """The API over `db`, which must be migrated and have the server's identity."""
    limiter = RateLimiter(rate, burst)
    epochs: list[dict[str, Any]] = []

    def epoch() -> dict[str, Any]:
        """The server's epoch, read once (a restore happens with the server stopped)."""
        if not epochs:
            epochs.append(current_epoch(db))
        return epochs[0]

    new_ops = NewOps()
    metrics = Metrics.create(db)
    # Pushes commit one at a time anyway (the write lock); waiting here, in arrival order,
    # instead of in SQLite's busy handler keeps a device from starving behind the others.
    push_turn = asyncio.Lock()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        new_ops.bind(asyncio.get_running_loop())
        listener = None
        if db.dialect == "postgresql":
            conninfo = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
            listener = PostgresListener(conninfo, new_ops)
            listener.start()
            await asyncio.to_thread(listener.ready.wait, 10)
        yield
        if listener is not None:
            await asyncio.to_thread(listener.stop)

    app = FastAPI(title="MMC-MMS central server", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)

    @app.exception_handler(Problem)
    async def on_problem(request: Request, problem: Problem) -> JSONResponse:
        return JSONResponse({"error": problem.code, "message": problem.message}, problem.status, problem.headers)

    @app.exception_handler(MmcError)
    async def on_refusal(request: Request, error: MmcError) -> JSONResponse:
        problem = Problem.of(error)
        return JSONResponse({"error": problem.code, "message": problem.message}, problem.status)

    @app.exception_handler(RequestValidationError)
    async def on_bad_query(request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "invalid_request", "message": first_problem(error)}, 422)

    @app.exception_handler(Exception)
    async def on_bug(request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse({"error": "internal", "message": "The server failed; the request was not applied."}, 500)

    @app.middleware("http")
    async def measure(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex[:16]
        try:
            response = await call_next(request)
        except ClientDisconnect:
            peer = f"{request.client.host}:{request.client.port}" if request.client else "?"
            log.info(
                "client %s hung up while sending %s %s (request %s)", peer, request.method, request.url.path, request_id
            )
            response = Response(status_code=CLIENT_GONE)
        except Exception as error:
            log.exception("request %s failed", request_id)
            if isinstance(error, DATABASE_ERRORS):
                metrics.database_errors.inc()
            response = JSONResponse({"error": "internal", "message": "The server failed."}, 500)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        long_poll = is_long_poll(request.method, route, request.query_params.get("wait"))
        metrics.request(route, request.method, response.status_code, time.perf_counter() - started, long_poll=long_poll)
        response.headers["x-request-id"] = request_id
        return response

    async def device_of(request: Request) -> DeviceAuth:
        header = request.headers.get("authorization", "")
        token = header[7:] if header.lower().startswith("bearer ") else None
        device = await run_in_threadpool(authenticate, db, token)
        wait = limiter.retry_after(device.device_id)
        if wait:
            raise Problem.too_many(wait)
        return device

    projections: dict[str, Projection] = {}
    day_keys_for: list[str] = []
    days_checked_at = [-math.inf]

    async def projection_for(kind: str) -> Projection:
        if kind not in projections:
            projections[kind] = Projection(kind, await run_in_threadpool(_pseudonyms, db))
        return projections[kind]

    async def keep_day_keys() -> None:
        """Today's and tomorrow's PIN keys are out before a device needs them offline, and
        past service days are closed (at the closing hour, and again when a kiosk that was
        offline brings tickets of a closed day), each looked at once a minute at most."""
        today = service_day(utc_now())
        if today not in day_keys_for:
            if await run_in_threadpool(issue_day_keys, db):
                new_ops.notify_threadsafe()
            day_keys_for[:] = [today]
        if time.monotonic() >= days_checked_at[0] + DAYS_CHECK_S:
            days_checked_at[0] = time.monotonic()
            if await run_in_threadpool(close_past_days, db):
                new_ops.notify_threadsafe()

    @app.get("/health")
    async def health() -> JSONResponse:
        def probe() -> None:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))

        checks: dict[str, str] = {"database": "ok"}
        try:
            await run_in_threadpool(probe)
        except Exception as error:
            log.error("health check failed: %s", error)
            metrics.database_errors.inc()
            checks["database"] = "failing"
        disk = await run_in_threadpool(disk_check, db)
        if disk is not None:
            checks["disk"] = disk
        failing = any(value != "ok" for value in checks.values())
        body = {"status": "failing" if failing else "ok", "checks": checks, "server_time": to_iso(utc_now())}
        return JSONResponse(body, 503 if failing else 200)

    def has_metrics_token(request: Request) -> bool:
        given = request.headers.get("authorization", "")
        return metrics_token is not None and hmac.compare_digest(given.encode(), f"Bearer {metrics_token}".encode())

    @app.get("/openapi.json", include_in_schema=False)
    async def api_description(request: Request) -> JSONResponse:
        if not has_metrics_token(request):
            raise Problem(401, "not_authenticated", "The API description is for the server's administrators.")
        return JSONResponse(app.openapi())

    @app.get("/metrics")
    async def prometheus(request: Request) -> Response:
        if not has_metrics_token(request):
            await device_of(request)
        exposition = await run_in_threadpool(generate_latest, metrics.registry)
        return PlainTextResponse(exposition, media_type=CONTENT_TYPE_LATEST)

    @app.post("/v1/enroll")
    async def enroll_device(request: Request) -> EnrollResponse:
        wait = limiter.retry_after(f"enroll:{request.client.host if request.client else '?'}")
        if wait:
            raise Problem.too_many(wait)
        asked = await read_message(request, EnrollRequest)
        device, token = await run_in_threadpool(
            lambda: enroll(db, code=asked.code, device_id=asked.device_id, kind=asked.kind, name=asked.name)
        )
        return EnrollResponse(
            server_time=to_iso(utc_now()), device_id=device.device_id, station=device.station, token=token
        )

    @app.post("/v1/token")
    async def new_token(request: Request) -> EnrollResponse:
        """A new token for the asking device; the one it asked with stops working."""
        device = await device_of(request)
        old = request.headers.get("authorization", "")[7:]
        token = await run_in_threadpool(rotate_token, db, device, old)
        return EnrollResponse(
            server_time=to_iso(utc_now()), device_id=device.device_id, station=device.station, token=token
        )

    @app.post("/v1/enrollment-codes")
    async def new_enrollment_code(request: Request) -> CodeResponse:
        device = await device_of(request)
        if device.kind != "staff":
            raise Problem(403, "permission_denied", "Only a staff console may ask for enrollment codes.")
        asked = await read_message(request, CodeRequest)
        code, expires = await run_in_threadpool(
            lambda: code_for_admin(db, username=asked.username, password=asked.password, hours=asked.hours)
        )
        return CodeResponse(server_time=to_iso(utc_now()), code=code, expires_at=expires)

    @app.post("/v1/ops", response_model=PushResponse)
    async def push(request: Request) -> Response:
        device = await device_of(request)
        body = await read_body(request)
        batch = parse_message(body, PushRequest)
        bounded = is_bounded_json(body)
        async with push_turn:
            answers, expected = await run_in_threadpool(_push, db, device, batch.ops, bounded)
        for answer in answers:
            metrics.ops.labels(answer.outcome).inc()
        if any(a.outcome == Acceptance.ACCEPTED for a in answers):
            new_ops.notify_threadsafe()
        return json_response(
            PushResponse(server_time=to_iso(utc_now()), answers=answers, expected_seq=expected, **epoch())
        )

    @app.get("/v1/ops", response_model=PullResponse)
    async def pull(request: Request, after: int = 0, limit: int = 500, wait: float = 0) -> Response:
        device = await device_of(request)
        if not 0 <= after <= MAX_INT or not 1 <= limit <= MAX_BATCH or not 0 <= wait <= 60:
            raise Problem(
                422, "invalid_request", f"0 <= after <= {MAX_INT}, 1 <= limit <= {MAX_BATCH}, 0 <= wait <= 60"
            )
        await keep_day_keys()
        deadline = time.monotonic() + min(wait, MAX_WAIT_S)
        while True:
            rows = await run_in_threadpool(_pull, db, after, limit + 1)
            if rows or time.monotonic() >= deadline:
                break
            await new_ops.wait(deadline - time.monotonic())
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = rows[-1][0] if rows else after
        rule = await projection_for(device.kind)
        ops = [PulledOp(seq=seq, op=WireOp.of(seen)) for seq, op in rows if (seen := rule.apply(op)) is not None]
        return json_response(PullResponse(server_time=to_iso(utc_now()), ops=ops, cursor=cursor, more=more, **epoch()))

    @app.get("/v1/snapshot", response_model=SnapshotResponse)
    async def snapshot(request: Request) -> Response:
        """Today's state for a new device to start from, as its kind sees it (need to
        know, as the pulls), with the sequence to pull after."""
        device = await device_of(request)
        await keep_day_keys()
        taken = await run_in_threadpool(_snapshot, db, device.kind)
        body = {
            "protocol": 1,
            "server_time": to_iso(utc_now()),
            "seq": taken.seq,
            "hlc": taken.hlc,
            "tables": taken.tables,
            **epoch(),
        }
        return Response(orjson.dumps(body), media_type="application/json")

    @app.post("/v1/health")
    async def health_report(request: Request) -> Ack:
        """A device says how it is doing (clock, disk, outbox, breaker, version)."""
        device = await device_of(request)
        report = await read_message(request, HealthReport)
        await run_in_threadpool(record_health, db, device, report, utc_now())
        return Ack(server_time=to_iso(utc_now()))

    @app.get("/v1/devices/health")
    async def health_of_devices(request: Request) -> Response:
        """Every device's last report, for the admins at a staff console."""
        device = await device_of(request)
        if device.kind != "staff":
            raise Problem(403, "permission_denied", "Only a staff console may see the devices' health.")
        rows = await run_in_threadpool(devices_health, db, utc_now())
        return json_response(DevicesHealthResponse(server_time=to_iso(utc_now()), devices=rows))

    @app.post("/v1/leases")
    async def leases(request: Request) -> LeaseResponse:
        device = await device_of(request)
        if device.kind == "display":
            raise Problem(403, "permission_denied", "A display does not issue tickets.")
        asked = await read_message(request, LeaseRequest)
        await keep_day_keys()
        granted = await run_in_threadpool(_lease, db, device, asked)
        if granted:
            new_ops.notify_threadsafe()
        return LeaseResponse(server_time=to_iso(utc_now()), ops=granted, **epoch())

    return app


def disk_check(db: Database) -> str | None:
    """ "ok", or why the disk under an SQLite database file is failing (None for a
    database on another server, which watches its own disk)."""
    if db.dialect != "sqlite" or not db.engine.url.database:
        return None
    try:
        free = shutil.disk_usage(Path(db.engine.url.database).parent).free
    except OSError as error:
        return f"failing: {error.strerror}"
    return "ok" if free >= MIN_FREE_BYTES else f"failing: {free // 1024} KiB free"


def current_epoch(db: Database) -> dict[str, Any]:
    """The server's epoch (its identity, new at each restore) and where it began."""
    with db.read() as session:
        row = session.get(LocalIdentity, 1)
    if row is None:
        raise RuntimeError("the server's database has no identity")
    return {"epoch": row.device_id, "epoch_base": row.epoch_base}


def _serialize_pushes(session: Session, db: Database) -> None:
    """One push at a time commits: it holds the op log's identity row from the start
    (`identity`), as leases, enrollments and services do, so sequences become visible in
    order. On PostgreSQL the commit also notifies the other server processes."""
    identity(session)
    if db.dialect == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


WIRE_OPS = TypeAdapter(list[WireOp])
"""A whole batch read at once, when every op in it is well formed (the usual case)."""
MALFORMED_KIND = "op.malformed"
"""The kind a refused op is logged under when its own fields could not be read."""


Read = tuple[Op | None, OpAnswer | None, MmcError | None]


def _safe_kind(raw: dict[str, Any]) -> str:
    kind = str(raw.get("kind", "?"))
    return "".join(c for c in kind if c.isascii() and (c.isalnum() or c in "._"))[:40] or "?"


def _read_ops(device: DeviceAuth, raw_ops: list[dict[str, Any]], bounded: bool = False) -> list[Read]:
    """Each pushed op read on its own: (the op, or None; an answer already given; why it
    is malformed). An op whose id, device or sequence cannot be read fails the request."""
    read: list[Read] = []
    ids: set[str] = set()
    try:
        wire: list[WireOp] | None = WIRE_OPS.validate_python(raw_ops, context=BOUNDED if bounded else None)
    except ValidationError:
        wire = None  # some op is malformed: each is read on its own below
    for place, raw in enumerate(raw_ops):
        problem: MmcError | None = None
        try:
            op = (wire[place] if wire is not None else WireOp.model_validate(raw)).to_op()
        except ValidationError as error:
            try:
                header = OpHeader.model_validate(raw)
            except ValidationError:
                raise Problem(422, "invalid_request", f"ops.{place}: {first_problem(error)}") from None
            problem = MalformedOp(kind=_safe_kind(raw), detail=first_problem(error))
            op = Op(header.op_id, header.device_id, header.device_seq, "", "?", MALFORMED_KIND, {})
        if op.device_id != device.device_id:
            refused = _answer(Acceptance.REJECTED, op.op_id, None, "forbidden", "a device may push only its own ops")
            read.append((None, refused, None))
        elif op.op_id in ids:
            refused = _answer(
                Acceptance.REJECTED, op.op_id, None, "op_id_reused", "this op id was given earlier in the same batch"
            )
            read.append((None, refused, None))
        else:
            ids.add(op.op_id)
            read.append((op, None, problem))
    return read


def _push(
    db: Database, device: DeviceAuth, raw_ops: list[dict[str, Any]], bounded: bool = False
) -> tuple[list[OpAnswer], int | None]:
    """Each op of the batch answered in its place (an op id given twice gets two answers).
    `bounded`: the body was seen to hold no control character and no huge integer."""
    read = _read_ops(device, raw_ops, bounded)
    answers = [answer for _, answer, _ in read]
    mine = [(place, op) for place, (op, _, _) in enumerate(read) if op is not None]
    expected = None
    now = utc_now()
    with db.write() as session:
        _serialize_pushes(session, db)
        checks = OpChecks(session, device, now)
        for op, _, problem in read:
            if op is not None and problem is not None:
                checks.malformed[op.op_id] = problem
        verdicts, gap = accept_batch(session, [op for _, op in mine], now, check=checks, parse=checks.payload)
        audit_refusals(session, device, [op for _, op in mine], verdicts, now)
    for (place, _), verdict in zip(mine, verdicts, strict=False):
        answers[place] = _answer(verdict.outcome, verdict.op_id, verdict.accepted_seq, verdict.code, verdict.reason)
    if gap is not None:
        expected = int(gap.params["expected"])
        for place, op in mine[len(verdicts) :]:
            answers[place] = OpAnswer(
                op_id=op.op_id, outcome=Acceptance.NOT_PROCESSED, status=409, code="out_of_order_op", reason=str(gap)
            )
    return [answer for answer in answers if answer is not None], expected


def _pull(db: Database, after: int, limit: int) -> list[tuple[int, Op]]:
    with db.read() as session:
        return accepted_after(session, after, limit)


def _snapshot(db: Database, kind: str) -> Snapshot:
    with db.snapshot() as session:
        return take_snapshot(session, view_at_acceptance_point(session, kind))


def _pseudonyms(db: Database) -> Callable[[str], str]:
    with db.read() as session:
        return pseudonym_maker(bytes.fromhex(setting(session, "site_secret")))


LEASE_LOW_WATER = 0.5


def _lease(db: Database, device: DeviceAuth, asked: LeaseRequest) -> list[PulledOp]:
    """Grant the device a block for each clinic where it holds less than half a block:
    known, open clinics only, for the server's today or tomorrow."""
    now = utc_now()
    today = dt.date.fromisoformat(service_day(now))
    with db.read() as session:
        allowed = {current_day(session, now), today.isoformat(), (today + dt.timedelta(days=1)).isoformat()}
        if asked.day not in allowed:
            raise Problem(422, "invalid_request", f"numbers are leased for today ({today}) or tomorrow only")
        open_clinics = set(session.scalars(select(Clinic.code).where(Clinic.active.is_(True))))
        unknown = [c for c in asked.clinics if c not in open_clinics]
        if unknown:
            raise Problem(422, "unknown_clinic", f"no open clinic {unknown[0]!r}")
        wanted = [
            c
            for c in asked.clinics
            if spare_numbers(session, device.device_id, c, asked.day) < asked.size * LEASE_LOW_WATER
        ]
    granted = [
        lease_numbers(db, SYSTEM, device_id=device.device_id, clinic=clinic, day=asked.day, size=asked.size)
        for clinic in wanted
    ]
    with db.read() as session:
        return [PulledOp(seq=accepted_seq_of(session, op.op_id), op=WireOp.of(op)) for op in granted]
