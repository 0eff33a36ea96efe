"""`mmc demo --headless`: the central server on its embedded SQLite default, and a clinic
day across three kiosks, three consoles and a hall display syncing through it, with the
whole network cut in the middle of the day. Prints that every device converged and
writes a report. (`--standalone` runs the one-machine day of `core.demo` instead.)"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import keyring

from core.demo import run_headless_day
from core.ops.replica import waiting_count
from core.services.reports import clinic_stats
from sync.credentials import MemoryKeyring
from sync.server.app import create_app
from sync.server.run import open_server_db, serve_in_thread
from sync.simulation import SimulatedSite


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
    if not args.headless:
        print("The windowed demo arrives with the kiosk and staff console; run with --headless.", file=sys.stderr)
        return 2
    data_root = Path(args.data_dir) if args.data_dir else None
    if args.standalone:
        return run_headless_day(
            patients=args.patients, seed=args.seed, report_path=Path(args.report), data_root=data_root
        )
    with tempfile.TemporaryDirectory(prefix="mmc-demo-") as scratch:
        return asyncio.run(networked_day(data_root or Path(scratch), args))


async def networked_day(root: Path, args: argparse.Namespace) -> int:
    keyring.set_keyring(MemoryKeyring())
    db = open_server_db(root=root / "server")
    server = serve_in_thread(create_app(db, rate=5000, burst=5000))
    devices = root / "devices"
    devices.mkdir(parents=True, exist_ok=True)
    site = SimulatedSite(db, server.url, devices, seed=args.seed, cut_chance=0.15)
    third = max(1, args.rounds // 3)
    blackout = range(third, min(args.rounds, third + max(2, args.rounds // 6)))
    started = time.perf_counter()
    print(f"MMC-MMS networked demo: server at {server.url} (SQLite at {root / 'server'})")
    try:
        await site.enroll_all()
        print(f"enrolled {len(site.devices)} devices: " + ", ".join(d.name for d in site.devices))

        def progress(number: int, dark: bool) -> None:
            waiting = 0
            for device in site.devices:
                with device.store.db.read() as session:
                    waiting += waiting_count(session)
            mark = "  NETWORK CUT: every device works on its own store" if dark else ""
            print(
                f"round {number + 1:>2}/{args.rounds}: patients {site.next_patient:>4}, ops waiting {waiting:>4}{mark}"
            )

        outcome = await site.run(args.patients, args.rounds, progress, blackout=blackout)
    finally:
        await site.close()
        server.stop()
    figures = clinic_stats(db)
    db.dispose()
    elapsed = time.perf_counter() - started
    print(f"{'clinic':<16}{'tickets':>8}{'waiting':>9}{'served':>8}")
    for f in figures:
        if f.total:
            print(f"{f.clinic:<16}{f.total:>8}{f.waiting:>9}{f.served:>8}")
    verdict = "all devices converged" if outcome.converged else "DEVICES DISAGREE"
    print(
        f"{verdict}: {outcome.devices} devices and the server hold state {outcome.digest}; "
        f"outboxes empty: {outcome.outboxes_empty}; ops applied twice: {outcome.ops_applied_twice}; "
        f"duplicate numbers: {outcome.duplicate_numbers}; ops the server refused (and devices were told): "
        f"{outcome.refused_ops}; network cuts: {outcome.cuts}; {elapsed:.1f} s"
    )
    report = {
        "mode": "networked",
        "seconds": round(elapsed, 1),
        "converged": outcome.converged,
        **asdict(outcome),
        "clinics": [asdict(f) for f in figures if f.total],
    }
    Path(args.report).write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"report written to {args.report}")
    return 0 if outcome.converged else 1
