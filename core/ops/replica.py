"""A device's copy of the site: taking in the server's answers and the ops it pulls.

A device's view is the server-confirmed state with its own unanswered ops applied on top.
Ops are applied as they come; when a pulled op lands behind one of the device's own ops
that touches the same entities (the server ordered them the other way), or the server
refused one of the device's ops, the view is rebuilt: replicated tables are cleared and
every op is applied again, the server's in its order, then the device's own pending ones.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from sqlalchemy import bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from core.changes import EVERYTHING
from core.clock import HlcStamp
from core.errors import MmcError
from core.ops.envelope import Op
from core.ops.kinds import apply_op, note_changes, op_keys
from core.ops.log import Reason, apply_remote, identity, is_known, op_from_record
from core.ops.snapshot import Snapshot, base_seq, drop_base, restore_base, start_from
from core.schema import REPLICATED_TABLES, LocalIdentity, OpRecord, OutboxEntry, table_of
from core.statuses import Acceptance, OpOutcome

_identity = table_of(LocalIdentity).c
READ_CURSOR = select(_identity.pull_cursor).where(_identity.id == 1)
_ops = table_of(OpRecord).c
SET_ACCEPTED = (
    update(table_of(OpRecord))
    .where(_ops.op_id == bindparam("op"), _ops.accepted_seq.is_(None))
    .values(accepted_seq=bindparam("seq"))
)
WRITE_CURSOR = update(table_of(LocalIdentity)).where(_identity.id == 1).values(pull_cursor=bindparam("cursor"))


@dataclass(frozen=True)
class Answer:
    """What the acceptance point said of one of this device's ops."""

    op_id: str
    outcome: str
    accepted_seq: int | None = None
    code: str | None = None
    reason: str | None = None


@dataclass
class Intake:
    applied: int = 0
    acknowledged: int = 0
    refused_here: list[str] = field(default_factory=list)
    needs_rebuild: bool = False
    rebuilt: bool = False

    def add(self, other: Intake) -> None:
        self.applied += other.applied
        self.acknowledged += other.acknowledged
        self.refused_here += other.refused_here
        self.needs_rebuild |= other.needs_rebuild
        self.rebuilt |= other.rebuilt


def pull_cursor(session: Session) -> int:
    return int(session.scalar(READ_CURSOR) or 0)


def _settle(session: Session, record: OpRecord, accepted_seq: int | None) -> bool:
    """Mark a known op answered; True when its effect must be brought back by a rebuild:
    the server accepted an op of ours it had refused before its state was restored, or
    an op this device had put out of its view when the server's epoch changed."""
    revived = False
    if record.accepted_seq is None and accepted_seq is not None:
        pending = session.get(OutboxEntry, record.op_id) is not None
        record.accepted_seq = accepted_seq
        if record.outcome == OpOutcome.REFUSED_BY_SERVER:
            record.outcome, record.reason, revived = OpOutcome.APPLIED, None, True
        elif not pending:
            revived = True
    session.execute(delete(OutboxEntry).where(OutboxEntry.op_id == record.op_id))
    return revived


def take_answers(session: Session, answers: list[Answer], at: dt.datetime, *, rebuild: bool = True) -> Intake:
    """Record the server's answers to pushed ops; a refused op leaves the outbox but is
    kept (with its reason) in the log, and its effect is taken back by a rebuild."""
    intake = Intake()
    settled = [a for a in answers if a.outcome in (Acceptance.ACCEPTED, Acceptance.DUPLICATE)]
    refused = [a for a in answers if a.outcome == Acceptance.REJECTED]
    revived = (
        set(
            session.scalars(
                select(OpRecord.op_id).where(
                    OpRecord.op_id.in_([a.op_id for a in settled]), OpRecord.outcome == OpOutcome.REFUSED_BY_SERVER
                )
            )
        )
        if settled
        else set()
    )
    plain = [a for a in settled if a.op_id not in revived]
    if plain:
        session.execute(SET_ACCEPTED, [{"op": a.op_id, "seq": a.accepted_seq} for a in plain])
        session.execute(delete(OutboxEntry).where(OutboxEntry.op_id.in_([a.op_id for a in plain])))
        intake.acknowledged += len(plain)
    needs_rebuild = False
    for answer in (*refused, *(a for a in settled if a.op_id in revived)):
        record = session.get(OpRecord, answer.op_id)
        if record is None:
            continue
        if answer.outcome == Acceptance.REJECTED:
            record.outcome = OpOutcome.REFUSED_BY_SERVER
            record.reason = Reason(answer.code or "", answer.reason or "").stored()
            _settle(session, record, None)
            needs_rebuild = True
        else:
            needs_rebuild |= _settle(session, record, answer.accepted_seq)
            intake.acknowledged += 1
    intake.needs_rebuild = needs_rebuild
    if needs_rebuild and rebuild:
        rebuild_view(session, at)
        intake.rebuilt = True
    return intake


