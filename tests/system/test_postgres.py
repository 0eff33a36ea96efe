"""The same migrations and apply functions on PostgreSQL (skipped without one, except in CI)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import inspect

from core.database import Database, make_engine
from core.migrate import current_revision, head_revision, upgrade
from core.ops.log import accept
from core.schema import Base
from core.services import queue
from core.services.checkin import check_in
from core.store import Store, ensure_identity
from tests.conftest import KIOSK, STAFF, accepted_ops, digest, postgres_schema

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg() -> Iterator[Database]:
    with postgres_schema() as url:
        db = Database(make_engine(url))
        yield db
        db.dispose()


def test_migrations_build_the_whole_schema_on_postgres(pg: Database) -> None:
    upgrade(pg.engine)
    assert current_revision(pg.engine) == head_revision()
    tables = set(inspect(pg.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_postgres_accepts_the_same_ops_into_the_same_state(
    pg: Database, make_store: Callable[..., Store], morning: dt.datetime
) -> None:
    upgrade(pg.engine)
    ensure_identity(pg, "server", True)
    origin = make_store("origin")
    tickets = [
        check_in(origin.db, KIOSK, id_number=f"2840000000{n}", gender=g, exam_type="travel", now=morning).place
        for n, g in enumerate(("male", "female", "male"))
    ]
    queue.call_next(origin.db, STAFF, clinic="vitals", room="101-1", now=morning)
    queue.complete(origin.db, STAFF, ticket_id=tickets[0].ticket_id, now=morning)
    ops = accepted_ops(origin)
    with pg.write() as session:
        verdicts = [accept(session, op, morning) for op in ops]
    assert {v.outcome for v in verdicts} == {"accepted"}
    with pg.write() as session:
        assert accept(session, ops[-1], morning).outcome == "duplicate"
    assert digest(pg) == digest(origin)
