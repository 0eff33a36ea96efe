"""Which build of the product this is: version, commit and build date.

A frozen build reads them from the stamp the build wrote beside its libraries
(`build_stamp.json`, see build.spec); a source checkout asks the package metadata and git,
and says it was not built.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

STAMP_FILE = "build_stamp.json"
PRODUCT = "MMC-MMS"
SOURCE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str
    built: str
    """The build date (UTC, ISO 8601), or "" for a source checkout."""

    def line(self, program: str) -> str:
        """What `--version` prints."""
        made = f"built {self.built}" if self.built else "run from source, not a build"
        return f"{program} ({PRODUCT}) {self.version}, commit {self.commit}, {made}"


def stamp(version_text: str, commit: str, built: str) -> dict[str, str]:
    """The stamp a build writes; one shape for the writer (build.spec) and the reader."""
    return {"version": version_text, "commit": commit, "built": built}


def git_commit(root: Path = SOURCE_ROOT) -> str:
    """The checkout's commit (short), with "+changes" when files differ from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}+changes" if changed else commit


def _source_version() -> str:
    try:
        return version("mmc-mms-desktop")
    except PackageNotFoundError:
        import tomllib

        with open(SOURCE_ROOT / "pyproject.toml", "rb") as file:
            return str(tomllib.load(file)["project"]["version"])


@cache
def build_info() -> BuildInfo:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        data = json.loads((Path(bundle) / STAMP_FILE).read_text(encoding="utf-8"))
        return BuildInfo(version=data["version"], commit=data["commit"], built=data["built"])
    return BuildInfo(version=_source_version(), commit=git_commit(), built="")


class _ShowVersion(argparse.Action):
    """`--version`: reads the stamp (or asks git) only when it is asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, program: str = "mmc", **_: object) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="print the version, commit and build date, and exit",
        )
        self.program = program

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(build_info().line(self.program))
        parser.exit()


def add_version_option(parser: argparse.ArgumentParser, program: str) -> None:
    parser.add_argument("--version", action=_ShowVersion, program=program)
