"""The wire protocol between devices and the central server, version 1.

Both sides use these models, so a change here is a change of protocol: bump VERSION and
keep answering the old one until every device is updated.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from core.ops.envelope import Op

VERSION: Literal[1] = 1
MAX_BATCH = 1000
DEFAULT_PORT = 8470
MAX_BODY_BYTES = 2_000_000


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WireOp(Message):
    op_id: str = Field(min_length=36, max_length=36)
    device_id: str = Field(min_length=1, max_length=36)
    device_seq: int = Field(ge=1)
    hlc: str = Field(min_length=1, max_length=80)
    actor: str = Field(min_length=1, max_length=80)
    kind: str = Field(min_length=1, max_length=40)
    payload: dict[str, Any]

    @classmethod
    def of(cls, op: Op) -> WireOp:
        return cls(**op.as_dict())

    def to_op(self) -> Op:
        return Op(self.op_id, self.device_id, self.device_seq, self.hlc, self.actor, self.kind, self.payload)


class PushRequest(Message):
    protocol: Literal[1] = VERSION
    ops: list[WireOp] = Field(min_length=1, max_length=MAX_BATCH)


Outcome = Literal["accepted", "duplicate", "rejected", "not_processed"]


class OpAnswer(Message):
    op_id: str
    outcome: Outcome
    status: int
    accepted_seq: int | None = None
    code: str | None = None
    reason: str | None = None


class PushResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    answers: list[OpAnswer]
    expected_seq: int | None = None


class PulledOp(Message):
    seq: int
    op: WireOp


class PullResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    ops: list[PulledOp]
    cursor: int
    more: bool


class LeaseRequest(Message):
    protocol: Literal[1] = VERSION
    day: str = Field(pattern=r"^\d{4}-\d{2}-\d{2}$")
    clinics: list[str] = Field(min_length=1, max_length=64)
    size: int = Field(ge=1, le=1000)


class LeaseResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    ops: list[PulledOp]


DeviceKind = Literal["kiosk", "staff", "display"]


class EnrollRequest(Message):
    protocol: Literal[1] = VERSION
    code: str = Field(min_length=8, max_length=64)
    device_id: str = Field(min_length=36, max_length=36)
    kind: DeviceKind
    name: str = Field(default="", max_length=120)


class EnrollResponse(Message):
    protocol: Literal[1] = VERSION
    server_time: str
    device_id: str
    station: str
    token: str


class CodeRequest(Message):
    """An admin at a staff console asks for a one-time enrollment code for a new device."""

    protocol: Literal[1] = VERSION
    username: str = Field(min_length=1, max_length=80)
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
