"""An op as it travels between stores, and the typed payload of each kind."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import orjson
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    model_serializer,
    model_validator,
)

Gender = Literal["male", "female"]
ClinicGender = Literal["any", "male", "female"]
Role = Literal["admin", "supervisor", "staff"]
DeviceKind = Literal["kiosk", "staff", "display", "server", "standalone"]
MAX_INT = 2**53
"""The largest integer any op or message may hold: what JSON carries exactly, far below
what a 64-bit database column overflows at."""


def _real_date(text: str) -> str:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("not a real date") from None
    if not 2000 <= day.year <= 2100:
        raise ValueError("a date between the years 2000 and 2100")
    return text


def _aware_time(text: str) -> str:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("not an ISO 8601 time") from None
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("a time must say its UTC offset")
    if not 2000 <= at.year <= 2100:
        raise ValueError("a time between the years 2000 and 2100")
    return text


CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f]")


def bounded_json(value: Any) -> Any:
    """Refuse control characters in any text and integers beyond MAX_INT, at any depth."""
    if isinstance(value, str):
        if CONTROL_CHARACTERS.search(value):
            raise ValueError("control characters are not allowed in text")
    elif isinstance(value, bool):
        return value
    elif isinstance(value, int):
        if abs(value) > MAX_INT:
            raise ValueError(f"integers are at most {MAX_INT} in size")
    elif isinstance(value, dict):
        for key, item in value.items():
            bounded_json(key)
            bounded_json(item)
    elif isinstance(value, list):
        for item in value:
            bounded_json(item)
    return value


Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")]
Day = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_real_date)]
Stamp = Annotated[str, Field(min_length=10, max_length=40), AfterValidator(_aware_time)]
Id = Annotated[str, Field(min_length=36, max_length=36, pattern=r"^[0-9A-Fa-f-]{36}$")]
Station = Annotated[str, Field(max_length=12, pattern=r"^([A-Z][A-Z0-9]*)?$")]
Text = Annotated[str, Field(max_length=120)]


@dataclass(frozen=True)
class Op:
    op_id: str
    device_id: str
    device_seq: int
    hlc: str
    actor: str
    kind: str
    payload: dict[str, Any]
    proof: str = ""
    """For a staff user's op: the signature that proves the user logged in on the device
    (core.proofs); empty for device and system ops."""

    def payload_json(self) -> str:
        """The payload as canonical JSON (sorted keys, no spaces, UTF-8), as stored."""
        return orjson.dumps(self.payload, option=orjson.OPT_SORT_KEYS).decode()

    def as_dict(self) -> dict[str, Any]:
        return {
            "op_id": self.op_id,
            "device_id": self.device_id,
            "device_seq": self.device_seq,
            "hlc": self.hlc,
            "actor": self.actor,
            "kind": self.kind,
            "payload": self.payload,
            "proof": self.proof,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Op:
        return cls(
            op_id=str(data["op_id"]),
            device_id=str(data["device_id"]),
            device_seq=int(data["device_seq"]),
            hlc=str(data["hlc"]),
            actor=str(data["actor"]),
            kind=str(data["kind"]),
            payload=dict(data["payload"]),
            proof=str(data.get("proof") or ""),
        )


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any, info: ValidationInfo) -> Any:
        if info.context and info.context.get("bounded"):
            return data
        return bounded_json(data)


class NewTicket(Payload):
    """A ticket as issued: its number was allocated by the issuing device (lease or station)."""

    ticket_id: Id
    clinic: Code
    number: int = Field(ge=1, le=99_999)
    station: Station = ""


class NotifyConsent(Payload):
    """The patient asked for messages about their place (the kiosk's optional step).

    `phone` is empty once the number has been forgotten (core.phones): the op stays
    readable, and no message goes out for it."""

    phone: str = Field(default="", max_length=16, pattern=r"^(\+?[0-9]{6,15})?$")
    language: Literal["ar", "en"]


class VisitCheckedIn(Payload):
    visit_id: Id
    id_number: str = Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z-]+$")
    gender: Gender
    exam_type: Code
    route: list[Code] = Field(min_length=1, max_length=40)
    day: Day
    at: Stamp
    ticket: NewTicket
    notify: NotifyConsent | None = None

    @model_serializer(mode="wrap")
    def _without_empty_notify(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """A check-in without a phone is written as before the field existed, so a server
        or device of the previous version still reads it."""
        data: dict[str, Any] = handler(self)
        if data.get("notify") is None:
            data.pop("notify", None)
        return data


class TicketIssued(Payload):
    """A patient entered a clinic's queue outside a route step (re-entry after a no-show)."""

    id_number: str = Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z-]+$")
    visit_id: Id | None = None
    day: Day
    at: Stamp
    ticket: NewTicket


class TicketAction(Payload):
    ticket_id: Id
    at: Stamp
    room: str | None = Field(default=None, max_length=40)


