"""`mmc server …`: run the central server, create enrollment codes, add staff accounts.

The server's libraries are imported when a server command runs, not when `mmc` builds
its parser, so the kiosk and the other apps do not pay for them at start."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.permissions import SYSTEM
from core.services.config import save_user
from core.version import add_version_option
from sync.protocol import DEFAULT_PORT

if TYPE_CHECKING:
    from core.database import Database


def add_commands(sub: Any) -> None:
    server = sub.add_parser("server", help="the central server")
    add_version_option(server, "mmc-server")
    server.add_argument(
        "--db",
        default=os.environ.get("MMC_DB_URL") or None,
        help="database URL (default: $MMC_DB_URL, else an SQLite file in the data folder)",
    )
    commands = server.add_subparsers(dest="server_command", required=True)
    run = commands.add_parser("run", help="serve the API")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=DEFAULT_PORT)
    run.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a reverse proxy whose X-Forwarded-For is believed (by default none: the peer's address counts)",
    )
    run.add_argument(
        "--notify-config",
        metavar="FILE",
        help="patients' messages (SMS, webhook): a TOML file (default: $MMC_NOTIFY_CONFIG; none: no messages)",
    )
    run.set_defaults(run=_run)
    code = commands.add_parser("enroll-code", help="create a one-time enrollment code for a new device")
    code.add_argument("--hours", type=float, default=24)
    code.set_defaults(run=_enroll_code)
    device = commands.add_parser("device", help="list the enrolled devices, or revoke one")
    device.add_argument("action", choices=("list", "revoke"))
    device.add_argument("which", nargs="?", help="the device to revoke: its station code (K2) or id")
    device.set_defaults(run=_device)
    backup = commands.add_parser(
        "backup", help="back the server's database up now (SQLite: online copy; PostgreSQL: pg_dump)"
    )
    backup.add_argument("--to", help="file to write (PostgreSQL; default a dated file in the backups folder)")
    backup.add_argument(
        "--scheduled",
        action="store_true",
        help="as the timer does: only when one is due (backup_interval_h), checked, old ones removed",
    )
    backup.add_argument("--keep-days", type=int, help="keep window (default: the site's backup_keep_days)")
    backup.set_defaults(run=_backup)
    restore = commands.add_parser(
        "restore", help="put a backup back (the server must be stopped); it begins a new epoch that devices follow"
    )
    restore.add_argument("backup", nargs="?", help="backup file (SQLite: default the newest good one)")
    restore.set_defaults(run=_restore)
    user = commands.add_parser("user", help="create or update a staff account")
    user.add_argument("username")
    user.add_argument("--role", choices=("admin", "supervisor", "staff"), required=True)
    user.add_argument("--name", default="")
    user.set_defaults(run=_user)


def _root(args: argparse.Namespace) -> Path | None:
    return Path(args.data_dir) / "server" if args.data_dir else None


def _open(args: argparse.Namespace) -> Database:
    """The server's database, saying how it was opened when there is something to say (a
    rollback put back a backup taken before a migration)."""
    from sync.server.run import open_server

    db, notices = open_server(args.db, _root(args))
    for notice in notices:
        print(notice.text)
    return db


def _run(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import create_app
    from sync.server.notify.service import start_notifications

    db = _open(args)
    notifications = start_notifications(db, args.notify_config)
    try:
        uvicorn.run(
            create_app(db, metrics_token=token) if (token := os.environ.get("MMC_METRICS_TOKEN")) else create_app(db),
            host=args.host,
            port=args.port,
            log_level="info",
            proxy_headers=bool(args.trusted_proxy),
            forwarded_allow_ips=",".join(args.trusted_proxy) or None,
        )
    finally:
        notifications.stop()
    return 0


def _enroll_code(args: argparse.Namespace) -> int:
    from sync.server.enrollment import create_code

    db = _open(args)
    print(create_code(db, hours=args.hours))
    return 0


def _device(args: argparse.Namespace) -> int:
    from core.services.config import revoke_device
    from core.services.directory import devices

    db = _open(args)
    known = devices(db)
    if args.action == "list":
        for d in known:
            print(f"{d.station:<6} {d.kind:<10} {'REVOKED' if d.revoked else 'active':<8} {d.device_id}  {d.name}")
        return 0
    found = [d for d in known if args.which in (d.station, d.device_id)]
    if not found:
        print(f"No device {args.which!r}; `mmc server device list` shows them.")
        return 2
    revoke_device(db, SYSTEM, device_id=found[0].device_id)
    print(f"revoked {found[0].station} ({found[0].kind}): its next request is refused")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from sync.server.backups import backup_server

    if args.scheduled:
        return _scheduled_backup(args)
    print(backup_server(args.db, _root(args), Path(args.to) if args.to else None))
    return 0


def _scheduled_backup(args: argparse.Namespace) -> int:
    from core.cli import report_scheduled
    from sync.server.scheduled_backups import Skipped, scheduled_server_backup

    done = scheduled_server_backup(args.db, _root(args), keep_days=args.keep_days)
    if done is None:
        print("No server database here yet: nothing to back up.")
        return 0
    if isinstance(done, Skipped):
        print(f"No backup due: the newest is {done.newest_age} old, one is taken every {done.interval_h} h.")
        return 0
    return report_scheduled(done)


def _restore(args: argparse.Namespace) -> int:
    from sync.server.backups import restore_server

    print(restore_server(args.db, _root(args), Path(args.backup) if args.backup else None))
    return 0


def _user(args: argparse.Namespace) -> int:
    password = os.environ.get("MMC_NEW_PASSWORD") or getpass.getpass(f"Password for {args.username}: ")
    save_user(
        _open(args),
        SYSTEM,
        username=args.username,
        password=password,
        role=args.role,
        display_name=args.name,
    )
    print(f"saved {args.username} ({args.role})")
    return 0
