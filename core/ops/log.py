"""How an op enters a store. There is no other way to change replicated state.

- `emit`: a local change, inside the caller's write transaction: stamp, apply, append to
  the log and (on a device) the outbox, all or nothing.
- `apply_remote`: another store's op, already ordered by the acceptance point.
- `accept`: the acceptance point (the server, or a standalone site's own store) decides
  the one order: per device in sequence, duplicates answered again, never re-applied,
  refused ops recorded with their reason and never blocking the ops behind them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import orjson
from sqlalchemy import bindparam, exc, func, insert, select, update
from sqlalchemy.orm import Session

from core.clock import MAX_AHEAD_MS, HlcStamp, HybridLogicalClock
from core.database import insert_rows
from core.errors import MalformedOp, MmcError, OutOfOrderOp, StoreError
from core.ids import new_id
from core.ops.envelope import Op, Payload
from core.ops.kinds import KINDS, apply_in_order, apply_op, parse_payload, run_apply
from core.proofs import sign
from core.schema import DeviceCursor, LocalIdentity, OpRecord, OutboxEntry, table_of
from core.statuses import Acceptance, OpOutcome

OPS = table_of(OpRecord)
INSERT_OP = insert(OPS)
INSERT_OUTBOX = insert(table_of(OutboxEntry))
_cursors = table_of(DeviceCursor).c
CURSOR_OF = select(_cursors.last_seq).where(_cursors.device_id == bindparam("device"))
INSERT_CURSOR = insert(table_of(DeviceCursor))
MOVE_CURSOR = (
    update(table_of(DeviceCursor)).where(_cursors.device_id == bindparam("device")).values(last_seq=bindparam("seq"))
)
KNOWN_OP = select(table_of(OpRecord).c.op_id).where(table_of(OpRecord).c.op_id == bindparam("op_id"))


IDENTITY_FIELDS = (
    "device_id",
    "station",
    "kind",
    "authority",
    "next_seq",
    "hlc",
    "applied_count",
    "accepted_count",
)
_identity = table_of(LocalIdentity).c
LOAD_IDENTITY = select(*(_identity[name] for name in IDENTITY_FIELDS)).where(_identity.id == 1)
LOCK_IDENTITY = LOAD_IDENTITY.with_for_update()
SAVE_IDENTITY = (
    update(table_of(LocalIdentity))
    .where(_identity.id == 1)
    .values(
        next_seq=bindparam("next_seq"),
        hlc=bindparam("hlc"),
        applied_count=bindparam("applied_count"),
        accepted_count=bindparam("accepted_count"),
    )
)


@dataclass
class DeviceIdentity:
    """This store's device as the op log sees it during one transaction."""

    device_id: str
    station: str
    kind: str
    authority: bool
    next_seq: int
    hlc: str
    applied_count: int
    accepted_count: int


def identity(session: Session) -> DeviceIdentity:
    """This store's device identity, loaded once per transaction (kept in `session.info`).

    In a write transaction the row is locked until the commit (SQLite's write lock does
    this already; on PostgreSQL it is `FOR UPDATE`): every transaction that numbers ops
    (pushes, leases, enrollments, services) takes its numbers, and commits them, one after
    another, so two never share a sequence and a pull cursor never passes one that commits
    late."""
    ident: DeviceIdentity | None = session.info.get("identity")
    if ident is None:
        query = LOCK_IDENTITY if session.info.get("writing") else LOAD_IDENTITY
        row = session.execute(query).first()
        if row is None:
            raise StoreError(detail="this store has no device identity; run `mmc init`")
        ident = DeviceIdentity(*row)
        session.info["identity"] = ident
    return ident


def _clock(ident: DeviceIdentity) -> HybridLogicalClock:
    return HybridLogicalClock(ident.device_id, HlcStamp.decode(ident.hlc) if ident.hlc else None)


def _own_clock(ident: DeviceIdentity, at: dt.datetime) -> HybridLogicalClock:
    """The clock that stamps this store's new ops. A clock left further ahead than any
    acceptance point takes (the machine's clock ran fast and has been corrected) starts
    again from `at`: stamps that far ahead were refused anyway."""
    clock = _clock(ident)
    if clock.last.wall_ms > at.timestamp() * 1000 + MAX_AHEAD_MS:
        return HybridLogicalClock(ident.device_id)
    return clock


