"""The same migrations and apply functions on PostgreSQL (skipped without one, except in CI)."""

from __future__ import annotations

import datetime as dt
import os
import uuid
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
from tests.conftest import KIOSK, STAFF, accepted_ops, digest

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("MMC_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _reachable() -> str | None:
    try:
        engine = make_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        engine.dispose()
    except Exception as error:
        return str(error).splitlines()[0]
    return None


@pytest.fixture
def pg() -> Iterator[Database]:
    """A fresh schema on the test server, dropped afterwards."""
    problem = _reachable()
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL must be reachable in CI: {problem}")
        pytest.skip(f"no PostgreSQL reachable at {PG_URL}: {problem}")
    schema = f"mmc_{uuid.uuid4().hex[:12]}"
    admin = make_engine(PG_URL)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine = make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    yield Database(engine)
    engine.dispose()
    with admin.begin() as connection:
        connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


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
