"""A voice pack on disk: a folder of WAV clips and the manifest.json that names them.

    {
      "version": 1,
      "rate": 22050,
      "clips": {
        "ar/num/3m": {"file": "ar/num/3m.wav", "text": "ثَلاثَة", "language": "ar"},
        ...
      }
    }

`rate` is the sample rate of every clip (mono, signed 16-bit PCM); `file` is relative to the
folder; `text` is what the clip says (core.voice.words has the full list). Other keys
(`made_with`, `source_digest`...) are kept for whoever made the pack and ignored here.

Where a station finds its pack (`active_pack_root`): a committee's own pack installed in
the machine's data folder (`<data dir>/voice`, `mmc voice install`), else the default pack
shipped with the programs (`default_pack_root`, generated at build time).
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.store import data_dir
from core.voice import pcm
from core.voice.words import OPTIONAL, clinic_clips, clips_to_record
from resources import resource_path

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
DEFAULT_RATE = 22_050
SILENT_DBFS = -40.0
"""A clip whose loudest sample is below this is taken for silence."""
LOUDNESS_SPREAD_DB = 12.0
"""A clip this much quieter or louder (RMS) than the pack's median is reported."""
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


class VoicePackError(Exception):
    """A pack whose manifest cannot be read; the message says which file and why."""


@dataclass(frozen=True)
class VoicePack:
    root: Path
    rate: int
    """Samples per second of every clip (mono, 16-bit PCM)."""
    clips: dict[str, Path]
    """Clip id -> its WAV file."""
    texts: dict[str, str]
    """Clip id -> the words it says (from the manifest)."""


def default_pack_root() -> Path:
    """Where the shipped default pack lives: resources/voice."""
    return resource_path("voice")


def committee_pack_root() -> Path:
    """Where a committee's own pack is installed on a machine: <data dir>/voice."""
    return data_dir() / "voice"


def active_pack_root() -> Path:
    """The pack a station speaks with: the committee's if one is installed, else the default."""
    committee = committee_pack_root()
    return committee if (committee / MANIFEST).is_file() else default_pack_root()


def clip_file(key: str) -> str:
    """The file of a clip in a pack: its id as a path (ar/num/3m.wav); characters other than
    letters, digits, '_' and '-' become '_' with a short hash to keep names apart."""
    safe = re.sub(r"[^A-Za-z0-9_\-/]", "_", key)
    if safe != key or any(part in ("", ".", "..") for part in key.split("/")):
        safe = safe.replace("..", "_") + "-" + hashlib.sha256(key.encode()).hexdigest()[:8]
    return f"{safe}.wav"


def _fail(root: Path, why: str) -> VoicePackError:
    return VoicePackError(f"The voice pack in {root} cannot be used: {why}")


def _clip_entry(root: Path, key: Any, entry: Any) -> tuple[Path, str]:
    if not isinstance(key, str) or not isinstance(entry, dict):
        raise _fail(root, f"its clip {key!r} is not an object with a file and a text")
    file, text = entry.get("file"), entry.get("text", "")
    if not isinstance(file, str) or not file or not isinstance(text, str):
        raise _fail(root, f"its clip {key!r} has no file name (or a text that is not a string)")
    if not (root / file).resolve().is_relative_to(root.resolve()):
        raise _fail(root, f"its clip {key!r} names a file outside the pack's folder: {file}")
    return root / file, text