def _own_ops_ahead(session: Session, me: str, seq: int) -> list[tuple[float, frozenset[str]]]:
    """This device's ops applied here whose place in the server's order is after `seq` or
    not known yet, each with the place (infinity when unknown) and the keys it touches."""
    records = session.scalars(
        select(OpRecord).where(
            OpRecord.device_id == me,
            OpRecord.outcome == OpOutcome.APPLIED,
            or_(OpRecord.accepted_seq.is_(None), OpRecord.accepted_seq > seq),
        )
    )
    return [
        (float(record.accepted_seq) if record.accepted_seq else math.inf, op_keys(session, op_from_record(record)))
        for record in records
    ]


def take_pulled(
    session: Session, batch: list[tuple[int, Op]], at: dt.datetime, *, advance: bool = True, rebuild: bool = True
) -> Intake:
    """Apply ops pulled from the server, in its order, and (with `advance`) move the pull
    cursor past them; leases handed out of order are taken with advance=False. With
    `rebuild` False a needed rebuild is only reported, so a caller can do one for many."""
    if not batch:
        return Intake()
    try:
        with session.begin_nested():
            intake = _take(session, batch, at, isolated=False)
    except MmcError:
        intake = _take(session, batch, at, isolated=True)
    if advance:
        session.execute(WRITE_CURSOR, {"cursor": max(pull_cursor(session), batch[-1][0])})
    if intake.needs_rebuild and rebuild:
        rebuild_view(session, at)
        intake.rebuilt = True
    return intake


def _take(session: Session, batch: list[tuple[int, Op]], at: dt.datetime, *, isolated: bool) -> Intake:
    """One pass over a pulled batch. The fast pass (not `isolated`) runs the whole batch in
    one savepoint and gives up at the first op that does not apply here; the careful pass
    gives each op its own savepoint and records the ones refused here."""
    intake = Intake()
    me = identity(session).device_id
    ahead = _own_ops_ahead(session, me, batch[0][0])
    for seq, op in batch:
        if is_known(session, op.op_id):
            known = session.get(OpRecord, op.op_id)
            assert known is not None
            intake.needs_rebuild |= _settle(session, known, seq) or known.outcome == OpOutcome.REJECTED
            intake.acknowledged += 1
            continue
        if not intake.needs_rebuild and ahead:
            keys = op_keys(session, op)
            intake.needs_rebuild = any(place > seq and keys & touched for place, touched in ahead)
        if apply_remote(session, op, at, accepted_seq=seq, isolated=isolated) == OpOutcome.APPLIED:
            intake.applied += 1
        else:
            intake.refused_here.append(op.op_id)
            intake.needs_rebuild = True
    return intake


def rebuild_view(session: Session, at: dt.datetime, base: Snapshot | None = None) -> None:
    """Recompute every replicated table from the op log (on top of the snapshot the
    device caught up from, if it did: core.ops.snapshot).

    First the server's order up to the pull cursor (everything in it is known here), then
    on top, best effort and in order: accepted ops beyond the cursor (leases, or this
    device's own ops whose place the pulls have not reached yet) and the unanswered ones.
    An op on top that does not apply now stays out of the view until its turn comes.
    `base` is the snapshot just taken, when its rows are still in memory.
    """
    session.flush()
    note_changes(session, EVERYTHING)
    for model in reversed(REPLICATED_TABLES):
        session.execute(delete(table_of(model)))
    # Rows loaded before the wipe would otherwise be served stale from the identity map.
    session.expunge_all()
    after = restore_base(session, base)
    cursor = pull_cursor(session)
    prefix = session.scalars(
        select(OpRecord)
        .where(OpRecord.accepted_seq > after, OpRecord.accepted_seq <= cursor)
        .order_by(OpRecord.accepted_seq)
    ).all()
    ahead = session.scalars(
        select(OpRecord).where(OpRecord.accepted_seq > cursor).order_by(OpRecord.accepted_seq)
    ).all()
    pending = session.scalars(
        select(OpRecord).join(OutboxEntry, OutboxEntry.op_id == OpRecord.op_id).order_by(OutboxEntry.device_seq)
    ).all()
    for record in prefix:
        error = _try(session, record)
        if error is not None or record.outcome != OpOutcome.APPLIED:
            record.outcome = OpOutcome.APPLIED if error is None else OpOutcome.REJECTED
            record.reason = None if error is None else Reason.of(error).stored()
    for record in (*ahead, *pending):
        _try(session, record)


