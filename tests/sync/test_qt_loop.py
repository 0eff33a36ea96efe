"""The sync client runs on the Qt event loop through qasync, as it will in the apps."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from sync.server.enrollment import create_code
from tests.sync.conftest import Site


def test_sync_runs_on_the_qt_event_loop(site_sync: Site) -> None:
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.sync.qt_loop_child",
            site_sync.url,
            create_code(site_sync.db),
            str(site_sync.root / "kiosk"),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.returncode == 0, child.stderr[-2000:]
    result = json.loads(child.stdout.strip().splitlines()[-1])
    assert result == {"answered": 1, "ticks": ["loop ran while pushing"], "loop": "QSelectorEventLoop"}
