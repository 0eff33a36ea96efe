"""An op as it travels between stores, and the typed payload of each kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

Gender = Literal["male", "female"]
ClinicGender = Literal["any", "male", "female"]
Role = Literal["admin", "supervisor", "staff"]
DeviceKind = Literal["kiosk", "staff", "display", "server", "standalone"]
Code = Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")
Day = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
Stamp = Field(min_length=10, max_length=32)


@dataclass(frozen=True)
class Op:
    op_id: str
    device_id: str
    device_seq: int
    hlc: str
    actor: str
    kind: str
    payload: dict[str, Any]

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
        )


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NewTicket(Payload):
    """A ticket as issued: its number was allocated by the issuing device (lease or station)."""

    ticket_id: str = Field(min_length=36, max_length=36)
    clinic: str = Code
    number: int = Field(ge=1)
    station: str = Field(default="", max_length=12)


class VisitCheckedIn(Payload):
    visit_id: str = Field(min_length=36, max_length=36)
    id_number: str = Field(min_length=1, max_length=40)
    gender: Gender
    exam_type: str = Code
    route: list[str] = Field(min_length=1)
    day: str = Day
    at: str = Stamp
    ticket: NewTicket


class TicketIssued(Payload):
    """A patient entered a clinic's queue outside a route step (re-entry after a no-show)."""

    id_number: str = Field(min_length=1, max_length=40)
    visit_id: str | None = None
    day: str = Day
    at: str = Stamp
    ticket: NewTicket


class TicketAction(Payload):
    ticket_id: str = Field(min_length=36, max_length=36)
    at: str = Stamp
    room: str | None = Field(default=None, max_length=40)


class TicketTransferred(Payload):
    ticket_id: str = Field(min_length=36, max_length=36)
    at: str = Stamp
    new_ticket: NewTicket


class VisitClinicConfirmed(Payload):
    visit_id: str = Field(min_length=36, max_length=36)
    clinic: str = Code
    at: str = Stamp
    next_ticket: NewTicket | None


class VisitPinFailed(Payload):
    visit_id: str = Field(min_length=36, max_length=36)
    clinic: str = Code
    at: str = Stamp
    max_failures: int = Field(ge=1)
    lockout_s: int = Field(ge=0)


class VisitCancelled(Payload):
    visit_id: str = Field(min_length=36, max_length=36)
    at: str = Stamp


class PinRotated(Payload):
    clinic: str = Code
    day: str = Day
    generation: int = Field(ge=1)


class LeaseGranted(Payload):
    lease_id: str = Field(min_length=36, max_length=36)
    clinic: str = Code
    day: str = Day
    device_id: str = Field(min_length=1, max_length=36)
    first: int = Field(ge=1)
    last: int = Field(ge=1)


class ClinicUpserted(Payload):
    code: str = Code
    name_ar: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=120)
    room: str = Field(default="", max_length=40)
    active: bool = True
    call_interval_s: int = Field(default=300, ge=10, le=7200)
    gender: ClinicGender = "any"
    sort_order: int = 0


class ExamTypeUpserted(Payload):
    code: str = Code
    name_ar: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=120)
    active: bool = True
    routes: dict[Gender, list[str]]


class UserUpserted(Payload):
    username: str = Field(min_length=2, max_length=80, pattern=r"^[A-Za-z0-9_.-]+$")
    display_name: str = Field(default="", max_length=120)
    password_hash: str = Field(min_length=20, max_length=200)
    role: Role
    active: bool = True


class DeviceRegistered(Payload):
    device_id: str = Field(min_length=1, max_length=36)
    kind: DeviceKind
    station: str = Field(min_length=1, max_length=12, pattern=r"^[A-Z][A-Z0-9]*$")
    name: str = Field(default="", max_length=120)


class SettingSet(Payload):
    key: str = Field(min_length=1, max_length=80, pattern=r"^[a-z][a-z0-9_]*$")
    value: Any
