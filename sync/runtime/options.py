"""The command-line options every window program takes (kept apart from Qt, so that
`mmc --help` stays quick)."""

from __future__ import annotations

import argparse

from core.version import add_version_option


def add_station_arguments(parser: argparse.ArgumentParser, program: str) -> None:
    """The options every window program takes; `program` is its name in `--version`."""
    add_version_option(parser, program)
    parser.add_argument("--windowed", action="store_true", help="a window, not full screen (development)")
    parser.add_argument("--server", help="central server URL; without it the program is a one-machine site")
    parser.add_argument("--enroll", metavar="CODE", help="one-time enrollment code from `mmc server enroll-code`")
    parser.add_argument("--language", choices=("ar", "en"), default="ar")
    parser.add_argument("--exit-after-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--run-for", type=float, default=0.0, help=argparse.SUPPRESS)
