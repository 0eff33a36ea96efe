"""New clinics speak: the name clips a station makes for itself where its voice pack does
not say a clinic's present name (a clinic added, or renamed, after the pack was made).

They are said by the engine the default pack is made with, and finished the same way
(core.voice.espeak.speak), into the station's own folder, `<data dir>/voice-clinics`:
a partial pack (a manifest.json naming WAV clips) that `load_pack` reads like any other.
`with_station_clips` lays them over the pack only where the pack's own clip is missing or
says another name, so a committee's recording of the present name always wins over a
generated one, and a clip made for an old name is never used for the new one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import tempfile
from array import array
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from core.store import data_dir
from core.voice import pcm
from core.voice.espeak import speak
from core.voice.pack import MANIFEST, MANIFEST_VERSION, VoicePack, VoicePackError, clip_file, load_pack
from core.voice.words import ClipText, clinic_clips

log = logging.getLogger(__name__)

FOLDER = "voice-clinics"
ClipSpeaker = Callable[[str, str, int], "array[int]"]
"""(text, language, rate) -> the clip's samples, mono 16-bit at `rate`; raises
core.voice.espeak.EngineMissing when the engine cannot be run."""
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def station_clips_root() -> Path:
    """Where a station keeps the clinic names it made: <data dir>/voice-clinics."""
    return data_dir() / FOLDER


def says(said: str, name: str) -> bool:
    """Whether a clip whose text is `said` says the name `name`, vowel marks, tatweel,
    spacing and case aside; a longer form counts («عيادة العيون» says العيون), as the
    pack's checker has it (core.voice.pack.check_pack)."""

    def plain(text: str) -> str:
        return " ".join(_MARKS.sub("", text).split()).casefold()

    return bool(plain(name)) and plain(name) in plain(said)


def stale_names(pack: VoicePack, clinics: Mapping[str, tuple[str, str]]) -> dict[str, ClipText]:
    """The clinic name clips (id -> what it must say) `pack` lacks, whose file is gone, or
    that say another name than the clinic's present one; `clinics` is code -> (Arabic
    name, English name)."""
    return {
        key: clip
        for key, clip in clinic_clips(clinics).items()
        if not (key in pack.clips and pack.clips[key].is_file() and says(pack.texts.get(key, ""), clip.text))
    }


def _station_pack(root: Path) -> VoicePack | None:
    if not (root / MANIFEST).is_file():
        return None
    try:
        return load_pack(root)
    except VoicePackError as error:
        log.warning("the station's clinic names are set aside: %s", error)
        return None


def _current(station: VoicePack | None, key: str, clip: ClipText) -> bool:
    return (
        station is not None
        and key in station.clips
        and station.clips[key].is_file()
        and says(station.texts.get(key, ""), clip.text)
    )


def with_station_clips(pack: VoicePack, clinics: Mapping[str, tuple[str, str]], root: Path) -> VoicePack:
    """`pack` with the clinic names this station made (in `root`) in place of the pack's
    missing or stale ones, where they say the clinic's present name."""
    station = _station_pack(root)
    if station is None:
        return pack
    used = [key for key, clip in stale_names(pack, clinics).items() if _current(station, key, clip)]
    if not used:
        return pack
    return replace(
        pack,
        clips={**pack.clips, **{key: station.clips[key] for key in used}},
        texts={**pack.texts, **{key: station.texts[key] for key in used}},
    )


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as file:
        file.write(data)
    os.replace(file.name, path)


def make_station_clips(
    pack: VoicePack,
    clinics: Mapping[str, tuple[str, str]],
    root: Path,
    speaker: ClipSpeaker = speak,
) -> list[str]:
    """Make in `root` the clinic name clips `pack` lacks or has stale, that `root` does not
    already hold for the present names; the ids made. Clips are at the pack's rate. Raises
    core.voice.espeak.EngineMissing when the engine cannot be run (what was made before
    is kept)."""
    station = _station_pack(root)
    wanted = {key: clip for key, clip in stale_names(pack, clinics).items() if not _current(station, key, clip)}
    made: list[str] = []
    try:
        for key, clip in wanted.items():
            samples = speaker(clip.text, clip.language, pack.rate)
            _write_atomically(root / clip_file(key), pcm.wav_bytes(samples, pack.rate))
            made.append(key)
    finally:
        if made:
            _add_to_manifest(root, {key: wanted[key] for key in made}, pack.rate)
    return made


def _add_to_manifest(root: Path, made: Mapping[str, ClipText], rate: int) -> None:
    """The station's manifest with `made` added (or replaced), written whole at once."""
    entries: dict[str, Any] = {}
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        entries = dict(json.loads((root / MANIFEST).read_text(encoding="utf-8"))["clips"])
    for key, clip in made.items():
        entries[key] = {"file": clip_file(key), "text": clip.text, "language": clip.language}
    manifest = {"version": MANIFEST_VERSION, "rate": rate, "made_with": "core.voice.clinic_names", "clips": entries}
    _write_atomically(root / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
