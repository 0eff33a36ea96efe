"""What the server keeps of the ops it refused: an audit line for each refusal about
authority (who may do what), and at most `MAX_REFUSED_KEPT` refused ops per device."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.ops.envelope import Op
from core.ops.log import Verdict
from core.permissions import Actor
from core.schema import OpRecord
from core.services.call import write_audit
from core.statuses import Acceptance, OpOutcome
from sync.server.authorization import AUTHORITY
from sync.server.enrollment import DeviceAuth

MAX_REFUSED_KEPT = 1000
"""Refused ops kept per device (the newest); a device pushing garbage cannot fill the disk."""


def _claimed(op: Op, device: DeviceAuth) -> Actor:
    name = "".join(c for c in op.actor if c.isascii() and (c.isalnum() or c in "_.-"))[:80] or "?"
    return Actor(name, device.kind if device.kind in ("kiosk", "display") else "staff")


def audit_refusals(
    session: Session, device: DeviceAuth, ops: list[Op], verdicts: list[Verdict], at: dt.datetime
) -> None:
    """Audit each refusal of a push about authority, with the device and the claimed actor,
    then trim the device's refused ops to the newest MAX_REFUSED_KEPT."""
    refused = 0
    for op, verdict in zip(ops, verdicts, strict=False):
        if verdict.outcome != Acceptance.REJECTED:
            continue
        refused += 1
        if verdict.code in AUTHORITY:
            write_audit(
                session,
                _claimed(op, device),
                at,
                "push",
                f"{op.kind} from {device.kind} {device.station}",
                "refused",
                f"{verdict.code}: {verdict.reason}",
                op.op_id,
            )
    if refused:
        _trim(session, device.device_id)


def _trim(session: Session, device_id: str) -> None:
    mine = (OpRecord.device_id == device_id) & (OpRecord.outcome == OpOutcome.REJECTED)
    kept = session.scalar(select(func.count()).select_from(OpRecord).where(mine)) or 0
    if kept > MAX_REFUSED_KEPT:
        oldest = (
            select(OpRecord.op_id).where(mine).order_by(OpRecord.device_seq).limit(kept - MAX_REFUSED_KEPT)
        ).scalar_subquery()
        session.execute(delete(OpRecord).where(OpRecord.op_id.in_(oldest)))
