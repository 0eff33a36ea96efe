"""Backing the server's database up and putting a backup back.

SQLite (the default) is copied online with SQLite's backup API (core.backups), like a
device's store. PostgreSQL is dumped and restored with its own tools, pg_dump and
pg_restore (custom format), run on the server's URL. Either way a restore ends with a
new epoch (core.recovery.begin_epoch): the devices notice it at their next sync and send
again what the server lost, so nothing a device still holds is lost.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlalchemy.engine import make_url

from core.database import Database, make_engine
from core.errors import StoreError
from core.ops.log import identity
from core.recovery import begin_epoch
from core.store import data_dir, open_store, restore_store


def _sqlite_root(root: Path | None) -> Path:
    return root or data_dir() / "server"


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


def backup_server(url: str | None, root: Path | None, target: Path | None = None) -> Path:
    """Back the server's database up now; answers the file written."""
    if url is None:
        store = open_store(_sqlite_root(root), kind="server", authority=True)
        try:
            return store.backup()
        finally:
            store.close()
    conninfo, schema = _libpq(url)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = target or _sqlite_root(root) / "backups" / f"mmc-server-{stamp}.pgdump"
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [_tool("pg_dump"), "--format=custom", f"--file={target}", *([f"--schema={schema}"] if schema else [])]
    _run([*command, f"--dbname={conninfo}"])
    return target


def restore_server(url: str | None, root: Path | None, backup: Path | None) -> str:
    """Put a backup back (the server stopped) and begin a new epoch; answers what to tell IT."""
    if url is None:
        return restore_store(_sqlite_root(root), backup).notice + " A new epoch began: devices send what it lacks."
    if backup is None:
        raise StoreError(detail="name the pg_dump file to restore")
    conninfo, schema = _libpq(url)
    command = [_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--single-transaction"]
    _run([*command, *([f"--schema={schema}"] if schema else []), f"--dbname={conninfo}", str(backup)])
    db = Database(make_engine(url))
    try:
        with db.read() as session:
            base = identity(session).accepted_count
        epoch = begin_epoch(db, base)
    finally:
        db.dispose()
    return f"Restored {backup.name}; a new epoch {epoch} began after sequence {base}: devices send what it lacks."


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise StoreError(detail=f"{Path(command[0]).name} failed: {done.stderr.strip()[-500:]}")
