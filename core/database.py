"""Engines and sessions for SQLite (devices, small server) and PostgreSQL (real sites).

SQLite gets WAL, synchronous=FULL (kiosks lose power), foreign keys and a busy timeout,
and write transactions open with BEGIN IMMEDIATE: a deferred BEGIN that later upgrades to
a write lock fails with "database is locked" under concurrent writers instead of waiting.
"""

from __future__ import annotations

import errno
import functools
import logging
import operator
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, exc, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from core.changes import Changes
from core.errors import StorageFull

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 15_000
CACHE_KIB = 32_768
WORKER_PREFIX = "mmc-store"
"""SQLite's page cache per connection (its default is 2 MiB): a catch-up inserts a day's rows
into tables with several indexes, which is much faster when they stay in memory."""
SQLITE_FULL = 13
POSTGRES_DISK_FULL = "53100"


def is_disk_full(error: BaseException) -> bool:
    """Whether a database error means the disk under it is full (SQLite's SQLITE_FULL,
    PostgreSQL's disk_full, or the system's ENOSPC)."""
    cause = error.orig if isinstance(error, exc.DBAPIError) else error
    if getattr(cause, "sqlite_errorcode", None) == SQLITE_FULL:
        return True
    if getattr(cause, "sqlstate", None) == POSTGRES_DISK_FULL:
        return True
    return isinstance(cause, OSError) and cause.errno == errno.ENOSPC


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, **kwargs: Any) -> Engine:
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


class Database:
    """One database and its two kinds of transaction: read, and write-locked from the start."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        self._watchers: list[Callable[[Changes], None]] = []
        self._worker: ThreadPoolExecutor | None = None
        self._worker_lock = threading.Lock()

    @property
    def worker(self) -> ThreadPoolExecutor:
        """The one thread that does this store's work in a window program: the screens'
        actions and sync's reads and writes queue there in turn, instead of waiting for
        each other in SQLite's busy handler."""
        with self._worker_lock:
            if self._worker is None:
                self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=WORKER_PREFIX)
            return self._worker

    @staticmethod
    def on_worker() -> bool:
        return threading.current_thread().name.startswith(WORKER_PREFIX)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction holds the write lock; commits on success, or
        raises StorageFull when the disk is full (nothing of it is saved). Its
        `info["writing"]` tells code that reads in order to write (the op log's identity
        row) to lock what it reads."""
        try:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                session.info["writing"] = True
                session.info["watched"] = bool(self._watchers)
                info = session.info
                yield session
        except (exc.OperationalError, OSError) as error:
            if is_disk_full(error):
                raise StorageFull() from error
            raise
        changes = info.get("changes")
        if changes:
            for watcher in list(self._watchers):
                try:
                    watcher(changes)
                except Exception:
                    log.exception("a watcher of the store failed; the write stands")

    def watch(self, watcher: Callable[[Changes], None]) -> Callable[[], None]:
        """Tell `watcher` what each committed write changed, on the thread that wrote;
        answers the function that stops it."""
        self._watchers.append(watcher)

        def stop() -> None:
            if watcher in self._watchers:
                self._watchers.remove(watcher)

        return stop

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read session that sees one consistent state across all its statements
        (PostgreSQL's REPEATABLE READ; an SQLite read transaction already does)."""
        if self.dialect != "postgresql":
            with self.read() as session:
                yield session
            return
        with (
            self.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection,
            Session(connection, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    def dispose(self) -> None:
        """Close the pooled connections. Whatever still reads afterwards (a window being
        torn down after its store was closed) gets a connection of its own that is closed
        when it is returned, so nothing is left open for the garbage collector."""
        url = self.engine.url
        with self._worker_lock:
            if self._worker is not None:
                self._worker.shutdown(wait=False)
                self._worker = None
        self.engine.dispose()
        self.engine = make_engine(url.render_as_string(hide_password=False), poolclass=NullPool)
        self._writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")


@functools.cache
def _insert_sql(table: Table, dialect: Dialect, keys: tuple[str, ...]) -> tuple[str, tuple[str, ...] | None]:
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    return str(compiled), (tuple(compiled.positiontup or ()) if compiled.positional else None)


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> None:
    """INSERT `rows` (same keys, plain str/int/None values) in one executemany handed
    straight to the driver: a batch of ops costs the database's own work and little more.

    For the hot paths only; values skip SQLAlchemy's type processing.
    """
    if not rows:
        return
    connection = session.connection()
    sql, order = _insert_sql(table, connection.dialect, tuple(rows[0]))
    if order is None:
        params: list[Any] = list(rows)
    elif len(order) == 1:
        params = [(row[order[0]],) for row in rows]
    else:
        pick = operator.itemgetter(*order)
        params = [pick(row) for row in rows]
    connection.exec_driver_sql(sql, params)


def insert_lists(session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """INSERT `rows` given as lists of the named `columns`' values, as `insert_rows` does
    (one executemany straight to the driver, no type processing)."""
    if not rows:
        return
    connection = session.connection()
    sql, order = _insert_sql(table, connection.dialect, tuple(columns))
    if order is None:
        connection.exec_driver_sql(sql, [dict(zip(columns, row, strict=True)) for row in rows])
    elif tuple(order) == tuple(columns):
        connection.connection.cursor().executemany(sql, rows)
    else:
        place = [list(columns).index(name) for name in order]
        connection.exec_driver_sql(sql, [tuple(row[i] for i in place) for row in rows])


@contextmanager
def scratch_schema(url: str, prefix: str = "mmc") -> Iterator[str]:
    """A URL to a new, empty schema of the PostgreSQL database at `url`, dropped afterwards
    (for tests and benchmarks that must not touch each other's tables)."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


def unreachable(url: str) -> str | None:
    """Why the database at `url` cannot be reached, or None when it answers."""
    try:
        engine = make_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        engine.dispose()
    except Exception as error:
        return str(error).splitlines()[0]
    return None
