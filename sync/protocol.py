"""The wire protocol between devices and the central server, version 1.

Both sides use these models, so a change here is a change of protocol: bump VERSION and
keep answering the old one until every device is updated.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from core.ops.envelope import MAX_INT, Code, Day, Op, bounded_json
from core.statuses import Acceptance

VERSION: Literal[1] = 1
MAX_BATCH = 1000
DEFAULT_PORT = 8470
MAX_BODY_BYTES = 2_000_000


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


DEVICE_ID = r"^[0-9A-Za-z-]{1,36}$"


class WireOp(Message):
    op_id: str = Field(pattern=r"^[0-9A-Fa-f-]{36}$")
    device_id: str = Field(pattern=DEVICE_ID)
    device_seq: int = Field(ge=1, le=MAX_INT)
    hlc: str = Field(pattern=r"^\d{13}\.\d{5}\.[0-9A-Za-z-]{1,36}$")
    actor: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,80}$")
    kind: str = Field(pattern=r"^[a-z_]{1,20}\.[a-z_]{1,20}$")
    payload: dict[str, Any]
    proof: str = Field(default="", max_length=200, pattern=r"^[A-Za-z0-9_=-]*$")

    @field_validator("payload")
    @classmethod
    def _bounded(cls, payload: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        if info.context and info.context.get("bounded"):
            return payload
        return dict(bounded_json(payload))

    @classmethod
    def of(cls, op: Op) -> WireOp:
        """An op of this store's own log, already checked: built without validating again."""
        return cls.model_construct(**op.as_dict())

    def to_op(self) -> Op:
        return Op(
            self.op_id, self.device_id, self.device_seq, self.hlc, self.actor, self.kind, self.payload, self.proof
        )


ESCAPED_CONTROL = re.compile(rb"\\(?:[bfnrt]|u00[0189][0-9a-fA-F]|u007[fF])")
C1_IN_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def is_bounded_json(body: bytes) -> bool:
    """Whether a JSON text surely holds no control character (raw, as DEL or a C1
    character in UTF-8, or escaped) and no integer beyond MAX_INT (16 digits or more) at
    any depth, so its ops need not be walked again. Each test is a scan in C; the usual
    body has no backslash and no C1 lead byte, and costs three of them."""
    if b"\x7f" in body or (b"\xc2" in body and C1_IN_UTF8.search(body)):
        return False
    if b"\\" in body and ESCAPED_CONTROL.search(body):
        return False
    return b"0" * 16 not in body.translate(DIGITS_AS_ZERO)


class OpHeader(BaseModel):
    """What identifies a pushed op, read even when the rest of it is malformed, so that
    op can be refused in its place and the ops behind it go on."""

    op_id: str = Field(pattern=r"^[0-9A-Fa-f-]{36}$")
    device_id: str = Field(pattern=DEVICE_ID)
    device_seq: int = Field(ge=1, le=MAX_INT)


class PushRequest(Message):
    protocol: Literal[1] = VERSION
    ops: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BATCH)
    """Each a WireOp; read one by one, so a malformed op is refused alone."""


Outcome = Acceptance


class OpAnswer(Message):
    op_id: str
    outcome: Outcome
    status: int
    accepted_seq: int | None = None
    code: str | None = None
    reason: str | None = None


class Epoch(Message):
    """Which history of the server an answer belongs to: a server restored from a backup
    begins a new epoch; what a device holds of an earlier one past `epoch_base` is void."""

    epoch: str = ""
    epoch_base: int = 0


class PushResponse(Epoch):
    protocol: Literal[1] = VERSION
    server_time: str
    answers: list[OpAnswer]
    expected_seq: int | None = None


class PulledOp(Message):
    seq: int
    op: WireOp


class PullResponse(Epoch):
    protocol: Literal[1] = VERSION
    server_time: str
    ops: list[PulledOp]
    cursor: int
    more: bool


class SnapshotResponse(Epoch):
    """The replicated state as the asking device's kind sees it, including every op up to
    `seq`: a new device starts from it and pulls after `seq` (core.ops.snapshot). On the
    wire it also holds `tables`, {table: {"columns": [...], "rows": [[...], ...]}}, read
    apart from this header (sync.link.ServerLink.snapshot)."""

    protocol: Literal[1] = VERSION
    server_time: str
    seq: int = Field(ge=0, le=MAX_INT)
    hlc: str = Field(pattern=r"^(\d{13}\.\d{5}\.[0-9A-Za-z-]{1,36})?$")


MAX_LEASE = 500


class LeaseRequest(Message):
    """Blocks of numbers for the named clinics (each once) of today or tomorrow."""

    protocol: Literal[1] = VERSION
    day: Day
    clinics: list[Code] = Field(min_length=1, max_length=64)
    size: int = Field(ge=1, le=MAX_LEASE)

    @field_validator("clinics")
    @classmethod
    def _each_once(cls, clinics: list[str]) -> list[str]:
        if len(set(clinics)) != len(clinics):
            raise ValueError("each clinic may be named once")
        return clinics


class LeaseResponse(Epoch):
    protocol: Literal[1] = VERSION
    server_time: str
    ops: list[PulledOp]


DeviceKind = Literal["kiosk", "staff", "display"]


class EnrollRequest(Message):
    protocol: Literal[1] = VERSION
    code: str = Field(min_length=8, max_length=64)
    device_id: str = Field(pattern=r"^[0-9A-Fa-f-]{36}$")
    kind: DeviceKind
    name: str = Field(default="", max_length=120, pattern=r"^[^\x00-\x1f\x7f]*$")


class EnrollResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    device_id: str
    station: str
    token: str


class CodeRequest(Message):
    """An admin at a staff console asks for a one-time enrollment code for a new device."""

    protocol: Literal[1] = VERSION
    username: str = Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.-]+$")
    password: str = Field(min_length=1, max_length=200)
    hours: float = Field(default=24, gt=0, le=24 * 14)


class CodeResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    code: str
    expires_at: str


class ErrorBody(Message):
    error: str
    message: str


NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
Breaker = Literal["closed", "open", "half_open"]


class HealthReport(Message):
    """How a device is doing, as it says with its syncs: the server shows it to admins
    (the console's Devices page, /metrics); nothing in it is acted on."""

    protocol: Literal[1] = VERSION
    version: str = Field(max_length=60, pattern=r"^[0-9A-Za-z.+_-]*$")
    clock_skew_s: float = Field(ge=-1e9, le=1e9)
    """This device's clock minus the server's, before the device corrects it."""
    free_disk_bytes: int | None = Field(default=None, ge=0, le=MAX_INT)
    storage_full: bool = False
    ops_waiting: int = Field(ge=0, le=MAX_INT)
    oldest_waiting_s: float | None = Field(default=None, ge=0, le=1e9)
    breaker: Breaker = "closed"
    problem: str = Field(default="", max_length=200, pattern=NO_CONTROL)


class DeviceHealthRow(Message):
    device_id: str
    station: str
    kind: str
    name: str
    revoked: bool
    reported_at: str | None
    silent_s: float | None
    """Seconds since the device last reported (None: it never did)."""
    report: HealthReport | None


class DevicesHealthResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    devices: list[DeviceHealthRow]


class Ack(Message):
    protocol: Literal[1] = VERSION
    server_time: str
