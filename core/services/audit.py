"""Reading the audit log, with the filters a supervisor needs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.database import Database
from core.permissions import Actor, require
from core.schema import AuditEntry

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
        return [
            AuditRow(e.at, e.actor, e.role, e.action, e.target, e.outcome, e.detail) for e in session.scalars(query)
        ]
