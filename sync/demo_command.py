"""`mmc demo`: the central server on its embedded SQLite default with the apps around it.

- `mmc demo`: the server in this process (with the demo staff accounts) and a kiosk, a
  staff console and a hall display, each a program of its own enrolled with it.
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
    demo.add_argument("--day", help="the simulated clinic day, YYYY-MM-DD (default: today)")
    demo.add_argument("--report", default="demo-report.json")
    demo.add_argument("--run-for", type=float, default=0.0, help=argparse.SUPPRESS)
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
        return _windows(root, args.run_for)


WINDOWS: tuple[tuple[str, list[str]], ...] = (
    ("kiosk", ["--printer", "system"]),
    ("staffdesk", []),
    ("display", []),
)


def _windows(root: Path, run_for: float = 0.0) -> int:
    """The server in this process with the demo accounts, and a kiosk, a staff console and
    a hall display, each its own program with its own store, enrolled with it. Ends when
    the staff console is closed (or on Ctrl+C), and stops the others."""
    from core.defaults import DEMO_USERS
    from core.permissions import SYSTEM
    from core.services.config import save_user
    from sync.server.app import create_app
    from sync.server.enrollment import create_code
    from sync.server.run import open_server_db, serve_in_thread

    db = open_server_db(root=root / "server")
    for username, password, role in DEMO_USERS:
        save_user(db, SYSTEM, username=username, password=password, role=role)
    server = serve_in_thread(create_app(db))
    print(f"server on {server.url} (embedded SQLite in {root / 'server'})", flush=True)
    for username, password, role in DEMO_USERS:
        print(f"staff console login: {username} / {password} ({role})", flush=True)
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": os.environ.get("PYTHON_KEYRING_BACKEND", "sync.credentials.MemoryKeyring"),
    }
    programs = {
        name: subprocess.Popen(
            [
                sys.executable,
                "-m",
                "core.cli",
                "--data-dir",
                str(root / name),
                name,
                "--windowed",
                "--server",
                server.url,
                "--enroll",
                create_code(db),
                *extra,
                *(["--run-for", str(run_for)] if run_for else []),
            ],
            env=env,
        )
        for name, extra in WINDOWS
    }
    try:
        ended = programs["staffdesk"].wait()
    except KeyboardInterrupt:
        ended = 0
    finally:
        for program in programs.values():
            if program.poll() is None:
                program.terminate()
        codes = [program.wait(timeout=20) for program in programs.values()]
        server.stop()
        db.dispose()
    return ended or max(codes)
