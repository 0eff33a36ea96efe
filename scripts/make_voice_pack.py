"""Generate the default voice pack with espeak-ng: every clip a call can need, for the
default clinics (core.defaults.CLINICS) and any given, into OUT_DIR with its manifest.json.

    python scripts/make_voice_pack.py resources/voice
    python scripts/make_voice_pack.py OUT_DIR --clinic cardio "القلب" "Cardiology" --clinics-from DATA_DIR
    python scripts/make_voice_pack.py resources/voice --if-stale     (the build: only when out of date)

Needs espeak-ng (Debian: apt-get install espeak-ng). docs/VOICE.md says what a pack is.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.defaults import CLINICS
from core.voice.espeak import EngineMissing, is_current, make_pack


def clinics_of_store(root: Path) -> dict[str, tuple[str, str]]:
    from core.services.catalog import load_catalog
    from core.store import open_store

    store = open_store(root)
    try:
        return {code: (c.name_ar, c.name_en) for code, c in load_catalog(store.db).clinics.items()}
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make_voice_pack", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the pack's folder (made if missing; a pack there is replaced)")
    parser.add_argument(
        "--clinic",
        nargs=3,
        action="append",
        default=[],
        metavar=("CODE", "NAME_AR", "NAME_EN"),
        help="a clinic besides the default ones (repeat for more)",
    )
    parser.add_argument("--clinics-from", type=Path, metavar="DATA_DIR", help="also the clinics of this store")
    parser.add_argument("--if-stale", action="store_true", help="do nothing when OUT holds this very pack already")
    parser.add_argument("--jobs", type=int, help="espeak-ng processes at once (default: one per core, up to 8)")
    args = parser.parse_args(argv)
    clinics = {c.code: (c.name_ar, c.name_en) for c in CLINICS}
    if args.clinics_from:
        clinics |= clinics_of_store(args.clinics_from)
    clinics |= {code: (name_ar, name_en) for code, name_ar, name_en in args.clinic}
    if args.if_stale and is_current(args.out, clinics):
        print(f"{args.out}: the voice pack is up to date")
        return 0
    started = time.monotonic()
    try:
        pack = make_pack(args.out, clinics, jobs=args.jobs)
    except EngineMissing as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    size = sum(path.stat().st_size for path in pack.clips.values())
    print(
        f"{args.out}: {len(pack.clips)} clips, {size / 1e6:.1f} MB, "
        f"{len(clinics)} clinics, in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