def _op_row(
    ident: DeviceIdentity, op: Op, outcome: str, reason: str | None, accepted_seq: int | None
) -> dict[str, object]:
    ident.applied_count += 1
    return {
        "op_id": op.op_id,
        "device_id": op.device_id,
        "device_seq": op.device_seq,
        "hlc": op.hlc,
        "actor": op.actor,
        "kind": op.kind,
        "payload": op.payload_json(),
        "proof": op.proof,
        "outcome": outcome,
        "reason": reason,
        "accepted_seq": accepted_seq,
        "local_order": ident.applied_count,
    }


def _record(
    session: Session,
    ident: DeviceIdentity,
    op: Op,
    *,
    outcome: str = OpOutcome.APPLIED,
    reason: str | None = None,
    accepted_seq: int | None = None,
) -> None:
    session.execute(INSERT_OP, _op_row(ident, op, outcome, reason, accepted_seq))
    save_identity(session, ident)


def save_identity(session: Session, ident: DeviceIdentity) -> None:
    """Write back the counters of this transaction's identity (see `identity`)."""
    session.execute(
        SAVE_IDENTITY,
        {
            "next_seq": ident.next_seq,
            "hlc": ident.hlc,
            "applied_count": ident.applied_count,
            "accepted_count": ident.accepted_count,
        },
    )


def emit(session: Session, actor: str, kind: str, payload: Payload, at: dt.datetime, *, signer: Any = None) -> Op:
    """Apply a new local op and log it; raises the op's MmcError if it is refused. A staff
    user's op is signed with `signer`, their session's key (core.proofs)."""
    if KINDS[kind].payload is not type(payload):
        raise TypeError(f"{kind} takes {KINDS[kind].payload.__name__}")
    ident = identity(session)
    stamp = _own_clock(ident, at).now(at).encode()
    op = Op(
        op_id=new_id(),
        device_id=ident.device_id,
        device_seq=ident.next_seq,
        hlc=stamp,
        actor=actor,
        kind=kind,
        payload=payload.model_dump(mode="json"),
    )
    if signer is not None:
        op = replace(op, proof=sign(signer, op))
    run_apply(session, op, payload)
    ident.next_seq += 1
    ident.hlc = stamp
    if ident.authority:
        ident.accepted_count += 1
        _record(session, ident, op, accepted_seq=ident.accepted_count)
    else:
        _record(session, ident, op)
        session.execute(INSERT_OUTBOX, {"op_id": op.op_id, "device_seq": op.device_seq})
    return op


def _stamp_of(op: Op) -> HlcStamp:
    try:
        return HlcStamp.decode(op.hlc)
    except ValueError:
        raise MalformedOp(kind=op.kind, detail=f"bad clock stamp {op.hlc!r}") from None


def observe_stamp(ident: DeviceIdentity, stamp: HlcStamp, at: dt.datetime) -> None:
    """Advance this store's clock past a remote stamp, so its next ops sort after it."""
    clock = _clock(ident)
    clock.observe(stamp, at)
    ident.hlc = clock.last.encode()


def _observe(ident: DeviceIdentity, op: Op, at: dt.datetime) -> None:
    observe_stamp(ident, _stamp_of(op), at)


def _apply_isolated(session: Session, op: Op) -> MmcError | None:
    """Apply `op` in a savepoint; on refusal undo its partial effects and return why."""
    try:
        with session.begin_nested():
            apply_op(session, op)
    except MmcError as error:
        return error
    return None


def _observe_and_apply(session: Session, ident: DeviceIdentity, op: Op, at: dt.datetime) -> MmcError | None:
    try:
        _observe(ident, op, at)
    except MalformedOp as error:
        return error
    return _apply_isolated(session, op)


def is_known(session: Session, op_id: str) -> bool:
    return session.scalar(KNOWN_OP, {"op_id": op_id}) is not None


def apply_remote(
    session: Session, op: Op, at: dt.datetime, accepted_seq: int | None = None, *, isolated: bool = True
) -> str:
    """Apply another store's op once; answers "applied", "rejected" or "duplicate".

    `accepted_seq` is the op's place in the acceptance point's order, when known. With
    `isolated` False there is no savepoint: a refusal raises, and the caller rolls back.
    """
    if is_known(session, op.op_id):
        return Acceptance.DUPLICATE
    ident = identity(session)
    if not isolated:
        _observe(ident, op, at)
        apply_op(session, op)
        _record(session, ident, op, accepted_seq=accepted_seq)
        return OpOutcome.APPLIED
    error = _observe_and_apply(session, ident, op, at)
    if error is None:
        _record(session, ident, op, accepted_seq=accepted_seq)
        return OpOutcome.APPLIED
    _record(session, ident, op, outcome=OpOutcome.REJECTED, reason=Reason.of(error).stored(), accepted_seq=accepted_seq)
    return OpOutcome.REJECTED


