"""Size of the installed programs and of the .deb, and how fast the frozen kiosk opens.

    python bench/package.py            build with build.spec and package first (~1.5 min)
    python bench/package.py --reuse    measure dist/ as the last `scripts/package.py all` left it

Prints one JSON object as its last line: bundle_mb (the /opt/mmc-mms folder, MiB = 2^20
bytes, as `du -h` counts), bundle_bytes, deb_mb, deb_bytes, and frozen_cold_start_ms: the
median time from starting `mmc-kiosk` (offscreen) until it reports its first window shown,
over --runs starts after one warm-up (the files are in the page cache: a kiosk's second
and later starts; the very first start after boot also reads the disk).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1 << 20


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def kiosk_start_ms(program: Path, data: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MMC_DATA_DIR=str(data), MMC_LOG_DIR=str(data / "logs"))
    started = time.perf_counter()
    process = subprocess.Popen(
        [program, "--windowed", "--exit-after-shown", "--language", "ar"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("shown"):
            elapsed = (time.perf_counter() - started) * 1000
            break
    else:
        raise RuntimeError("the frozen kiosk ended without showing its window")
    process.wait(timeout=60)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", action="store_true", help="measure the existing dist/ instead of building")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    dist = ROOT / "dist"
    if not args.reuse:
        subprocess.run([sys.executable, ROOT / "scripts" / "package.py", "all"], check=True)
    bundle = dist / "mmc-mms"
    (deb,) = (dist / "release").glob("*.deb")
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch)
        kiosk_start_ms(bundle / "mmc-kiosk", data)
        starts = [kiosk_start_ms(bundle / "mmc-kiosk", data) for _ in range(args.runs)]
    size, deb_size = folder_bytes(bundle), deb.stat().st_size
    print(f"bundle {size / MIB:.1f} MiB ({size / 1e6:.1f} MB), .deb {deb_size / MIB:.1f} MiB")
    print("kiosk starts (ms):", ", ".join(f"{s:.0f}" for s in starts))
    print(
        json.dumps(
            {
                "bundle_mb": round(size / MIB, 1),
                "bundle_bytes": size,
                "deb_mb": round(deb_size / MIB, 1),
                "deb_bytes": deb_size,
                "frozen_cold_start_ms": round(statistics.median(starts), 1),
                "frozen_cold_start_max_ms": round(max(starts), 1),
                "runs": args.runs,
            }
        )
    )


if __name__ == "__main__":
    main()
