"""`mmc staffdesk` (the staff console) and `mmc display` (the hall display)."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    from sync.runtime.options import add_station_arguments

    desk = sub.add_parser("staffdesk", help="the staff console: queues, PINs, dashboard, reports, administration")
    add_station_arguments(desk, "mmc-staffdesk")
    desk.set_defaults(run=_run_staffdesk)

    display = sub.add_parser("display", help="the hall display: now-serving numbers and announced calls")
    add_station_arguments(display, "mmc-display")
    display.add_argument(
        "--clinics",
        default="",
        help="clinic codes to show, separated by commas (default: the admin's choice for this display, else all)",
    )
    display.add_argument("--screen", type=int, default=None, help="which screen to fill (0, 1, ...)")
    display.add_argument(
        "--rows",
        type=int,
        default=8,
        choices=range(1, 17),
        metavar="1..16",
        help="clinics shown at once; more take turns in pages (fewer rows, larger numbers; default 8)",
    )
    display.add_argument("--no-speech", action="store_true", help="announce with the chime only")
    display.set_defaults(run=_run_display)


def _run_staffdesk(args: argparse.Namespace) -> int:
    from staffdesk.app import run_staffdesk

    return run_staffdesk(args)


def _run_display(args: argparse.Namespace) -> int:
    from staffdesk.app import run_display

    return run_display(args)
