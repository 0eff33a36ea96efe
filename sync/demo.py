"""`mmc demo --headless`: the central server on its embedded SQLite default, and a clinic
day across three kiosks, three consoles and a hall display syncing through it, with the
whole network down for an hour in the middle of the day and single devices dropping off
at random. Prints a summary and writes a report. (`--standalone` runs the one-machine day
of `core.demo` instead.)

The day runs on a simulated clock (07:30 to 13:30 of the chosen date, 15 minutes a round),
shared by the devices and the server, so waits are in minutes as at a real site and the
same seed gives the same report."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import textwrap
import time
from pathlib import Path
from typing import Any

import keyring

from core.clock import SITE_ZONE, SimulatedClock, time_source
from core.ops.replica import waiting_count
from core.services.reports import ClinicFigures, clinic_stats
from core.version import build_info
from sync.credentials import MemoryKeyring
from sync.server.app import create_app
from sync.server.run import open_server_db, serve_in_thread
from sync.simulation import ROUND, Outcome, SimulatedSite

OPENING = dt.time(7, 30)
WIDTH = 110


def blackout_rounds(rounds: int) -> range:
    """The rounds when the whole network is down: from a third of the day, for a sixth."""
    third = max(1, rounds // 3)
    return range(third, min(rounds, third + max(2, rounds // 6)))


def _minutes(seconds: int) -> float:
    return round(seconds / 60, 1)


def _clinic_row(figures: ClinicFigures) -> dict[str, Any]:
    accounted = (
        figures.waiting
        + figures.called
        + figures.in_service
        + figures.served
        + figures.no_show
        + figures.cancelled
        + figures.transferred
    )
    called = figures.called + figures.in_service + figures.served + figures.no_show
    return {
        "clinic": figures.clinic,
        "name": figures.name_en,
        "tickets": figures.total,
        "waiting": figures.waiting,
        "called": figures.called,
        "in_service": figures.in_service,
        "served": figures.served,
        "no_show": figures.no_show,
        "cancelled": figures.cancelled,
        "transferred": figures.transferred,
        "adds_up": accounted == figures.total,
        "average_wait_min": _minutes(figures.avg_wait_s) if called else None,
        "average_service_min": _minutes(figures.avg_service_s) if figures.served else None,
    }


def day_report(
    args: argparse.Namespace, day: dt.date, outcome: Outcome, figures: list[ClinicFigures], kinds: dict[str, int]
) -> dict[str, Any]:
    """What the day did, for a person: same seed and day, same report."""
    opening = dt.datetime.combine(day, OPENING, SITE_ZONE)
    dark = blackout_rounds(args.rounds)
    build = build_info()
    clinics = [_clinic_row(f) for f in figures if f.total]
    return {
        "title": "MMC-MMS headless demo: a networked clinic day",
        "version": build.version,
        "commit": build.commit,
        "date": day.isoformat(),
        "simulated": {
            "hours": f"{opening:%H:%M}–{opening + ROUND * args.rounds:%H:%M} (site time, {SITE_ZONE.key})",
            "rounds": args.rounds,
            "minutes_per_round": int(ROUND.total_seconds() // 60),
            "examinees": args.patients,
            "kiosks": kinds["kiosk"],
            "staff_consoles": kinds["staff"],
            "hall_displays": kinds["display"],
            "server": "embedded SQLite",
            "network_down_for_everyone": f"{opening + ROUND * dark.start:%H:%M}–{opening + ROUND * dark.stop:%H:%M}",
            "single_device_outages": outcome.outages,
            "seed": args.seed,
        },
        "converged": outcome.converged,
        "checks": {
            "every_device_holds_the_servers_state": outcome.digests_equal,
            "every_outbox_empty": outcome.outboxes_empty,
            "ops_applied_twice": outcome.ops_applied_twice,
            "numbers_given_twice": outcome.duplicate_numbers,
            "ops_the_server_refused_and_devices_were_told": outcome.refused_ops,
            "ops_at_the_server": outcome.server_ops,
        },
        "visits": outcome.visits,
        "clinics": clinics,
        "totals": {
            key: sum(row[key] for row in clinics)
            for key in ("tickets", "waiting", "called", "in_service", "served", "no_show", "cancelled", "transferred")
        },
    }


COLUMNS = (
    ("tickets", "tickets"),
    ("waiting", "waiting"),
    ("called", "called"),
    ("in service", "in_service"),
    ("served", "served"),
    ("no-show", "no_show"),
    ("cancelled", "cancelled"),
    ("avg wait", "average_wait_min"),
    ("avg service", "average_service_min"),
)


def summary(report: dict[str, Any]) -> list[str]:
    """The report as a person reads it on the terminal."""
    sim = report["simulated"]
    day = dt.date.fromisoformat(report["date"])
    rows = [*report["clinics"], {"name": "all clinics", **report["totals"]}]
    name_width = max(len("clinic"), *(len(row["name"]) for row in rows)) + 2

    def cell(value: object, key: str) -> str:
        if value is None or value == "":
            return "–"
        return f"{value} min" if key.startswith("average") else str(value)

    def line(name: str, cells: list[str]) -> str:
        return f"{name:<{name_width}}" + "".join(
            f"{text:>{len(title) + 3}}" for text, (title, _) in zip(cells, COLUMNS, strict=True)
        )

    simulated = (
        f"Simulated: {day:%A} {day.day} {day:%B %Y}, {sim['hours']}, {sim['rounds']} rounds of "
        f"{sim['minutes_per_round']} min; {sim['examinees']} examinees, {sim['kiosks']} kiosks, "
        f"{sim['staff_consoles']} staff consoles, {sim['hall_displays']} hall display, one server ({sim['server']}); "
        f"the network down for every device {sim['network_down_for_everyone']}, and "
        f"{sim['single_device_outages']} outages of single devices; seed {sim['seed']}."
    )
    table = [line("clinic", [title for title, _ in COLUMNS])]
    table += [line(row["name"], [cell(row.get(key), key) for _, key in COLUMNS]) for row in rows]
    table.append("(tickets = waiting + in service + served + no-show + cancelled; clinics without tickets left out)")
    checks = report["checks"]
    refused = checks["ops_the_server_refused_and_devices_were_told"]
    if report["converged"]:
        verdict = (
            f"All devices converged: each holds the server's state, every outbox is empty, "
            f"{checks['ops_applied_twice']} ops applied twice, {checks['numbers_given_twice']} numbers given twice"
        )
        if refused:
            verdict += (
                f"; the server refused {refused} ops (consoles calling a patient another console had called "
                "while they were cut off) and told their devices"
            )
        verdict += "."
    else:
        verdict = f"DEVICES DISAGREE: {json.dumps(checks)}"
    return [
        f"{report['title']} (MMC-MMS {report['version']}, commit {report['commit']})",
        *textwrap.wrap(simulated, WIDTH),
        "",
        *table,
        *textwrap.wrap(verdict, WIDTH),
    ]


async def networked_day(root: Path, args: argparse.Namespace) -> int:
    keyring.set_keyring(MemoryKeyring())
    day = dt.date.fromisoformat(args.day) if args.day else dt.datetime.now(SITE_ZONE).date()
    clock = SimulatedClock(dt.datetime.combine(day, OPENING, SITE_ZONE) - dt.timedelta(minutes=30))
    started = time.perf_counter()
    with time_source(clock.now):
        db = open_server_db(root=root / "server")
        server = serve_in_thread(create_app(db, rate=5000, burst=5000))
        devices = root / "devices"
        devices.mkdir(parents=True, exist_ok=True)
        site = SimulatedSite(db, server.url, devices, seed=args.seed, cut_chance=0.15, clock=clock)
        dark = blackout_rounds(args.rounds)
        print(f"MMC-MMS networked demo: server at {server.url} (SQLite at {root / 'server'})")
        try:
            await site.enroll_all()
            clock.set(dt.datetime.combine(day, OPENING, SITE_ZONE))
            site.round_start = clock.now()
            print(f"enrolled {len(site.devices)} devices: " + ", ".join(d.name for d in site.devices))

            def progress(number: int, down: bool) -> None:
                waiting = 0
                for device in site.devices:
                    with device.store.db.read() as session:
                        waiting += waiting_count(session)
                mark = "  NETWORK DOWN: every device works on its own store" if down else ""
                print(
                    f"{site.round_start.astimezone(SITE_ZONE):%H:%M}  round {number + 1:>2}/{args.rounds}: "
                    f"examinees {site.next_patient:>4}, changes waiting to sync {waiting:>4}{mark}"
                )

            outcome = await site.run(args.patients, args.rounds, progress, blackout=dark)
        finally:
            await site.close()
            server.stop()
        figures = clinic_stats(db, day=day.isoformat())
        db.dispose()
    report = day_report(args, day, outcome, figures, site.counts)
    print()
    print("\n".join(summary(report)))
    Path(args.report).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Report written to {args.report} ({time.perf_counter() - started:.1f} s).")
    return 0 if outcome.converged else 1
