"""The notifications running in the server process: a thread that reads the accepted op
log after each commit and queues events (`follow_once`), and a thread per notifier that
delivers them (`deliver_once`), each with sessions of its own. Neither is on the path of
a push or a pull: sync only writes the log, and is never held up by a slow receiver.

Delivery is at least once: a delivery is settled only after the notifier returned, and a
server killed in between tries it again after its claim runs out; receivers drop repeats
by the event id. Failures wait 2^n times `retry_first_s` (at most `retry_max_s`, with a
little jitter) before the next attempt; events older than `give_up_after_h` are dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import re
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from core.clock import to_iso, utc_now
from core.database import Database
from core.ops.log import accepted_after, identity
from core.permissions import SYSTEM
from core.phones import scrub_op
from core.services.days import current_day
from core.services.phones import set_phone_format
from sync.server.notify import queue
from sync.server.notify.config import NotifyConfig, configured_path, read_config
from sync.server.notify.events import EventReader
from sync.server.notify.plugin import (
    EVENT_KINDS,
    EventKind,
    Language,
    NotificationEvent,
    Notifier,
    NotifierConfigError,
    PermanentDelivery,
    RetryableDelivery,
    close_notifier,
    factories,
)

log = logging.getLogger(__name__)
BATCH = 200
CLAIM_S = 60.0
"""How long an attempt may take before another process (or this one, restarted) tries
the delivery again: longer than any shipped notifier's `timeout_s` (MAX_TIMEOUT_S)."""
KIND_OF: dict[str, EventKind] = {kind: kind for kind in EVENT_KINDS}
NUMBER = re.compile(r"\+?[0-9][0-9 ]{5,}[0-9]")


def masked(text: str) -> str:
    """`text` without anything that looks like a phone number (receivers' error
    messages may repeat it; logs and the queue never keep it)."""
    return NUMBER.sub("<number>", text)


@dataclass
class Outlet:
    """A configured notifier, and the event that wakes its thread."""

    name: str
    notifier: Notifier
    wake: threading.Event


def build_notifiers(config: NotifyConfig) -> list[Outlet]:
    """Each configured notifier, built from its options (NotifierConfigError for a
    notifier nobody provides or options it refuses)."""
    known = factories()
    outlets = []
    for setup in config.notifiers:
        factory = known.get(setup.plugin)
        if factory is None:
            raise NotifierConfigError(
                detail=f"no notifier {setup.plugin!r} is installed (there are {', '.join(sorted(known))})"
            )
        outlets.append(Outlet(setup.name, factory(setup.name, setup.options), threading.Event()))
    return outlets


