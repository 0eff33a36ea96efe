"""The local store: one SQLite file in the machine's data folder, opened safely.

Opening a store checks the file (a corrupt one is moved aside and the newest good backup
put in its place), backs it up before a migration, migrates it, and makes sure it has a
device identity. A store restored from a backup takes a new identity, so it never
reuses a sequence number or a station prefix that the lost part of its history used.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from core.backups import (
    backup_now,
    is_healthy,
    move_aside,
    newest_good_backup,
    prune_backups,
    restore_file,
)
from core.database import Database, make_engine
from core.errors import NoBackup, StoreError
from core.ids import new_id
from core.migrate import current_revision, head_revision, upgrade
from core.permissions import Actor
from core.schema import LocalIdentity

log = logging.getLogger(__name__)

APP_NAME = "mmc-mms"
STORE_FILE = "mmc.sqlite3"
STATION_LETTER = {"kiosk": "K", "staff": "C", "display": "D", "server": "S", "standalone": "A"}


def data_dir() -> Path:
    """The per-machine data folder; MMC_DATA_DIR overrides it."""
    override = os.environ.get("MMC_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class StorePaths:
    root: Path

    @property
    def file(self) -> Path:
        return self.root / STORE_FILE

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def aside(self) -> Path:
        return self.root / "set-aside"


@dataclass(frozen=True)
class Notice:
    """Something the user should be told about how the store was opened."""

    code: str
    text: str


@dataclass
class Store:
    paths: StorePaths
    db: Database
    notices: list[Notice] = field(default_factory=list)

    def backup(self, *, keep_days: int = 30) -> Path:
        path = backup_now(self.paths.file, self.paths.backups)
        prune_backups(self.paths.backups, keep_days=keep_days)
        return path

    def close(self) -> None:
        self.db.dispose()


def new_station(kind: str) -> str:
    return STATION_LETTER.get(kind, "X") + secrets.token_hex(2).upper()


def ensure_identity(db: Database, kind: str, authority: bool, *, renew: bool = False) -> None:
    """Give the database its device identity if it has none; `renew` replaces it."""
    with db.write() as session:
        ident = session.get(LocalIdentity, 1)
        if ident is None:
            session.add(
                LocalIdentity(
                    id=1,
                    device_id=new_id(),
                    station=new_station(kind),
                    kind=kind,
                    authority=authority,
                    next_seq=1,
                    hlc="",
                    applied_count=0,
                    accepted_count=0,
                )
            )
        elif renew:
            ident.device_id = new_id()
            ident.station = new_station(ident.kind)
            ident.next_seq = 1


def open_store(root: Path | None = None, *, kind: str = "standalone", authority: bool | None = None) -> Store:
    """Open (creating if needed) the store under `root`, default the machine's data folder.

    A new store of kind "standalone" is its own acceptance point (a one-machine site);
    devices of a networked site are not, and queue their ops in the outbox.
    """
    paths = StorePaths(root or data_dir())
    paths.root.mkdir(parents=True, exist_ok=True)
    notices: list[Notice] = []
    restored = False
    if paths.file.exists() and not is_healthy(paths.file):
        moved = move_aside(paths.file, paths.aside, "corrupt")
        log.error("store file is corrupt; moved to %s", moved)
        try:
            backup = newest_good_backup(paths.backups)
        except NoBackup:
            notices.append(
                Notice(
                    "corrupt_no_backup",
                    f"The data file was damaged and moved to {moved}; "
                    "no good backup was found, so the store starts empty and will "
                    "be filled again from the server.",
                )
            )
        else:
            restore_file(backup, paths.file, paths.aside)
            restored = True
            notices.append(
                Notice(
                    "corrupt_restored",
                    f"The data file was damaged and moved to {moved}; "
                    f"it was restored from the backup {backup.name}. Changes made after "
                    "that backup come back from the server when it is reachable.",
                )
            )
    engine = make_engine(f"sqlite:///{paths.file}")
    current = current_revision(engine)
    if current != head_revision():
        if current is not None:
            backup_now(paths.file, paths.backups, label=f"before-{head_revision()}")
        upgrade(engine)
    db = Database(engine)
    ensure_identity(db, kind, kind == "standalone" if authority is None else authority, renew=restored)
    return Store(paths, db, notices)


def restore_store(root: Path | None, backup: Path | None = None) -> Path:
    """Replace the store under `root` by `backup` (default the newest good one).

    The replaced file is kept in the set-aside folder; the restored store takes a new
    device identity when it is next opened.
    """
    paths = StorePaths(root or data_dir())
    chosen = backup or newest_good_backup(paths.backups)
    restore_file(chosen, paths.file, paths.aside)
    store = open_store(paths.root)
    ensure_identity(store.db, "standalone", False, renew=True)
    store.close()
    return chosen


def adopt_station(db: Database, station: str) -> None:
    """Take the station code the server assigned at enrollment (it prefixes fallback numbers)."""
    with db.write() as session:
        ident = session.get(LocalIdentity, 1)
        if ident is not None:
            ident.station = station


def keep_clock_offset(db: Database, offset_ms: int) -> None:
    """Remember how far this machine's clock is from the server's (see core.clock.DeviceClock)."""
    with db.write() as session:
        ident = session.get(LocalIdentity, 1)
        if ident is not None:
            ident.clock_offset_ms = offset_ms


def clock_offset(db: Database) -> int:
    with db.read() as session:
        ident = session.get(LocalIdentity, 1)
        return ident.clock_offset_ms if ident is not None else 0


def device_actor(db: Database) -> Actor:
    """The actor of a kiosk's or display's own ops: the device itself, by its station code
    (the server takes a kiosk's op only as that kiosk's)."""
    with db.read() as session:
        row = session.get(LocalIdentity, 1)
    if row is None:
        raise StoreError(detail="this store has no device identity; run `mmc init`")
    return Actor(row.station, row.kind if row.kind in ("kiosk", "display") else "system")
