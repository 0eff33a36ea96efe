"""`mmc demo --headless`: the central server on its embedded SQLite default, and a clinic
day across three kiosks, three consoles and a hall display syncing through it, with the
whole network cut in the middle of the day. Prints that every device converged and
writes a report. (`--standalone` runs the one-machine day of `core.demo` instead.)"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path

import keyring

from core.ops.replica import waiting_count
from core.services.reports import clinic_stats
from sync.credentials import MemoryKeyring
from sync.server.app import create_app
from sync.server.run import open_server_db, serve_in_thread
from sync.simulation import SimulatedSite


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
