"""The frame of every service call: one transaction, its ops, and its audit entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlalchemy.orm import Session

from core.clock import to_iso, utc_now
from core.database import Database
from core.errors import MmcError, StorageFull
from core.ops.envelope import Op, Payload
from core.ops.log import emit, identity
from core.permissions import Actor, require
from core.schema import AuditEntry, table_of


@dataclass
class ServiceCall:
    session: Session
    actor: Actor
    now: dt.datetime
    action: str
    target: str = ""
    ops: list[Op] = field(default_factory=list)
    refusal: MmcError | None = None

    def emit(self, kind: str, payload: Payload) -> Op:
        op = emit(self.session, self.actor.name, kind, payload, self.now, signer=self.actor.key)
        self.ops.append(op)
        return op

    def refuse_after_commit(self, error: MmcError) -> None:
        """Commit what was emitted so far (a counted wrong PIN), then raise `error`."""
        self.refusal = error


INSERT_AUDIT = insert(table_of(AuditEntry))


def write_audit(
    session: Session,
    actor: Actor,
    at: dt.datetime,
    action: str,
    target: str,
    outcome: str,
    detail: str = "",
    op_id: str | None = None,
) -> None:
    """Append one line to the audit log: who did what to what, when, on which device."""
    session.execute(
        INSERT_AUDIT,
        {
            "at": to_iso(at),
            "actor": actor.name,
            "role": actor.role,
            "device_id": identity(session).device_id,
            "action": action,
            "target": target[:120],
            "outcome": outcome,
            "detail": detail,
            "op_id": op_id,
        },
    )


def _describe(error: MmcError) -> str:
    return f"{error.code}: {error}"


@contextmanager
def service_call(
    db: Database,
    actor: Actor,
    action: str,
    permission: str,
    *,
    target: str = "",
    now: dt.datetime | None = None,
) -> Iterator[ServiceCall]:
    """Run a service in one write transaction with its audit entry.

    A refused call rolls back everything it did and records the refusal in the audit log
    in a transaction of its own, then re-raises the typed error.
    """
    at = now or utc_now()
    try:
        with db.write() as session:
            require(actor, permission)
            identity(session)  # numbering transactions run one after another (see `identity`)
            call = ServiceCall(session, actor, at, action, target)
            yield call
            write_audit(
                session,
                actor,
                at,
                action,
                call.target,
                "refused" if call.refusal else "ok",
                _describe(call.refusal) if call.refusal else "",
                call.ops[0].op_id if call.ops else None,
            )
    except StorageFull:
        raise  # the refusal could not be written either
    except MmcError as error:
        with db.write() as session:
            write_audit(session, actor, at, action, target, "refused", _describe(error))
        raise
    if call.refusal is not None:
        raise call.refusal