@dataclass(frozen=True)
class Reason:
    """Why an op was refused: the core's error code, which screens explain in the user's
    language, and its English detail for logs and the command line. Kept in the op log
    as one text; this is the only code that writes or reads that text."""

    code: str
    detail: str

    @classmethod
    def of(cls, error: MmcError) -> Reason:
        return cls(error.code, str(error))

    @classmethod
    def read(cls, stored: str | None) -> Reason:
        code, _, detail = (stored or "").partition(": ")
        return cls(code, detail)

    def stored(self) -> str:
        return f"{self.code}: {self.detail}"


@dataclass(frozen=True)
class Verdict:
    op_id: str
    outcome: Acceptance
    accepted_seq: int | None = None
    code: str | None = None
    reason: str | None = None


def _last_seq(session: Session, device_id: str) -> int | None:
    return session.scalar(CURSOR_OF, {"device": device_id})


def _move_cursor(session: Session, device_id: str, seq: int, known: int | None) -> None:
    if known is None:
        session.execute(INSERT_CURSOR, {"device_id": device_id, "last_seq": seq})
    else:
        session.execute(MOVE_CURSOR, {"device": device_id, "seq": seq})


def _resumes_after(op: Op, last: int) -> bool:
    """A `device.resumed` op crosses its device's gap once everything before it is in."""
    if op.kind != "device.resumed":
        return False
    given_up = op.payload.get("gave_up_after")
    return isinstance(given_up, int) and last >= given_up


def accept(
    session: Session,
    op: Op,
    at: dt.datetime,
    check: Callable[[Op], MmcError | None] | None = None,
) -> Verdict:
    """Decide one device op at the acceptance point; raises OutOfOrderOp on a sequence gap.

    `check` may refuse the op before it is applied (the server's authorization); a refused
    op still takes its place in the device's sequence, so it never blocks the ops behind.
    A batch's usual case takes the fast path of `accept_batch`, which falls back to this.
    """
    known = _last_seq(session, op.device_id)
    last = known or 0
    if op.device_seq <= last:
        seen = session.get(OpRecord, op.op_id) if is_known(session, op.op_id) else None
        if seen is None or seen.device_seq != op.device_seq:
            return Verdict(
                op.op_id,
                Acceptance.REJECTED,
                code="sequence_reused",
                reason=f"sequence {op.device_seq} was already used by another op",
            )
        if seen.outcome == OpOutcome.REJECTED:
            reason = Reason.read(seen.reason)
            return Verdict(op.op_id, Acceptance.REJECTED, code=reason.code, reason=reason.detail)
        return Verdict(op.op_id, Acceptance.DUPLICATE, accepted_seq=seen.accepted_seq)
    if op.device_seq != last + 1 and not _resumes_after(op, last):
        raise OutOfOrderOp(device=op.device_id, seq=op.device_seq, expected=last + 1)
    if is_known(session, op.op_id):
        _move_cursor(session, op.device_id, op.device_seq, known)
        return Verdict(op.op_id, Acceptance.REJECTED, code="op_id_reused", reason="this op id was already used")
    error = check(op) if check else None
    ident = identity(session)
    if error is None:
        error = _observe_and_apply(session, ident, op, at)
    _move_cursor(session, op.device_id, op.device_seq, known)
    if error is not None:
        _record(session, ident, op, outcome=OpOutcome.REJECTED, reason=Reason.of(error).stored())
        return Verdict(op.op_id, Acceptance.REJECTED, code=error.code, reason=str(error))
    ident.accepted_count += 1
    _record(session, ident, op, accepted_seq=ident.accepted_count)
    return Verdict(op.op_id, Acceptance.ACCEPTED, accepted_seq=ident.accepted_count)


class _NotPlain(Exception):
    """A batch needs the careful path: a duplicate, a gap, a refusal or a reused id."""


def parsed(op: Op) -> Payload:
    """The op's typed payload (raises its MmcError)."""
    return parse_payload(op.kind, op.payload)


