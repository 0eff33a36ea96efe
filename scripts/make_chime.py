"""Writes resources/sounds/chime.wav: the two-tone chime the hall display plays before
each call (generated, so that its making is on record and free of any licence). Short, 0.8 s:
it is heard before every call, and a busy hall hears a call every few seconds."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
NOTES = ((880.0, 0.3), (660.0, 0.5))
DECAY = 5.0
"""Per second: the second note has faded to 8 % when it ends."""
FADE_S = 0.02
"""The last note's end, faded out so that it does not click."""


def samples() -> list[int]:
    out: list[int] = []
    for n, (frequency, seconds) in enumerate(NOTES):
        count = int(RATE * seconds)
        last = n == len(NOTES) - 1
        for i in range(count):
            t = i / RATE
            fade = min(1.0, (seconds - t) / FADE_S) if last else 1.0
            envelope = min(1.0, t / 0.01) * math.exp(-DECAY * t) * fade
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
