"""The device side of sync: replay the outbox, pull and apply others' ops, refill leases.

Runs on an asyncio loop (the Qt loop through qasync in the apps, a plain loop headless);
every store access goes to a worker thread so the loop never blocks. An op leaves the
outbox only when the server has answered for it; a refused op is kept and reported.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import math
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy import select

from core.clock import DeviceClock, from_iso, utc_now
from core.database import Database
from core.errors import StorageFull
from core.ops.envelope import Op
from core.ops.log import Reason, identity, pending_ops
from core.ops.replica import (
    Answer,
    Intake,
    catch_up,
    may_catch_up,
    oldest_waiting,
    pull_cursor,
    rebuild_view,
    refused_ops,
    resend_from,
    take_answers,
    take_epoch,
    take_pulled,
    waiting_count,
)
from core.ops.snapshot import Snapshot
from core.schema import Clinic
from core.services.days import current_day
from core.services.numbers import spare_numbers
from core.settings import setting
from core.statuses import Acceptance
from core.store import Store, adopt_station, keep_clock_offset
from core.version import build_info
from sync.breaker import CircuitBreaker, backoff_s
from sync.credentials import save_token
from sync.link import Refused, ServerLink, Unreachable
from sync.protocol import (
    MAX_BATCH,
    MAX_LEASE,
    EnrollRequest,
    Epoch,
    HealthReport,
    LeaseRequest,
    PulledOp,
    PushRequest,
    PushResponse,
    SnapshotResponse,
)

log = logging.getLogger(__name__)
T = TypeVar("T")
CLOCK_WARNING_S = 60.0
APPLY_STEP = 10
APPLY_TURN_S = 0.02
"""A turn of applying pulled ops on the store's worker ends after this long (at least one
step of APPLY_STEP ops): about the longest a tap waits behind sync
(bench/responsiveness.py)."""
PULL_PAGE = 500
"""Ops asked for per pull request."""
DISK_LOW_BYTES = 4 * 1024 * 1024
"""Below this much free space a device reports its disk full: SQLite needs room for its
write-ahead log before a transaction can commit."""


@dataclass(frozen=True)
class RefusedOp:
    op_id: str
    kind: str
    code: str
    """The core's error code: screens explain it in the user's language."""
    detail: str
    """The server's words, in English, for what no code explains."""


@dataclass(frozen=True)
class SyncStatus:
    """What the apps show: online or since when offline, what waits, what was refused."""

    online: bool = False
    offline_since: dt.datetime | None = None
    ops_waiting: int = 0
    last_push: dt.datetime | None = None
    last_pull: dt.datetime | None = None
    refused: tuple[RefusedOp, ...] = ()
    clock_skew_s: float = 0.0
    breaker: str = "closed"
    problem: str = ""
    storage_full: bool = False
    """This device's disk is full (or nearly): it takes no new work until space returns,
    and keeps trying by itself."""
    free_disk_bytes: int | None = None
    oldest_waiting_s: float | None = None
    """How long the oldest op in the outbox has waited (None: nothing waits)."""

    @property
    def clock_is_off(self) -> bool:
        return abs(self.clock_skew_s) > CLOCK_WARNING_S


