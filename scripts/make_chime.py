"""Writes resources/sounds/chime.wav: the two-tone chime the hall display plays before
each call (generated, so that its making is on record and free of any licence)."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
NOTES = ((880.0, 0.45), (660.0, 0.75))


def samples() -> list[int]:
    out: list[int] = []
    for frequency, seconds in NOTES:
        count = int(RATE * seconds)
        for i in range(count):
            t = i / RATE
            envelope = min(1.0, t / 0.01) * math.exp(-3.2 * t)
            tone = math.sin(2 * math.pi * frequency * t) + 0.3 * math.sin(4 * math.pi * frequency * t)
            out.append(int(12_000 * envelope * tone))
    return out


def main() -> None:
    target = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "chime.wav"
    with wave.open(str(target), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(struct.pack(f"<{len(samples())}h", *samples()))
    print(target)


if __name__ == "__main__":
    main()
