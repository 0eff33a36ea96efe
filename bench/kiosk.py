"""Kiosk speed and memory, offscreen. Prints one JSON object as its last line:

- cold_start_ms: `mmc kiosk` process start to its welcome screen shown (median of --starts)
- tap_to_ticket_p95_ms (and _p50): a tap on the exam type (the confirming tap) until the
  ticket screen has been painted, over --checkins check-ins into one store
- rss_mb: this process's peak resident memory after those check-ins
Goals: cold start <= 1,500 ms, tap-to-ticket p95 <= 100 ms, RSS <= 250 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from core.permissions import Actor
from core.services.config import init_site
from core.store import open_store
from kiosk.flow import KioskFlow
from kiosk.printing import PdfPrinter
from kiosk.window import KioskWindow
from sync.runtime.qt import Languages, install_fonts
from sync.runtime.worker import answer_all

ROOT = Path(__file__).resolve().parents[1]


def cold_start_ms(scratch: Path, starts: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    folder = scratch / "cold"
    times = []
    for n in range(starts + 1):
        began = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "core.cli",
                "--data-dir",
                str(folder),
                "kiosk",
                "--exit-after-shown",
                "--printer",
                "pdf",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        assert done.stdout.startswith("shown"), done.stdout
        if n:  # the first start creates and migrates the store: not a cold start of an installed kiosk
            times.append((time.perf_counter() - began) * 1000)
    return times


def tap_to_ticket_ms(scratch: Path, checkins: int) -> list[float]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    install_fonts(app)
    languages = Languages(app, "ar")
    store = open_store(scratch / "taps")
    init_site(store.db)
    window = KioskWindow(
        KioskFlow(store.db, Actor("K1", "kiosk")), languages, PdfPrinter(scratch / "pdf"), locked=False
    )
    window.resize(1080, 1920)
    window.show()
    answer_all()
    times = []
    for n in range(checkins):
        window.go_home()
        window.welcome.check_in_button.click()
        window.id_screen.keypad.press(f"{29000000000 + n}")
        window.id_screen.keypad.ok_button.click()
        window.gender.male.click()
        app.processEvents()
        button = window.exam.buttons["travel"]
        began = time.perf_counter()
        button.click()
        while window.busy:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        window.repaint()
        app.processEvents()
        times.append((time.perf_counter() - began) * 1000)
        assert window.current_screen() is window.ticket
    window.close()
    store.close()
    return times


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkins", type=int, default=200)
    parser.add_argument("--starts", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mmc-bench-kiosk-") as scratch:
        starts = cold_start_ms(Path(scratch), args.starts)
        taps = sorted(tap_to_ticket_ms(Path(scratch), args.checkins))
    result = {
        "cold_start_ms": round(statistics.median(starts), 1),
        "cold_start_runs_ms": [round(t, 1) for t in starts],
        "tap_to_ticket_p50_ms": round(taps[len(taps) // 2], 2),
        "tap_to_ticket_p95_ms": round(taps[min(len(taps) - 1, int(0.95 * len(taps)))], 2),
        "checkins": args.checkins,
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
