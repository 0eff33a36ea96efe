"""Online backups of a store file, their retention, checks and restore.

Backups use SQLite's online backup API, so a running app can take one without stopping;
each copy is checked before it is kept, and restore never overwrites the file it
replaces: that one is moved aside. A scheduled backup (the systemd timers of the .deb)
checks its copy in full (`PRAGMA integrity_check`, then reads its schema revision as
opening it would), flags kept backups whose file no longer has an SQLite file's shape,
and removes those older than the keep window.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import dataclass, field
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


def integrity_problem(path: Path) -> str | None:
    """Why the SQLite file at `path` is not a store a program could open (None when it is):
    the full `PRAGMA integrity_check` (every page, every index), then its schema revision
    read as opening it would read it."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA integrity_check").fetchall()
            if rows != [("ok",)]:
                return "integrity_check: " + "; ".join(str(row[0]) for row in rows[:3])
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if revision else "it has no schema revision"


SQLITE_MAGIC = b"SQLite format 3\x00"


def shape_problem(path: Path) -> str | None:
    """Why the file at `path` does not have an SQLite file's shape (None when it does): its
    header, and a size of a whole number of the header's pages, at least as many as the
    header counts. A check that reads 100 bytes, for backups kept since their full check
    (a truncated copy, a file overwritten or zeroed)."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
        size = path.stat().st_size
    except OSError as error:
        return error.strerror or str(error)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return "it is not an SQLite file"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size % page_size or size < page_count * page_size:
        return f"it is cut short or damaged ({size} bytes, {page_count} pages of {page_size} in its header)"
    return None


FLAGGED_SUFFIX = ".corrupt"
"""A backup found damaged is renamed with this suffix: kept for a look, never restored."""


def flag_damaged(folder: Path) -> list[Path]:
    """Rename each backup in `folder` whose file lost an SQLite file's shape to
    `<name>.corrupt`, so no restore picks it; returns the renamed files."""
    flagged = []
    for path in list_backups(folder):
        if shape_problem(path) is not None:
            target = path.with_name(path.name + FLAGGED_SUFFIX)
            path.rename(target)
            flagged.append(target)
    return flagged


def _taken_at(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)


def newest_age(folder: Path, pattern: str = "mmc-*.sqlite3") -> dt.timedelta | None:
    """How long ago the newest backup matching `pattern` in `folder` was written (None: none)."""
    found = sorted(folder.glob(pattern), key=lambda p: p.name, reverse=True) if folder.exists() else []
    return dt.datetime.now(dt.UTC) - _taken_at(found[0]) if found else None


@dataclass(frozen=True)
class ScheduledBackup:
    """What a scheduled backup did: the checked copy it wrote, the old backups it removed,
    and the kept ones it found damaged and flagged."""

    written: Path
    keep_days: int
    removed: list[Path] = field(default_factory=list)
    flagged: list[Path] = field(default_factory=list)


def scheduled_backup(store_path: Path, folder: Path, *, keep_days: int) -> ScheduledBackup:
    """Back the store up, check the copy in full (OSError when it fails: the copy is
    removed), flag damaged kept backups, and remove those older than `keep_days`."""
    written = backup_now(store_path, folder)
    problem = integrity_problem(written)
    if problem is not None:
        written.unlink(missing_ok=True)
        raise OSError(f"the backup {written.name} failed its check ({problem}); it was removed")
    flagged = flag_damaged(folder)
    removed = prune_backups(folder, keep_days=keep_days)
    return ScheduledBackup(written, keep_days, removed, flagged)


def list_backups(folder: Path) -> list[Path]:
    """Backups in `folder`, newest first."""
    if not folder.exists():
        return []
    return sorted(folder.glob("mmc-*.sqlite3"), key=lambda p: p.name, reverse=True)


PRE_MIGRATION = "-before-"
"""In the name of a backup taken before a migration (`mmc-<stamp>-before-<revision>`)."""


def prune_backups(
    folder: Path, *, keep_days: int = 30, keep_at_least: int = 3, pattern: str = "mmc-*.sqlite3"
) -> list[Path]:
    """Delete backups older than `keep_days`, always keeping the newest few and the newest
    taken before a migration (the one an older program, installed again, goes back to);
    returns those removed."""
    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=keep_days)
    newest_first = sorted(folder.glob(pattern), key=lambda p: p.name, reverse=True) if folder.exists() else []
    before_migration = next((p for p in newest_first if PRE_MIGRATION in p.name), None)
    removed = []
    for path in newest_first[keep_at_least:]:
        if path != before_migration and _taken_at(path) < cutoff:
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
