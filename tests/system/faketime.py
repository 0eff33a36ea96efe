"""Running a child process with a wrong clock: libfaketime (Debian: faketime)."""

from __future__ import annotations

import glob
import os

import pytest

LIBRARY = next(iter(sorted(glob.glob("/usr/lib/*/faketime/libfaketime.so.1"))), None)


def faketime_env(spec: str) -> dict[str, str]:
    """Environment for a child whose clock is `spec` ("+2d", "-3h", or "@2026-12-04 20:58:00"
    to start at that UTC moment and run on). Skips the test without libfaketime, except in
    CI, where it fails."""
    if LIBRARY is None:
        why = "libfaketime is not installed (Debian: faketime)"
        if os.environ.get("CI") == "true":
            pytest.fail(why)
        pytest.skip(why)
    return {
        "LD_PRELOAD": LIBRARY,
        "FAKETIME": spec,
        "FAKETIME_DONT_FAKE_MONOTONIC": "1",
        "FAKETIME_NO_CACHE": "1",
        "TZ": "UTC",
    }
