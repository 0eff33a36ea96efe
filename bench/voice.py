"""The hall's voice: how big the default voice pack is, and how long one call takes to
compose and render (goal: p95 <= 50 ms), over random calls of every label form.

Usage: python bench/voice.py [--calls 500] [--pack DIR] [--seed 7] [--volume 0.8]
The pack is resources/voice (scripts/make_voice_pack.py makes it), or one made for the run
with espeak-ng when that is missing. cold_first_call_ms: a call rendered before any clip
was read; prepare_ms: reading (and scaling to the volume) the rest of the pack, which a
station does once at start (core.voice.render.prepare); the p50/p95 are the calls after.
Prints one JSON object as its last line.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.defaults import CLINICS
from core.voice.compose import Call, sentence
from core.voice.pack import MANIFEST, check_pack, default_pack_root, load_pack
from core.voice.render import prepare, render_call


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def random_call(rng: random.Random) -> Call:
    """A call as the product issues them: mostly a plain number, some station-prefixed."""
    clinic = rng.choice(CLINICS)
    number = rng.randint(1, 999)
    if rng.random() < 0.2:
        station = rng.choice("KD") + "".join(rng.choice("0123456789ABCDEF") for _ in range(4))
        label = f"{station}-{number}"
    else:
        label = str(number)
    return Call(label=label, clinic=clinic.code, room=clinic.room)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--pack", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--volume", type=float, default=0.8, help="the display's volume (1.0 skips scaling)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mmc-bench-voice-") as scratch:
        root = args.pack or default_pack_root()
        if not (root / MANIFEST).is_file():
            from core.voice.espeak import make_pack

            root = Path(scratch)
            make_pack(root, {c.code: (c.name_ar, c.name_en) for c in CLINICS})
        started = time.perf_counter()
        pack = load_pack(root)
        load_ms = (time.perf_counter() - started) * 1000
        files = [root / MANIFEST, *pack.clips.values()]
        problems = check_pack(pack, {c.code: (c.name_ar, c.name_en) for c in CLINICS})
        rng = random.Random(args.seed)
        calls = [random_call(rng) for _ in range(args.calls)]
        started = time.perf_counter()
        first = render_call(pack, calls[0], volume=args.volume)
        cold_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        prepare(pack, volume=args.volume)
        prepare_ms = (time.perf_counter() - started) * 1000
        timings: list[float] = []
        seconds: list[float] = []
        missing = len(first.missing)
        for call in calls:
            started = time.perf_counter()
            sentence(call, "ar")
            sentence(call, "en")
            rendered = render_call(pack, call, volume=args.volume)
            timings.append((time.perf_counter() - started) * 1000)
            seconds.append(rendered.seconds)
            missing += len(rendered.missing)
    p95 = percentile(timings, 0.95)
    result = {
        "pack": str(root if args.pack or root == default_pack_root() else "made for the run"),
        "pack_bytes": sum(path.stat().st_size for path in files if path.is_file()),
        "clips": len(pack.clips),
        "rate": pack.rate,
        "pack_problems": len(problems),
        "load_ms": round(load_ms, 1),
        "prepare_ms": round(prepare_ms, 1),
        "cold_first_call_ms": round(cold_ms, 1),
        "calls": args.calls,
        "volume": args.volume,
        "render_ms_p50": round(percentile(timings, 0.5), 2),
        "render_ms_p95": round(p95, 2),
        "render_ms_max": round(max(timings), 2),
        "goal_p95_ms": 50,
        "ok": p95 <= 50 and not problems and missing == 0,
        "call_seconds_mean": round(statistics.fmean(seconds), 2),
        "call_seconds_min": round(min(seconds), 2),
        "call_seconds_max": round(max(seconds), 2),
        "missing_clips": missing,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
