"""What changed in a store another program writes to (a one-machine site, where the
kiosk, the console and the display share one file): the ops recorded since a mark, and
what they touched, as the writer's own process is told (core.changes)."""

from __future__ import annotations

from sqlalchemy import func, select

from core.changes import EVERYTHING, NOTHING, Changes
from core.database import Database
from core.errors import MmcError
from core.ops.kinds import changes_of, parse_payload
from core.ops.log import op_from_record
from core.schema import OpRecord

MAX_DESCRIBED = 2_000
"""More new ops than this are not looked at one by one: everything is read again."""


def change_mark(db: Database) -> int:
    """A number that grows with every op this store records, made here or pulled."""
    with db.read() as session:
        return int(session.scalar(select(func.max(OpRecord.local_order))) or 0)


def changes_since(db: Database, mark: int) -> tuple[int, Changes]:
    """The store's mark now, and what the ops recorded after `mark` changed."""
    with db.read() as session:
        records = session.scalars(
            select(OpRecord).where(OpRecord.local_order > mark).order_by(OpRecord.local_order).limit(MAX_DESCRIBED + 1)
        ).all()
        if not records:
            return mark, NOTHING
        if len(records) > MAX_DESCRIBED:
            return int(session.scalar(select(func.max(OpRecord.local_order))) or mark), EVERYTHING
        found = NOTHING
        for record in records:
            op = op_from_record(record)
            try:
                found |= changes_of(session, op, parse_payload(op.kind, op.payload))
            except MmcError:
                found = EVERYTHING
        return records[-1].local_order, found
