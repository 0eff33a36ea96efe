"""`mmc kiosk`: the touchscreen check-in kiosk."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    from sync.runtime.options import add_station_arguments

    kiosk = sub.add_parser("kiosk", help="the touchscreen check-in kiosk")
    add_station_arguments(kiosk, "mmc-kiosk")
    kiosk.add_argument(
        "--printer",
        default="system",
        help="pdf | system | system:NAME | escpos:file:/dev/usb/lp0 | escpos:net:HOST[:PORT] | escpos:usb:VID:PID "
        "(default: the system's default printer, or PDF files when it has none)",
    )
    kiosk.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from kiosk.app import run

    return run(args)
