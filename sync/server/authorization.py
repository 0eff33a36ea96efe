"""What an enrolled device may push, re-checked against the server's own state.

A device's word is never enough. For each op the server asks: may this kind of device
push this kind of op; is the actor this kiosk, or a staff user who may do it and who
proved they logged in on this device (core.proofs); is the time sane (a UTC offset, not
far ahead of the server's clock, not before the device's last op, at most
`MAX_BEHIND` old); does each new ticket's number come from a block leased to this very
device or carry this device's own station prefix; was the PIN the patient entered the
clinic's PIN of that visit's day; does a setting name one devices may set; is a mobile
number given at check-in one of the site's format. Any "no" is a refusal of that op
alone, with its reason; the ops behind it go on.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import MAX_AHEAD_MS, HlcStamp, from_iso, open_day, service_day
from core.errors import MalformedOp, MmcError, PermissionDenied, UnknownOpKind
from core.ops.envelope import (
    DayClosed,
    NewTicket,
    Op,
    Payload,
    SettingSet,
    TicketCompleted,
    TicketIssued,
    TicketTransferred,
    VisitCheckedIn,
    VisitClinicConfirmed,
)
from core.ops.kinds import parse_payload
from core.ops.tickets import pin_refusal
from core.permissions import ALLOWED, KIND_PERMISSION
from core.phones import PHONE_BOUNDS, PHONE_FORMAT
from core.pins import clinic_pin
from core.proofs import proof_holds
from core.recovery import VOID_DEVICE
from core.schema import LocalIdentity, NumberLease, OpRecord, Ticket, User, Visit
from core.settings import setting
from core.statuses import OpOutcome
from sync.server.enrollment import DeviceAuth

DEVICE_MAY = {
    "kiosk": frozenset({"check_in", "enter_queue", "confirm_pin", "ask_help"}),
    "staff": frozenset(
        {
            "check_in",
            "enter_queue",
            "confirm_pin",
            "queue_action",
            "cancel_visit",
            "rotate_pin",
            "configure",
            "close_day",
        }
    ),
    "display": frozenset(),
}
MAX_AHEAD = dt.timedelta(milliseconds=MAX_AHEAD_MS)
"""How far ahead of the server's clock an op's time may be; beyond it the op is refused
(a device whose clock runs fast is told so by every sync answer's server time, and goes
by the server's from then on: core.clock.DeviceClock)."""
MAX_BEHIND = dt.timedelta(days=3)
"""How old an op may be: a kiosk offline over a long weekend still gets its work in."""
SERVER_SETTINGS = frozenset({"site_secret", PHONE_FORMAT})
"""Settings only the server sets, never a device (the phone format follows the server's
notification configuration)."""


class Refused(MmcError):
    """An op the server will not take on a device's word."""

    code = "refused"
    template = "{detail}"


class WrongActor(Refused):
    code = "wrong_actor"


class UnprovenUser(Refused):
    code = "unproven_user"


class TimeRefused(Refused):
    code = "time_refused"


class NumberNotLeased(Refused):
    code = "number_not_leased"


class PinRefused(Refused):
    code = "wrong_pin"


class SettingRefused(Refused):
    code = "setting_refused"


class PhoneRefused(Refused):
    code = "invalid_phone"


AUTHORITY = frozenset({"permission_denied", "wrong_actor", "unproven_user", "setting_refused", "forbidden"})
"""Refusals about who may do what: each goes into the server's audit log."""


def _new_tickets(payload: Payload) -> list[NewTicket]:
    if isinstance(payload, VisitCheckedIn | TicketIssued):
        return [payload.ticket]
    if isinstance(payload, TicketTransferred):
        return [payload.new_ticket]
    if isinstance(payload, VisitClinicConfirmed | TicketCompleted):
        return [payload.next_ticket] if payload.next_ticket is not None else []
    if isinstance(payload, DayClosed):
        return [carried.new_ticket for carried in payload.carried]
    return []


class OpChecks:
    """The re-check of one device's pushed ops in one transaction. Calling it twice for
    the same op (the batch's fast path, then its op-by-op path) answers the same."""

    def __init__(self, session: Session, device: DeviceAuth, now: dt.datetime) -> None:
        self.session, self.device, self.now = session, device, now
        self.malformed: dict[str, MmcError] = {}
        self._answers: dict[str, MmcError | None] = {}
        self._last_loaded = False
        self._last_stamp: HlcStamp | None = None
        self._leases: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self._payloads: dict[str, Payload] = {}
        self._closes_at: str | None = None
        self._now_ms = int(now.timestamp() * 1000)
        self._latest_ms = int((now + MAX_AHEAD).timestamp() * 1000)
        self._earliest_ms = int((now - MAX_BEHIND).timestamp() * 1000)

    def __call__(self, op: Op) -> MmcError | None:
        if op.op_id not in self._answers:
            self._answers[op.op_id] = self._refusal(op)
        return self._answers[op.op_id]

    def payload(self, op: Op) -> Payload:
        """The op's typed payload, parsed once for the check and the apply."""
        found = self._payloads.get(op.op_id)
        if found is None:
            found = self._payloads[op.op_id] = parse_payload(op.kind, op.payload)
        return found

    def _day_at(self, at: dt.datetime) -> str:
        if self._closes_at is None:
            self._closes_at = str(setting(self.session, "day_closes_at"))
        return open_day(at, self._closes_at)

    def _refusal(self, op: Op) -> MmcError | None:
        if op.op_id in self.malformed:
            return self.malformed[op.op_id]
        permission = KIND_PERMISSION.get(op.kind)
        if permission is None:
            return self._unpermitted(op)
        if permission not in DEVICE_MAY.get(self.device.kind, frozenset()):
            return PermissionDenied(role=f"a {self.device.kind} device", action=permission.replace("_", " "))
        try:
            payload = self.payload(op)
        except MmcError as error:
            return error
        return (
            self._actor(op, permission)
            or self._time(op, payload)
            or self._numbers(op, payload)
            or self._pin(payload)
            or self._setting(payload)
            or self._phone(payload)
        )

    def _unpermitted(self, op: Op) -> MmcError | None:
        """An op kind no permission covers: only a device's own `device.resumed` (its
        restore marker, checked in the log), and otherwise a refusal, never a pass."""
        if op.kind != "device.resumed":
            return UnknownOpKind(kind=op.kind)
        if op.actor != self.device.station:
            return WrongActor(detail=f"a device resumes as itself ({self.device.station}), not as {op.actor!r}")
        return None

    def _actor(self, op: Op, permission: str) -> MmcError | None:
        if self.device.kind == "kiosk":
            if op.actor != self.device.station:
                return WrongActor(detail=f"a kiosk acts as itself ({self.device.station}), not as {op.actor!r}")
            return None
        user = self.session.get(User, op.actor)
        if user is None or not user.active:
            state = "is deactivated" if user is not None else "is not a user here"
            return PermissionDenied(role=f"{op.actor!r}, who {state},", action=permission.replace("_", " "))
        if user.role not in ALLOWED[permission]:
            return PermissionDenied(role=user.role, action=permission.replace("_", " "))
        if not proof_holds(user.signing_key, op):
            return UnprovenUser(
                detail=f"nothing proves that {op.actor} logged in on this console (or the password changed since)"
            )
        return None

    def _previous_stamp(self) -> HlcStamp | None:
        if not self._last_loaded:
            self._last_loaded = True
            last = self.session.scalar(
                select(OpRecord.hlc)
                .where(OpRecord.device_id == self.device.device_id, OpRecord.outcome == OpOutcome.APPLIED)
                .order_by(OpRecord.device_seq.desc())
                .limit(1)
            )
            try:
                self._last_stamp = HlcStamp.decode(last) if last else None
            except ValueError:
                self._last_stamp = None
        return self._last_stamp

    def _time(self, op: Op, payload: Payload) -> MmcError | None:
        try:
            stamp = HlcStamp.decode(op.hlc)
        except ValueError:
            return MalformedOp(kind=op.kind, detail=f"bad clock stamp {op.hlc!r}")
        if stamp.device != op.device_id:
            return TimeRefused(detail="the clock stamp names another device")
        previous = self._previous_stamp()
        problem = self._window(stamp.wall_ms)
        if problem is None and previous is not None and stamp <= previous:
            problem = "earlier than this device's previous op"
        at_text = getattr(payload, "at", None)
        if problem is None and isinstance(at_text, str):
            at = dt.datetime.fromisoformat(at_text)
            problem = self._window(int(at.timestamp() * 1000))
            if (
                problem is None
                and isinstance(payload, VisitCheckedIn | TicketIssued)
                and payload.day != service_day(at)
                and payload.day != self._day_at(at)
            ):
                problem = f"the day {payload.day} is not the day of its time {at_text}"
        if problem:
            return TimeRefused(detail=f"the op's time is {problem}")
        self._last_stamp = stamp
        return None

    def _window(self, at_ms: int) -> str | None:
        if at_ms > self._latest_ms:
            return f"{(at_ms - self._now_ms) / 1000:.0f} s ahead of the server's clock"
        if at_ms < self._earliest_ms:
            return f"more than {MAX_BEHIND.days} days old"
        return None

    def _ticket_day(self, payload: Payload) -> str | None:
        if isinstance(payload, VisitCheckedIn | TicketIssued):
            return payload.day
        if isinstance(payload, VisitClinicConfirmed):
            visit = self.session.get(Visit, payload.visit_id)
            return visit.day if visit else None
        if isinstance(payload, DayClosed):
            return payload.next_day
        if isinstance(payload, TicketTransferred | TicketCompleted):
            ticket = self.session.get(Ticket, payload.ticket_id)
            return ticket.day if ticket else None
        return None

    def _blocks(self, clinic: str, day: str) -> list[tuple[int, int]]:
        key = (clinic, day)
        if key not in self._leases:
            rows = self.session.execute(
                select(NumberLease.first, NumberLease.last).where(
                    NumberLease.clinic == clinic,
                    NumberLease.day == day,
                    NumberLease.device_id == self.device.device_id,
                )
            )
            self._leases[key] = [(first, last) for first, last in rows]
        return self._leases[key]

    def _numbers(self, op: Op, payload: Payload) -> MmcError | None:
        tickets = _new_tickets(payload)
        if not tickets:
            return None
        day = self._ticket_day(payload)
        if day is None:
            return None  # the apply function refuses the unknown visit or ticket
        for ticket in tickets:
            if ticket.station:
                if ticket.station != self.device.station:
                    return NumberNotLeased(
                        detail=f"station {ticket.station} is not this device's ({self.device.station})"
                    )
            elif not any(first <= ticket.number <= last for first, last in self._blocks(ticket.clinic, day)) and (
                not self._put_aside(op, ticket, day)
            ):
                return NumberNotLeased(
                    detail=f"number {ticket.number} of {ticket.clinic} on {day} was not leased to this device"
                )
        return None

    def _put_aside(self, op: Op, ticket: NewTicket, day: str) -> bool:
        """A number from the blocks a restored server put aside, in an op made before the
        restore: the device held a lease the server's backup did not (core.recovery)."""
        started = self.session.scalar(select(LocalIdentity.epoch_started_at).where(LocalIdentity.id == 1))
        if not started or HlcStamp.decode(op.hlc).wall_ms >= from_iso(started).timestamp() * 1000:
            return False
        aside = self.session.scalar(
            select(NumberLease.id).where(
                NumberLease.clinic == ticket.clinic,
                NumberLease.day == day,
                NumberLease.device_id == VOID_DEVICE,
                NumberLease.first <= ticket.number,
                NumberLease.last >= ticket.number,
            )
        )
        return aside is not None

    def _pin(self, payload: Payload) -> MmcError | None:
        if not isinstance(payload, VisitClinicConfirmed):
            return None
        visit = self.session.get(Visit, payload.visit_id)
        if visit is None:
            return None
        if payload.pin is None or payload.pin != clinic_pin(self.session, payload.clinic, visit.day):
            return PinRefused(detail=f"the PIN given is not the PIN of {payload.clinic} on {visit.day}")
        return pin_refusal(self.session, visit, payload.clinic)

    def _setting(self, payload: Payload) -> MmcError | None:
        if isinstance(payload, SettingSet) and payload.key in SERVER_SETTINGS:
            return SettingRefused(detail=f"{payload.key} is the server's own; no device sets it")
        return None

    def _phone(self, payload: Payload) -> MmcError | None:
        """A number given at check-in must look like a number (the envelope bounds it
        already); the reason never repeats the number. One not of the site's format now
        (a kiosk offline while the format changed, or one that has not heard that messages
        are off) does not cost the patient their check-in: it passes, no message is sent
        for it (sync.server.notify.events), and it is forgotten with the others."""
        if not isinstance(payload, VisitCheckedIn) or payload.notify is None or not payload.notify.phone:
            return None
        if not PHONE_BOUNDS.fullmatch(payload.notify.phone):
            return PhoneRefused(detail="notify.phone: the mobile number is not of the site's format")
        return None