def load_pack(root: Path) -> VoicePack:
    """The pack in `root`, from its manifest.json. Raises VoicePackError when the manifest
    is missing, not JSON, or not a version-1 manifest; clips whose files are missing or bad
    are not checked here (`check_pack` reports them, rendering skips them)."""
    manifest = root / MANIFEST
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise _fail(root, f"it has no {MANIFEST}") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _fail(root, f"its {MANIFEST} is not readable JSON ({error})") from error
    if not isinstance(data, dict):
        raise _fail(root, f"its {MANIFEST} is not a JSON object")
    if data.get("version") != MANIFEST_VERSION:
        raise _fail(root, f"its {MANIFEST} is version {data.get('version')!r}; this program reads version 1")
    rate = data.get("rate")
    if not isinstance(rate, int) or isinstance(rate, bool) or not 8_000 <= rate <= 96_000:
        raise _fail(root, f"its rate {rate!r} is not a sample rate from 8000 to 96000")
    entries = data.get("clips")
    if not isinstance(entries, dict):
        raise _fail(root, f'its {MANIFEST} has no "clips" object')
    clips: dict[str, Path] = {}
    texts: dict[str, str] = {}
    for key, entry in entries.items():
        clips[key], texts[key] = _clip_entry(root, key, entry)
    return VoicePack(root=root, rate=rate, clips=clips, texts=texts)


def _plain(text: str) -> str:
    """Text compared without its vowel marks, tatweel and spacing."""
    return " ".join(_MARKS.sub("", text).split()).casefold()


def _clip_problems(pack: VoicePack, key: str, levels: dict[str, float]) -> list[str]:
    path = pack.clips[key]
    shown = path.relative_to(pack.root) if path.is_relative_to(pack.root) else path
    if not path.is_file():
        return [f"Clip {key}: its file {shown} is missing."]
    try:
        fmt, samples = pcm.read_samples(path)
    except pcm.ClipError as error:
        return [f"Clip {key}: {shown} is not a PCM WAV file that can be read ({error})."]
    problems = []
    if (fmt.channels, fmt.width, fmt.rate) != (1, 2, pack.rate):
        problems.append(
            f"Clip {key}: {shown} is {fmt.describe()}; clips must be mono, 16-bit, {pack.rate} Hz (the pack's rate)."
        )
    loudest = pcm.dbfs(pcm.peak(samples))
    if loudest < SILENT_DBFS:
        heard = "empty" if not samples else f"silent (its loudest sample is at {loudest:.0f} dBFS)"
        problems.append(f"Clip {key}: {shown} is {heard}.")
    else:
        levels[key] = pcm.dbfs(pcm.rms(samples))
    return problems


def check_pack(pack: VoicePack, clinics: Mapping[str, tuple[str, str]]) -> list[str]:
    """Every problem of `pack` for a site with these clinics (code -> (Arabic name,
    English name)), one sentence each; [] when the pack is complete. It reports: a clip
    the grammar can ask for (numbers 0..999 in both genders, letters, digits, the dash, the
    words of a call, each clinic's name) that the manifest lacks; a file missing,
    unreadable, in another format than mono 16-bit at the pack's rate, or silent; a clinic
    clip that does not say the clinic's present name; a clip far louder or quieter than
    the rest."""
    needed = clips_to_record(clinics)
    problems = [
        f"Clip {key} ({clip.language}: «{clip.text}») is not in the pack."
        for key, clip in needed.items()
        if key not in pack.clips and key not in OPTIONAL
    ]
    levels: dict[str, float] = {}
    for key in [*(k for k in needed if k in pack.clips), *(k for k in pack.clips if k not in needed)]:
        problems += _clip_problems(pack, key, levels)
    for key, clip in clinic_clips(clinics).items():
        said = pack.texts.get(key)
        if key in pack.clips and said is not None and _plain(clip.text) not in _plain(said):
            problems.append(
                f"Clip {key} says «{said}» but the clinic is named «{clip.text}»: record or generate it again."
            )
    if len(levels) >= 3:
        median = statistics.median(levels.values())
        for key, level in levels.items():
            if abs(level - median) > LOUDNESS_SPREAD_DB:
                louder = "louder" if level > median else "quieter"
                problems.append(
                    f"Clip {key} is {abs(level - median):.0f} dB {louder} than the pack's usual level "
                    f"({level:.0f} dBFS RMS against {median:.0f}): record it again at the same level."
                )
    return problems