@dataclass
class SyncClient:
    store: Store
    link: ServerLink
    batch: int = MAX_BATCH
    """Ops per push: a backlog after a long cut goes out in the largest batches the server
    takes (each costs one round trip and one commit, whatever its size)."""
    lease_size: int | None = None
    """Numbers per leased block; None: the site's `lease_block` setting (at most MAX_LEASE)."""
    long_poll_s: float = 5.0
    now: Callable[[], dt.datetime] = utc_now
    clock: DeviceClock | None = None
    """The device's corrected clock (a station process installs it as its time source);
    without one the skew is only measured."""
    health_every_s: float = 30.0
    snapshots: bool = True
    """A device that has pulled nothing yet starts from the server's snapshot (False:
    it replays the whole log, as a server without snapshots makes it)."""
    on_status: Callable[[SyncStatus], None] | None = None
    status: SyncStatus = field(default_factory=SyncStatus)
    breaker: CircuitBreaker = field(default_factory=CircuitBreaker)
    rebuilds: int = 0
    _poked: asyncio.Event = field(default_factory=asyncio.Event)
    _stale_view: bool = False
    _write_failed: bool = False
    _health_sent_at: float = -math.inf
    _epoch: str | None = None
    """The server epoch this device's store follows, once read or taken."""

    async def _in_store(self, work: Callable[..., T], *args: Any) -> T:
        return await in_store(self.store.db, work, *args)

    def poke(self) -> None:
        """A local change was made: push it now instead of at the next round."""
        self._poked.set()

    def _publish(self, **changes: object) -> None:
        self.status = replace(self.status, **changes)  # type: ignore[arg-type]
        if self.on_status is not None:
            self.on_status(self.status)

    async def _observe_clock(self, server_time: str) -> None:
        """Measure this machine's clock against the server's answer; with a DeviceClock,
        correct it (and keep the correction in the store)."""
        server = from_iso(server_time)
        machine = self.clock.system() if self.clock is not None else self.now()
        skew = (machine - server).total_seconds()
        if abs(skew) > CLOCK_WARNING_S and not self.status.clock_is_off:
            log.warning("this machine's clock is %.0f s off the server's; this device goes by the server's", skew)
        if self.clock is not None and self.clock.adjust(round(-skew * 1000)):
            await self._in_store(keep_clock_offset, self.store.db, self.clock.offset_ms)
        self._publish(clock_skew_s=skew)

    # store work, run in a worker thread
    def _pending(self, after: int = 0) -> list[Op]:
        with self.store.db.read() as session:
            return pending_ops(session, self.batch, device_id=identity(session).device_id, after=after)

    def _answers(self, answers: list[Answer]) -> Intake:
        with self.store.db.write() as session:
            intake = take_answers(session, answers, self.now(), rebuild=False)
        self._stale_view |= intake.needs_rebuild
        return intake

    def _pulled(self, pulled: list[PulledOp], advance: bool) -> tuple[int, Intake]:
        """One turn on the store's worker: apply the first of `pulled`, APPLY_STEP ops at a
        time, until APPLY_TURN_S has passed, in one transaction; answers how many it took.
        A slow store (a kiosk busy with check-ins) takes 10 ops a turn, a quiet one more,
        with fewer commits."""
        started = time.monotonic()
        taken, intake = 0, Intake()
        with self.store.db.write() as session:
            while taken < len(pulled) and (not taken or time.monotonic() - started < APPLY_TURN_S):
                step = [(p.seq, p.op.to_op()) for p in pulled[taken : taken + APPLY_STEP]]
                intake.add(take_pulled(session, step, self.now(), advance=advance, rebuild=False))
                taken += len(step)
        self._stale_view |= intake.needs_rebuild
        return taken, intake

    async def _take_pulled(self, batch: list[PulledOp], advance: bool) -> Intake:
        """Apply a pulled batch in turns on the store's worker (the ops are made from their
        wire form there too): a screen's action waits behind one turn at most, not behind
        the whole batch, and the GUI thread does none of it."""
        intake, start = Intake(), 0
        while start < len(batch):
            taken, part = await self._in_store(self._pulled, batch[start:], advance)
            intake.add(part)
            start += taken
        return intake

    def _rebuild(self) -> None:
        with self.store.db.write() as session:
            rebuild_view(session, self.now())
        self._stale_view = False
        self.rebuilds += 1

    async def settle_view(self) -> None:
        """Rebuild the view once if answers or pulls showed it is out of the server's order."""
        if self._stale_view:
            await self._in_store(self._rebuild)

    def _follow_epoch(self, answer: Epoch) -> bool:
        """Take a new server epoch (the server was restored): True when this device had
        to void what it held of the old one (core.ops.replica.take_epoch)."""
        if answer.epoch == self._epoch:
            return False
        with self.store.db.write() as session:
            changed = take_epoch(session, answer.epoch, answer.epoch_base, self.now())
        self._epoch = answer.epoch
        if changed:
            self.rebuilds += 1
            self._stale_view = False
            log.warning(
                "the server was restored (epoch %s from sequence %d): sending again what it lost",
                answer.epoch,
                answer.epoch_base,
            )
        return changed

    def _may_catch_up(self) -> bool:
        with self.store.db.read() as session:
            return may_catch_up(session)

    def _catch_up(self, answer: SnapshotResponse, tables: dict[str, Any]) -> bool:
        snapshot = Snapshot(seq=answer.seq, hlc=answer.hlc, tables=tables)
        with self.store.db.write() as session:
            return catch_up(session, snapshot, self.now())

    async def catch_up(self) -> bool:
        """Start from the server's snapshot if this device has pulled nothing yet;
        answers whether it did."""
        if not self.snapshots or not await self._in_store(self._may_catch_up):
            return False
        try:
            answer, tables = await self.link.snapshot()
        except Refused as refused:
            if refused.status != 404:
                raise
            self.snapshots = False
            return False
        await self._observe_clock(answer.server_time)
        await self._in_store(self._follow_epoch, answer)
        taken = await self._in_store(self._catch_up, answer, tables)
        if taken:
            log.info("caught up from the server's snapshot at sequence %d", answer.seq)
        return taken

    def _cursor(self) -> int:
        with self.store.db.read() as session:
            return pull_cursor(session)

    def _resend(self, seq: int) -> int:
        with self.store.db.write() as session:
            return resend_from(session, seq)

    def _counts(self) -> tuple[int, tuple[RefusedOp, ...], int | None, float | None]:
        with self.store.db.read() as session:
            refused = tuple(
                RefusedOp(r.op_id, r.kind, reason.code, reason.detail)
                for r in refused_ops(session)[:50]
                for reason in (Reason.read(r.reason),)
            )
            waiting = waiting_count(session)
            oldest = oldest_waiting(session)
        try:
            free: int | None = shutil.disk_usage(self.store.paths.root).free
        except OSError:
            free = None
        age = max(0.0, (self.now() - oldest).total_seconds()) if oldest is not None else None
        return waiting, refused, free, age

    def _clinics_running_low(self) -> tuple[str, list[str], int]:
        """The service day going on, its open clinics for which this device holds less
        than half a block of numbers, and the size of a block."""
        with self.store.db.read() as session:
            me = identity(session)
            day = current_day(session, self.now())
            size = self.lease_size or min(MAX_LEASE, max(1, int(setting(session, "lease_block"))))
            if me.kind not in ("kiosk", "staff"):
                return day, [], size
            clinics = session.scalars(select(Clinic.code).where(Clinic.active.is_(True)))
            return day, [c for c in clinics if spare_numbers(session, me.device_id, c, day) * 2 < size], size

    # the rounds
    async def push_pending(self, *, settle: bool = True) -> int:
        """Send the outbox in device order, batch by batch; returns how many were answered.

        One push is in flight at a time; while the server works on it the next batch is
        read from the store, and while the next push travels the answers to the last one
        are written, so neither side waits on the other's disk."""
        answered = 0
        ops = await self._in_store(self._pending)
        recording: asyncio.Future[Intake] | None = None
        following: asyncio.Future[list[Op]] | None = None
        try:
            while ops:
                following = asyncio.ensure_future(self._in_store(self._pending, ops[-1].device_seq))
                try:
                    response = await self.link.push(PushRequest(ops=[op.as_dict() for op in ops]))
                except Refused as refused:
                    if refused.code != "body_too_large" or len(ops) == 1:
                        raise
                    await asyncio.gather(following, return_exceptions=True)
                    self.batch = len(ops) // 2
                    log.warning("a push of %d ops was too large; sending %d at a time", len(ops), self.batch)
                    ops = ops[: self.batch]
                    continue
                await self._observe_clock(response.server_time)
                answers = _answers_of(response)
                if recording is not None:
                    await recording
                if await self._in_store(self._follow_epoch, response):
                    await asyncio.gather(following, return_exceptions=True)
                    await self._in_store(self._answers, answers)
                    answered += len(answers)
                    recording = None
                    ops = await self._in_store(self._pending)
                    continue
                recording = asyncio.ensure_future(self._in_store(self._answers, answers))
                answered += len(answers)
                if response.expected_seq is not None and response.expected_seq < ops[0].device_seq:
                    await recording
                    await self._in_store(self._resend, response.expected_seq)
                    ops = await self._in_store(self._pending)
                elif len(answers) < len(ops):
                    break
                else:
                    ops = await following
        finally:
            for task in (following, recording):
                if task is not None:
                    await asyncio.gather(task, return_exceptions=task is following)
        if settle:
            await self.settle_view()
        await self._count_waiting()
        self._publish(last_push=self.now())
        return answered

    async def pull_new(self, wait_s: float = 0.0, *, settle: bool = True) -> int:
        """Apply the ops accepted after our cursor; long-polls up to `wait_s` for new ones."""
        applied = 0
        await self.catch_up()
        while True:
            cursor = await self._in_store(self._cursor)
            response = await self.link.pull(cursor, PULL_PAGE, wait_s)
            await self._observe_clock(response.server_time)
            if await self._in_store(self._follow_epoch, response):
                continue  # the cursor went back to where the server's new epoch began
            intake = await self._take_pulled(response.ops, True)
            applied += intake.applied
            if not response.more:
                break
            wait_s = 0.0
        if settle:
            await self.settle_view()
        self._publish(last_pull=self.now())
        return applied

    async def refill_leases(self) -> None:
        """Keep at least half a block of numbers for every open clinic of today, so the
        device can go on issuing tickets with plain numbers if the network drops."""
        day, low, size = await self._in_store(self._clinics_running_low)
        if not low:
            return
        response = await self.link.leases(LeaseRequest(day=day, clinics=low, size=size))
        await self._in_store(self._follow_epoch, response)
        await self._take_pulled(response.ops, False)

    async def sync_once(self, wait_s: float = 0.0) -> None:
        """One round: push, pull, rebuild the view once if needed, refill leases."""
        await self.push_pending(settle=False)
        await self.pull_new(wait_s, settle=False)
        await self.settle_view()
        await self.refill_leases()

    def _went_online(self) -> None:
        self.breaker.succeeded()
        self._write_failed = False
        if not self.status.online or self.status.problem or self.status.storage_full:
            self._publish(online=True, offline_since=None, problem="", breaker="closed", storage_full=False)

    async def _count_waiting(self) -> None:
        try:
            waiting, refused, free, age = await self._in_store(self._counts)
        except Exception:
            log.exception("could not count the outbox")
            return
        low = free is not None and free < DISK_LOW_BYTES
        self._publish(
            ops_waiting=waiting,
            oldest_waiting_s=age,
            refused=refused,
            free_disk_bytes=free,
            storage_full=low or self._write_failed,
        )

    def _went_offline(self, problem: str) -> None:
        self.breaker.failed()
        self._publish(
            online=False,
            offline_since=self.status.offline_since or self.now(),
            problem=problem,
            breaker=self.breaker.state,
        )

    async def run(self, stop: asyncio.Event) -> None:
        """Sync until `stop` is set: push on every round and whenever poked, long-poll in
        between, back off with jitter when the server cannot be reached. No error ends
        the loop: an unexpected one is logged and shown, and the next round tries again."""
        attempt = 0
        while not stop.is_set():
            if not self.breaker.allows():
                await _sleep_or_stop(stop, self.breaker.reset_after_s / 4)
                continue
            try:
                await self.push_pending()
                self._poked.clear()
                await self._pull_until_poked(stop)
                await self.refill_leases()
            except Exception as error:
                wait = self._failed_round(error, attempt)
                attempt += 1
                await self._count_waiting()
                await _sleep_or_stop(stop, wait)
                continue
            attempt = 0
            self._went_online()
            await self.report_health()

    async def report_health(self, *, now: bool = False) -> None:
        """Tell the server how this device is doing: every `health_every_s` at most,
        unless `now`. Not delivered is not an error (the next round tries again)."""
        if not now and time.monotonic() - self._health_sent_at < self.health_every_s:
            return
        await self._count_waiting()
        status = self.status
        report = HealthReport(
            version=build_info().version,
            clock_skew_s=max(-1e9, min(1e9, status.clock_skew_s)),
            free_disk_bytes=status.free_disk_bytes,
            storage_full=status.storage_full,
            ops_waiting=status.ops_waiting,
            oldest_waiting_s=status.oldest_waiting_s,
            breaker=status.breaker if status.breaker in ("closed", "open", "half_open") else "closed",
            problem="".join(c for c in status.problem if c.isprintable())[:200],
        )
        try:
            await self.link.report_health(report)
        except (Unreachable, Refused) as error:
            log.info("health report not delivered: %s", error)
            return
        self._health_sent_at = time.monotonic()

    def _failed_round(self, error: Exception, attempt: int) -> float:
        """Record why a round failed; answers how long to wait before the next."""
        if isinstance(error, Unreachable):
            self._went_offline(str(error))
            return backoff_s(attempt)
        if isinstance(error, Refused):
            self._went_offline(str(error))
            return error.retry_after or backoff_s(attempt, base=2.0)
        if isinstance(error, StorageFull):
            log.error("sync paused: %s", error)
            self._write_failed = True
        else:
            log.exception("sync round failed", exc_info=error)
        self._publish(problem=f"{error.code}: {error}" if isinstance(error, StorageFull) else repr(error))
        return backoff_s(attempt, base=2.0)

    async def _pull_until_poked(self, stop: asyncio.Event) -> None:
        pull = asyncio.ensure_future(self.pull_new(self.long_poll_s))
        poked = asyncio.ensure_future(self._poked.wait())
        stopped = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({pull, poked, stopped}, return_when=asyncio.FIRST_COMPLETED)
            if pull.done():
                pull.result()
            else:
                pull.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pull
        finally:
            for task in (poked, stopped):
                task.cancel()


