"""`mmc demo`: the central server on its embedded SQLite default with the apps around it.

- `mmc demo`: the server in this process and a kiosk window (`mmc kiosk --windowed`)
  enrolled with it; the staff console and hall display join with their issue.
- `mmc demo --headless`: a scripted clinic day across simulated devices (`sync.demo`).
- `mmc demo --headless --standalone`: the one-machine day of `core.demo`.

Heavy modules are imported when the command runs, so other commands start fast.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def add_commands(sub: Any) -> None:
    demo = sub.add_parser("demo", help="run the demo")
    demo.add_argument("--headless", action="store_true", help="no windows: a scripted clinic day")
    demo.add_argument("--standalone", action="store_true", help="one machine, no server")
    demo.add_argument("--patients", type=int, default=300)
    demo.add_argument("--rounds", type=int, default=24)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--report", default="demo-report.json")
    demo.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    data_root = Path(args.data_dir) if args.data_dir else None
    if args.headless and args.standalone:
        from core.demo import run_headless_day

        return run_headless_day(
            patients=args.patients, seed=args.seed, report_path=Path(args.report), data_root=data_root
        )
    with tempfile.TemporaryDirectory(prefix="mmc-demo-") as scratch:
        root = data_root or Path(scratch)
        if args.headless:
            from sync.demo import networked_day

            return asyncio.run(networked_day(root, args))
        return _windows(root)


def _windows(root: Path) -> int:
    from sync.server.app import create_app
    from sync.server.enrollment import create_code
    from sync.server.run import open_server_db, serve_in_thread

    db = open_server_db(root=root / "server")
    server = serve_in_thread(create_app(db))
    print(f"server on {server.url} (embedded SQLite in {root / 'server'})", flush=True)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": os.environ.get("PYTHON_KEYRING_BACKEND", "sync.credentials.MemoryKeyring"),
    }
    kiosk = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "core.cli",
            "--data-dir",
            str(root / "kiosk"),
            "kiosk",
            "--windowed",
            "--server",
            server.url,
            "--enroll",
            create_code(db),
            "--printer",
            "system",
        ],
        env=env,
    )
    try:
        return kiosk.wait()
    except KeyboardInterrupt:
        kiosk.terminate()
        return kiosk.wait(timeout=15)
    finally:
        server.stop()
        db.dispose()
