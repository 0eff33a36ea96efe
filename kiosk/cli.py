"""`mmc kiosk`: the touchscreen check-in kiosk."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    kiosk = sub.add_parser("kiosk", help="the touchscreen check-in kiosk")
    kiosk.add_argument("--windowed", action="store_true", help="a window, not the fullscreen lockdown (development)")
    kiosk.add_argument("--server", help="central server URL; without it the kiosk is a one-machine site")
    kiosk.add_argument("--enroll", metavar="CODE", help="one-time enrollment code from `mmc server enroll-code`")
    kiosk.add_argument(
        "--printer",
        default="system",
        help="pdf | system | system:NAME | escpos:file:/dev/usb/lp0 | escpos:net:HOST[:PORT] | escpos:usb:VID:PID "
        "(default: the system's default printer, or PDF files when it has none)",
    )
    kiosk.add_argument("--language", choices=("ar", "en"), default="ar")
    kiosk.add_argument("--exit-after-shown", action="store_true", help=argparse.SUPPRESS)
    kiosk.add_argument("--run-for", type=float, default=0.0, help=argparse.SUPPRESS)
    kiosk.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import run

    return run(args)