class Notifications:
    """The follower and the deliverers over `db`, for `config`."""

    def __init__(
        self,
        db: Database,
        config: NotifyConfig,
        outlets: Sequence[Outlet],
        *,
        now: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self.db = db
        self.config = config
        self.outlets = list(outlets)
        self.now = now
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    # reading the op log
    def follow_once(self) -> int:
        """Queue the events of the next accepted ops, and forget the numbers of days that
        ended; how many ops were read. The reading is done in a read transaction, so the
        write that follows, and holds back pushes on SQLite, is short."""
        now = self.now()
        with self.db.read() as session:
            state = queue.follower(session)
            if state is None:
                start = identity(session).accepted_count
            else:
                read_through, scrub_from = state.read_through, state.scrub_from
                ops = accepted_after(session, read_through, BATCH)
                reader = EventReader(
                    session,
                    few_ahead=self.config.few_ahead,
                    not_before=now - dt.timedelta(seconds=self.config.give_up_after_s),
                )
                for _, op in ops:
                    reader.read(op)
                today = current_day(session, now)
                day_ended = today != state.forgotten_for or bool(reader.closed_days)
                if day_ended:
                    sweep, scrub_from = queue.numbers_to_sweep(session, today, scrub_from)
        if state is None:
            with self.db.write() as session:
                queue.begin_following(session, start)
            log.info("notifications follow the op log from sequence %d", start)
            return 0
        if not ops and not day_ended:
            return 0
        with self.db.write() as session:
            if ops and not queue.advance(session, read_through, ops[-1][0]):
                return 0
            names = [outlet.name for outlet in self.outlets]
            queued = queue.enqueue(session, reader.contacts, reader.events, names, _ms(now))
            if day_ended:
                self._forget(session, today, now, sweep, scrub_from)
        if queued:
            for outlet in self.outlets:
                outlet.wake.set()
        return len(ops)

    def _forget(self, session: Session, today: str, now: dt.datetime, sweep: list[str], scrub_from: int) -> None:
        """A service day ended: its numbers go, and what is too old to send or keep."""
        forgotten = queue.forget_numbers(session, today, now)
        for op_id in sweep:
            scrub_op(session, op_id)
        state = queue.follower(session)
        assert state is not None
        state.scrub_from, state.forgotten_for = scrub_from, today
        queue.expire_older_than(session, now - dt.timedelta(seconds=self.config.give_up_after_s))
        queue.purge(session, now - dt.timedelta(days=self.config.keep_days))
        log.info("numbers of the service days before %s forgotten: %d", today, forgotten + len(sweep))

    # delivering
    def deliver_once(self, outlet: Outlet) -> int:
        """Try each delivery due now to `outlet` (a patient's oldest first); how many."""
        now_ms = _ms(self.now())
        with self.db.read() as session:
            found = queue.due(session, outlet.name, now_ms)
        if not found:
            return 0
        tried = 0
        for delivery in found:
            if self._stop.is_set():
                break
            with self.db.write() as session:  # claimed only now: a claim never waits for another attempt
                if not queue.claim(session, delivery, _ms(self.now()) + int(CLAIM_S * 1000)):
                    continue
            self._attempt(outlet, delivery)
            tried += 1
        return tried

    def _attempt(self, outlet: Outlet, delivery: queue.Due) -> None:
        if not delivery.phone:
            with self.db.write() as session:
                queue.settle(session, delivery.id, queue.EXPIRED, error="the number was forgotten")
            return
        event = event_of(delivery, delivery.phone)
        attempt = delivery.attempts + 1
        try:
            outlet.notifier.deliver(event)
        except PermanentDelivery as error:
            reason = masked(str(error))
            log.warning("%s refused event %s (%s) for good: %s", outlet.name, event.event_id, event.kind, reason)
            with self.db.write() as session:
                queue.settle(session, delivery.id, queue.FAILED, error=reason)
            return
        except Exception as error:
            reason = masked(str(error) or type(error).__name__)
            if not isinstance(error, RetryableDelivery):
                trace = masked("".join(traceback.format_exception(error)))
                log.error("%s failed on event %s (%s):\n%s", outlet.name, event.event_id, event.kind, trace)
            delay = retry_delay_s(self.config, attempt)
            log.info(
                "%s: event %s (%s) not delivered (attempt %d, next in %.1f s): %s",
                outlet.name,
                event.event_id,
                event.kind,
                attempt,
                delay,
                reason,
            )
            with self.db.write() as session:
                queue.settle(
                    session, delivery.id, queue.PENDING, error=reason, due_ms=_ms(self.now()) + int(delay * 1000)
                )
            return
        with self.db.write() as session:
            queue.settle(session, delivery.id, queue.DELIVERED, at=to_iso(self.now()))
        log.info("%s: event %s (%s) delivered (attempt %d)", outlet.name, event.event_id, event.kind, attempt)

    # the threads
    def start(self) -> None:
        """Run the follower and a deliverer per notifier in background threads."""
        self._threads = [threading.Thread(target=self._follow, name="notify:follow", daemon=True)]
        self._threads += [
            threading.Thread(target=self._deliver, args=(outlet,), name=f"notify:{outlet.name}", daemon=True)
            for outlet in self.outlets
        ]
        for thread in self._threads:
            thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        for outlet in self.outlets:
            outlet.wake.set()
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        for outlet in self.outlets:
            close_notifier(outlet.notifier)

    def _follow(self) -> None:
        while not self._stop.is_set():
            try:
                read = self.follow_once()
            except Exception:
                log.exception("notifications could not read the op log")
                read = 0
            if read < BATCH:
                self._stop.wait(self.config.poll_s)

    def _deliver(self, outlet: Outlet) -> None:
        while not self._stop.is_set():
            try:
                tried = self.deliver_once(outlet)
            except Exception:
                log.exception("%s: the notification queue could not be read", outlet.name)
                tried = 0
            if not tried:
                outlet.wake.wait(self.config.poll_s)
                outlet.wake.clear()


def retry_delay_s(config: NotifyConfig, attempt: int) -> float:
    """How long to wait after failed attempt number `attempt` (1 for the first): doubling
    from `retry_first_s` up to `retry_max_s`, less up to a fifth at random, so receivers
    coming back are not hit by every server at once."""
    base = min(config.retry_max_s, config.retry_first_s * 2.0 ** min(attempt - 1, 30))
    return base * random.uniform(0.8, 1.0)


def event_of(delivery: queue.Due, phone: str) -> NotificationEvent:
    """The event as its notifier gets it, in the patient's language."""
    body = delivery.body
    language: Language = "en" if delivery.language == "en" else "ar"
    ahead, wait = body.get("ahead"), body.get("wait_minutes")
    return NotificationEvent(
        event_id=delivery.event_id,
        kind=KIND_OF[delivery.kind],
        occurred_at=delivery.occurred_at,
        visit_id=delivery.visit_id,
        phone=phone,
        language=language,
        site_name=str(body.get(f"site_name_{language}") or body.get("site_name_en") or ""),
        ticket=str(body.get("ticket", "")),
        clinic=str(body.get("clinic", "")),
        clinic_name=str(body.get(f"clinic_name_{language}") or body.get("clinic", "")),
        room=str(body.get("room", "")),
        ahead=ahead if isinstance(ahead, int) else None,
        wait_minutes=wait if isinstance(wait, int) else None,
    )


def _ms(at: dt.datetime) -> int:
    return int(at.timestamp() * 1000)


OFF = NotifyConfig(notifiers=(), phone_format="", default_language="ar", few_ahead=0)
"""No notifier: the kiosks ask for no number, and any number that still arrives (from a
kiosk that has not heard so yet) is forgotten at the end of its day all the same."""


def start_notifications(db: Database, config_file: str | None = None) -> Notifications:
    """At the server's start: read the configuration (`config_file`, else
    MMC_NOTIFY_CONFIG; none: OFF), set the kiosks' number step to match, and run the
    notifications. A bad configuration raises NotifierConfigError and the server does
    not start."""
    path = configured_path(config_file)
    config = read_config(Path(path)) if path is not None else OFF
    outlets = build_notifiers(config)
    if config.phone_format and not outlets:
        log.warning("the kiosks ask for mobile numbers, but no notifier is configured to use them")
    set_phone_format(db, SYSTEM, config.phone_format)
    running = Notifications(db, config, outlets)
    running.start()
    log.info("notifications: %s", ", ".join(o.name for o in outlets) or "none configured")
    return running
