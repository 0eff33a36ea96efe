"""What a store restored from a backup takes back from the file it replaced.

A backup is older than the file it replaces: ops made after it (check-ins a person was
handed a ticket for) are only in the replaced file, which is kept in the set-aside
folder. The restored store keeps its device identity and takes back its own ops from
that file: on a device they go back in the outbox and reach the server (which answers
"duplicate" for those it already has); at an acceptance point they are accepted again.
Sequences go on after the highest one used, so none is used twice.

When the replaced file cannot be read (the damaged-file path), nothing can be taken
back: ops of this device that the server never got are lost. The device then skips far
ahead in its sequence with a `device.resumed` op (the server accepts that one gap) and
moves its numbers of the day past any it may have handed out (see
`core.services.numbers`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from core.clock import HlcStamp, to_iso, utc_now
from core.database import Database, insert_rows
from core.ids import new_id
from core.ops.envelope import DeviceResumed
from core.ops.log import OPS, emit, identity, save_identity
from core.ops.replica import rebuild_view
from core.permissions import SYSTEM
from core.schema import Clinic, LocalIdentity, NumberLease, OutboxEntry, Ticket, table_of
from core.services.call import service_call
from core.services.days import current_day
from core.services.numbers import grant_lease
from core.statuses import OpOutcome

SEQUENCE_JUMP = 1_000_000
"""How far a device that lost ops it cannot read skips ahead in its sequence (a kiosk
makes a few hundred ops a day)."""

_COLUMNS = ("op_id", "device_id", "device_seq", "hlc", "actor", "kind", "payload", "proof")


@dataclass(frozen=True)
class Recovery:
    """What a restore took back: `recovered` own ops the backup lacked; `readable` False
    when the replaced file could not be read at all."""

    recovered: int
    readable: bool


def _own_ops_after(old_file: Path, device_id: str, first_seq: int) -> list[dict[str, object]]:
    connection = sqlite3.connect(f"file:{old_file}?mode=ro", uri=True)
    try:
        rows = connection.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM ops WHERE device_id = ? AND device_seq >= ? ORDER BY device_seq",
            (device_id, first_seq),
        ).fetchall()
    finally:
        connection.close()
    return [dict(zip(_COLUMNS, row, strict=True)) for row in rows]


def take_back(db: Database, old_file: Path | None) -> Recovery:
    """Take this store's own ops that its restored backup lacks back from `old_file`."""
    with db.read() as session:
        me = identity(session)
        device_id, next_seq = me.device_id, me.next_seq
    try:
        if old_file is None or not old_file.exists():
            raise sqlite3.DatabaseError("no replaced file")
        found = _own_ops_after(old_file, device_id, next_seq)
    except sqlite3.DatabaseError:
        _resume_after_loss(db)
        return Recovery(0, readable=False)
    if not found:
        return Recovery(0, readable=True)
    with db.write() as session:
        ident = identity(session)
        rows = []
        for row in found:
            ident.applied_count += 1
            if ident.authority:
                ident.accepted_count += 1
            rows.append(
                {
                    **row,
                    "outcome": OpOutcome.APPLIED,
                    "reason": None,
                    "accepted_seq": ident.accepted_count if ident.authority else None,
                    "local_order": ident.applied_count,
                }
            )
        insert_rows(session, OPS, rows)
        if not ident.authority:
            outbox = [{"op_id": row["op_id"], "device_seq": row["device_seq"]} for row in found]
            insert_rows(session, table_of(OutboxEntry), outbox)
        ident.next_seq = max(ident.next_seq, int(str(found[-1]["device_seq"])) + 1)
        stamps = [stamp for stamp in (ident.hlc, str(found[-1]["hlc"])) if stamp]
        ident.hlc = max(stamps, key=HlcStamp.decode)
        save_identity(session, ident)
        rebuild_view(session, utc_now())
    return Recovery(len(found), readable=True)


def _resume_after_loss(db: Database) -> None:
    """Skip far ahead in this device's sequence, and put today's numbers past everything
    this store knows of, so nothing the lost ops used is used again."""
    now = utc_now()
    with db.write() as session:
        ident = identity(session)
        if ident.authority:
            return
        day = current_day(session, now)
        top_ticket = session.scalar(select(func.max(Ticket.number)).where(Ticket.day == day)) or 0
        top_lease = session.scalar(select(func.max(NumberLease.last)).where(NumberLease.day == day)) or 0
        row = session.get(LocalIdentity, 1)
        assert row is not None
        row.floor_day, row.number_floor = day, max(top_ticket, top_lease) + 1
        gave_up_after = ident.next_seq - 1
        ident.next_seq += SEQUENCE_JUMP
        emit(session, ident.station, "device.resumed", DeviceResumed(gave_up_after=gave_up_after), now)


VOID_DEVICE = "restore"
"""Who holds the numbers a restored server reserves: the blocks it may have leased after
its backup, which devices may still be handing out."""
VOID_NUMBERS = 500
"""How many numbers of each open clinic, today and tomorrow, a restored server puts
aside for the blocks it may have leased after its backup."""


def begin_epoch(db: Database, base: int) -> str:
    """Start a new epoch at a central server restored from a backup: a new identity (so
    none of its own sequence numbers is used twice), the last sequence the backup held
    (what devices keep of the old epoch), and numbers put aside for the blocks leased
    after the backup. Answers the new epoch."""
    now = utc_now()
    with db.write() as session:
        row = session.get(LocalIdentity, 1)
        assert row is not None
        row.device_id, row.next_seq = new_id(), 1
        row.epoch_base, row.epoch_started_at = base, to_iso(now)
        epoch = row.device_id
    with service_call(db, SYSTEM, "begin_epoch", "grant_lease", target=epoch, now=now) as call:
        today = dt.date.fromisoformat(current_day(call.session, now))
        clinics = list(call.session.scalars(select(Clinic.code).where(Clinic.active.is_(True))))
        for day in (today.isoformat(), (today + dt.timedelta(days=1)).isoformat()):
            for clinic in clinics:
                grant_lease(call, VOID_DEVICE, clinic, day, VOID_NUMBERS)
    return epoch
