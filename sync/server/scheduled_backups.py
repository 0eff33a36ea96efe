"""The server's scheduled backup, as the `mmc-server-backup.timer` of the .deb runs it.

The timer fires every hour; a backup is taken when the newest one is `backup_interval_h`
old (the site's setting, 6 by default, changed on the console), so the cadence is the
setting's. SQLite: an online copy checked in full (core.backups.scheduled_backup).
PostgreSQL: `pg_dump --format=custom`, checked by `pg_restore --list` (the dump's table of
contents must read and hold the schema's revision). Either way the kept backups are looked
at (a damaged one is flagged `.corrupt`, never restored) and those older than
`backup_keep_days` removed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from core.backups import FLAGGED_SUFFIX, ScheduledBackup, newest_age, prune_backups, scheduled_backup
from core.database import Database, make_engine
from core.errors import StoreError
from core.settings import setting
from core.store import STORE_FILE, data_dir, open_store
from sync.server.backups import DUMPS, backup_server, dump_problem

SLACK = dt.timedelta(minutes=10)
"""A backup due at the hour is taken even when the last one ran a few minutes late."""


@dataclass(frozen=True)
class Skipped:
    """No backup was due: the newest is younger than the interval."""

    newest_age: dt.timedelta
    interval_h: int


def _settings(db: Database) -> tuple[int, int]:
    with db.read() as session:
        return int(setting(session, "backup_interval_h")), int(setting(session, "backup_keep_days"))


def scheduled_server_backup(
    url: str | None, root: Path | None, *, keep_days: int | None = None, interval_h: int | None = None
) -> ScheduledBackup | Skipped | None:
    """Back the server's database up when one is due (None: there is no database yet)."""
    folder_root = root or data_dir() / "server"
    backups = folder_root / "backups"
    if url is None:
        if not (folder_root / STORE_FILE).exists():
            return None
        store = open_store(folder_root, kind="server", authority=True)
        try:
            every, keep = _settings(store.db)
            interval_h, keep_days = interval_h or every, keep_days or keep
            age = newest_age(backups)
            if age is not None and age < dt.timedelta(hours=interval_h) - SLACK:
                return Skipped(age, interval_h)
            try:
                return scheduled_backup(store.paths.file, backups, keep_days=keep_days)
            except OSError as error:
                raise StoreError(detail=str(error)) from None
        finally:
            store.close()
    db = Database(make_engine(url))
    try:
        every, keep = _settings(db)
    finally:
        db.dispose()
    interval_h, keep_days = interval_h or every, keep_days or keep
    age = newest_age(backups, DUMPS)
    if age is not None and age < dt.timedelta(hours=interval_h) - SLACK:
        return Skipped(age, interval_h)
    written = backup_server(url, root)
    problem = dump_problem(written)
    if problem is not None:
        written.unlink(missing_ok=True)
        raise StoreError(detail=f"the dump {written.name} failed its check ({problem}); it was removed")
    flagged = []
    for dump in sorted(backups.glob(DUMPS)):
        if dump != written and dump_problem(dump) is not None:
            dump.rename(dump.with_name(dump.name + FLAGGED_SUFFIX))
            flagged.append(dump.with_name(dump.name + FLAGGED_SUFFIX))
    removed = prune_backups(backups, keep_days=keep_days, pattern=DUMPS)
    return ScheduledBackup(written, keep_days, removed, flagged)