def _accept_plain(
    session: Session,
    ops: list[Op],
    at: dt.datetime,
    check: Callable[[Op], MmcError | None] | None,
    parse: Callable[[Op], Payload],
) -> list[Verdict]:
    """The usual batch: one device's next ops, all new and all applying. They are applied
    in runs (`apply_in_order`) and logged, cursor and clock written, once for the batch;
    anything unusual raises _NotPlain or the refusal."""
    device = ops[0].device_id
    known = _last_seq(session, device)
    last = known or 0
    ident = identity(session)
    clock = _clock(ident)
    items: list[tuple[Op, Payload]] = []
    rows = []
    verdicts = []
    for op in ops:
        if op.device_id != device or op.device_seq != last + 1 or (check and check(op)):
            raise _NotPlain
        clock.observe(_stamp_of(op), at)
        items.append((op, parse(op)))
        ident.accepted_count += 1
        rows.append(_op_row(ident, op, OpOutcome.APPLIED, None, ident.accepted_count))
        verdicts.append(Verdict(op.op_id, Acceptance.ACCEPTED, accepted_seq=ident.accepted_count))
        last = op.device_seq
    ident.hlc = clock.last.encode()
    apply_in_order(session, items)
    insert_rows(session, OPS, rows)
    _move_cursor(session, device, last, known)
    save_identity(session, ident)
    return verdicts


def accept_batch(
    session: Session,
    ops: list[Op],
    at: dt.datetime,
    check: Callable[[Op], MmcError | None] | None = None,
    parse: Callable[[Op], Payload] = parsed,
) -> tuple[list[Verdict], OutOfOrderOp | None]:
    """Accept a device's batch in order, stopping at a sequence gap (returned, not raised).

    The whole batch is first tried in one savepoint; only when something is unusual (an
    op refused, a duplicate, a gap) is it run again op by op, each op in its own
    savepoint, so the usual all-good batch costs no more than its own statements.
    """
    if not ops:
        return [], None
    ident = identity(session)
    counts = (ident.applied_count, ident.accepted_count, ident.hlc)
    try:
        with session.begin_nested():
            return _accept_plain(session, ops, at, check, parse), None
    except (_NotPlain, MmcError, exc.IntegrityError):
        ident.applied_count, ident.accepted_count, ident.hlc = counts
    verdicts: list[Verdict] = []
    for op in ops:
        try:
            verdicts.append(accept(session, op, at, check))
        except OutOfOrderOp as gap:
            return verdicts, gap
    return verdicts, None


def op_from_record(record: OpRecord) -> Op:
    return Op(
        op_id=record.op_id,
        device_id=record.device_id,
        device_seq=record.device_seq,
        hlc=record.hlc,
        actor=record.actor,
        kind=record.kind,
        payload=orjson.loads(record.payload),
        proof=record.proof or "",
    )


def pending_ops(session: Session, limit: int | None = None, device_id: str | None = None, after: int = 0) -> list[Op]:
    """This store's ops that no acceptance point has answered for, in device order.

    With `device_id`, only that device's ops with a sequence above `after`; the walk
    starts at the outbox's lowest sequence, on the op log's (device, sequence) index, so
    its cost does not grow with the ops already answered.
    """
    ops, outbox = table_of(OpRecord).c, table_of(OutboxEntry).c
    query = (
        select(ops.op_id, ops.device_id, ops.device_seq, ops.hlc, ops.actor, ops.kind, ops.payload, ops.proof)
        .join_from(table_of(OpRecord), table_of(OutboxEntry))
        .limit(limit)
    )
    if device_id is None:
        query = query.order_by(ops.device_id, outbox.device_seq)
    else:
        first = select(func.min(outbox.device_seq)).scalar_subquery()
        query = query.where(ops.device_id == device_id, ops.device_seq >= first, ops.device_seq > after).order_by(
            ops.device_seq
        )
    return [
        Op(op_id, device, seq, hlc, actor, kind, orjson.loads(payload), proof or "")
        for op_id, device, seq, hlc, actor, kind, payload, proof in session.execute(query)
    ]


def accepted_after(session: Session, cursor: int, limit: int | None = None) -> list[tuple[int, Op]]:
    """Accepted ops with a sequence above `cursor`, in the acceptance point's order."""
    query = select(OpRecord).where(OpRecord.accepted_seq > cursor).order_by(OpRecord.accepted_seq).limit(limit)
    return [(record.accepted_seq or 0, op_from_record(record)) for record in session.scalars(query)]


def accepted_seq_of(session: Session, op_id: str) -> int:
    """The acceptance sequence of an op this acceptance point accepted."""
    seq = session.scalar(select(OpRecord.accepted_seq).where(OpRecord.op_id == op_id))
    if seq is None:
        raise StoreError(detail=f"op {op_id} was not accepted here")
    return int(seq)