class TicketCompleted(TicketAction):
    advances: bool = False
    """Staff finished the patient here, and the visit moves on at once as the clinic's
    PIN would move it: to `next_ticket`'s clinic, or, with none, its route is complete.
    False in ops made before staff could move a patient on: the ticket alone closes."""
    next_ticket: NewTicket | None = None


class TicketPriority(Payload):
    """Staff mark a patient as priority (elderly, disabled) or take the mark off; it holds
    for the rest of their visit, at every clinic."""

    ticket_id: Id
    at: Stamp
    priority: bool


class TicketTransferred(Payload):
    ticket_id: Id
    at: Stamp
    new_ticket: NewTicket


class VisitClinicConfirmed(Payload):
    visit_id: Id
    clinic: Code
    at: Stamp
    next_ticket: NewTicket | None
    pin: int | None = Field(default=None, ge=10, le=99)
    """The PIN the patient entered; the server checks it against the clinic's PIN of the
    visit's day, and sends the op on without it."""


class VisitPinUnlocked(Payload):
    """Staff let a patient locked out by wrong PINs try again at once."""

    visit_id: Id
    at: Stamp


class VisitPinFailed(Payload):
    visit_id: Id
    clinic: Code
    at: Stamp
    max_failures: int | None = Field(default=None, ge=1, le=100)
    lockout_s: int | None = Field(default=None, ge=0, le=86_400)
    """What the device's settings said; ignored: the lockout follows the settings in the
    store applying the op, the same on every store in the server's order."""


class VisitCancelled(Payload):
    visit_id: Id
    at: Stamp


class CarriedTicket(Payload):
    """An open ticket of a closed day, and its ticket in the next day's queue."""

    ticket_id: Id
    new_ticket: NewTicket


class DayClosed(Payload):
    """A service day closed (by staff, or at the closing hour): the tickets still open are
    settled as `outcome` says, the carried ones onto `next_day` in their old order."""

    day: Day
    next_day: Day
    at: Stamp
    outcome: Literal["no_show", "carry_over"]
    carried: list[CarriedTicket] = Field(default_factory=list, max_length=5_000)


class PinRotated(Payload):
    clinic: Code
    day: Day
    generation: int = Field(ge=1, le=1_000_000)


class DayKeyIssued(Payload):
    """A day's PIN key (core.pins), from the server to the kiosks and consoles."""

    day: Day
    key: str = Field(pattern=r"^[0-9a-f]{64}$")


class LeaseGranted(Payload):
    lease_id: Id
    clinic: Code
    day: Day
    device_id: str = Field(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z-]+$")
    first: int = Field(ge=1, le=99_999)
    last: int = Field(ge=1, le=99_999)


class ClinicUpserted(Payload):
    code: Code
    name_ar: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=120)
    room: str = Field(default="", max_length=40)
    active: bool = True
    call_interval_s: int = Field(default=300, ge=10, le=7200)
    gender: ClinicGender = "any"
    sort_order: int = Field(default=0, ge=-10_000, le=10_000)


class HelpRequested(Payload):
    """A patient at a kiosk asked for staff; the op itself is the request."""

    request_id: Id
    at: Stamp


class HelpAnswered(Payload):
    request_id: Id
    at: Stamp


class ClinicPaused(Payload):
    clinic: Code
    reason: str = Field(min_length=1, max_length=80)
    at: Stamp


class ClinicResumed(Payload):
    clinic: Code
    at: Stamp


class ExamTypeUpserted(Payload):
    code: Code
    name_ar: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=120)
    active: bool = True
    routes: dict[Gender, list[Code]]


class UserUpserted(Payload):
    username: str = Field(min_length=2, max_length=80, pattern=r"^[A-Za-z0-9_.-]+$")
    display_name: str = Field(default="", max_length=120)
    password_hash: str = Field(min_length=20, max_length=200)
    role: Role
    active: bool = True
    signing_salt: str = Field(default="", pattern=r"^([0-9a-f]{32})?$")
    signing_key: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")


class DeviceRegistered(Payload):
    device_id: str = Field(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z-]+$")
    kind: DeviceKind
    station: str = Field(min_length=1, max_length=12, pattern=r"^[A-Z][A-Z0-9]*$")
    name: str = Field(default="", max_length=120)


class DeviceRevoked(Payload):
    """A device taken out of service: the server refuses its token from then on."""

    device_id: str = Field(min_length=1, max_length=36, pattern=r"^[0-9A-Za-z-]+$")


class DeviceResumed(Payload):
    """A device restored from a backup, its later ops lost beyond reading, goes on far
    ahead in its sequence: the acceptance point takes this op across the gap once every
    op up to `gave_up_after` is in (core.recovery)."""

    gave_up_after: int = Field(ge=0, le=MAX_INT)


class SettingSet(Payload):
    key: str = Field(min_length=1, max_length=80, pattern=r"^[a-z][a-z0-9_]*$")
    value: Any
