"""The `mmc` command line: init a store, load demo data, stats, backup, restore.

Other packages add their own subcommands (server, kiosk, staffdesk…) through the
`mmc.commands` entry-point group: a function that takes an argparse subparsers object.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import asdict
from importlib.metadata import entry_points
from pathlib import Path

from core.backups import ScheduledBackup, list_backups, scheduled_backup
from core.errors import MmcError, StoreError
from core.logs import configure_logging
from core.permissions import SYSTEM
from core.services.config import init_site, save_user
from core.services.reports import PERIODS, clinic_stats, report
from core.settings import setting
from core.store import STORE_FILE, data_dir, open_store, restore_store
from core.version import add_version_option

log = logging.getLogger(__name__)


def _root(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else data_dir()


def cmd_init(args: argparse.Namespace) -> int:
    store = open_store(_root(args))
    for notice in store.notices:
        print(notice.text)
    created = init_site(store.db)
    print(f"{'Created' if created else 'Opened'} the store at {store.paths.file}")
    store.close()
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    store = open_store(_root(args))
    init_site(store.db)
    from core.defaults import DEMO_USERS

    for username, password, role in DEMO_USERS:
        save_user(store.db, SYSTEM, username=username, password=password, role=role)
        print(f"user {username!r} ({role}), password {password!r}")
    store.close()
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = open_store(_root(args))
    if args.period:
        result = report(store.db, SYSTEM, period=args.period, day=args.day)
        figures = result.clinics
        print(f"{result.period} report {result.first_day} .. {result.last_day}")
    else:
        figures = clinic_stats(store.db, day=args.day)
    if args.json:
        print(json.dumps([asdict(f) for f in figures], ensure_ascii=False))
    else:
        print(f"{'clinic':<16}{'total':>7}{'waiting':>9}{'served':>8}{'no-show':>9}{'avg wait':>10}")
        for f in figures:
            print(f"{f.clinic:<16}{f.total:>7}{f.waiting:>9}{f.served:>8}{f.no_show:>9}{f.avg_wait_s // 60:>7} min")
    store.close()
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    root = _root(args) / args.station if args.station else _root(args)
    if not args.scheduled:
        store = open_store(root)
        print(store.backup())
        store.close()
        return 0
    if not (root / STORE_FILE).exists():
        print(f"No store at {root / STORE_FILE} yet: nothing to back up.")
        return 0
    store = open_store(root)
    try:
        with store.db.read() as session:
            keep_days = args.keep_days or int(setting(session, "backup_keep_days"))
        try:
            done = scheduled_backup(store.paths.file, store.paths.backups, keep_days=keep_days)
        except OSError as error:
            raise StoreError(detail=str(error)) from None
    finally:
        store.close()
    return report_scheduled(done)


def report_scheduled(done: ScheduledBackup) -> int:
    """Say what a scheduled backup did (the journal keeps it); 1 when a kept backup was
    found damaged, so the unit shows failed until IT has looked."""
    print(f"backed up and checked: {done.written}")
    if done.removed:
        print(f"removed {len(done.removed)} backups older than {done.keep_days} days")
    for path in done.flagged:
        print(f"DAMAGED backup flagged (it will not be restored): {path}", file=sys.stderr)
        log.error("damaged backup flagged: %s", path.name)
    return 1 if done.flagged else 0


def cmd_backups(args: argparse.Namespace) -> int:
    store = open_store(_root(args))
    for path in list_backups(store.paths.backups):
        print(path)
    store.close()
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    print(restore_store(_root(args), Path(args.backup) if args.backup else None).notice)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mmc", description="MMC-MMS desktop")
    add_version_option(parser, "mmc")
    parser.add_argument("--data-dir", help="store folder (default: this machine's data folder)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create (or check) the store").set_defaults(run=cmd_init)
    sub.add_parser("demo-data", help="load clinics, exam types and demo users").set_defaults(run=cmd_demo_data)
    stats = sub.add_parser("stats", help="per-clinic figures of a day or a period")
    stats.add_argument("--day", help="YYYY-MM-DD (default today)")
    stats.add_argument("--period", choices=PERIODS)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(run=cmd_stats)
    backup = sub.add_parser("backup", help="take an online backup now")
    backup.add_argument(
        "--scheduled",
        action="store_true",
        help="as the timer does: check the copy in full, flag damaged backups, remove those past the keep window",
    )
    backup.add_argument("--station", help="the store of the station program kiosk, display or staff")
    backup.add_argument("--keep-days", type=int, help="keep window (default: the site's backup_keep_days)")
    backup.set_defaults(run=cmd_backup)
    sub.add_parser("backups", help="list backups, newest first").set_defaults(run=cmd_backups)
    restore = sub.add_parser("restore", help="replace the store by a backup")
    restore.add_argument("backup", nargs="?", help="backup file (default the newest good one)")
    restore.set_defaults(run=cmd_restore)
    for entry in entry_points(group="mmc.commands"):
        entry.load()(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging("mmc")
    log.info("mmc %s", args.command)
    try:
        return int(args.run(args))
    except MmcError as error:
        log.warning("mmc %s refused: %s", args.command, error.code)
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