def _try(session: Session, record: OpRecord) -> MmcError | None:
    try:
        with session.begin_nested():
            apply_op(session, op_from_record(record))
    except MmcError as error:
        return error
    return None


def resend_from(session: Session, seq: int) -> int:
    """Put this device's ops from `seq` on back in the outbox: the server lost them (it was
    restored from a backup) and asks for them again. Returns how many were queued."""
    me = identity(session).device_id
    queued = 0
    for record in session.scalars(
        select(OpRecord).where(OpRecord.device_id == me, OpRecord.device_seq >= seq).order_by(OpRecord.device_seq)
    ):
        if session.get(OutboxEntry, record.op_id) is None:
            session.add(OutboxEntry(op_id=record.op_id, device_seq=record.device_seq))
            record.accepted_seq = None
            queued += 1
    return queued


def oldest_waiting(session: Session) -> dt.datetime | None:
    """When the oldest op still in the outbox was made (by its clock stamp)."""
    stamp = session.scalar(
        select(OpRecord.hlc).join(OutboxEntry, OutboxEntry.op_id == OpRecord.op_id).order_by(OutboxEntry.device_seq)
    )
    if stamp is None:
        return None
    return dt.datetime.fromtimestamp(HlcStamp.decode(stamp).wall_ms / 1000, dt.UTC)


def server_epoch(session: Session) -> str:
    return str(session.scalar(select(LocalIdentity.server_epoch).where(LocalIdentity.id == 1)) or "")


def take_epoch(session: Session, epoch: str, base: int, at: dt.datetime) -> bool:
    """Follow the server into `epoch` (it was restored from a backup holding sequences up
    to `base`). What this device holds of the old epoch past `base` is void: those ops
    lose their place, this device's own go back in the outbox (the server lost them), the
    pull cursor goes back to `base` (to the start, if the snapshot this device caught up
    from holds more than the server kept), and the view is rebuilt from what stands. Answers
    whether the epoch was new (False on the first answer ever, which is only recorded)."""
    known = server_epoch(session)
    if epoch == known or not epoch:
        return False
    session.execute(update(LocalIdentity).where(LocalIdentity.id == 1).values(server_epoch=epoch))
    if not known:
        return False
    me = identity(session).device_id
    lost = session.execute(
        select(OpRecord.op_id, OpRecord.device_seq).where(
            OpRecord.device_id == me, OpRecord.accepted_seq > base, OpRecord.outcome == OpOutcome.APPLIED
        )
    ).all()
    session.execute(update(OpRecord).where(OpRecord.accepted_seq > base).values(accepted_seq=None))
    queued = set(session.scalars(select(OutboxEntry.op_id)))
    for op_id, device_seq in lost:
        if op_id not in queued:
            session.add(OutboxEntry(op_id=op_id, device_seq=device_seq))
    cursor = min(pull_cursor(session), base)
    if base_seq(session) > base:
        drop_base(session)
        cursor = 0
    session.execute(WRITE_CURSOR, {"cursor": cursor})
    rebuild_view(session, at)
    return True


def waiting_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def refused_ops(session: Session) -> list[OpRecord]:
    """This device's ops the server refused, newest first, with their reasons."""
    return list(
        session.scalars(
            select(OpRecord).where(OpRecord.outcome == OpOutcome.REFUSED_BY_SERVER).order_by(OpRecord.device_seq.desc())
        )
    )


def catch_up(session: Session, snapshot: Snapshot, at: dt.datetime) -> bool:
    """Start this device's view from the server's snapshot, if it still may (nothing
    pulled, nothing unanswered); answers whether it did."""
    if not may_catch_up(session):
        return False
    start_from(session, snapshot, at)
    session.execute(WRITE_CURSOR, {"cursor": snapshot.seq})
    rebuild_view(session, at, base=snapshot)
    return True


def may_catch_up(session: Session) -> bool:
    """A device catches up from a snapshot only before its first pull, with nothing
    waiting for an answer: then what the snapshot holds is exactly what its log lacks."""
    return pull_cursor(session) == 0 and session.scalar(select(OutboxEntry.op_id).limit(1)) is None
