"""Reading the audit log, with the filters a supervisor needs.

Each store audits what was done on it. What patients did at kiosks (check-ins, wrong
PINs, confirmed clinics) reaches a console only as replicated ops, so the log a console
shows adds those ops of other devices as entries of their own."""

from __future__ import annotations

import heapq
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.clock import HlcStamp, to_iso
from core.database import Database
from core.ops.log import identity
from core.permissions import Actor, require
from core.schema import AuditEntry, Device, OpRecord
from core.statuses import OpOutcome

AUDIT_PAGE = 500


@dataclass(frozen=True)
class AuditRow:
    at: str
    actor: str
    role: str
    action: str
    target: str
    outcome: str
    detail: str


def audit_log(
    db: Database,
    actor: Actor,
    *,
    who: str = "",
    action: str = "",
    outcome: str = "",
    text: str = "",
    since: str = "",
    until: str = "",
    limit: int = AUDIT_PAGE,
) -> list[AuditRow]:
    """The newest entries first; each filter left empty matches everything. `since` and
    `until` are ISO times (UTC), `text` is searched in the target and the detail."""
    require(actor, "view_audit")
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, min(limit, 5000)))
    if who:
        query = query.where(AuditEntry.actor == who)
    if action:
        query = query.where(AuditEntry.action == action)
    if outcome:
        query = query.where(AuditEntry.outcome == outcome)
    if text:
        pattern = f"%{text}%"
        query = query.where(AuditEntry.target.like(pattern) | AuditEntry.detail.like(pattern))
    if since:
        query = query.where(AuditEntry.at >= since)
    if until:
        query = query.where(AuditEntry.at < until)
    with db.read() as session:
        rows = [
            AuditRow(e.at, e.actor, e.role, e.action, e.target, e.outcome, e.detail) for e in session.scalars(query)
        ]
        events = _kiosk_events(session, who=who, action=action, text=text, limit=limit) if outcome != "refused" else []
    events = [r for r in events if (not since or r.at >= since) and (not until or r.at < until)]
    merged = heapq.merge(rows, events, key=lambda r: r.at, reverse=True) if events else rows
    return list(merged)[: max(1, min(limit, 5000))]


KIOSK_EVENTS = {
    "visit.checked_in": "check_in",
    "visit.pin_failed": "pin_failed",
    "visit.clinic_confirmed": "confirm_pin",
    "help.requested": "ask_help",
}


def _kiosk_events(session: Session, *, who: str, action: str, text: str, limit: int) -> list[AuditRow]:
    """What patients did at other devices' kiosks, from the replicated ops."""
    kinds = [kind for kind, name in KIOSK_EVENTS.items() if not action or name == action]
    if not kinds:
        return []
    me = identity(session).device_id
    query = (
        select(OpRecord.hlc, OpRecord.actor, OpRecord.kind, OpRecord.payload)
        .join(Device, Device.id == OpRecord.device_id)
        .where(
            OpRecord.kind.in_(kinds),
            OpRecord.device_id != me,
            OpRecord.outcome == OpOutcome.APPLIED,
            Device.kind == "kiosk",
        )
        .order_by(OpRecord.local_order.desc())
        .limit(max(1, min(limit, 5000)))
    )
    if who:
        query = query.where(OpRecord.actor == who)
    events = []
    for hlc, actor, kind, payload in session.execute(query):
        data = json.loads(payload)
        ticket = data.get("ticket") or {}
        clinic = str(data.get("clinic") or ticket.get("clinic") or "")
        if text and text not in clinic:
            continue
        at = to_iso(HlcStamp.decode(hlc).wall_time)
        events.append(AuditRow(at, actor, "kiosk", KIOSK_EVENTS[kind], clinic, "ok", ""))
    return events
