"""What the voice tests share: a small voice pack made on the spot (a manifest and short
tones, one per clip), and a sound output that records what it is handed, when, and for
how long it plays, instead of the machine's speakers."""

from __future__ import annotations

import hashlib
import json
import math
import time
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from core.defaults import CLINICS
from core.voice import pcm
from core.voice.clips import render_clips
from core.voice.pack import MANIFEST, VoicePack, clip_file, load_pack
from core.voice.words import clips_to_record, prompt_clip

RATE = 8_000
CLIP_S = 0.04


def tone(seconds: float, frequency: float, rate: int = RATE, level: int = 8_000) -> array[int]:
    count = round(seconds * rate)
    return array("h", (round(level * math.sin(2 * math.pi * frequency * i / rate)) for i in range(count)))


def clip_tone(key: str, seconds: float = CLIP_S, rate: int = RATE) -> array[int]:
    """A tone of its own for each clip id, so two buffers of different clips differ."""
    frequency = 200 + int(hashlib.sha256(key.encode()).hexdigest()[:4], 16) % 1_500
    return tone(seconds, frequency, rate)


def site_clinics() -> dict[str, tuple[str, str]]:
    return {c.code: (c.name_ar, c.name_en) for c in CLINICS}


def make_pack(
    root: Path,
    *,
    clinics: Mapping[str, tuple[str, str]] | None = None,
    without: Iterable[str] = (),
    texts: Mapping[str, str] | None = None,
) -> VoicePack:
    """A complete pack for `clinics` (default: the default clinics) in `root`, but the
    clips `without`; `texts` overrides what the manifest says a clip says."""
    entries = {}
    left_out = set(without)
    for key, clip in clips_to_record(site_clinics() if clinics is None else clinics).items():
        if key in left_out:
            continue
        file = clip_file(key)
        pcm.write_wav(root / file, clip_tone(key), RATE)
        entries[key] = {"file": file, "text": (texts or {}).get(key, clip.text), "language": clip.language}
    root.mkdir(parents=True, exist_ok=True)
    manifest = {"version": 1, "rate": RATE, "clips": entries}
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return load_pack(root)


def prompt_sound(pack: VoicePack, name: str, language: str) -> bytes:
    """What the kiosk plays for its prompt `name` in `language` with `pack`."""
    return render_clips(pack, [prompt_clip(name, language)]).pcm


def peak_of(data: bytes) -> int:
    samples = array("h", data)
    return max((abs(s) for s in samples), default=0)


@dataclass
class Played:
    pcm: bytes
    rate: int
    started: float
    """time.monotonic() when the output was handed the buffer."""
    ended: float | None = None

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / self.rate


class RecordingOutput(QObject):
    """A sound output (sync.runtime.sound.SoundOutput) that plays nothing: it records each
    buffer with the time it was handed over, and says it ended once its length has passed
    (`speed` times faster), or never (`stuck`)."""

    def __init__(self, *, speed: float = 1.0, stuck: bool = False) -> None:
        super().__init__()
        self.played: list[Played] = []
        self.speed = speed
        self.stuck = stuck
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._end)
        self._done: Callable[[], None] | None = None

    def play(self, pcm: bytes, rate: int, done: Callable[[], None]) -> None:
        assert self._done is None, "a buffer was handed over while another was playing"
        self.played.append(Played(pcm, rate, time.monotonic()))
        self._done = done
        if not self.stuck:
            self._timer.start(round(self.played[-1].seconds * 1000 / self.speed))

    def _end(self) -> None:
        done, self._done = self._done, None
        self.played[-1].ended = time.monotonic()
        if done is not None:
            done()

    def end_now(self) -> None:
        """End the buffer playing at once, as if its length had passed (a `stuck` one's too)."""
        self._timer.stop()
        if self._done is not None:
            self._end()

    def stop(self) -> None:
        self._timer.stop()
        if self._done is not None:
            self._done = None
            self.played[-1].ended = time.monotonic()
