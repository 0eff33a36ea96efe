"""A pack of short tones standing in for speech: every clip a known length and level, so a
rendered call's length and loudness can be worked out exactly."""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable
from pathlib import Path

import pytest

from core.defaults import CLINICS
from core.voice import pcm
from core.voice.pack import VoicePack, clip_file, load_pack
from core.voice.words import clips_to_record

RATE = 22_050
DEFAULT_CLINICS = {c.code: (c.name_ar, c.name_en) for c in CLINICS}


def tone(seconds: float, level: int = 10_000, rate: int = RATE, frequency: float = 440.0) -> array[int]:
    return array(
        "h", (round(level * math.sin(2 * math.pi * frequency * i / rate)) for i in range(round(seconds * rate)))
    )


def write_pack(root: Path, clips: dict[str, tuple[str, str, array[int]]], rate: int = RATE) -> VoicePack:
    """A pack in `root`: id -> (language, text, samples), with its manifest as documented."""
    entries = {}
    for key, (language, text, samples) in clips.items():
        file = clip_file(key)
        pcm.write_wav(root / file, samples, rate)
        entries[key] = {"file": file, "text": text, "language": language}
    manifest = {"version": 1, "rate": rate, "clips": entries}
    (root / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return load_pack(root)


ClipLength = Callable[[str], float]


@pytest.fixture
def tone_pack(tmp_path: Path) -> Callable[..., VoicePack]:
    """make(length=lambda key: 0.1, level=10_000): a complete pack of the default clinics whose
    every clip is a tone of `length(key)` seconds."""

    def make(length: ClipLength = lambda key: 0.1, level: int = 10_000, name: str = "tones") -> VoicePack:
        clips = {
            key: (clip.language, clip.text, tone(length(key), level))
            for key, clip in clips_to_record(DEFAULT_CLINICS).items()
        }
        root = tmp_path / name
        root.mkdir()
        return write_pack(root, clips)

    return make
