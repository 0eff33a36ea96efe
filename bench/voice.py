"""The hall's voice: how big the default voice pack is, how long one call takes to
compose and render (goal: p95 <= 50 ms), over random calls of every label form, and how
long after appearing on the board calls are heard in a busy hall.

Usage: python bench/voice.py [--calls 500] [--pack DIR] [--seed 7] [--volume 0.8]
                             [--busy-rates 3,11] [--busy-minutes 60] [--recalls 0.05]
The pack is resources/voice (scripts/make_voice_pack.py makes it), or one made for the run
with espeak-ng when that is missing. cold_first_call_ms: a call rendered before any clip
was read; prepare_ms: reading (and scaling to the volume) the rest of the pack, which a
station does once at start (core.voice.render.prepare); the p50/p95 are the calls after.

busy_hour: for each rate (calls a minute), calls arriving at random (a Poisson process)
for --busy-minutes, a share of them recalls of a ticket called in the two minutes before,
said one after the other by the rule the hall display follows (core.voice.backlog: begun
within 45 s or left unsaid, English only when no other call waits, a recall replaces its
call still waiting), each sentence as long as the pack renders it (the chime and Arabic,
then English). delay: from appearing on the board to the start of its sound, for the
calls said (the render, a few ms, aside); begun_within_half_a_second: how many of them
started within the issue's 0.5 s; first_language_only: calls that ended after Arabic
because another waited; unsaid: left out, past 45 s; replaced: recalls that took the
place of their call still waiting. fifo_in_full: the same calls said in full, in order,
without the rule (as before it), for comparison.
Prints one JSON object as its last line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.defaults import CLINICS
from core.voice.backlog import CallBacklog
from core.voice.compose import Call, sentence
from core.voice.pack import MANIFEST, VoicePack, check_pack, default_pack_root, load_pack
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


def busy_hour(
    pack: VoicePack, per_minute: float, minutes: float, recall_share: float, rng: random.Random, volume: float
) -> dict[str, object]:
    """Calls at `per_minute` on average for `minutes`, said by the backlog rule (see the
    module's docstring); the delays and what the rule did."""
    arrivals: list[tuple[float, Call]] = []
    now = rng.expovariate(per_minute / 60)
    while now < minutes * 60:
        recent = [call for at, call in arrivals if now - at < 120]
        call = rng.choice(recent) if recent and rng.random() < recall_share else random_call(rng)
        arrivals.append((now, call))
        now += rng.expovariate(per_minute / 60)
    sentences: dict[Call, list[float]] = {}

    def lengths(call: Call) -> list[float]:
        """Each sentence's length as played (the chime with the first; pauses included)."""
        if call not in sentences:
            rendered = render_call(pack, call, volume=volume)
            edges = [0, *rendered.breaks, len(rendered.pcm) // 2]
            sentences[call] = [(b - a) / rendered.rate for a, b in itertools.pairwise(edges)]
        return sentences[call]

    backlog: CallBacklog[Call] = CallBacklog()
    coming = iter(arrivals)
    upcoming = next(coming, None)

    def arrive_until(time: float) -> int:
        """Queue the calls that appeared by `time`; how many were recalls that replaced."""
        nonlocal upcoming
        replaced = 0
        while upcoming is not None and upcoming[0] <= time:
            at, call = upcoming
            replaced += backlog.add(call, (call.clinic, call.label), at) is not None
            upcoming = next(coming, None)
        return replaced

    delays: list[float] = []
    cut = unsaid = replaced = 0
    free_at = 0.0
    while upcoming is not None or len(backlog):
        if not len(backlog) and upcoming is not None:
            free_at = max(free_at, upcoming[0])
        replaced += arrive_until(free_at)
        taken, late = backlog.next_call(free_at)
        unsaid += len(late)
        if taken is None:
            continue
        delays.append(free_at - taken.appeared)
        for n, length in enumerate(lengths(taken.call)):
            replaced += arrive_until(free_at)
            if n and not backlog.goes_on(free_at):
                cut += 1
                break
            free_at += length
    fifo: list[float] = []
    free_at = 0.0
    for at, call in arrivals:
        start = max(at, free_at)
        fifo.append(start - at)
        free_at = start + sum(lengths(call))
    return {
        "per_minute": per_minute,
        "calls": len(arrivals),
        "said": len(delays),
        "first_language_only": cut,
        "unsaid": unsaid,
        "replaced": replaced,
        "begun_within_half_a_second": sum(delay <= 0.5 for delay in delays),
        "delay_s_p50": round(percentile(delays, 0.5), 1),
        "delay_s_p95": round(percentile(delays, 0.95), 1),
        "delay_s_max": round(max(delays), 1),
        "fifo_in_full_delay_s_p50": round(percentile(fifo, 0.5), 1),
        "fifo_in_full_delay_s_p95": round(percentile(fifo, 0.95), 1),
        "fifo_in_full_delay_s_max": round(max(fifo), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--pack", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--volume", type=float, default=0.8, help="the display's volume (1.0 skips scaling)")
    parser.add_argument("--busy-rates", default="3,11", help="calls a minute in the busy hall, comma-separated")
    parser.add_argument("--busy-minutes", type=float, default=60)
    parser.add_argument("--recalls", type=float, default=0.05, help="the share of calls that are recalls")
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
        busy = [
            busy_hour(pack, float(rate), args.busy_minutes, args.recalls, random.Random(args.seed), args.volume)
            for rate in args.busy_rates.split(",")
        ]
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
        "busy_hour": busy,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
