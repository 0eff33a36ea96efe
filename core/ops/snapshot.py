"""Catching up from a snapshot: a new device starts from the server's current state
instead of replaying the whole log.

The server takes the replicated rows as the device's kind sees them (core.digest) and the
last sequence they include, in one consistent read. The device keeps those rows as the
base of its view: its pull cursor starts at that sequence, and a rebuild of the view
starts from the base and applies only the ops after it. A device takes a snapshot only
while it has pulled nothing and has nothing unanswered, so every op its log lacks is in
the base and none is applied twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from core.clock import HlcStamp, to_iso
from core.database import insert_lists
from core.digest import StateView, table_rows
from core.errors import StoreError
from core.ops.log import identity, observe_stamp, save_identity
from core.schema import REPLICATED_TABLES, SnapshotBase, table_of

TABLES = {table_of(model).name: table_of(model) for model in REPLICATED_TABLES}


@dataclass(frozen=True)
class Snapshot:
    seq: int
    hlc: str
    tables: dict[str, dict[str, list[Any]]]
    """{table: {"columns": [...], "rows": [[...], ...]}} for every replicated table."""


def take_snapshot(session: Session, view: StateView) -> Snapshot:
    """The replicated state as `view` sees it and the last sequence it includes. The
    session must read one consistent state (Database.snapshot)."""
    me = identity(session)
    rows = table_rows(session, view, for_snapshot=True)
    tables: dict[str, dict[str, list[Any]]] = {}
    for name, found in rows.items():
        tables[str(name)] = {"columns": [str(c.name) for c in TABLES[name].columns], "rows": list(found)}
    return Snapshot(seq=me.accepted_count, hlc=me.hlc, tables=tables)


def start_from(session: Session, snapshot: Snapshot, at: dt.datetime) -> None:
    """Keep `snapshot` as this device's base and move its clock past the snapshot's last
    stamp; the caller sets the pull cursor and rebuilds the view."""
    for name, table in snapshot.tables.items():
        known = TABLES.get(name)
        columns = table.get("columns")
        if known is None or not isinstance(columns, list) or not set(columns) <= set(known.columns.keys()):
            raise StoreError(detail=f"the server's snapshot has a table this store does not know: {name}")
        rows = table.get("rows")
        if not isinstance(rows, list) or any(not isinstance(r, list) or len(r) != len(columns) for r in rows):
            raise StoreError(detail=f"the server's snapshot has malformed rows in {name}")
    session.execute(delete(SnapshotBase))
    session.add(
        SnapshotBase(id=1, seq=snapshot.seq, taken_at=to_iso(at), tables=orjson.dumps(snapshot.tables).decode())
    )
    if snapshot.hlc:
        me = identity(session)
        observe_stamp(me, HlcStamp.decode(snapshot.hlc), at)
        save_identity(session, me)
    session.flush()


def restore_base(session: Session, taken: Snapshot | None = None) -> int:
    """Put the base rows back in the (emptied) replicated tables; answers the sequence
    they include (0 without a base). `taken` is the base just stored, already in memory."""
    if taken is None:
        base = session.get(SnapshotBase, 1)
        if base is None:
            return 0
        taken = Snapshot(seq=base.seq, hlc="", tables=orjson.loads(base.tables))
    for model in REPLICATED_TABLES:
        table = table_of(model)
        found = taken.tables.get(table.name)
        if found and found["rows"]:
            insert_lists(session, table, found["columns"], found["rows"])
    return taken.seq


def base_seq(session: Session) -> int:
    return int(session.scalar(select(SnapshotBase.seq).where(SnapshotBase.id == 1)) or 0)


def drop_base(session: Session) -> None:
    """Forget the base (the server went back before it): the device reads the state again."""
    session.execute(delete(SnapshotBase))