def _answers_of(response: PushResponse) -> list[Answer]:
    """The server's answers to a push, the ops it processed; each refusal is logged."""
    answers = []
    for a in response.answers:
        if a.outcome == Acceptance.NOT_PROCESSED:
            continue
        if a.outcome == Acceptance.REJECTED:
            log.warning("the server refused op %s: %s: %s", a.op_id, a.code, a.reason)
        answers.append(Answer(a.op_id, a.outcome, a.accepted_seq, a.code, a.reason))
    return answers


async def in_store(db: Database, work: Callable[..., T], *args: Any) -> T:
    """Run store work on the store's one worker thread (core.database.Database.worker),
    which the screens' actions share, so neither waits on the other for the write lock."""
    return await asyncio.get_running_loop().run_in_executor(db.worker, functools.partial(work, *args))


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def rotate_device_token(link: ServerLink) -> None:
    """A new token for this device, kept in the keyring in place of the old one."""
    answer = await link.rotate_token()
    save_token(answer.device_id, answer.token)


async def enroll_device(store: Store, link: ServerLink, *, code: str, name: str = "") -> str:
    """Exchange a one-time code for this device's token (kept in the keyring) and station."""

    def me() -> tuple[str, str]:
        with store.db.read() as session:
            ident = identity(session)
            return ident.device_id, ident.kind

    device_id, kind = await in_store(store.db, me)
    if kind not in ("kiosk", "staff", "display"):
        raise ValueError(f"a {kind} store is not a device that enrolls")
    answer = await link.enroll(EnrollRequest(code=code, device_id=device_id, kind=kind, name=name))
    save_token(answer.device_id, answer.token)
    await in_store(store.db, adopt_station, store.db, answer.station)
    link.token = answer.token
    return answer.station
