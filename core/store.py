"""The local store: one SQLite file in the machine's data folder, opened safely.

Opening a store checks the file (a corrupt one is moved aside and the newest good backup
put in its place), backs it up before a migration, migrates it, and makes sure it has a
device identity. A store restored from a backup keeps its identity and takes back
from the replaced file what the backup lacks (core.recovery); a central server restored
begins a new epoch.
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
    list_backups,
    move_aside,
    newest_good_backup,
    prune_backups,
    restore_file,
)
from core.database import Database, make_engine
from core.errors import NoBackup, StoreError
from core.ids import new_id
from core.migrate import current_revision, file_revision, head_revision, known_revisions, upgrade
from core.ops.log import identity
from core.permissions import Actor
from core.recovery import Recovery, begin_epoch, take_back
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
    """Something the user should be told about how the store was opened: `text` for logs
    and the command line, `code` and `params` for a screen to say it in its language."""

    code: str
    text: str
    params: dict[str, object] = field(default_factory=dict)


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


def ensure_identity(db: Database, kind: str, authority: bool) -> None:
    """Give the database its device identity if it has none."""
    with db.write() as session:
        if session.get(LocalIdentity, 1) is None:
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


def open_store(root: Path | None = None, *, kind: str = "standalone", authority: bool | None = None) -> Store:
    """Open (creating if needed) the store under `root`, default the machine's data folder.

    A new store of kind "standalone" is its own acceptance point (a one-machine site);
    devices of a networked site are not, and queue their ops in the outbox. A damaged file
    is moved aside and the newest good backup put in its place; what the backup lacks is
    taken back from the damaged file where it can still be read (core.recovery).
    """
    paths = StorePaths(root or data_dir())
    paths.root.mkdir(parents=True, exist_ok=True)
    notices: list[Notice] = []
    restored: tuple[Path, Path] | None = None
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
            log.warning("%s", notices[-1].text)
        else:
            restore_file(backup, paths.file, paths.aside)
            restored = (backup, moved)
    rolled_back: tuple[str, Path, Path] | None = None
    newer = file_revision(paths.file) if paths.file.exists() else None
    if newer is not None and newer != head_revision() and newer not in known_revisions():
        backup, moved = roll_back(paths, newer)
        rolled_back = (newer, backup, moved)
    engine = make_engine(f"sqlite:///{paths.file}")
    current = current_revision(engine)
    if current != head_revision():
        if current is not None:
            backup_now(paths.file, paths.backups, label=f"before-{head_revision()}")
        upgrade(engine)
    db = Database(engine)
    ensure_identity(db, kind, kind == "standalone" if authority is None else authority)
    if rolled_back is not None:
        newer, backup, moved = rolled_back
        recovery = after_restore(db, moved)
        said = rollback_notice(newer, backup, moved, recovery)
        params = {"revision": newer, "backup": backup.name, "recovered": recovery.recovered}
        notices.append(Notice("rolled_back", said, params))
        log.warning("%s", said)
    if restored is not None:
        backup, moved = restored
        recovery = after_restore(db, moved)
        said = restore_notice(recovery, backup, moved)
        params = {"backup": backup.name, "recovered": recovery.recovered, "readable": recovery.readable}
        notices.append(Notice("corrupt_restored", said, params))
        log.warning("%s", said)
    return Store(paths, db, notices)


def roll_back(paths: StorePaths, newer: str) -> tuple[Path, Path]:
    """Put back the newest good backup whose schema this version knows (the one taken
    before the newer version migrated the store), moving the newer file to the set-aside
    folder; answers (that backup, the moved file). StoreError when there is none: the
    newer file is left in place, untouched."""
    known = known_revisions()
    for backup in list_backups(paths.backups):
        if file_revision(backup) in known and is_healthy(backup):
            moved = move_aside(paths.file, paths.aside, f"newer-{newer}")
            restore_file(backup, paths.file, paths.aside)
            log.warning("store migrated by a newer version (schema %s): put back %s", newer, backup.name)
            return backup, moved
    raise StoreError(
        detail=(
            f"The data file {paths.file} was migrated by a newer version of MMC-MMS (schema {newer}) and no "
            f"backup of a schema this version knows is in {paths.backups}. Install the newer version again, "
            "or restore a backup by hand (docs/OPERATIONS.md, Rollback)."
        )
    )


def rollback_notice(newer: str, backup: Path, moved: Path, recovery: Recovery) -> str:
    """What to tell the user when an older version put back the store a newer one migrated."""
    said = (
        f"This station's data had been changed by a newer version of MMC-MMS (schema {newer}). This version "
        f"put back the backup {backup.name}, taken before that change, and kept the newer file as {moved}. "
    )
    if not recovery.readable:
        return said + (
            "Its changes since could not be read from the newer file: those that had reached the server come "
            "back at the next sync; this device's numbers of today move on past any they may have used."
        )
    return said + (
        f"{recovery.recovered} changes made here since were taken back from it and go to the server again "
        "(it answers 'duplicate' for those it has); everything else comes back from the server at the next sync."
    )


def restore_notice(recovery: Recovery, backup: Path, replaced: Path | None) -> str:
    """What to tell the user about a restore: the truth about what came back."""
    said = f"The data file was replaced by the backup {backup.name}"
    said += f"; the file it replaced was kept as {replaced}. " if replaced else ". "
    if not recovery.readable:
        return said + (
            "That file could not be read, so changes made after the backup come back only if they had "
            "reached the server; any that had not are lost, and this device's numbers of today move on "
            "past the ones they may have used."
        )
    if recovery.recovered == 0:
        return said + "Nothing had been changed here after that backup."
    return said + (
        f"{recovery.recovered} changes made here after that backup were taken back from it; "
        "they will be sent to the server."
    )


def after_restore(db: Database, replaced: Path | None) -> Recovery:
    """Take back what the restored backup lacks from the file it replaced; a central
    server also begins a new epoch (its devices send it what it lost)."""
    with db.read() as session:
        me = identity(session)
        server, base = me.kind == "server", me.accepted_count
    recovery = take_back(db, replaced)
    if server:
        begin_epoch(db, base)
    return recovery


@dataclass(frozen=True)
class Restored:
    backup: Path
    replaced: Path | None
    recovery: Recovery

    @property
    def notice(self) -> str:
        return restore_notice(self.recovery, self.backup, self.replaced)


def restore_store(root: Path | None, backup: Path | None = None) -> Restored:
    """Replace the store under `root` by `backup` (default the newest good one), keeping
    the replaced file in the set-aside folder and taking back from it what the backup
    lacks."""
    paths = StorePaths(root or data_dir())
    chosen = backup or newest_good_backup(paths.backups)
    replaced = restore_file(chosen, paths.file, paths.aside)
    store = open_store(paths.root)
    try:
        recovery = after_restore(store.db, replaced)
    finally:
        store.close()
    return Restored(chosen, replaced, recovery)


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
