"""Online backups of a store file, their retention, checks and restore.

Backups use SQLite's online backup API, so a running app can take one without stopping;
each copy is checked before it is kept, and restore never overwrites the file it
replaces: that one is moved aside.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from core.errors import NoBackup

SUFFIXES = ("", "-wal", "-shm")


def is_healthy(path: Path) -> bool:
    """True when `path` opens as SQLite and passes quick_check."""
    if not path.exists():
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def backup_now(store_path: Path, folder: Path, *, label: str = "") -> Path:
    """Copy the store online into `folder` and return the checked copy."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"mmc-{_stamp()}{'-' + label if label else ''}.sqlite3"
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(store_path)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    if not is_healthy(partial):
        partial.unlink(missing_ok=True)
        raise OSError(f"the backup written to {partial} failed its check")
    partial.rename(target)
    return target


def list_backups(folder: Path) -> list[Path]:
    """Backups in `folder`, newest first."""
    if not folder.exists():
        return []
    return sorted(folder.glob("mmc-*.sqlite3"), key=lambda p: p.name, reverse=True)


def prune_backups(folder: Path, *, keep_days: int = 30, keep_at_least: int = 3) -> list[Path]:
    """Delete backups older than `keep_days`, always keeping the newest few; returns those removed."""
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=keep_days)
    removed = []
    for path in list_backups(folder)[keep_at_least:]:
        taken = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        if taken < cutoff:
            path.unlink()
            removed.append(path)
    return removed


def move_aside(store_path: Path, folder: Path, reason: str) -> Path:
    """Move a store file (and its WAL files) into `folder`; returns the new main file."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{store_path.stem}-{reason}-{_stamp()}{store_path.suffix}"
    for suffix in SUFFIXES:
        part = Path(str(store_path) + suffix)
        if part.exists():
            shutil.move(str(part), str(target) + suffix)
    return target


def newest_good_backup(folder: Path) -> Path:
    for path in list_backups(folder):
        if is_healthy(path):
            return path
    raise NoBackup(folder=str(folder))


def restore_file(backup: Path, store_path: Path, aside: Path) -> Path | None:
    """Put `backup` in place of the store; the store it replaces is moved to `aside`."""
    if not is_healthy(backup):
        raise NoBackup(folder=str(backup))
    replaced = move_aside(store_path, aside, "replaced") if store_path.exists() else None
    partial = store_path.with_suffix(".restoring")
    shutil.copyfile(backup, partial)
    partial.rename(store_path)
    return replaced
