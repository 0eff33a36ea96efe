"""Backing the server's database up and putting a backup back.

SQLite (the default) is copied online with SQLite's backup API (core.backups), like a
device's store. PostgreSQL is dumped and restored with its own tools, pg_dump and
pg_restore (custom format), run on the server's URL. Either way a restore ends with a
new epoch (core.recovery.begin_epoch): the devices notice it at their next sync and send
again what the server lost, so nothing a device still holds is lost.

A PostgreSQL database is dumped before a migration, as a store file is backed up
(`mmc-server-<time>-<revision>-before-<new revision>.pgdump`); an older program that
finds a schema it does not know (a rollback) puts back the newest such dump of a schema
it knows, after dumping the newer database aside (`set-aside-…`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import text
from sqlalchemy.engine import make_url

from core.backups import PRE_MIGRATION
from core.database import Database, make_engine
from core.errors import StoreError
from core.migrate import current_revision, head_revision, known_revisions, upgrade
from core.ops.log import identity
from core.recovery import begin_epoch
from core.store import Notice, data_dir, ensure_identity, open_store, restore_store

log = logging.getLogger(__name__)

DUMPS = "mmc-server-*.pgdump"
PRE_MIGRATION_DUMP = re.compile(
    r"^mmc-server-\d{8}T\d{6}Z-(?P<revision>\w+)" + re.escape(PRE_MIGRATION) + r"(?P<target>\w+)\.pgdump$"
)
"""The name of a dump taken before a migration: the schema revision it holds, and the one
the migration went to."""


def _sqlite_root(root: Path | None) -> Path:
    return root or data_dir() / "server"


def _backups(root: Path | None) -> Path:
    return _sqlite_root(root) / "backups"


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _libpq(url: str) -> tuple[str, str | None]:
    """The URL as libpq takes it (no SQLAlchemy driver name), and the schema it puts first
    on the search path, if any (the tests' scratch schemas)."""
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    options = parse_qs(urlsplit(plain).query).get("options", [""])[0]
    schema = options.removeprefix("-csearch_path=") if options.startswith("-csearch_path=") else None
    return plain, schema


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise StoreError(detail=f"{name} is not installed (Debian: postgresql-client)")
    return found


def _pg_dump(url: str, target: Path) -> Path:
    conninfo, schema = _libpq(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [_tool("pg_dump"), "--format=custom", f"--file={target}", *([f"--schema={schema}"] if schema else [])]
    _run([*command, f"--dbname={conninfo}"])
    return target


def dump_problem(dump: Path) -> str | None:
    """Why `dump` is not a pg_dump file pg_restore can restore (None when it is)."""
    tool = shutil.which("pg_restore")
    if tool is None:
        return "pg_restore is not installed (Debian: postgresql-client)"
    listed = subprocess.run([tool, "--list", str(dump)], capture_output=True, text=True, check=False)
    if listed.returncode != 0:
        return listed.stderr.strip()[-300:] or f"pg_restore exited with {listed.returncode}"
    if not any("TABLE DATA" in line and "alembic_version" in line for line in listed.stdout.splitlines()):
        return "its table of contents has no schema revision (alembic_version)"
    return None


def checked_dump(url: str, target: Path) -> Path:
    """Dump the database to `target` and check the dump (`pg_restore --list`); StoreError,
    with no file left behind, when either fails."""
    try:
        _pg_dump(url, target)
    except StoreError:
        target.unlink(missing_ok=True)
        raise
    problem = dump_problem(target)
    if problem is not None:
        target.unlink(missing_ok=True)
        raise StoreError(detail=f"the dump {target.name} failed its check ({problem}); it was removed")
    return target


def backup_server(url: str | None, root: Path | None, target: Path | None = None) -> Path:
    """Back the server's database up now; answers the file written."""
    if url is None:
        store = open_store(_sqlite_root(root), kind="server", authority=True)
        try:
            return store.backup()
        finally:
            store.close()
    return _pg_dump(url, target or _backups(root) / f"mmc-server-{_stamp()}.pgdump")


def _pg_restore(url: str, dump: Path) -> None:
    conninfo, schema = _libpq(url)
    command = [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run([*command, *([f"--schema={schema}"] if schema else []), f"--dbname={conninfo}", str(dump)])


def begin_restored_epoch(db: Database) -> tuple[str, int]:
    """Begin the new epoch of a database just restored; answers it and the last sequence
    the restored database held (devices send what they had acknowledged after it)."""
    with db.read() as session:
        base = identity(session).accepted_count
    return begin_epoch(db, base), base


def restore_server(url: str | None, root: Path | None, backup: Path | None) -> str:
    """Put a backup back (the server stopped) and begin a new epoch; answers what to tell IT."""
    if url is None:
        return restore_store(_sqlite_root(root), backup).notice + " A new epoch began: devices send what it lacks."
    if backup is None:
        raise StoreError(detail="name the pg_dump file to restore")
    _pg_restore(url, backup)
    db = Database(make_engine(url))
    try:
        epoch, base = begin_restored_epoch(db)
    finally:
        db.dispose()
    return f"Restored {backup.name}; a new epoch {epoch} began after sequence {base}: devices send what it lacks."


def migrate_postgres(db: Database, url: str, root: Path | None) -> list[Notice]:
    """Bring the PostgreSQL server database at `url` to this version's schema, with the
    server's identity. One of an older schema is dumped first (StoreError, nothing
    changed, when the dump fails); one a newer version migrated is put back from the
    newest pre-migration dump of a schema this version knows and begins a new epoch
    (StoreError, nothing changed, when there is none). Answers what to tell IT."""
    current = current_revision(db.engine)
    rolled_back: RolledBack | None = None
    if current is not None and current not in known_revisions():
        rolled_back = roll_back_postgres(url, root, current)
        db.engine.dispose()
        current = current_revision(db.engine)
    if current is not None and current != head_revision():
        dump_before_migration(url, root, current)
    upgrade(db.engine)
    ensure_identity(db, "server", True)
    if rolled_back is None:
        return []
    epoch, base = begin_restored_epoch(db)
    said = rolled_back.notice(epoch, base)
    log.warning("%s", said)
    params: dict[str, object] = {
        "revision": rolled_back.newer,
        "backup": rolled_back.dump.name,
        "set_aside": rolled_back.set_aside.name,
    }
    return [Notice("rolled_back", said, params)]


def dump_before_migration(url: str, root: Path | None, current: str) -> Path:
    """The checked dump of the database at schema `current`, taken before migrating it to
    this version's head, in the backups folder (the newest of these is never pruned)."""
    head = head_revision()
    target = _backups(root) / f"mmc-server-{_stamp()}-{current}{PRE_MIGRATION}{head}.pgdump"
    try:
        written = checked_dump(url, target)
    except StoreError as error:
        raise StoreError(
            detail=(
                f"The database was not migrated from schema {current} to {head}: the dump taken before "
                f"migrating failed ({error}). Nothing was changed. Make pg_dump work for the server's user "
                f"(postgresql-client installed, the whole database readable, space in {target.parent}) and "
                "start the server again."
            )
        ) from None
    log.info("dumped the database (schema %s) to %s before migrating it to %s", current, written.name, head)
    return written


@dataclass(frozen=True)
class RolledBack:
    """A PostgreSQL database a newer version migrated, put back from `dump`; its newer
    content is kept in `set_aside`."""

    newer: str
    dump: Path
    set_aside: Path

    def notice(self, epoch: str, base: int) -> str:
        return (
            f"The server's database had been migrated by a newer version of MMC-MMS (schema {self.newer}). This "
            f"version restored the dump {self.dump.name}, taken before that migration, and kept the newer "
            f"database as {self.set_aside}. A new epoch {epoch} began after sequence {base}: the devices send "
            "again at their next sync what the server lost since that dump, and it answers 'duplicate' for "
            "what it already has."
        )


def known_pre_migration_dumps(folder: Path) -> list[Path]:
    """The pre-migration dumps in `folder` of a schema this version knows, newest first."""
    known = known_revisions()
    found = sorted(folder.glob(DUMPS), key=lambda p: p.name, reverse=True) if folder.exists() else []
    return [p for p in found if (match := PRE_MIGRATION_DUMP.match(p.name)) and match["revision"] in known]


def roll_back_postgres(url: str, root: Path | None, newer: str) -> RolledBack:
    """Put back the newest good pre-migration dump of a schema this version knows, after
    dumping the newer database (checked) to `set-aside-…` in the backups folder; the
    tables and sequences the dump lacks (the newer version's) are dropped. StoreError when
    there is no such dump, or the set-aside dump fails: nothing is changed."""
    folder = _backups(root)
    dump = next((p for p in known_pre_migration_dumps(folder) if dump_problem(p) is None), None)
    if dump is None:
        raise StoreError(
            detail=(
                f"The server's database was migrated by a newer version of MMC-MMS (schema {newer}) and no "
                f"dump taken before a migration, of a schema this version knows, is in {folder}. Nothing was "
                "changed. Install the newer version again, or restore a dump by hand: "
                "`mmc server --db URL restore DUMP` (docs/OPERATIONS.md, Rollback)."
            )
        )
    set_aside = checked_dump(url, folder / f"set-aside-mmc-server-newer-{newer}-{_stamp()}.pgdump")
    try:
        _drop_relations_not_in(url, dump)
        _pg_restore(url, dump)
    except StoreError as error:
        raise StoreError(
            detail=f"Restoring {dump.name} failed ({error}); the newer database is kept in {set_aside}."
        ) from None
    log.warning("database migrated by a newer version (schema %s): restored %s", newer, dump.name)
    return RolledBack(newer, dump, set_aside)


DUMPED_RELATION = re.compile(r"^\d+; \d+ \d+ (?:TABLE|VIEW|MATERIALIZED VIEW|SEQUENCE) \S+ (?P<name>\S+) \S+$")
DROPS = {"r": "TABLE", "p": "TABLE", "v": "VIEW", "m": "MATERIALIZED VIEW", "S": "SEQUENCE"}


def _drop_relations_not_in(url: str, dump: Path) -> None:
    """Drop the tables, views and sequences of the database's schema that `dump` does not
    hold (those a newer version's migrations created), so that restoring it leaves none of
    the newer schema behind; they are in the set-aside dump."""
    listed = subprocess.run([_tool("pg_restore"), "--list", str(dump)], capture_output=True, text=True, check=False)
    dumped = {match["name"] for line in listed.stdout.splitlines() if (match := DUMPED_RELATION.match(line))}
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            live = connection.execute(
                text(
                    "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
                    "ORDER BY c.relkind = 'S', c.relname"
                )
            ).all()
            quote = connection.dialect.identifier_preparer.quote
            for name, kind in live:
                if name not in dumped:
                    connection.execute(text(f"DROP {DROPS[kind]} IF EXISTS {quote(name)} CASCADE"))
    finally:
        engine.dispose()


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StoreError(detail=f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")
