"""Check-in latency on a file store with synchronous=FULL, and how it grows with the day.

Checks N patients into one clinic's day (a one-clinic exam type, so every ticket lands in
the same queue) and prints one JSON object as its last line.
Usage: python bench/checkin.py [--checkins 10000] [--dir PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.clock import SITE_ZONE
from core.permissions import SYSTEM, Actor
from core.services.checkin import check_in
from core.services.config import init_site, upsert_exam_type
from core.store import open_store


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkins", type=int, default=10_000)
    parser.add_argument("--dir")
    parser.add_argument(
        "--mode",
        choices=("kiosk", "standalone"),
        default="kiosk",
        help="kiosk: a networked device (ops queued in the outbox, station numbers once out of "
        "leases); standalone: a one-machine site that is its own acceptance point",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mmc-bench-") as scratch:
        store = open_store(Path(args.dir or scratch), kind=args.mode)
        init_site(store.db)
        upsert_exam_type(
            store.db,
            SYSTEM,
            code="lab_only",
            name_ar="مختبر",
            name_en="Lab only",
            routes={"male": ["lab"], "female": ["lab"]},
        )
        kiosk = Actor("K1", "kiosk")
        start = dt.datetime.combine(dt.datetime.now(SITE_ZONE).date(), dt.time(6, 0), SITE_ZONE)
        latencies: list[float] = []
        wall = time.perf_counter()
        for n in range(args.checkins):
            at = start + dt.timedelta(seconds=n)
            t0 = time.perf_counter()
            check_in(store.db, kiosk, id_number=f"{30000000000 + n}", gender="male", exam_type="lab_only", now=at)
            latencies.append((time.perf_counter() - t0) * 1000)
        wall = time.perf_counter() - wall
        block = min(1000, max(1, args.checkins // 10))
        first_p95 = percentile(latencies[:block], 0.95)
        last_p95 = percentile(latencies[-block:], 0.95)
        result = {
            "checkins": args.checkins,
            "synchronous": "FULL",
            "mode": args.mode,
            "p50_ms": round(statistics.median(latencies), 3),
            "p95_ms": round(percentile(latencies, 0.95), 3),
            "p99_ms": round(percentile(latencies, 0.99), 3),
            "per_s": round(args.checkins / wall, 1),
            "first_block_p95_ms": round(first_p95, 3),
            "last_block_p95_ms": round(last_p95, 3),
            "growth": round(last_p95 / first_p95, 3),
        }
        store.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
